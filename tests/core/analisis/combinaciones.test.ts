/**
 * Issue 8.6, «una combinación significa lo mismo en todas partes»: el valor del ancla vale en
 * cada celda que la combinación cubre (todas sus filas y columnas), para validar, llenar y el
 * resumen por igual; recortada a la tabla (columnas del formato, filas de datos).
 */
import { actividadesDe, analizarHoja, direccionDelCambio, planificarLlenado, textoOmision, type HojaDatos, type RangoCeldas, type ValorCelda } from "../../../src/core";
import { ENCABEZADO_ORGANO } from "../../fixtures/hojas/pat-organo";
import { hoja } from "../../fixtures/hojas/util";

type Fila = ValorCelda[];
// pat-organo: A NÚMERO … E ACTIVIDAD, F/G meses, H INDICADOR, I MÉTODO, J FRECUENCIA, K UNIDAD, L META, N OBSERVACIONES, O CUMPLIDAS, P %, Q ESTATUS.
const ORG: Fila = ["1", "Política", "Programa", "Objetivo", "1.1 Actividad", 1, 6, "Informe de avance", "Documento realizado / Documento presentado X 100", "Mensual", "Documento", 6, null, null, 5, null, null];
const org = (cambios: Record<number, ValorCelda> = {}): Fila => {
  const f: Fila = [...ORG];
  for (const [k, v] of Object.entries(cambios)) f[Number(k)] = v;
  return f;
};
const rango = (filaInicio: number, columnaInicio: number, filaFin: number, columnaFin: number): RangoCeldas => ({ filaInicio, columnaInicio, filaFin, columnaFin });

/** Lo que dicen validar (hallazgos), llenar (cambios y omitidas) y el resumen (estatus por fila). */
function responder(h: HojaDatos) {
  const analisis = analizarHoja(h);
  const plan = planificarLlenado(h, analisis);
  return {
    analisis,
    plan,
    hallazgos: analisis.hallazgos.map((x) => `${x.celda} ${x.codigo}`),
    cambios: Object.fromEntries(plan.cambios.map((c) => [direccionDelCambio(c), c.despues])),
    resumen: Object.fromEntries(actividadesDe(analisis).map((a) => [a.fila, a.estatus])),
  };
}

describe("combinación horizontal: MES INICIAL y MES FINAL en una celda «6» sobre F:G", () => {
  const h = hoja("o", [ENCABEZADO_ORGANO, org({ 5: 6, 6: null })], { combinaciones: [rango(1, 5, 1, 6)] });
  const r = responder(h);
  test("MES FINAL lee 6 (heredado del ancla F2) y no hay hallazgo en G2", () => {
    const a = r.analisis.actividades[0];
    expect([a.mesInicial, a.mesFinal]).toEqual([6, 6]);
    expect(a.heredadas).toEqual(["mesFinal"]);
    // Un solo mes (junio) para una meta de 6 informes mensuales: el aviso de la meta, no un MES FINAL vacío.
    expect(r.hallazgos).toEqual(["L2 meta-periodos"]);
  });
  test("llenar y el resumen dan la misma respuesta", () => {
    expect(r.cambios).toEqual({ P2: 83.33, Q2: "EN PROCESO" });
    expect(r.plan.filasOmitidas).toEqual([]);
    expect(r.resumen).toEqual({ 2: "EN PROCESO" });
  });
  test("un valor ilegible en el ancla se dice una vez, en el ancla", () => {
    const mala = responder(hoja("o", [ENCABEZADO_ORGANO, org({ 5: "Trece", 6: null })], { combinaciones: [rango(1, 5, 1, 6)] }));
    expect(mala.hallazgos.filter((x) => x.includes("mes-invalido"))).toEqual(["F2 mes-invalido"]);
    expect(mala.plan.filasOmitidas).toEqual([2]);
    expect(mala.resumen).toEqual({ 2: "SIN DATOS" });
  });
});

describe("combinación en bloque: F2:G3 «6» (meses de dos actividades)", () => {
  const h = hoja("o", [ENCABEZADO_ORGANO, org({ 5: 6, 6: null }), org({ 0: "2", 4: "2.1 Otra", 5: null, 6: null, 14: 6 })], {
    combinaciones: [rango(1, 5, 2, 6)],
  });
  const r = responder(h);
  test("las cuatro celdas leen 6; solo el ancla es propia", () => {
    expect(r.analisis.actividades.map((a) => [a.mesInicial, a.mesFinal])).toEqual([[6, 6], [6, 6]]);
    expect(r.analisis.actividades.map((a) => a.heredadas)).toEqual([["mesFinal"], ["mesInicial", "mesFinal"]]);
    expect(r.analisis.filas.map((f) => f.heredadas[5] === true)).toEqual([false, true]);
    expect(r.hallazgos).toEqual(["L2 meta-periodos", "L3 meta-periodos"]);
  });
  test("validar, llenar y el resumen: la misma respuesta", () => {
    expect(r.cambios).toEqual({ P2: 83.33, Q2: "EN PROCESO", P3: 100, Q3: "CUMPLIDA" });
    expect(r.resumen).toEqual({ 2: "EN PROCESO", 3: "CUMPLIDA" });
  });
});

describe("combinación que cubre una columna calculada: O2:P2 (CUMPLIDAS sobre PORCENTAJE)", () => {
  const h = hoja("o", [ENCABEZADO_ORGANO, org()], { combinaciones: [rango(1, 14, 1, 15)] });
  const r = responder(h);
  test("PORCENTAJE no toma el 5 de CUMPLIDAS (lo calculado no es dato) y no se escribe dentro de la combinación", () => {
    expect(r.analisis.filas[0].calculadas.find((c) => c.columna.rol === "porcentaje")).toMatchObject({ valor: null, combinacion: rango(1, 14, 1, 15) });
    expect(r.hallazgos).toEqual([]);
    expect(r.cambios).toEqual({ Q2: "EN PROCESO" });
    expect(r.plan.motivos[0] && textoOmision(r.plan.motivos[0], "es")).toMatch(/PORCENTAJE CUMPLIDO \(%\) \(P2\) está dentro de la combinación O2:P2/);
    expect(r.resumen).toEqual({ 2: "EN PROCESO" });
  });
  test("un ancla en una columna calculada no da su valor a la columna de al lado", () => {
    // P2:Q2: lo escrito en PORCENTAJE no se vuelve el ESTATUS; P:Q son calculadas de todos modos,
    // así que se prueba con una combinación de PORCENTAJE sobre sí misma en dos filas.
    const dos = hoja("o", [ENCABEZADO_ORGANO, org({ 15: 83.33 }), org({ 0: "2", 4: "2.1 Otra", 14: 6 })], { combinaciones: [rango(1, 15, 2, 15)] });
    const rr = responder(dos);
    expect(rr.analisis.filas[1].calculadas.find((c) => c.columna.rol === "porcentaje")?.valor).toBeNull();
    expect(rr.analisis.filas[1].heredadas[15]).toBeFalsy();
  });
});

describe("combinaciones más anchas que la tabla, títulos y secciones", () => {
  const titulo: Fila = ["PROGRAMA ANUAL DE TRABAJO 2024"];
  const h = hoja("o", [titulo, ENCABEZADO_ORGANO, ["1"], org({ 0: null, 12: null, 13: null })], {
    combinaciones: [
      rango(0, 0, 0, 40), // título a lo ancho sobre el encabezado (más allá de Q)
      rango(2, 0, 2, 40), // sección «1» combinada a lo ancho, más allá de la tabla
    ],
  });
  const r = responder(h);
  test("el título no es dato y la sección sigue siendo sección (abre el objetivo 1)", () => {
    expect(r.analisis.actividades).toHaveLength(1);
    expect(r.analisis.actividades[0]).toMatchObject({ fila: 4, numero: "1", observaciones: null, presupuesto: null });
    expect(r.hallazgos).toEqual([]);
    expect(r.resumen).toEqual({ 4: "EN PROCESO" });
  });
  test("una fila cubierta entera por la combinación de arriba queda vacía (no repite la actividad)", () => {
    const bloque = hoja("o", [ENCABEZADO_ORGANO, org(), []], { combinaciones: [rango(1, 0, 2, 13)] });
    const rb = responder(bloque);
    expect(rb.analisis.actividades.map((a) => a.fila)).toEqual([2]);
    expect(Object.keys(rb.cambios)).toEqual(["P2", "Q2"]);
  });
});

describe("una combinación sobre toda la cuadrícula (A2:XFD1048576)", () => {
  test("cuesta lo que la tabla, no lo que el área de la combinación, y vale en cada celda vacía de la tabla", () => {
    const filas: Fila[] = [ENCABEZADO_ORGANO, org({ 13: "Nota del ancla" })];
    for (let i = 0; i < 200; i++) filas.push(org({ 0: String(i + 2), 4: `${i + 2}.1 Actividad`, 14: 6 }));
    const h = hoja("o", filas, { combinaciones: [rango(1, 13, 1_048_575, 16_383)] });
    const antes = process.memoryUsage().heapUsed;
    const t0 = Date.now();
    const r = responder(h);
    const ms = Date.now() - t0;
    const mb = (process.memoryUsage().heapUsed - antes) / 1e6;
    expect(r.analisis.actividades).toHaveLength(201);
    // N (OBSERVACIONES) vacía en las demás filas: toma el texto del ancla N2; O (propia) no cambia.
    expect(r.analisis.actividades[200]).toMatchObject({ observaciones: "Nota del ancla", alcanzado: 6 });
    expect(r.analisis.actividades[200].heredadas).toEqual(["observaciones"]);
    // P y Q (calculadas) quedan dentro de la combinación: el plan no las escribe y lo dice.
    expect(r.plan.cambios.filter((c) => c.posicion.fila > 2)).toEqual([]);
    expect(r.resumen[202]).toBe("CUMPLIDA");
    // Una celda por celda cubierta serían 17 000 millones: esto es segundos y megabytes.
    expect(ms).toBeLessThan(5_000);
    expect(mb).toBeLessThan(100);
  });
});
