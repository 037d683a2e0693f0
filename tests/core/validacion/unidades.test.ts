/**
 * Cada regla de fila como unidad (issue 8): con el formato reducido a esa sola regla, cada
 * código que declara se emite en su caso (con sus parámetros: datos, no frases) y calla en
 * el caso correcto. Las expectativas salen de los datos de la fila, no de la salida.
 */
import { analizarHoja, cargarFormato, type HojaDatos, type ValorCelda } from "../../../src/core";
import type { IdRegla } from "../../../src/core/validacion/reglas";
import patOrgano from "../../../src/core/formatos/pat-organo.json";
import patTransversal from "../../../src/core/formatos/pat-transversal.json";
import avanceMetas from "../../../src/core/formatos/avance-metas.json";
import { ENCABEZADO_ORGANO } from "../../fixtures/hojas/pat-organo";
import { ENCABEZADO_TRANSVERSAL } from "../../fixtures/hojas/pat-transversal";
import { FILAS_AVANCE } from "../../fixtures/hojas/avance-metas";
import { hoja } from "../../fixtures/hojas/util";

type Fila = ValorCelda[];
type Json = typeof patOrgano | typeof patTransversal | typeof avanceMetas;
const con = (base: Fila, cambios: Record<number, ValorCelda>): Fila => {
  const f = [...base];
  for (const [k, v] of Object.entries(cambios)) f[Number(k)] = v;
  return f;
};
// pat-organo: A NÚMERO … E ACTIVIDAD, F/G meses, H INDICADOR, I MÉTODO, J FRECUENCIA, K UNIDAD, L META, M PRESUPUESTO, N OBS, O CUMPLIDAS, P %, Q ESTATUS.
const ORG: Fila = ["1", "Política", "Programa", "Objetivo", "1.1 Actividad", 1, 6, "Informe de avance", "Documento realizado / Documento presentado X 100", "Mensual", "Documento", 6, null, null, 5, 83.33, "EN PROCESO"];
// pat-transversal: H DIMENSIÓN, I INDICADOR, J MÉTODO, K FRECUENCIA, L UNIDAD, N META, O TENDENCIA.
const TRA: Fila = ["1", "Prog", "Pol", "Obj", "Línea", 1, 12, "Eficacia", "Porcentaje de solicitudes atendidas", "(Solicitudes atendidas / Solicitudes recibidas) x 100", "Trimestral", "Porcentaje", "Sin referencia", "100%", "Incremento", null, null, 8, 10, 80, 20, "Informe", 80, "EN PROCESO"];
// avance-metas (fila 8): A CLAVE, D UNIDAD, E PROGRAM., F MODIF., G ALCANZ., H % (calculada), J/K presupuesto modificado/devengado, N MUJER, O HOMBRE, P PERSONA.
const AVA: Fila = FILAS_AVANCE[7];

const organo = (...filas: Fila[]): HojaDatos => hoja("o", [ENCABEZADO_ORGANO, ...filas]);
const transversal = (...filas: Fila[]): HojaDatos => hoja("t", [ENCABEZADO_TRANSVERSAL, ...filas]);
const avance = (...filas: Fila[]): HojaDatos => hoja("a", [...FILAS_AVANCE.slice(0, 7), ...filas]);

/** Los hallazgos de la hoja con el formato reducido a una sola regla. */
function solo(json: Json, regla: IdRegla, h: HojaDatos, corte: number | null = null) {
  const f = cargarFormato({ ...json, id: `solo-${regla}`, reglas: [regla] });
  if (!f.ok) throw new Error(f.error.mensaje);
  return analizarHoja(h, { corte, formatos: [f.valor] }).hallazgos.map((x) => ({ celda: x.celda, codigo: x.codigo, parametros: x.parametros }));
}

describe("requeridas", () => {
  test("celda-requerida-vacia: la ACTIVIDAD vacía, con el rol que elige la sugerencia", () => {
    expect(solo(patOrgano, "requeridas", organo(con(ORG, { 4: null })))).toEqual([{ celda: "E2", codigo: "celda-requerida-vacia", parametros: { rol: "actividad" } }]);
  });
  test("llena, nada", () => expect(solo(patOrgano, "requeridas", organo(ORG))).toEqual([]));
});

describe("meses", () => {
  test("mes-invalido: 13 no es un mes", () => {
    expect(solo(patOrgano, "meses", organo(con(ORG, { 5: 13 })))).toEqual([{ celda: "F2", codigo: "mes-invalido", parametros: { valor: "13" } }]);
  });
  test("meses-invertidos: de julio a marzo", () => {
    expect(solo(patOrgano, "meses", organo(con(ORG, { 5: 7, 6: 3 })))).toEqual([{ celda: "F2", codigo: "meses-invertidos", parametros: { inicial: 7, final: 3 } }]);
  });
  test("«enero» a junio, nada", () => expect(solo(patOrgano, "meses", organo(con(ORG, { 5: "enero" })))).toEqual([]));
});

describe("frecuencia", () => {
  test("frecuencia-invalida: el texto escrito, tal cual", () => {
    expect(solo(patOrgano, "frecuencia", organo(con(ORG, { 9: "Trimestal" })))).toEqual([{ celda: "J2", codigo: "frecuencia-invalida", parametros: { valor: "Trimestal" } }]);
  });
  test("Trimestral, nada", () => expect(solo(patOrgano, "frecuencia", organo(con(ORG, { 9: "Trimestral" })))).toEqual([]));
});

describe("meta", () => {
  test("meta-no-numerica y meta-no-positiva en una celda", () => {
    expect(solo(patOrgano, "meta", organo(con(ORG, { 11: "seis" })))).toEqual([{ celda: "L2", codigo: "meta-no-numerica", parametros: { valor: "seis", linea: null, ejemplo: "6" } }]);
    expect(solo(patOrgano, "meta", organo(con(ORG, { 11: 0 })))).toEqual([{ celda: "L2", codigo: "meta-no-positiva", parametros: { valor: 0, linea: null, ejemplo: "6" } }]);
  });
  test("en varias metas por celda, la línea que no es número", () => {
    expect(solo(avanceMetas, "meta", avance(con(AVA, { 3: "Acción\nAcción", 4: "18\nx" })))).toEqual([
      { celda: "E8", codigo: "meta-no-numerica", parametros: { valor: "x", linea: 2, ejemplo: "12.00" } },
    ]);
  });
  test("6, nada", () => expect(solo(patOrgano, "meta", organo(ORG))).toEqual([]));
});

describe("alcanzado", () => {
  test("valor-no-numerico y valor-negativo", () => {
    expect(solo(patOrgano, "alcanzado", organo(con(ORG, { 14: "cinco" })))).toEqual([{ celda: "O2", codigo: "valor-no-numerico", parametros: { valor: "cinco", rol: "alcanzado", linea: null } }]);
    expect(solo(patOrgano, "alcanzado", organo(con(ORG, { 14: -2 })))).toEqual([{ celda: "O2", codigo: "valor-negativo", parametros: { valor: -2, linea: null } }]);
  });
  test("en varias metas por celda, la línea negativa", () => {
    expect(solo(avanceMetas, "alcanzado", avance(con(AVA, { 3: "Acción\nAcción", 4: "18\n18", 5: "18\n18", 6: "13\n-1" })))).toEqual([
      { celda: "G8", codigo: "valor-negativo", parametros: { valor: -1, linea: 2 } },
    ]);
  });
  test("0 cumplidas, nada", () => expect(solo(patOrgano, "alcanzado", organo(con(ORG, { 14: 0 })))).toEqual([]));
});

describe("metodo", () => {
  test("metodo-invalido: el método escrito", () => {
    expect(solo(patOrgano, "metodo", organo(con(ORG, { 8: "A / / B" })))).toEqual([{ celda: "I2", codigo: "metodo-invalido", parametros: { texto: "A / / B" } }]);
  });
  test("metodo-divide-entre-100: la corrección con «× 100»", () => {
    expect(solo(patOrgano, "metodo", organo(con(ORG, { 8: "(A / B)/100" })))).toEqual([
      { celda: "I2", codigo: "metodo-divide-entre-100", parametros: { correccion: "(A / B) × 100", nota: false } },
    ]);
  });
  test("«A / B x 100», nada", () => expect(solo(patOrgano, "metodo", organo(con(ORG, { 8: "A / B x 100" })))).toEqual([]));
});

describe("porcentaje-indicador", () => {
  test("porcentaje-sin-por-100: el indicador se llama «Porcentaje…»", () => {
    expect(solo(patOrgano, "porcentaje-indicador", organo(con(ORG, { 7: "Porcentaje de informes", 8: "A / B" })))).toEqual([
      { celda: "I2", codigo: "porcentaje-sin-por-100", parametros: { motivo: { por: "nombre", indicador: "Porcentaje de informes" }, valor: "A / B", nota: false } },
    ]);
  });
  test("con «× 100», nada", () => expect(solo(patOrgano, "porcentaje-indicador", organo(con(ORG, { 7: "Porcentaje de informes", 8: "A / B x 100" })))).toEqual([]));
});

describe("meta-uno", () => {
  test("meta-porcentaje-uno: META 1 en un indicador de porcentaje", () => {
    expect(solo(patTransversal, "meta-uno", transversal(con(TRA, { 13: 1 })))).toEqual([{ celda: "N2", codigo: "meta-porcentaje-uno", parametros: {} }]);
  });
  test("100%, nada", () => expect(solo(patTransversal, "meta-uno", transversal(TRA))).toEqual([]));
});

describe("marcadores", () => {
  test("marcador-plantilla en una celda propia", () => {
    const hs = solo(patOrgano, "marcadores", organo(con(ORG, { 13: "Ver xxx" })));
    expect(hs.map((h) => [h.celda, h.codigo])).toEqual([["N2", "marcador-plantilla"]]);
    expect(hs[0].parametros).toEqual({ marcador: expect.stringContaining("xx") });
  });
  test("no se encima sobre un error de la misma celda", () => {
    const f = cargarFormato({ ...patOrgano, id: "meta-y-marcadores", reglas: ["meta", "marcadores"] });
    if (!f.ok) throw new Error("formato");
    expect(analizarHoja(organo(con(ORG, { 11: "xxx" })), { formatos: [f.valor] }).hallazgos.map((h) => h.codigo)).toEqual(["meta-no-numerica"]);
  });
  test("un texto real, nada", () => expect(solo(patOrgano, "marcadores", organo(con(ORG, { 13: "Sin observaciones" })))).toEqual([]));
});

describe("estatus", () => {
  test("estatus-invalido: fuera del catálogo", () => {
    expect(solo(patOrgano, "estatus", organo(con(ORG, { 16: "TERMINADA" })))).toEqual([{ celda: "Q2", codigo: "estatus-invalido", parametros: { valor: "TERMINADA" } }]);
  });
  test("estatus-contradictorio: CUMPLIDA con 5 de 6", () => {
    const hs = solo(patOrgano, "estatus", organo(con(ORG, { 16: "CUMPLIDA" })));
    expect(hs).toEqual([{ celda: "Q2", codigo: "estatus-contradictorio", parametros: expect.objectContaining({ valor: "CUMPLIDA", esperado: "EN PROCESO" }) }]);
  });
  test("EN PROCESO con 5 de 6, nada", () => expect(solo(patOrgano, "estatus", organo(ORG))).toEqual([]));
});

describe("periodos", () => {
  test("meta-periodos: Mensual de 1 a 6 son 6 informes, no 4", () => {
    expect(solo(patOrgano, "periodos", organo(con(ORG, { 11: 4, 14: 3 })))).toEqual([
      { celda: "L2", codigo: "meta-periodos", parametros: { frecuencia: "Mensual", inicial: 1, final: 6, periodos: 6, meta: 4 } },
    ]);
  });
  test("meta 6, nada", () => expect(solo(patOrgano, "periodos", organo(ORG))).toEqual([]));
});

describe("inyeccion", () => {
  test("inyeccion-formula: en una columna del formato y en una que no conoce", () => {
    expect(solo(patOrgano, "inyeccion", organo(con(ORG, { 13: "=x", 17: "+abc" })))).toEqual([
      { celda: "N2", codigo: "inyeccion-formula", parametros: { caracter: "=", valor: "=x", fueraDelFormato: false } },
      { celda: "R2", codigo: "inyeccion-formula", parametros: { caracter: "+", valor: "+abc", fueraDelFormato: true } },
    ]);
  });
  test("formula-externa: HYPERLINK en OBSERVACIONES", () => {
    const h = hoja("o", [ENCABEZADO_ORGANO, ORG], { formulas: { N2: "=HYPERLINK(\"http://x\")" } });
    expect(solo(patOrgano, "inyeccion", h)).toEqual([{ celda: "N2", codigo: "formula-externa", parametros: { llamada: "HYPERLINK", valor: "=HYPERLINK(\"http://x\")", fueraDelFormato: false } }]);
  });
  test("«-5» y «---» no son fórmulas", () => expect(solo(patOrgano, "inyeccion", organo(con(ORG, { 13: "-5", 17: "---" })))).toEqual([]));
});

describe("tendencia", () => {
  test("tendencia-invalida", () => {
    expect(solo(patTransversal, "tendencia", transversal(con(TRA, { 14: "Subida" })))).toEqual([{ celda: "O2", codigo: "tendencia-invalida", parametros: { valor: "Subida" } }]);
  });
  test("Reducción, nada", () => expect(solo(patTransversal, "tendencia", transversal(con(TRA, { 14: "Reducción" })))).toEqual([]));
});

describe("dimension", () => {
  test("dimension-invalida", () => {
    expect(solo(patTransversal, "dimension", transversal(con(TRA, { 7: "Efic" })))).toEqual([{ celda: "H2", codigo: "dimension-invalida", parametros: { valor: "Efic" } }]);
  });
  test("«Calidad.», nada", () => expect(solo(patTransversal, "dimension", transversal(con(TRA, { 7: "Calidad." })))).toEqual([]));
});

describe("unidad", () => {
  test("unidad-numerica", () => {
    expect(solo(patTransversal, "unidad", transversal(con(TRA, { 11: 5 })))).toEqual([{ celda: "L2", codigo: "unidad-numerica", parametros: { valor: "5" } }]);
  });
  test("Documento, nada", () => expect(solo(patTransversal, "unidad", transversal(con(TRA, { 11: "Documento" })))).toEqual([]));
});

describe("lineas-meta", () => {
  test("lineas-meta-desiguales: una línea donde la unidad tiene dos, y varias cifras en una línea", () => {
    const base = { 3: "Acción\nAcción", 4: "18\n18", 5: "18\n18" };
    expect(solo(avanceMetas, "lineas-meta", avance(con(AVA, { ...base, 6: "13" })))).toEqual([
      { celda: "G8", codigo: "lineas-meta-desiguales", parametros: { lineas: 1, esperadas: 2, referencia: "UNIDAD DE MEDIDA", juntas: null } },
    ]);
    expect(solo(avanceMetas, "lineas-meta", avance(con(AVA, { ...base, 6: "13 5" })))).toEqual([
      { celda: "G8", codigo: "lineas-meta-desiguales", parametros: { lineas: 1, esperadas: 2, referencia: "UNIDAD DE MEDIDA", juntas: "13 5" } },
    ]);
  });
  test("dos líneas en cada columna, nada", () => {
    expect(solo(avanceMetas, "lineas-meta", avance(con(AVA, { 3: "Acción\nAcción", 4: "18\n18", 5: "18\n18", 6: "13\n5", 7: "72.22\n27.78" })))).toEqual([]);
  });
});

describe("calculados", () => {
  test("calculo-discrepante: 50 donde 5 de 6 dan 83.33", () => {
    const hs = solo(patOrgano, "calculados", organo(con(ORG, { 15: 50 })));
    expect(hs).toEqual([{ celda: "P2", codigo: "calculo-discrepante", parametros: expect.objectContaining({ forma: "celda", valor: "50", esperado: "83.33" }) }]);
  });
  test("calculado-con-texto: texto donde no hay nada que calcular (meta ilegible)", () => {
    expect(solo(patOrgano, "calculados", organo(con(ORG, { 11: "x", 15: "texto" })))).toEqual([{ celda: "P2", codigo: "calculado-con-texto", parametros: { valor: "texto" } }]);
  });
  test("83.33, nada", () => expect(solo(patOrgano, "calculados", organo(ORG))).toEqual([]));
});

describe("sobrecumplimiento", () => {
  test("8 de una meta de 6", () => {
    expect(solo(patOrgano, "sobrecumplimiento", organo(con(ORG, { 14: 8 })))).toEqual([{ celda: "O2", codigo: "sobrecumplimiento", parametros: { alcanzado: 8, meta: 6, comoAvance: false } }]);
  });
  test("6 de 6, nada", () => expect(solo(patOrgano, "sobrecumplimiento", organo(con(ORG, { 14: 6 })))).toEqual([]));
});

describe("personas", () => {
  test("personas-no-suman: 65 + 114 ≠ 200", () => {
    expect(solo(avanceMetas, "personas", avance(con(AVA, { 15: 200 })))).toEqual([{ celda: "P8", codigo: "personas-no-suman", parametros: { persona: 200, mujer: 65, hombre: 114 } }]);
  });
  test("65 + 114 = 179, nada", () => expect(solo(avanceMetas, "personas", avance(AVA))).toEqual([]));
});

describe("presupuesto", () => {
  test("devengado-mayor-modificado", () => {
    expect(solo(avanceMetas, "presupuesto", avance(con(AVA, { 10: "20 000 000.00" })))).toEqual([
      { celda: "K8", codigo: "devengado-mayor-modificado", parametros: { devengado: 20000000, modificado: 19168943.95 } },
    ]);
  });
  test("devengado menor, nada", () => expect(solo(avanceMetas, "presupuesto", avance(AVA))).toEqual([]));
});

describe("clave-repetida", () => {
  test("la segunda A001 dice dónde está la primera", () => {
    expect(solo(avanceMetas, "clave-repetida", avance(AVA, AVA))).toEqual([{ celda: "A9", codigo: "clave-repetida", parametros: { valor: "A001", primera: 8 } }]);
  });
  test("claves distintas, nada", () => expect(solo(avanceMetas, "clave-repetida", avance(AVA, con(AVA, { 0: "A002" })))).toEqual([]));
});

describe("desviacion", () => {
  test("desviacion-sin-justificar: 1 de 6 esperados al corte 6 va en ROJO", () => {
    expect(solo(patOrgano, "desviacion", organo(con(ORG, { 14: 1, 15: null, 16: null })), 6)).toEqual([
      { celda: "N2", codigo: "desviacion-sin-justificar", parametros: { situacion: "ROJO", alcanzado: 1, esperado: 6 } },
    ]);
  });
  test("con la explicación escrita, nada", () => {
    expect(solo(patOrgano, "desviacion", organo(con(ORG, { 13: "Se retrasó por el proceso electoral.", 14: 1, 15: null, 16: null })), 6)).toEqual([]);
  });
});
