/** Una prueba por regla: una hoja mínima con el encabezado del formato y las filas justas. */
import { analizarHoja, type Hallazgo, type HojaDatos, type ValorCelda } from "../../../src/core";
import { ENCABEZADO_ORGANO } from "../../fixtures/hojas/pat-organo";
import { ENCABEZADO_TRANSVERSAL } from "../../fixtures/hojas/pat-transversal";
import { hoja } from "../../fixtures/hojas/util";
import { mostrarHallazgo } from "../../../src/core/validacion/mostrar-hallazgo";

type Fila = ValorCelda[];
const ORG = ["1", "Política", "Programa", "Objetivo", "1.1 Actividad", 1, 6, "Informe de avance", "Documento realizado / Documento presentado X 100", "Mensual", "Documento", 6, null, null, 5, 83.33, "EN PROCESO"];
const org = (cambios: Record<number, ValorCelda> = {}): Fila => { const f: Fila = [...ORG]; for (const [k, v] of Object.entries(cambios)) f[Number(k)] = v; return f; };
// Columnas pat-organo: A NÚMERO … E ACTIVIDAD, F/G meses, H INDICADOR, I MÉTODO, J FRECUENCIA, K UNIDAD, L META, M PRESUPUESTO, N OBS, O CUMPLIDAS, P %, Q ESTATUS.
const TRA = ["1", "Prog", "Pol", "Obj", "Línea", 1, 12, "Eficacia", "Porcentaje de solicitudes atendidas", "(Solicitudes atendidas / Solicitudes recibidas) x 100", "Trimestral", "Porcentaje", "Sin referencia", "100%", "Incremento", null, null, 8, 10, 80, 20, "Informe", 80, "EN PROCESO"];
const tra = (cambios: Record<number, ValorCelda> = {}): Fila => { const f: Fila = [...TRA]; for (const [k, v] of Object.entries(cambios)) f[Number(k)] = v; return f; };

function organo(filas: Fila[], extra?: Parameters<typeof hoja>[2]): HojaDatos {
  return hoja("o", [ENCABEZADO_ORGANO, ...filas], extra);
}
function transversal(filas: Fila[], extra?: Parameters<typeof hoja>[2]): HojaDatos {
  return hoja("t", [ENCABEZADO_TRANSVERSAL, ...filas], extra);
}
const codigos = (hs: Hallazgo[]): string[] => hs.map((h) => `${h.celda} ${h.codigo}`);
const analizar = (h: HojaDatos, corte: number | null = null) => analizarHoja(h, { corte }).hallazgos;

test("la fila base de cada formato no tiene hallazgos", () => {
  expect(analizar(organo([org()]))).toEqual([]);
  expect(analizar(transversal([tra()]))).toEqual([]);
});

describe("celdas obligatorias", () => {
  test.each([[4, "E2"], [7, "H2"], [8, "I2"], [9, "J2"], [10, "K2"], [11, "L2"]])("columna %i vacía → error en %s", (col, celda) => {
    const hs = analizar(organo([org({ [col]: "  " })]));
    expect(codigos(hs)).toEqual([`${celda} celda-requerida-vacia`]);
    expect(hs[0].severidad).toBe("error");
    expect(mostrarHallazgo(hs[0], "es")).toMatch(/está vacía y es obligatoria\. Escriba/);
  });
  test("NÚMERO y POLÍTICAS vacíos no son obligatorios", () => {
    expect(analizar(organo([org({ 0: null, 1: null })]))).toEqual([]);
  });
  test("MES INICIAL y MES FINAL sí (issue 8: sin ellos no se juzga el estatus al corte)", () => {
    expect(codigos(analizar(organo([org({ 5: null, 6: null })])))).toEqual(["F2 celda-requerida-vacia", "G2 celda-requerida-vacia"]);
  });
});

describe("meses", () => {
  test.each([[0], [13], ["trece"], [2.5]])("mes %p → mes-invalido", (v) => {
    expect(codigos(analizar(organo([org({ 5: v })])))).toEqual(["F2 mes-invalido"]);
  });
  test("nombres y abreviaturas de mes valen", () => {
    expect(analizar(organo([org({ 5: "enero", 6: "Jun" })]))).toEqual([]);
  });
  test("mes inicial posterior al final", () => {
    const hs = analizar(organo([org({ 5: 7, 6: 3 })]));
    expect(codigos(hs)).toEqual(["F2 meses-invertidos"]);
    expect(mostrarHallazgo(hs[0], "es")).toContain("El mes inicial (7) es posterior al mes final (3)");
  });
});

describe("frecuencia", () => {
  test("errata con sugerencia", () => {
    const hs = analizar(organo([org({ 9: "Semestrall" })]));
    expect(codigos(hs)).toEqual(["J2 frecuencia-invalida"]);
    expect(mostrarHallazgo(hs[0], "es")).toContain("¿Quiso decir «Semestral»?");
  });
  test("sin parecido: lista del catálogo", () => {
    const hs = analizar(organo([org({ 9: "Cuando se pueda" })]));
    expect(mostrarHallazgo(hs[0], "es")).toContain("Escriba una de: Mensual, Bimestral");
    expect(mostrarHallazgo(hs[0], "es")).not.toContain("¿Quiso decir");
  });
  test("MENSUAL y mensual valen", () => {
    expect(analizar(organo([org({ 9: "MENSUAL" }), org({ 9: "mensual" })]))).toEqual([]);
  });
});

describe("meta", () => {
  test.each([["seis", "meta-no-numerica"], [0, "meta-no-positiva"], [-3, "meta-no-positiva"], ["xxx", "meta-no-numerica"]])("META %p → %s", (v, codigo) => {
    expect(codigos(analizar(organo([org({ 11: v, 15: null, 16: null })])))).toEqual([`L2 ${codigo}`]);
  });
  test("META 1 en pat-organo es una meta normal (cuenta unidades)", () => {
    expect(analizar(organo([org({ 5: 7, 6: 7, 11: 1, 14: 1, 15: 100, 16: "CUMPLIDA" })]))).toEqual([]);
  });
  test("meta 1 en un indicador de porcentaje de pat-transversal → ¿100 %?", () => {
    expect(codigos(analizar(transversal([tra({ 13: 1, 17: null, 18: null, 19: null, 20: null, 22: null, 23: null })])))).toEqual(["N2 meta-porcentaje-uno"]);
    expect(analizar(transversal([tra({ 13: "1%", 17: null, 18: null, 19: null, 20: null, 22: null, 23: null })]))).toEqual([]);
    expect(analizar(transversal([tra({ 13: 1, 17: null, 18: null, 19: null, 20: null, 22: null, 23: null })], { formatosNumero: { N2: "0%" } }))).toEqual([]);
  });
  test("meta 100 sin signo de % vale 100 puntos", () => {
    expect(analizar(transversal([tra({ 13: 100 })]))).toEqual([]);
  });
});

describe("valores alcanzados", () => {
  test("UNIDADES CUMPLIDAS vacías cuentan como 0 (PORCENTAJE 0, PENDIENTE)", () => {
    expect(analizar(organo([org({ 14: null, 15: 0, 16: "PENDIENTE" })]))).toEqual([]);
  });
  test("VALOR DE CÁLCULO con el texto de la plantilla → error", () => {
    const hs = analizar(transversal([tra({ 17: "Solicitudes atendidas y respondidas en el plazo de 10 días", 19: null, 20: null, 22: null, 23: null })]));
    expect(codigos(hs)).toEqual(["R2 valor-no-numerico"]);
    expect(mostrarHallazgo(hs[0], "es")).toContain("Escriba la cifra medida");
  });
  test("negativos", () => {
    expect(codigos(analizar(transversal([tra({ 18: -10, 19: null, 20: null, 22: null, 23: null })])))).toEqual(["S2 valor-negativo"]);
  });
  test("PRESUPUESTO $0, $ 1,200 y 2 275 339.62 son números; texto no", () => {
    expect(analizar(organo([org({ 12: "$0" }), org({ 12: "$ 1,200" }), org({ 12: "2 275 339.62" }), org({ 12: "2\u202F275\u202F339.62" })]))).toEqual([]);
    expect(codigos(analizar(organo([org({ 12: "mucho dinero" })])))).toEqual(["M2 valor-no-numerico"]);
  });
});

describe("método de cálculo", () => {
  test("ilegible → error con la posición", () => {
    const hs = analizar(organo([org({ 8: "Documentos realizados / / Documentos" })]));
    expect(codigos(hs)).toEqual(["I2 metodo-invalido"]);
    expect(mostrarHallazgo(hs[0], "es")).toMatch(/posición \d+/);
  });
  test("«…)/100» → aviso con la corrección", () => {
    const hs = analizar(organo([org({ 8: "(Documento realizado / Documento presentado)/100" })]));
    expect(codigos(hs)).toEqual(["I2 metodo-divide-entre-100"]);
    expect(hs[0].severidad).toBe("warning");
  });
  test("indicador «Porcentaje…» sin × 100 → aviso; con × 100 nada", () => {
    expect(codigos(analizar(organo([org({ 7: "Porcentaje de informes", 8: "Informes entregados / Informes programados" })])))).toEqual(["I2 porcentaje-sin-por-100"]);
    expect(analizar(organo([org({ 7: "Porcentaje de informes", 8: "Informes entregados / Informes programados * 100" })]))).toEqual([]);
  });
  test("pat-transversal: meta en % con método razón → aviso y el llenado multiplica por 100", () => {
    const hs = analizar(transversal([tra({ 8: "Manuales de procesos", 9: "Manual elaborado / Manual requerido", 11: "Documento" })]));
    expect(codigos(hs)).toEqual(["J2 porcentaje-sin-por-100"]);
    expect(mostrarHallazgo(hs[0], "es")).toContain("La meta está escrita en porcentaje");
    expect(mostrarHallazgo(hs[0], "es")).toContain("Al llenar, el resultado se multiplica por 100.");
  });
  test("el mismo método en 1000 filas se analiza una vez (caché) y no cambia el resultado", () => {
    const filas = Array.from({ length: 1000 }, () => org());
    expect(analizar(organo(filas))).toEqual([]);
  });
});

describe("marcadores de plantilla", () => {
  test.each([["xxx"], ["___"], ["Fracciones (poner las que correspondan)"], ["De xx solicitudes"]])("%p → aviso", (v) => {
    expect(codigos(analizar(organo([org({ 13: v })])))).toEqual(["N2 marcador-plantilla"]);
  });
  test("«fracción XXX» (número romano) no es un marcador", () => {
    expect(analizar(organo([org({ 13: "Artículo 75, fracción XXX" })]))).toEqual([]);
  });
});

describe("celdas calculadas", () => {
  test("PORCENTAJE CUMPLIDO que no cuadra → aviso; redondeo a 2 decimales no cuenta", () => {
    expect(codigos(analizar(organo([org({ 15: 80 })])))).toEqual(["P2 calculo-discrepante"]);
    expect(analizar(organo([org({ 15: 83.3333333 })]))).toEqual([]);
  });
  test("una celda con formato % guarda la fracción (0.8333 = 83.33 puntos)", () => {
    expect(analizar(organo([org({ 15: 0.8333 })], { formatosNumero: { P2: "0.00%" } }))).toEqual([]);
    expect(codigos(analizar(organo([org({ 15: 0.8333 })])))).toEqual(["P2 calculo-discrepante"]);
  });
  test("PORCENTAJE 0 con 0 cumplidas es coherente", () => {
    expect(analizar(organo([org({ 14: 0, 15: 0, 16: "PENDIENTE" })]))).toEqual([]);
  });
  test("Meta por alcanzar nunca negativa; descendente", () => {
    expect(codigos(analizar(transversal([tra({ 17: 12, 18: 10, 19: 120, 20: 0, 22: 120, 23: "CUMPLIDA" })])))).toEqual(["T2 sobrecumplimiento"]);
    const hs = analizar(transversal([tra({ 17: 12, 18: 10, 19: 120, 20: -20, 22: 120, 23: "CUMPLIDA" })]));
    expect(codigos(hs)).toEqual(["T2 sobrecumplimiento", "U2 calculo-discrepante"]);
    // Reducción: meta 10 %, alcanzado 5 % → cumplimiento 200, por alcanzar 0.
    expect(analizar(transversal([tra({ 13: "10%", 14: "Reducción", 17: 1, 18: 20, 19: 5, 20: 0, 22: 200, 23: "CUMPLIDA" })]))).toEqual([]);
  });
});

describe("estatus", () => {
  test("fuera del catálogo → error; sinónimos y manuales valen", () => {
    expect(codigos(analizar(organo([org({ 16: "TERMINADA" })])))).toEqual(["Q2 estatus-invalido"]);
    expect(analizar(organo([org({ 16: "en proceso" }), org({ 16: "CANCELADA" }), org({ 16: "Reprogramada" })]))).toEqual([]);
  });
  test("CUMPLIDA con 2 de 6 → aviso", () => {
    const hs = analizar(organo([org({ 14: 2, 15: 33.33, 16: "CUMPLIDA" })]));
    expect(codigos(hs)).toEqual(["Q2 estatus-contradictorio"]);
    expect(mostrarHallazgo(hs[0], "es")).toBe("El estatus dice CUMPLIDA, pero se lleva 2 de 6. Escriba EN PROCESO.");
  });
  test("NO CUMPLIDA solo se juzga con mes de corte", () => {
    const fila = org({ 5: 1, 6: 3, 11: 3, 14: 2, 15: 66.67, 16: "NO CUMPLIDA" });
    expect(analizar(organo([fila]), null)).toEqual([]);
    // Con corte 6 el estatus es correcto; solo falta explicar la desviación en OBSERVACIONES.
    expect(codigos(analizar(organo([fila]), 6))).toEqual(["N2 desviacion-sin-justificar"]);
    expect(codigos(analizar(organo([fila]), 2))).toEqual(["Q2 estatus-contradictorio"]);
    expect(codigos(analizar(organo([org({ 5: 1, 6: 3, 11: 3, 14: 2, 15: 66.67, 16: "EN PROCESO" })]), 6))).toEqual(["N2 desviacion-sin-justificar", "Q2 estatus-contradictorio"]);
  });
});

describe("sobrecumplimiento y periodos", () => {
  test("alcanzado mayor que la meta → info", () => {
    const hs = analizar(organo([org({ 14: 8, 15: 133.33, 16: "CUMPLIDA" })]));
    expect(codigos(hs)).toEqual(["O2 sobrecumplimiento"]);
    expect(hs[0].severidad).toBe("info");
  });
  test("Mensual 1–6 meta 6 y Bimestral 1–12 meta 6 están bien; Mensual 1–6 meta 4 → info", () => {
    expect(analizar(organo([org(), org({ 6: 12, 9: "Bimestral", 14: 3, 15: 50 })]))).toEqual([]);
    const hs = analizar(organo([org({ 11: 4, 14: 3, 15: 75 })]));
    expect(codigos(hs)).toEqual(["L2 meta-periodos"]);
    expect(mostrarHallazgo(hs[0], "es")).toContain("hay 6 informe(s), pero la meta es 4");
  });
  test("solo para indicadores que cuentan informes o documentos", () => {
    expect(analizar(organo([org({ 7: "Sesiones realizadas", 10: "Sesión", 11: 4, 14: 3, 15: 75 })]))).toEqual([]);
  });
});

describe("inyección de fórmulas", () => {
  test.each([["=1+1"], ["+52 55 1234"], ["-Elaborar informes"], ["@usuario"]])("%p sin fórmula → aviso", (v) => {
    expect(codigos(analizar(organo([org({ 13: v })])))).toEqual(["N2 inyeccion-formula"]);
  });
  test("una fórmula real, números negativos escritos y un guion solo no cuentan", () => {
    expect(analizar(organo([org({ 13: "=A1" })], { formulas: { N2: "=A1" } }))).toEqual([]);
    expect(analizar(organo([org({ 13: "-" }), org({ 13: "--" })]))).toEqual([]);
  });
});

describe("transversal: unidad y catálogos", () => {
  test("unidad numérica (columna corrida) → aviso", () => {
    expect(codigos(analizar(transversal([tra({ 11: 1 })])))).toEqual(["L2 unidad-numerica"]);
  });
  test("dimensión y tendencia", () => {
    expect(codigos(analizar(transversal([tra({ 7: "Eficaz" })])))).toEqual(["H2 dimension-invalida"]);
    expect(codigos(analizar(transversal([tra({ 14: "Subir", 20: null, 22: null, 23: null })])))).toEqual(["O2 tendencia-invalida"]);
    expect(analizar(transversal([tra({ 7: "ECONOMÍA", 14: "constante" })]))).toEqual([]);
  });
});
