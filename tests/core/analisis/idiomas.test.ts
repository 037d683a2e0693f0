/**
 * Issue 8, «idiomas en el borde»: un hallazgo lleva código y parámetros; `mostrarHallazgo` lo
 * dice en español o en inglés, y en inglés no lleva español («línea N», «Columna X», «más de»).
 */
import { analizarHoja, CATALOGO, listarTiposHallazgo, mostrarEncabezado, type CodigoHallazgo, type Hallazgo, type Calculado, type HojaDatos, type ParametrosHallazgo } from "../../../src/core";
import { avanceDefectos } from "../../fixtures/hojas/avance-metas";
import { patOrganoDefectos, ENCABEZADO_ORGANO } from "../../fixtures/hojas/pat-organo";
import { patTransversalDefectos } from "../../fixtures/hojas/pat-transversal";
import { resultadosDefectos } from "../../fixtures/hojas/indicadores-resultados";
import { FILAS_AVANCE } from "../../fixtures/hojas/avance-metas";
import { hoja } from "../../fixtures/hojas/util";
import { mostrarHallazgo } from "../../../src/core/validacion/mostrar-hallazgo";

const ESPANOL = /\blínea|\bColumna\b|\bmás de\b|\bdebe tener\b/;

const fila8 = FILAS_AVANCE[7];
const CASOS: ReadonlyArray<[string, HojaDatos]> = [
  ["pat-organo (defectos)", patOrganoDefectos],
  ["pat-transversal (defectos)", patTransversalDefectos],
  ["avance-metas (defectos)", avanceDefectos],
  ["indicadores-resultados (defectos)", resultadosDefectos],
  // Una línea de meta que no es número, un negativo en la línea 2 y un % con 8 líneas.
  ["avance-metas por líneas", hoja("a", [...FILAS_AVANCE.slice(0, 7),
    [fila8[0], fila8[1], "P\nQ", "Acción\nAcción", "18\nx", "18\n-1", "13\n1", "72.22\n0"],
    [fila8[0] + "B", fila8[1], "P", "Acción", 18, 18, 13, "1\n2\n3\n4\n5\n6\n7\n8"]])],
  // Un signo de fórmula en una columna que el formato no conoce.
  ["inyección fuera del formato", hoja("o", [ENCABEZADO_ORGANO,
    ["1", "P", "Pr", "O", "1.1 A", 1, 6, "Informe", "A / B x 100", "Mensual", "Documento", 6, null, null, 5, null, null, "=HYPERLINK(\"x\")"]])],
];

test.each(CASOS)("%s: cada mensaje en inglés está en inglés", (_nombre, h) => {
  const a = analizarHoja(h, { corte: 12 });
  expect(a.hallazgos.length).toBeGreaterThan(0);
  for (const x of a.hallazgos) expect(mostrarHallazgo(x, "en")).not.toMatch(ESPANOL);
});

test("la línea de meta se nombra en cada idioma", () => {
  const a = analizarHoja(CASOS[4][1]);
  const h = a.hallazgos.find((x) => x.codigo === "meta-no-numerica");
  expect(h && mostrarHallazgo(h, "es")).toMatch(/línea 2/);
  expect(h && mostrarHallazgo(h, "en")).toMatch(/line 2/);
});

/**
 * Palabras que un mensaje en inglés no lleva (los valores del catálogo, «Incremento»,
 * «Porcentaje», y el texto citado de la celda sí: son datos).
 */
const ESPANOL_AMPLIO = /\b(?:líneas?|Columna|más de|debe tener|Escriba|escriba|está|vacía|quedó|va en|Al llenar|El indicador|La meta|La unidad|Una cifra|cifra)\b/;

/** Lo calculado (datos del análisis) del que el hallazgo dice cómo se llegó al valor esperado. */
const EXPLICACION: Calculado = {
  como: "lineas", valor: 83.33, lineas: [83.33, 50],
  metas: [
    { linea: 1, unidad: null, programado: 6, modificado: null, alcanzado: 5, porcentaje: null },
    { linea: 2, unidad: null, programado: 2, modificado: null, alcanzado: 1, porcentaje: null },
  ],
};
const ESTATUS_EN_PROCESO: Calculado = { como: "estatus", valor: "EN PROCESO", meta: 6, alcanzado: 2, sentido: "ascendente", corte: 6, mesFinal: 12 };
/** Parámetros de ejemplo de cada código (todas sus variantes); el tipo obliga a cubrir el catálogo entero. */
const EJEMPLOS: { readonly [C in CodigoHallazgo]: ReadonlyArray<ParametrosHallazgo[C]> } = {
  "celda-requerida-vacia": [{ rol: "actividad" }, { rol: "mesInicial" }, { rol: "numero" }],
  "mes-invalido": [{ valor: "13" }],
  "meses-invertidos": [{ inicial: 7, final: 3 }],
  "frecuencia-invalida": [{ valor: "Trimestal" }, { valor: "Cada rato" }],
  "meta-no-numerica": [{ valor: "seis", linea: null, ejemplo: "6" }, { valor: "x", linea: 2, ejemplo: "12.00" }],
  "meta-no-positiva": [{ valor: 0, linea: null, ejemplo: "100%" }, { valor: -1, linea: 3, ejemplo: "12.00" }],
  "valor-no-numerico": [{ valor: "cinco", rol: "alcanzado", linea: null }, { valor: "x", rol: "modificado", linea: 2 }, { valor: "x", rol: "lineaBase", linea: 2 }, { valor: "x", rol: "lineaBase", linea: null }],
  "valor-negativo": [{ valor: -2, linea: null }, { valor: -1, linea: 2 }],
  "metodo-invalido": [{ texto: "A / / B" }, { texto: "(A / B" }],
  "metodo-divide-entre-100": [{ correccion: "(A / B) × 100", nota: false }, { correccion: "(A / B) × 100", nota: true }],
  "porcentaje-sin-por-100": [
    { motivo: { por: "nombre", indicador: "Porcentaje de informes" }, valor: "A / B", nota: false },
    { motivo: { por: "meta-en-porcentaje" }, valor: "A / B", nota: true },
    { motivo: { por: "unidad-porcentaje" }, valor: "A / B", nota: false },
  ],
  "meta-porcentaje-uno": [{}],
  "marcador-plantilla": [{ marcador: "xxx" }],
  "calculo-discrepante": [
    { forma: "celda", valor: "50", esperado: "83.33%", explicacion: EXPLICACION },
    { forma: "lineas", escritas: ["1", "2", "3", "4", "5", "6", "7", "8"], esperadas: [83.33, 50], linea: null, explicacion: EXPLICACION },
    { forma: "lineas", escritas: ["80", "50"], esperadas: [83.33, 50], linea: 1, explicacion: EXPLICACION },
  ],
  "calculado-con-texto": [{ valor: "Pendiente" }],
  "estatus-invalido": [{ valor: "TERMINADA" }],
  "estatus-contradictorio": [{ valor: "CUMPLIDA", esperado: "EN PROCESO", explicacion: ESTATUS_EN_PROCESO }],
  "sobrecumplimiento": [{ alcanzado: 8, meta: 6, comoAvance: false }, { alcanzado: 120, meta: 100, comoAvance: true }, { alcanzado: 1e308, meta: 1e-300, comoAvance: false }],
  "desviacion-sin-justificar": [{ situacion: "ROJO", alcanzado: 1, esperado: 6 }, { situacion: "AMARILLO", alcanzado: 4, esperado: 6 }, { situacion: "NO CUMPLIDA", alcanzado: 4, esperado: 6 }],
  "meta-periodos": [{ frecuencia: "Trimestral", inicial: 1, final: 12, periodos: 4, meta: 3 }],
  "tendencia-invalida": [{ valor: "Subida" }],
  "dimension-invalida": [{ valor: "Efic" }],
  "unidad-numerica": [{ valor: "5" }],
  "personas-no-suman": [{ persona: 200, mujer: 65, hombre: 114 }],
  "devengado-mayor-modificado": [{ devengado: 20000000, modificado: 19168943.95 }],
  "clave-repetida": [{ valor: "A001", primera: 8 }],
  "lineas-meta-desiguales": [{ lineas: 1, esperadas: 2, referencia: "UNIDAD DE MEDIDA", juntas: null }, { lineas: 1, esperadas: 2, referencia: "UNIDAD DE MEDIDA", juntas: "13 5" }],
  "inyeccion-formula": [{ caracter: "=", valor: "=x", fueraDelFormato: false }, { caracter: "\t", valor: "\tx", fueraDelFormato: true }],
  "formula-externa": [{ llamada: "HYPERLINK", valor: "=HYPERLINK(\"x\")", fueraDelFormato: true }],
};

function ejemplo<C extends CodigoHallazgo>(codigo: C, parametros: ParametrosHallazgo[C]): Hallazgo {
  return {
    codigo, severidad: CATALOGO[codigo].severidad, celda: "K2", fila: 2, columna: "K",
    encabezado: "fueraDelFormato" in parametros && parametros.fueraDelFormato ? "Columna K" : "META",
    posicion: { fila: 2, columna: 11 }, parametros,
  } as Hallazgo;
}

const TODOS = (Object.keys(EJEMPLOS) as CodigoHallazgo[]).flatMap((c) => (EJEMPLOS[c] as ReadonlyArray<ParametrosHallazgo[typeof c]>).map((p) => [c, ejemplo(c, p)] as const));

test("los ejemplos cubren cada código del catálogo", () => {
  expect(Object.keys(EJEMPLOS).sort()).toEqual(listarTiposHallazgo().map((t) => t.codigo).sort());
});

test.each(TODOS)("%s: se muestra en los dos idiomas, sin {marcas} y sin español en inglés", (_codigo, h) => {
  const es = mostrarHallazgo(h, "es");
  const en = mostrarHallazgo(h, "en");
  for (const m of [es, en]) {
    expect(m).not.toMatch(/\{\w+\}/);
    expect(m).not.toMatch(/undefined|NaN|Infinity|\[object/);
    expect(m.length).toBeGreaterThan(20);
  }
  expect(en).not.toMatch(ESPANOL_AMPLIO);
  // Las comillas españolas («») tampoco: en inglés se cita con comillas dobles.
  expect(en).not.toMatch(/[«»]/);
  expect(es).not.toBe(en);
});

test("una columna que el formato no conoce se nombra en cada idioma", () => {
  const h = ejemplo("inyeccion-formula", { caracter: "+", valor: "+x", fueraDelFormato: true });
  expect(mostrarEncabezado(h, "es")).toBe("Columna K");
  expect(mostrarEncabezado(h, "en")).toBe("Column K");
  expect(mostrarHallazgo(h, "en")).toBe("Column K starts with \"+\" without being a formula (\"+x\"). Remove the leading sign (for a bullet use \"•\").");
  expect(mostrarHallazgo(h, "es")).toBe("Columna K empieza con «+» sin ser una fórmula («+x»). Quite el signo inicial (para una viñeta use «•»).");
});

test("los parámetros son datos: un hallazgo pasa por JSON y se muestra igual", () => {
  for (const [, h] of TODOS) {
    const copia = JSON.parse(JSON.stringify(h)) as Hallazgo;
    expect(mostrarHallazgo(copia, "es")).toBe(mostrarHallazgo(h, "es"));
    expect(mostrarHallazgo(copia, "en")).toBe(mostrarHallazgo(h, "en"));
  }
});
