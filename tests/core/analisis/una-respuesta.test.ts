/**
 * Issue 8, «una análisis, una respuesta»: los seis casos que un usuario nuevo encontró con
 * respuestas distintas de validar, llenar y el resumen. Cada prueba afirma la única
 * respuesta que ahora comparten.
 */
import { actividadesDe, analizarHoja, direccionDelCambio, planificarLlenado, textoOmision, type AnalisisHoja, type CambioCelda, type Formato, type HojaDatos, type ValorCelda } from "../../../src/core";
import { cargarFormato } from "../../../src/core/formatos";
import patOrgano from "../../../src/core/formatos/pat-organo.json";
import { ENCABEZADO_ORGANO } from "../../fixtures/hojas/pat-organo";
import { ENCABEZADO_TRANSVERSAL } from "../../fixtures/hojas/pat-transversal";
import { hoja } from "../../fixtures/hojas/util";

type Fila = ValorCelda[];
// pat-organo: A NÚMERO … E ACTIVIDAD, F/G meses, H INDICADOR, I MÉTODO, J FRECUENCIA, K UNIDAD, L META, O CUMPLIDAS, P %, Q ESTATUS.
const ORG: Fila = ["1", "Política", "Programa", "Objetivo", "1.1 Actividad", 1, 6, "Informe de avance", "Documento realizado / Documento presentado X 100", "Mensual", "Documento", 6, null, null, 5, null, null];
const org = (cambios: Record<number, ValorCelda> = {}): Fila => { const f: Fila = [...ORG]; for (const [k, v] of Object.entries(cambios)) f[Number(k)] = v; return f; };
// pat-transversal: R/S VALOR 1/2, T META ALCANZADA, U POR ALCANZAR, W %, X ESTATUS.
const TRA: Fila = ["1", "Prog", "Pol", "Obj", "Línea", 1, 12, "Eficacia", "Porcentaje de solicitudes atendidas", "(Solicitudes atendidas / Solicitudes recibidas) x 100", "Trimestral", "Porcentaje", "Sin referencia", "100%", "Incremento", null, null, 8, 10, null, null, "Informe", null, null];
const tra = (cambios: Record<number, ValorCelda> = {}): Fila => { const f: Fila = [...TRA]; for (const [k, v] of Object.entries(cambios)) f[Number(k)] = v; return f; };

interface Respuesta {
  readonly analisis: AnalisisHoja;
  readonly cambios: Record<string, CambioCelda>;
  readonly omitidas: ReadonlyArray<number>;
  readonly plan: ReturnType<typeof planificarLlenado>;
  /** Estatus de cada actividad en el resumen del panel y de `pat consolidar`, por fila. */
  readonly resumen: Record<number, string>;
  readonly hallazgos: string[];
}

function responder(h: HojaDatos, corte: number | null = null, formatos?: ReadonlyArray<Formato>): Respuesta {
  const analisis = analizarHoja(h, { corte, ...(formatos ? { formatos } : {}) });
  const plan = planificarLlenado(h, analisis, { corte });
  const resumen: Record<number, string> = {};
  for (const a of actividadesDe(analisis)) resumen[a.fila] = a.estatus;
  return {
    analisis, plan, omitidas: plan.filasOmitidas, resumen,
    cambios: Object.fromEntries(plan.cambios.map((c) => [direccionDelCambio(c), c])),
    hallazgos: analisis.hallazgos.map((x) => `${x.celda} ${x.codigo}`),
  };
}

describe("1. FRECUENCIA combinada sobre dos actividades", () => {
  // J2:J3 combinada: «Mensual» vale para las dos filas, en validar, llenar y el resumen.
  const h = hoja("o", [ENCABEZADO_ORGANO, org({ 9: "Mensual" }), org({ 0: "2", 4: "2.1 Otra", 9: null, 14: 6 })], {
    combinaciones: [{ filaInicio: 1, columnaInicio: 9, filaFin: 2, columnaFin: 9 }],
  });
  const r = responder(h);
  test("ninguna fila tiene la frecuencia vacía", () => {
    expect(r.hallazgos.filter((x) => x.startsWith("J"))).toEqual([]);
    expect(r.analisis.actividades.map((a) => a.frecuencia)).toEqual(["Mensual", "Mensual"]);
  });
  test("las dos filas se llenan y el resumen dice lo mismo que el llenado", () => {
    expect(r.cambios.Q2.despues).toBe("EN PROCESO");
    expect(r.cambios.Q3.despues).toBe("CUMPLIDA");
    expect(r.resumen).toEqual({ 2: "EN PROCESO", 3: "CUMPLIDA" });
  });
});

describe("1b. ESTATUS combinado sobre dos actividades", () => {
  // Q2:Q3 combinada: Excel guarda solo Q2; el plan no escribe en Q3 y dice por qué.
  const h = hoja("o", [ENCABEZADO_ORGANO, org(), org({ 0: "2", 4: "2.1 Otra", 14: 6 })], {
    combinaciones: [{ filaInicio: 1, columnaInicio: 16, filaFin: 2, columnaFin: 16 }],
  });
  const r = responder(h);
  test("se llena la celda ancla y no la cubierta", () => {
    expect(r.cambios.Q2.despues).toBe("EN PROCESO");
    expect(r.cambios.Q3).toBeUndefined();
    expect(r.cambios.P3.despues).toBe(100);
    expect(r.plan.motivos).toMatchObject([{ fila: 3, conErrores: false, motivo: { tipo: "combinadas" } }]);
    expect(textoOmision(r.plan.motivos[0], "es")).toMatch(/ESTATUS \(Q3\) está dentro de la combinación Q2:Q3/);
    expect(textoOmision(r.plan.motivos[0], "en")).toMatch(/ESTATUS \(Q3\) is inside the merged range Q2:Q3/);
  });
});

describe("2. PORCENTAJE 83.34 para 5 de 6", () => {
  const h = hoja("o", [ENCABEZADO_ORGANO, org({ 15: 83.34, 16: "EN PROCESO" })]);
  const r = responder(h);
  test("validar lo señala y llenar lo corrige a 83.33: la misma decisión", () => {
    expect(r.hallazgos).toEqual(["P2 calculo-discrepante"]);
    expect(r.cambios.P2.despues).toBe(83.33);
  });
  test("83.33 (o 83.333, o la fracción 0.8333 en una celda con %) no da hallazgo ni cambio", () => {
    for (const [v, fmt] of [[83.33, null], [83.333, null], [0.8333, "0.00%"]] as const) {
      const hh = hoja("o", [ENCABEZADO_ORGANO, org({ 15: v, 16: "EN PROCESO" })], fmt ? { formatosNumero: { P2: fmt } } : {});
      const rr = responder(hh);
      expect(rr.hallazgos).toEqual([]);
      expect(rr.cambios.P2).toBeUndefined();
    }
  });
});

describe("3. formato propio sin la regla «meses» y un mes 13", () => {
  const json = { ...patOrgano, id: "organo-sin-meses", reglas: ["requeridas", "calculados", "estatus"] };
  const propio = cargarFormato(json);
  if (!propio.ok) throw new Error(JSON.stringify(propio.error));
  const h = hoja("o", [ENCABEZADO_ORGANO, org({ 6: 13 })]);
  const r = responder(h, null, [propio.valor]);
  test("la lectura del mes no depende de la regla: MES FINAL ilegible", () => {
    expect(r.analisis.deteccion?.formato.id).toBe("organo-sin-meses");
    expect(r.analisis.actividades[0].mesFinal).toBeNull();
  });
  test("la fila omitida dice por qué, y el resumen no inventa un estatus", () => {
    expect(r.cambios.Q2).toBeUndefined();
    expect(r.omitidas).toEqual([2]);
    const motivo = r.plan.motivos.find((m) => m.fila === 2);
    expect(motivo?.conErrores).toBe(false);
    expect(motivo && textoOmision(motivo, "es")).toMatch(/MES FINAL.*13/);
    expect(motivo && textoOmision(motivo, "en")).toMatch(/MES FINAL.*13/);
    expect(r.resumen[2]).toBe("SIN DATOS");
  });
});

describe("4. pat-transversal con VALOR 1 = 8 y VALOR 2 = 10", () => {
  const h = hoja("t", [ENCABEZADO_TRANSVERSAL, tra()]);
  const r = responder(h);
  test("llenar escribe 80 en META ALCANZADA y EN PROCESO; el resumen cuenta EN PROCESO", () => {
    expect(r.cambios.T2.despues).toBe(80);
    expect(r.cambios.X2.despues).toBe("EN PROCESO");
    expect(r.resumen[2]).toBe("EN PROCESO");
  });
});

describe("5. filas con error, fila de TOTAL y bloque de firmas", () => {
  const h = hoja("o", [
    ENCABEZADO_ORGANO,
    org({ 9: "Cada rato", 14: 6, 16: "CUMPLIDA" }),
    org({ 0: "2", 4: "2.1 Bien" }),
    [null, null, null, "TOTAL", null, null, null, null, null, null, null, 12, null, null, 11, null, null],
    [],
    [null, null, null, "ELABORÓ", null, null, null, "REVISÓ", null, null, null, "AUTORIZÓ"],
    [null, null, null, "Lic. Ana Pérez", null, null, null, "Mtro. Luis Gómez", null, null, null, "Dra. Eva Ruiz"],
    [null, null, null, "Jefa de Departamento", null, null, null, "Director", null, null, null, "Titular"],
  ]);
  const r = responder(h);
  test("la fila con frecuencia inválida tiene su error y no se llena (su CUMPLIDA queda)", () => {
    expect(r.hallazgos).toContain("J2 frecuencia-invalida");
    expect(Object.keys(r.cambios).filter((c) => c.endsWith("2") && c.length === 2)).toEqual([]);
    expect(r.omitidas).toContain(2);
    const motivo = r.plan.motivos.find((m) => m.fila === 2);
    expect(motivo).toMatchObject({ conErrores: true, motivo: { tipo: "errores" } });
    expect(motivo && textoOmision(motivo, "es")).toMatch(/^No se llenó: la fila tiene un error en FRECUENCIA DE MEDICIÓN \(J2\)\./);
    expect(motivo && textoOmision(motivo, "en")).toMatch(/^Not filled: the row has an error in FRECUENCIA DE MEDICIÓN \(J2\)\./);
  });
  test("TOTAL y firmas no son actividades: ni hallazgos ni cambios", () => {
    expect(r.analisis.actividades.map((a) => a.fila)).toEqual([2, 3]);
    expect(r.hallazgos.filter((x) => !x.startsWith("J2"))).toEqual([]);
    expect(Object.keys(r.cambios).sort()).toEqual(["P3", "Q3"]);
  });
  test("el resumen: la fila con error sin estatus; la otra el que escribe el llenado", () => {
    expect(r.resumen).toEqual({ 2: "SIN DATOS", 3: r.cambios.Q3.despues });
  });
});

describe("6. actividad sin MES INICIAL ni MES FINAL", () => {
  const h = hoja("o", [ENCABEZADO_ORGANO, org({ 5: null, 6: null })]);
  const r = responder(h, 12);
  test("es un error en las dos celdas, no se llena y el resumen no la cuenta como EN PROCESO", () => {
    expect(r.hallazgos).toEqual(["F2 celda-requerida-vacia", "G2 celda-requerida-vacia"]);
    expect(r.cambios.Q2).toBeUndefined();
    expect(r.cambios.P2).toBeUndefined();
    expect(r.omitidas).toEqual([2]);
    expect(r.resumen[2]).toBe("SIN DATOS");
  });
  test("lo mismo en pat-transversal", () => {
    const t = responder(hoja("t", [ENCABEZADO_TRANSVERSAL, tra({ 5: null, 6: null })]), 12);
    expect(t.hallazgos).toEqual(["F2 celda-requerida-vacia", "G2 celda-requerida-vacia"]);
    expect(Object.keys(t.cambios)).toEqual([]);
    expect(t.resumen[2]).toBe("SIN DATOS");
  });
});
