/**
 * Avance al corte (spec §3, «meta programada al corte» y «Semáforo») y la regla
 * `desviacion-sin-justificar` (spec §4). Las cifras esperadas salen de las fórmulas de la
 * spec hechas a mano en cada caso.
 */
import { analizarHoja, type HojaDatos, type ValorCelda } from "../../src/core";
import { ENCABEZADO_ORGANO } from "../fixtures/hojas/pat-organo";
import { ENCABEZADO_TRANSVERSAL } from "../fixtures/hojas/pat-transversal";
import { hoja } from "../fixtures/hojas/util";
import { mostrarHallazgo } from "../../src/core/validacion/mostrar-hallazgo";

type Fila = ValorCelda[];
// pat-organo: … F/G meses, L META (11), N OBS (13), O CUMPLIDAS (14), P % (15), Q ESTATUS (16).
const ORG: Fila = ["1", "Política", "Programa", "Objetivo", "1.1 Actividad", 1, 12, "Informe de avance", "Documento realizado / Documento presentado X 100", "Mensual", "Documento", 12, null, null, 6, 50, "EN PROCESO"];
// pat-transversal: … N META (13), Q OBS (16), R/S valores (17/18), T ALCANZADA (19), U POR ALCANZAR (20), W % (22), X ESTATUS (23).
const TRA: Fila = ["1", "Prog", "Pol", "Obj", "Línea", 1, 12, "Eficacia", "Porcentaje de solicitudes atendidas", "(Solicitudes atendidas / Solicitudes recibidas) x 100", "Trimestral", "Porcentaje", "Sin referencia", "100%", "Incremento", null, null, 90, 100, 90, 10, "Informe", 90, "EN PROCESO"];
const con = (base: Fila, cambios: Record<number, ValorCelda>): Fila => { const f = [...base]; for (const [k, v] of Object.entries(cambios)) f[Number(k)] = v; return f; };
const organo = (filas: Fila[]): HojaDatos => hoja("o", [ENCABEZADO_ORGANO, ...filas]);
const transversal = (filas: Fila[]): HojaDatos => hoja("t", [ENCABEZADO_TRANSVERSAL, ...filas]);

describe("lo esperado al corte depende de qué cuenta la meta", () => {
  test("pat-organo (cuenta unidades): se prorratea; 6 de 12 en junio es VERDE", () => {
    const [a] = analizarHoja(organo([ORG]), { corte: 6 }).avances;
    // 12 × (6 − 1 + 1) / (12 − 1 + 1) = 6; r = 6 / 6 × 100 = 100 → VERDE.
    expect(a).toMatchObject({ esperado: 6, semaforo: "VERDE", estatus: "EN PROCESO", cumplimiento: 50 });
  });

  test("pat-transversal (la meta es el valor del indicador): lo esperado es la meta; 90 % en junio es AMARILLO, no ROJO", () => {
    const [a] = analizarHoja(transversal([TRA]), { corte: 6 }).avances;
    // r = 90 / 100 × 100 = 90 → AMARILLO (85 ≤ r < 95). Prorrateada (50) daría 180 → ROJO.
    expect(a).toMatchObject({ esperado: 100, semaforo: "AMARILLO", cumplimiento: 90 });
  });

  test("antes del mes inicial no se espera nada: SIN DATO", () => {
    const [a] = analizarHoja(organo([con(ORG, { 5: 8, 14: 0, 15: 0, 16: "PENDIENTE" })]), { corte: 6 }).avances;
    expect(a).toMatchObject({ esperado: 0, semaforo: "SIN DATO", estatus: "PENDIENTE" });
  });

  test("un estatus manual queda fuera del semáforo y del avance", () => {
    const [a] = analizarHoja(organo([con(ORG, { 16: "CANCELADA" })]), { corte: 6 }).avances;
    expect(a).toMatchObject({ estatus: "CANCELADA", manual: true, semaforo: "SIN DATO", cumplimiento: null });
  });

  test("formatos propios: sin «metaProrrateada», se prorratea salvo que la meta sea el valor del indicador", () => {
    const { cargarFormato } = jest.requireActual("../../src/core/formatos") as typeof import("../../src/core/formatos");
    const base = { id: "x", nombre: { es: "X", en: "X" }, descripcion: { es: "X", en: "X" }, columnas: [{ clave: "a", encabezado: "A", rol: "actividad", tipo: "texto", requerida: true }] };
    const f1 = cargarFormato(base);
    const f2 = cargarFormato({ ...base, metaEsValorIndicador: true });
    const f3 = cargarFormato({ ...base, metaEsValorIndicador: true, metaProrrateada: true });
    expect([f1, f2, f3].map((f) => f.ok && f.valor.metaProrrateada)).toEqual([true, false, true]);
  });
});

describe("desviacion-sin-justificar", () => {
  const codigos = (h: HojaDatos, corte: number | null) => analizarHoja(h, { corte }).hallazgos.map((x) => `${x.celda} ${x.codigo}`);

  test("ROJO sin OBSERVACIONES: aviso en la celda de OBSERVACIONES con lo que lleva y lo esperado", () => {
    // 1–6, meta 6, 1 cumplida al corte 6: esperado 6, r = 16.7 → ROJO.
    const fila = con(ORG, { 6: 6, 11: 6, 14: 1, 15: 16.67 });
    const hs = analizarHoja(organo([fila]), { corte: 6 }).hallazgos;
    expect(hs.map((x) => [x.celda, x.codigo, x.severidad])).toEqual([["N2", "desviacion-sin-justificar", "warning"]]);
    expect(mostrarHallazgo(hs[0], "es")).toBe("Explique en OBSERVACIONES por qué la actividad va en ROJO (lleva 1 de 6 esperados).");
  });

  test("con OBSERVACIONES, sin corte, o en ruta: nada", () => {
    const fila = con(ORG, { 6: 6, 11: 6, 14: 1, 15: 16.67 });
    expect(codigos(organo([con(fila, { 13: "Se reprogramó por falta de insumos." })]), 6)).toEqual([]);
    expect(codigos(organo([fila]), null)).toEqual([]);
    expect(codigos(organo([ORG]), 6)).toEqual([]);
  });

  test("AMARILLO y NO CUMPLIDA también piden explicación", () => {
    // pat-transversal 90 de 100 → AMARILLO; OBSERVACIONES en Q.
    expect(codigos(transversal([TRA]), 6)).toEqual(["Q2 desviacion-sin-justificar"]);
    // 1–3, meta 3, 3 cumplidas sería CUMPLIDA; con 2 y corte 6 → NO CUMPLIDA (y ROJO).
    const hs = analizarHoja(organo([con(ORG, { 6: 3, 11: 3, 14: 2, 15: 66.67, 16: "NO CUMPLIDA" })]), { corte: 6 }).hallazgos;
    expect(hs.map((x) => x.codigo)).toEqual(["desviacion-sin-justificar"]);
  });
});
