/** Modelo de filas: secciones, continuaciones, combinaciones, grupos, encabezados repetidos, fin de tabla. */
import { analizarHoja } from "../../../src/core";
import { avanceLimpia } from "../../fixtures/hojas/avance-metas";
import { resultadosLimpia } from "../../fixtures/hojas/indicadores-resultados";
import { ENCABEZADO_ORGANO, FILAS_ORGANO, patOrganoLimpia } from "../../fixtures/hojas/pat-organo";
import { patTransversalLimpia } from "../../fixtures/hojas/pat-transversal";
import { hoja } from "../../fixtures/hojas/util";

describe("pat-organo", () => {
  const a = analizarHoja(patOrganoLimpia);
  test("solo las actividades son datos: secciones, fila vacía y firmas no", () => {
    expect(a.actividades.map((x) => x.fila)).toEqual([9, 11, 13, 15, 18, 19, 21, 23, 25]);
  });
  test("6.1 y 6.2 son dos actividades del objetivo 6 (la continuación hereda)", () => {
    const [a61, a62] = a.actividades.filter((x) => x.numero === "6");
    expect(a61.fila).toBe(18);
    expect(a62.fila).toBe(19);
    expect(a62.objetivo).toBe(a61.objetivo);
    expect(a62.politicas).toBe(a61.politicas);
    expect(a62.programa).toBe(a61.programa);
    expect(a62.heredadas).toEqual(expect.arrayContaining(["numero", "politicas", "programa", "objetivo"]));
    expect(a61.heredadas).toEqual([]);
    expect(a62.actividad).toMatch(/^6\.2 /);
  });
  test("los datos de la actividad se leen con su tipo", () => {
    const x = a.actividades[0];
    expect(x).toMatchObject({
      fila: 9, numero: "1", mesInicial: 1, mesFinal: 6, frecuencia: "Mensual", mesesFrecuencia: 1, unidad: "Documento", meta: 6, alcanzado: 5,
      porcentaje: 83.33, estatus: "EN PROCESO", sentido: "ascendente", esPorcentaje: true, invalidas: [],
    });
    expect(x.metodo).toBe("Documento realizado/ Documento presentado X 100");
    expect(a.actividades[2]).toMatchObject({ frecuencia: "Mensual", presupuesto: 1200 });
    expect(a.actividades[1].presupuesto).toBe(0);
  });
  test("nada debajo de «Atentamente» es dato, aunque parezca una fila", () => {
    const filas = [...FILAS_ORGANO.slice(0, 9), ["Atentamente"], FILAS_ORGANO[8]];
    expect(analizarHoja(hoja("x", filas)).actividades.map((x) => x.fila)).toEqual([9]);
  });
  test("celdas combinadas: la sección combinada a lo ancho y el objetivo combinado hacia abajo", () => {
    const f1 = ["3", "Pol", "Prog", "Objetivo combinado", "3.1 Primera", 1, 6, "Informe", "A / B x 100", "Mensual", "Documento", 6, null, null, 0, 0, "PENDIENTE"];
    const f2 = [null, null, null, null, "3.2 Segunda", 1, 6, "Informe", "A / B x 100", "Mensual", "Documento", 6, null, null, 0, 0, "PENDIENTE"];
    const h = hoja("x", [ENCABEZADO_ORGANO, ["3"], f1, f2], {
      combinaciones: [
        { filaInicio: 1, columnaInicio: 0, filaFin: 1, columnaFin: 16 },
        { filaInicio: 2, columnaInicio: 3, filaFin: 3, columnaFin: 3 },
        { filaInicio: 2, columnaInicio: 0, filaFin: 3, columnaFin: 0 },
      ],
    });
    const r = analizarHoja(h);
    expect(r.actividades.map((x) => [x.fila, x.numero, x.objetivo])).toEqual([[3, "3", "Objetivo combinado"], [4, "3", "Objetivo combinado"]]);
    expect(r.hallazgos).toEqual([]);
  });
  test("sección «1 | título del objetivo»: el título es el objetivo de sus actividades", () => {
    const f1 = ["1", "Pol", "Prog", null, "1.1 Primera", 1, 6, "Informe", "A / B x 100", "Mensual", "Documento", 6, null, null, 0, 0, "PENDIENTE"];
    const f2 = [null, null, null, null, "1.2 Segunda", 1, 6, "Informe", "A / B x 100", "Mensual", "Documento", 6, null, null, 0, 0, "PENDIENTE"];
    const r = analizarHoja(hoja("x", [ENCABEZADO_ORGANO, ["1", "Implementar la versión 2 del PREP."], f1, f2, ["2", null, null, "Objetivo dos"]]));
    expect(r.actividades.map((x) => [x.fila, x.numero, x.objetivo])).toEqual([[3, "1", "Implementar la versión 2 del PREP."], [4, "1", "Implementar la versión 2 del PREP."]]);
    expect(r.hallazgos).toEqual([]);
    // Con un dato de actividad, o con texto en ACTIVIDAD, ya no es sección: es una actividad incompleta.
    const r2 = analizarHoja(hoja("x", [ENCABEZADO_ORGANO, ["3", null, null, null, null, null, null, null, null, null, null, 4], ["4", null, null, null, "4.1 Sin datos"]]));
    expect(r2.actividades.map((x) => x.fila)).toEqual([2, 3]);
    expect(r2.hallazgos.filter((h) => h.fila === 3).map((h) => h.celda)).toEqual(["F3", "G3", "H3", "I3", "J3", "K3", "L3"]);
  });
  test("una fila con un NÚMERO nuevo no hereda el objetivo anterior", () => {
    const f1 = ["1", "Pol", "Prog", "Objetivo uno", "1.1", 1, 6, "Informe", "A / B x 100", "Mensual", "Documento", 6, null, null, 0, 0, "PENDIENTE"];
    const f2 = ["2", null, null, null, "2.1", 1, 6, "Informe", "A / B x 100", "Mensual", "Documento", 6, null, null, 0, 0, "PENDIENTE"];
    const r = analizarHoja(hoja("x", [ENCABEZADO_ORGANO, f1, f2]));
    expect(r.actividades[1].objetivo).toBeNull();
  });
});

describe("pat-transversal", () => {
  const a = analizarHoja(patTransversalLimpia);
  test("la fila de etiquetas no es dato; 11.2 es del objetivo 11", () => {
    expect(a.actividades.map((x) => x.fila)).toEqual([8, 9, 10, 11, 12]);
    expect(a.actividades[1]).toMatchObject({ numero: "11", sentido: "descendente", meta: 10, metaEnPorcentaje: true, valor1: 1, valor2: 20 });
    expect(a.actividades[0]).toMatchObject({ porcentaje: 80, meta: 100, dimension: "Eficacia", lineaBase: "Sin referencia" });
  });
});

describe("avance-metas", () => {
  const a = analizarHoja(avanceLimpia);
  test("grupos, encabezado repetido y justificaciones no son proyectos", () => {
    expect(a.actividades.map((x) => x.clave)).toEqual(["A001", "A005", "E001", "A015", "A013", "A011", "A019"]);
  });
  test("varias metas por celda: una línea por meta", () => {
    const a005 = a.actividades.find((x) => x.clave === "A005")!;
    expect(a005.metas).toEqual([
      { linea: 1, unidad: "Promocional", programado: 24, modificado: 24, alcanzado: 18, porcentaje: 75 },
      { linea: 2, unidad: "Actividad", programado: 16, modificado: 16, alcanzado: 12, porcentaje: 75 },
      { linea: 3, unidad: "Estudio", programado: 1, modificado: 1, alcanzado: 0, porcentaje: 0 },
    ]);
    const a015 = a.actividades.find((x) => x.clave === "A015")!;
    expect([a015.mujer, a015.hombre, a015.persona]).toEqual([62540, 57776, 120316]);
    expect(a015.presupuestoDevengado).toBe(10130884.35);
  });
  test("una fila de TOTAL con cifras no es un proyecto", () => {
    const filas = [...avanceLimpia.valores.slice(0, 8), ["TOTAL", null, null, null, null, null, null, null, "100.00", "100.00", "50.00"]];
    const r = analizarHoja(hoja("x", filas.map((f) => [...f])));
    expect(r.actividades.map((x) => x.clave)).toEqual(["A001"]);
    expect(r.hallazgos).toEqual([]);
  });
});

describe("indicadores-resultados", () => {
  test("las firmas (Elaboró / Autorizó) no son datos", () => {
    const a = analizarHoja(resultadosLimpia);
    expect(a.actividades.map((x) => x.fila)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(a.actividades[3]).toMatchObject({ alcanzado: 25, frecuencia: "Trimestral", objetivo: expect.stringContaining("SPEN") });
    expect(a.actividades[2].frecuencia).toBe("Anual");
  });
});
