/**
 * La fila analizada usa la fila de la hoja misma como `valores` cuando nada cambia (issue 7:
 * sin copia por actividad) y una copia cuando algo es heredado o un texto en blanco; lo que
 * se lee y lo que se calcula es lo mismo en los dos casos.
 */
import { analizarHoja, type HojaDatos, type ValorCelda } from "../../../src/core";
import { cantidadDe, leerCantidad } from "../../../src/core/valores";
import { ENCABEZADO_ORGANO } from "../../fixtures/hojas/pat-organo";
import { hoja } from "../../fixtures/hojas/util";

type Fila = ValorCelda[];
// pat-organo, A:Q en el orden del formato; P (%) y Q (ESTATUS) vacías: lo que el llenado escribe.
const ORG: Fila = ["1", "Política", "Programa", "Objetivo", "1.1 Actividad", 1, 12, "Informe de avance", "Documento realizado / Documento presentado X 100", "Mensual", "Documento", 12, null, null, 6];
const organo = (filas: Fila[]): HojaDatos => hoja("o", [ENCABEZADO_ORGANO, ...filas]);

describe("valores de la fila analizada", () => {
  test("sin herencia ni blancos, es la fila de la hoja (más corta que el formato: lo que falta se lee vacío)", () => {
    // Como la deja el lector del .xlsx: la fila termina en su última celda con algo (O).
    const h: HojaDatos = { nombre: "o", valores: [ENCABEZADO_ORGANO, ORG] };
    const a = analizarHoja(h, { corte: 6 });
    const [fila] = a.filas;
    expect(fila.valores).toBe(h.valores[fila.fila - 1]);
    expect(fila.valores).toHaveLength(15);
    expect(fila.valores[16] ?? null).toBeNull();
    expect(a.actividades[0]).toMatchObject({ numero: "1", meta: 12, alcanzado: 6, estatus: null });
    expect(fila.calculos.porcentaje?.valor).toBe(50);
    expect(fila.calculadas).toHaveLength(2);
  });

  test("con una columna heredada o un texto en blanco, una copia con el valor efectivo", () => {
    const segunda = [...ORG];
    segunda[0] = null; // NÚMERO heredado de la fila de arriba
    segunda[4] = "1.2 Otra";
    const blanco = [...ORG];
    blanco[12] = "   "; // PRESUPUESTO en blanco: vale null
    const h = organo([ORG, segunda, blanco]);
    const a = analizarHoja(h, { corte: 6 });
    const [, heredada, enBlanco] = a.filas;
    expect(heredada.valores).not.toBe(h.valores[heredada.fila - 1]);
    expect(heredada.valores[0]).toBe("1");
    expect(heredada.heredadas[0]).toBe(true);
    expect(a.actividades[1].heredadas).toEqual(["numero"]);
    expect(enBlanco.valores).not.toBe(h.valores[enBlanco.fila - 1]);
    expect(enBlanco.valores[12]).toBeNull();
    expect(enBlanco.valores).toHaveLength(ENCABEZADO_ORGANO.length);
    // Lo calculado no depende de si los valores son copia o la fila misma.
    expect(a.filas.map((f) => f.calculos.porcentaje?.valor)).toEqual([50, 50, 50]);
  });
});

describe("cantidadDe: leerCantidad sin Resultado", () => {
  test.each<[ValorCelda, string | null]>([
    [null, null], ["  ", null], [6, null], [0.25, "0%"], ["25%", null], ["1,234.50", null], ["-$ 3", null], ["83,33", null],
    ["seis", null], [Number.POSITIVE_INFINITY, null], [true, null],
  ])("%p (formato %p) da lo mismo que leerCantidad", (v, formato) => {
    const r = leerCantidad(v, formato);
    expect(cantidadDe(v, formato)).toEqual(r.ok ? r.valor : undefined);
  });
});
