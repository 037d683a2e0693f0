/**
 * Funciones PAT ante argumentos hostiles (issue 12): resultados enormes, listas anidadas,
 * objetos que no se pueden leer, frecuencias fraccionarias y métodos que parecen fórmulas.
 */
import { ejecutar } from "../../src/functions/ejecutar";
import { MAXIMO_CELDAS_RESULTADO } from "../../src/functions/matrices";
import * as op from "../../src/functions/operaciones";

const crear = (codigo: string, mensaje?: string) => ({ codigo, mensaje });
type ErrorSimple = ReturnType<typeof crear>;
const uno = (o: op.Operacion, ...args: unknown[]): unknown => ejecutar(o, args.map((a) => [[a]]), crear)[0][0];

describe("5. funciones", () => {
  test("un resultado de más celdas que el máximo: un solo #VALUE! que lo explica", () => {
    const columna = Array.from({ length: 2000 }, (_, i) => [i]);
    const fila = [Array.from({ length: Math.ceil(MAXIMO_CELDAS_RESULTADO / 2000) + 1 }, () => 1)];
    const r = ejecutar(op.PORCENTAJE, [columna, fila], crear);
    expect(r).toHaveLength(1);
    expect(r[0]).toHaveLength(1);
    const e = r[0][0] as ErrorSimple;
    expect(e.codigo).toBe("#VALUE!");
    expect(e.mensaje).toMatch(/^El resultado tendría 2000 × 526 celdas y el máximo es 1,048,576\./);
    // Justo en el máximo sí se calcula.
    const justa = ejecutar(op.PORCENTAJE, [Array.from({ length: 1024 }, () => [1]), [Array.from({ length: 1024 }, () => 2)]], crear);
    expect(justa.length * justa[0].length).toBe(MAXIMO_CELDAS_RESULTADO);
    expect(justa[1023][1023]).toBe(50);
  });

  test("una lista dentro de una celda ([[[1, 2]]]) no se lee como 1.2", () => {
    const e = ejecutar(op.PORCENTAJE, [[[[1, 2]]], [[4]]], crear)[0][0] as ErrorSimple;
    expect(e.codigo).toBe("#VALUE!");
    expect(e.mensaje).toMatch(/no es una celda/);
  });

  test("un objeto cuyo toString lanza: el #VALUE! de siempre, no «Error interno»", () => {
    const hostil = { toString: () => { throw new Error("¡pum!"); } };
    for (const o of [op.PORCENTAJE, op.NUMERO, op.METODO, op.VALIDAR_METODO, op.PERIODOS]) {
      const e = uno(o, hostil, 4, 5) as ErrorSimple;
      expect(e.codigo).toBe("#VALUE!");
      expect(e.mensaje).not.toMatch(/interno/);
    }
    // Un tipo de datos de Excel con valor básico se lee por él.
    expect(uno(op.NUMERO, { type: "Double", basicValue: 7 })).toBe(7);
  });

  test("PERIODOS: la frecuencia es un nombre del catálogo o un número entero de meses", () => {
    expect(uno(op.PERIODOS, 1, 12, 3)).toBe(4);
    expect(uno(op.PERIODOS, 1, 12, "Bimestral")).toBe(6);
    for (const f of [0.0001, 2.5, 0, -3]) {
      const e = uno(op.PERIODOS, 1, 12, f) as ErrorSimple;
      expect(e.codigo).toBe("#VALUE!");
      expect(e.mensaje).toMatch(/no es un número entero de meses/);
    }
  });

  test("METODO y VALIDAR_METODO rechazan un método que es una fórmula o llama a otro programa", () => {
    const dde = "=cmd|' /C calc'!A0";
    const v = uno(op.VALIDAR_METODO, dde);
    expect(v).not.toBe("OK");
    expect(String(v)).toMatch(/no se evalúa: empieza con «=»/);
    const e = ejecutar(op.METODO, [[[dde]], [[1]]], crear)[0][0] as ErrorSimple;
    expect(e.codigo).toBe("#VALUE!");
    expect(e.mensaje).toMatch(/no se evalúa/);
    expect(String(uno(op.VALIDAR_METODO, "A | B"))).toMatch(/tiene «\|» en la posición 3/);
  });
});
