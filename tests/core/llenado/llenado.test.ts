import { analizarHoja, direccionDelCambio, planificarLlenado, razonDelCambio, type CambioCelda, type HojaDatos, type ValorCelda } from "../../../src/core";
import { avanceDefectos, avanceLimpia } from "../../fixtures/hojas/avance-metas";
import { resultadosLimpia } from "../../fixtures/hojas/indicadores-resultados";
import { ENCABEZADO_ORGANO, patOrganoDefectos, patOrganoLimpia } from "../../fixtures/hojas/pat-organo";
import { ENCABEZADO_TRANSVERSAL, patTransversalDefectos, patTransversalLimpia } from "../../fixtures/hojas/pat-transversal";
import { hoja } from "../../fixtures/hojas/util";

type Fila = ValorCelda[];
const plan = (h: HojaDatos, opciones: { corte?: number | null; modo?: "valores" | "formulas" } = {}) =>
  planificarLlenado(h, analizarHoja(h, { corte: opciones.corte ?? null }), opciones);
const porCelda = (cs: CambioCelda[]) => Object.fromEntries(cs.map((c) => [direccionDelCambio(c), c]));
const razon = (c: CambioCelda) => razonDelCambio(c, "es");

// Filas vacías en las columnas calculadas (P = %, Q = ESTATUS): ejemplos de la spec.
const act = (ini: number, fin: number, meta: number, cumplidas: number | null, p: ValorCelda = null, e: ValorCelda = null): Fila =>
  ["1", "Pol", "Prog", "Obj", "Actividad", ini, fin, "Informe de avance", "Documento realizado / Documento presentado X 100", "Mensual", "Documento", meta, null, null, cumplidas, p, e];
const ejemplos = hoja("Ejemplos", [ENCABEZADO_ORGANO, act(1, 6, 6, 5), act(1, 3, 3, 2), act(8, 12, 2, 0), act(1, 6, 6, 5, null, "CANCELADA")]);

describe("pat-organo, ejemplos de la spec con corte 6", () => {
  const p = plan(ejemplos, { corte: 6 });
  const c = porCelda(p.cambios);
  test("1–6 meta 6 con 5 → 83.33 y EN PROCESO", () => {
    expect(c.P2).toMatchObject({ despues: 83.33, antes: null, esFormula: false, reemplaza: false, encabezado: "PORCENTAJE CUMPLIDO (%)", posicion: { fila: 2, columna: 16 } });
    expect(razon(c.P2)).toBe("PORCENTAJE CUMPLIDO (%) = 5 / 6 × 100 = 83.33");
    expect(c.Q2.despues).toBe("EN PROCESO");
  });
  test("1–3 meta 3 con 2 → NO CUMPLIDA", () => {
    expect(c.Q3.despues).toBe("NO CUMPLIDA");
    expect(c.P3.despues).toBe(66.67);
  });
  test("8–12 meta 2 con 0 → PENDIENTE", () => {
    expect(c.Q4.despues).toBe("PENDIENTE");
    expect(c.P4.despues).toBe(0);
  });
  test("un estatus manual (CANCELADA) nunca se toca", () => {
    expect(c.Q5).toBeUndefined();
    expect(c.P5.despues).toBe(83.33);
  });
  test("sin corte, 1–3 con 2 de 3 queda EN PROCESO", () => {
    expect(porCelda(plan(ejemplos).cambios).Q3.despues).toBe("EN PROCESO");
  });
});

describe("valores", () => {
  test("celda con formato % → fracción (0.8333)", () => {
    const h = hoja("x", [ENCABEZADO_ORGANO, act(1, 6, 6, 5)], { formatosNumero: { P2: "0.00%" } });
    expect(porCelda(plan(h).cambios).P2.despues).toBe(0.8333);
  });
  test("celdas que ya tienen el valor no son cambios; un valor distinto se reemplaza y se dice antes → después", () => {
    const h = hoja("x", [ENCABEZADO_ORGANO, act(1, 6, 6, 5, 83.33, "EN PROCESO"), act(1, 6, 6, 5, 0.83333, "EN PROCESO"), act(1, 6, 6, 5, 50, "CUMPLIDA")],
      { formatosNumero: { P3: "0%" } });
    const c = porCelda(plan(h).cambios);
    expect(Object.keys(c).sort()).toEqual(["P4", "Q4"]);
    expect(c.P4).toMatchObject({ antes: 50, despues: 83.33, reemplaza: true });
    expect(c.Q4).toMatchObject({ antes: "CUMPLIDA", despues: "EN PROCESO", reemplaza: true });
    expect(razon(c.Q4)).toBe("ESTATUS = EN PROCESO: se lleva 5 de 6");
  });
  test("la hoja limpia del seed sin corte no tiene cambios", () => {
    expect(plan(patOrganoLimpia).cambios).toEqual([]);
    expect(plan(patTransversalLimpia).cambios).toEqual([]);
    expect(plan(avanceLimpia).cambios).toEqual([]);
  });
  test("filas con datos inválidos no reciben valores calculados (solo sus hallazgos)", () => {
    const p = plan(patOrganoDefectos, { corte: 6 });
    const filas = new Set(p.cambios.map((x) => x.posicion.fila));
    for (const f of [30, 31, 32, 33]) expect(filas.has(f)).toBe(false); // meta «seis», meta 0, cumplidas -2 y «dos»
    expect(p.filasOmitidas).toEqual(expect.arrayContaining([27, 28, 30, 31, 32, 33]));
    expect(porCelda(p.cambios).P38).toMatchObject({ antes: 50, despues: 83.33, reemplaza: true });
  });
  test("indicadores-resultados no calcula nada", () => {
    const p = plan(resultadosLimpia);
    expect(p).toEqual({ hoja: "Indicadores de Resultados", formato: "indicadores-resultados", cambios: [], filasOmitidas: [], motivos: [] });
  });
  test("una hoja que no es PAT da un plan vacío", () => {
    const h = hoja("x", [["a", "b"], [1, 2]]);
    expect(plan(h)).toEqual({ hoja: "x", formato: null, cambios: [], filasOmitidas: [], motivos: [] });
  });
});

describe("pat-transversal", () => {
  const base: Fila = ["1", "Prog", "Pol", "Obj", "Línea", 1, 12, "Eficacia", "Porcentaje de solicitudes atendidas", "(Solicitudes atendidas / Solicitudes recibidas) x 100",
    "Trimestral", "Porcentaje", "Sin referencia", "100%", "Incremento", null, null, 8, 10, null, null, null, null, null];
  const fila = (cambios: Record<number, ValorCelda>): Fila => { const f = [...base]; for (const [k, v] of Object.entries(cambios)) f[Number(k)] = v; return f; };

  test("META ALCANZADA, Meta por alcanzar, PORCENTAJE y ESTATUS", () => {
    const c = porCelda(plan(hoja("t", [ENCABEZADO_TRANSVERSAL, fila({})])).cambios);
    expect(c.T2).toMatchObject({ despues: 80, encabezado: "META ALCANZADA" });
    expect(razon(c.T2)).toBe("META ALCANZADA = 8 / 10 × 100 = 80");
    expect(c.U2.despues).toBe(20);
    expect(c.W2.despues).toBe(80);
    expect(c.X2.despues).toBe("EN PROCESO");
  });
  test("método «…)/100» en un indicador de porcentaje se lee como × 100 y el motivo lo dice", () => {
    const c = porCelda(plan(hoja("t", [ENCABEZADO_TRANSVERSAL, fila({ 9: "(Solicitudes atendidas / Solicitudes recibidas)/100" })])).cambios);
    expect(c.T2.despues).toBe(80);
    expect(razon(c.T2)).toContain("se leyó como «× 100»");
  });
  test("Meta por alcanzar nunca baja de 0; descendente con Reducción", () => {
    const c = porCelda(plan(hoja("t", [ENCABEZADO_TRANSVERSAL, fila({ 17: 12, 18: 10 }), fila({ 13: "10%", 14: "Reducción", 17: 1, 18: 20 })])).cambios);
    expect(c.U2.despues).toBe(0);
    expect(c.X2.despues).toBe("CUMPLIDA");
    expect(c.T3.despues).toBe(5);
    expect(c.U3.despues).toBe(0);
    expect(c.W3.despues).toBe(200);
    expect(c.X3.despues).toBe("CUMPLIDA");
  });
  test("una meta de porcentaje escrita como 1 no se usa para calcular", () => {
    const c = porCelda(plan(hoja("t", [ENCABEZADO_TRANSVERSAL, fila({ 13: 1 })])).cambios);
    expect(Object.keys(c)).toEqual(["T2"]);
  });
  test("la instrucción de la plantilla en META ALCANZADA se reemplaza", () => {
    const c = porCelda(plan(patTransversalDefectos).cambios);
    expect(c.T19).toMatchObject({ antes: 60, despues: 80, reemplaza: true });
    expect(c.T15.despues).toBe(80);
  });
});

describe("avance-metas", () => {
  test("% por línea, unido con saltos de línea y 2 decimales", () => {
    const c = porCelda(plan(avanceDefectos).cambios);
    expect(c.H22).toMatchObject({ antes: "75.00\n75.00", despues: "75.00\n50.00", reemplaza: true });
    expect(razon(c.H22)).toBe("% CUMPLIM. MODIF. = 12 / 16 × 100 = 75.00; 6 / 12 × 100 = 50.00");
    expect(c.H21).toBeUndefined(); // líneas desiguales: error, sin cálculo
  });
  test("una celda vacía se llena; una sola meta da un número", () => {
    const valores = avanceLimpia.valores.map((f) => [...f]);
    valores[7][7] = null; // A001
    valores[8][7] = null; // A005
    const c = porCelda(plan({ ...avanceLimpia, valores }).cambios);
    expect(c.H8.despues).toBe(72.22);
    expect(c.H9.despues).toBe("75.00\n75.00\n0.00");
  });
});

describe("modo fórmulas", () => {
  test("fórmulas nativas de Excel en sintaxis en-US con las celdas de la fila, sin PAT.*", () => {
    const c = porCelda(plan(ejemplos, { corte: 6, modo: "formulas" }).cambios);
    expect(c.P2).toMatchObject({ esFormula: true });
    expect(c.P2.despues).toBe('=IF(AND(IFERROR(IF(ISNUMBER(L2),L2,VALUE(SUBSTITUTE(L2,"%","")))>0,FALSE),OR(O2="",AND(ISNUMBER(O2),O2>=0))),ROUND(N(O2)/IF(ISNUMBER(L2),L2,VALUE(SUBSTITUTE(L2,"%","")))*100,2),"")');
    // El corte del llenado va como número fijo en ESTATUS.
    expect(String(c.Q2.despues)).toContain('IF(AND(ISNUMBER(G2),6>G2),"NO CUMPLIDA"');
    expect(c.Q5).toBeUndefined(); // CANCELADA
    for (const x of Object.values(c)) expect(String(x.despues)).not.toMatch(/PAT\./);
  });
  test("sin corte la fórmula de estatus no juzga el vencimiento; celda con formato % recibe la fracción", () => {
    const h = hoja("x", [ENCABEZADO_ORGANO, act(1, 6, 6, 5)], { formatosNumero: { P2: "0%" } });
    const c = porCelda(plan(h, { modo: "formulas" }).cambios);
    expect(String(c.P2.despues)).toMatch(/ROUND\(N\(O2\)\/.*\*100,2\)\/100,""\)$/);
    expect(String(c.Q2.despues)).not.toContain("NO CUMPLIDA");
  });
  test("una celda que ya tiene la misma fórmula no es un cambio; con otro corte, sí", () => {
    const primera = porCelda(plan(hoja("x", [ENCABEZADO_ORGANO, act(1, 6, 6, 5)]), { corte: 6, modo: "formulas" }).cambios);
    const h = hoja("x", [ENCABEZADO_ORGANO, act(1, 6, 6, 5)], { formulas: { P2: String(primera.P2.despues), Q2: String(primera.Q2.despues) } });
    expect(plan(h, { corte: 6, modo: "formulas" }).cambios).toEqual([]);
    const c = porCelda(plan(h, { corte: 5, modo: "formulas" }).cambios);
    expect(c.Q2).toMatchObject({ formulaAntes: primera.Q2.despues, reemplaza: true });
    expect(String(c.Q2.despues)).toContain("5>G2");
  });
  test("una fórmula propia cuyo resultado guardado es el calculado se respeta en los dos modos", () => {
    const h = hoja("x", [ENCABEZADO_ORGANO, act(1, 6, 6, 5, 83.33, "EN PROCESO")], { formulas: { P2: "=IFERROR(O2/L2*100,0)", Q2: '=IF(O2>=L2,"CUMPLIDA","EN PROCESO")' } });
    expect(plan(h, { corte: 6, modo: "formulas" }).cambios).toEqual([]);
    expect(plan(h, { corte: 6, modo: "valores" }).cambios).toEqual([]);
    // Si su resultado no cuadra, se reemplaza.
    const mal = hoja("x", [ENCABEZADO_ORGANO, act(1, 6, 6, 5, 50, "EN PROCESO")], { formulas: { P2: "=O2/12*100" } });
    expect(porCelda(plan(mal, { corte: 6, modo: "formulas" }).cambios).P2).toMatchObject({ esFormula: true, formulaAntes: "=O2/12*100" });
  });
  test("transversal: método compilado sobre VALOR DE CÁLCULO 1 y 2; las demás leen META ALCANZADA y TENDENCIA", () => {
    const c = porCelda(plan(patTransversalLimpia, { modo: "formulas", corte: 6 }).cambios);
    expect(String(c.T8.despues)).toMatch(/^=IF\(AND\(ISNUMBER\(R8\),ISNUMBER\(S8\),R8>=0,S8>=0\),IFERROR\(ROUND\(.*R8.*S8.*,2\),""\),""\)$/);
    expect(String(c.U8.despues)).toContain('O8="Reducción"');
    expect(String(c.W8.despues)).toContain("N(T8)");
    expect(String(c.X8.despues)).toContain("6>G8");
  });
  test("el «/100» de un indicador de porcentaje se compila como «*100», como lo lee el llenado", () => {
    const c = porCelda(plan(patTransversalDefectos, { modo: "formulas" }).cambios);
    expect(c.T15.esFormula).toBe(true);
    expect(String(c.T15.despues)).toMatch(/\*100,2\)/);
    expect(String(c.T15.despues)).not.toMatch(/\/100,2\)/);
  });
  test("un dato que una fórmula no leería igual (número escrito como texto) recibe el valor y el motivo", () => {
    const h = hoja("x", [ENCABEZADO_ORGANO, act(1, 6, 6, 5).map((v, i) => (i === 14 ? "5 " : v))]);
    const c = porCelda(plan(h, { corte: 6, modo: "formulas" }).cambios);
    expect(c.P2).toMatchObject({ esFormula: false, despues: 83.33 });
    expect(razon(c.P2)).toContain("valor y no fórmula");
  });
});

describe("el porqué de un cambio se dice en el idioma que se pide", () => {
  test("cada idioma entero, sin mezclar: cálculo, estatus y «valor y no fórmula»", () => {
    const c = porCelda(plan(ejemplos, { corte: 6 }).cambios);
    expect(razonDelCambio(c.P2, "en")).toBe("PORCENTAJE CUMPLIDO (%) = 5 / 6 × 100 = 83.33");
    expect(razonDelCambio(c.Q2, "es")).toBe("ESTATUS = EN PROCESO: se lleva 5 de 6");
    expect(razonDelCambio(c.Q2, "en")).toBe("ESTATUS = EN PROCESO: 5 of 6 so far");
    expect(razonDelCambio(c.Q3, "en")).toBe("ESTATUS = NO CUMPLIDA: at the cut-off (month 6) the end month (3) has passed with 2 of 3 achieved");
    const h = hoja("x", [ENCABEZADO_ORGANO, act(1, 6, 6, 5).map((v, i) => (i === 14 ? "5 " : v))]);
    const f = porCelda(plan(h, { corte: 6, modo: "formulas" }).cambios).P2;
    expect(razonDelCambio(f, "es")).toMatch(/^PORCENTAJE CUMPLIDO \(%\) = 5 \/ 6 × 100 = 83\.33 \(valor y no fórmula: .+\)$/);
    expect(razonDelCambio(f, "en")).toMatch(/^PORCENTAJE CUMPLIDO \(%\) = 5 \/ 6 × 100 = 83\.33 \(value, not a formula: .+\)$/);
    expect(razonDelCambio(f, "en")).not.toMatch(/valor|fórmula|celda/);
  });
});

