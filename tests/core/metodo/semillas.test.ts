/**
 * Prueba dorada: TODOS los métodos de cálculo de las semillas, copiados literalmente, con su
 * clase, variables y marcas esperadas. Solo la semilla 004 (IEEBCS, PAT 2024) trae métodos:
 * la columna MÉTODO DE CÁLCULO de sus dos hojas y las celdas «Fórmula» de la hoja transversal
 * (las de META ALCANZADA y PORCENTAJE DE LA META CUMPLIDO). Las líneas son las de
 * /work/shared/seeds/004_341a457c62930cc9.txt.
 */
import * as fs from "fs";
import { analizarMetodo, evaluarMetodo, revisarMetodo, type ClaseMetodo, type Metodo } from "../../../src/core/metodo";

interface Dorado {
  texto: string;
  clase: ClaseMetodo;
  variables: string[];
  multiplicaPor100: boolean;
  divideEntre100: boolean;
}

const SEMILLAS: Dorado[] = [
  {
    // MÉTODO DE CÁLCULO (pat-organo), líneas 290, 292, 294, 296, 298, 301, 302, 303, 305, 307, 309
    texto: "Documento realizado/ Documento presentado X 100",
    clase: "porcentaje",
    variables: ["Documento realizado", "Documento presentado"],
    multiplicaPor100: true,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 318
    texto: "(Solicitudes de información atendidas / Solicitudes de información turnadas por la DEOE) x 100",
    clase: "porcentaje",
    variables: ["Solicitudes de información atendidas", "Solicitudes de información turnadas por la DEOE"],
    multiplicaPor100: true,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 319
    texto: "(Observaciones atendidas / Observaciones solicitadas por la DEOE) x 100",
    clase: "porcentaje",
    variables: ["Observaciones atendidas", "Observaciones solicitadas por la DEOE"],
    multiplicaPor100: true,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 320
    texto: "(Formatos FRI capturados / Formatos FRI solicitados por la DEOE) x 100",
    clase: "porcentaje",
    variables: ["Formatos FRI capturados", "Formatos FRI solicitados por la DEOE"],
    multiplicaPor100: true,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 321
    texto: "(Formatos FRI actualizados / Formatos FRI solicitados para actualizar por la DEOE) x 100",
    clase: "porcentaje",
    variables: ["Formatos FRI actualizados", "Formatos FRI solicitados para actualizar por la DEOE"],
    multiplicaPor100: true,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 322
    texto: "(Solicitudes atendidas y respondidas en el plazo de 10 días/Solicitudes turnadas por la DTASISPE)/100",
    clase: "porcentaje",
    variables: ["Solicitudes atendidas y respondidas en el plazo de 10 días", "Solicitudes turnadas por la DTASISPE"],
    multiplicaPor100: false,
    divideEntre100: true,
  },
  {
    // Fórmula (pat-transversal), línea 322
    texto: "Solicitudes atendidas y respondidas en el plazo de 10 días/Solicitudes turnadas por la DTASISPE",
    clase: "razon",
    variables: ["Solicitudes atendidas y respondidas en el plazo de 10 días", "Solicitudes turnadas por la DTASISPE"],
    multiplicaPor100: false,
    divideEntre100: false,
  },
  {
    // Fórmula (pat-transversal), líneas 322–330
    texto: "meta alcanzada / meta propuesta",
    clase: "razon",
    variables: ["meta alcanzada", "meta propuesta"],
    multiplicaPor100: false,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 323
    texto: "(Solicitudes de clasificación de información sometidas a la DTASISPE/ Solicitudes realizadas al área que incluyen documentos por los que se debe solicitar la clasificación)/100",
    clase: "porcentaje",
    variables: ["Solicitudes de clasificación de información sometidas a la DTASISPE", "Solicitudes realizadas al área que incluyen documentos por los que se debe solicitar la clasificación"],
    multiplicaPor100: false,
    divideEntre100: true,
  },
  {
    // Fórmula (pat-transversal), línea 323
    texto: "Solicitudes de clasificación de información sometidas a la DTASISPE/ Solicitudes realizadas al área que incluyen documentos por los que se debe solicitar la clasificación",
    clase: "razon",
    variables: ["Solicitudes de clasificación de información sometidas a la DTASISPE", "Solicitudes realizadas al área que incluyen documentos por los que se debe solicitar la clasificación"],
    multiplicaPor100: false,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 324
    texto: "(Número de formatos elaborados en versión pública / número de formatos compilados)*100",
    clase: "porcentaje",
    variables: ["Número de formatos elaborados en versión pública", "número de formatos compilados"],
    multiplicaPor100: true,
    divideEntre100: false,
  },
  {
    // Fórmula (pat-transversal), línea 324
    texto: "Número de formatos elaborados en versión pública / número de formatos compilados",
    clase: "razon",
    variables: ["Número de formatos elaborados en versión pública", "número de formatos compilados"],
    multiplicaPor100: false,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 325 (también su Fórmula)
    texto: "Número de fracciones actualizadas en el mes de cumplimiento / Número de fracciones solicitadas para su actualización por la DTASISPE",
    clase: "razon",
    variables: ["Número de fracciones actualizadas en el mes de cumplimiento", "Número de fracciones solicitadas para su actualización por la DTASISPE"],
    multiplicaPor100: false,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 326
    texto: "(Cantidad de formatos remitidos en tiempo / Cantidad de formatos solicitados por la DEAF) x 100",
    clase: "porcentaje",
    variables: ["Cantidad de formatos remitidos en tiempo", "Cantidad de formatos solicitados por la DEAF"],
    multiplicaPor100: true,
    divideEntre100: false,
  },
  {
    // Fórmula (pat-transversal), líneas 326–330
    texto: "Valor de cálculo 1 / Valor de cálculo 2",
    clase: "razon",
    variables: ["Valor de cálculo 1", "Valor de cálculo 2"],
    multiplicaPor100: false,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 327
    texto: "(Cantidad de formatos remitidos en tiempo y forma / Cantidad de formatos solicitados por la DEAF) x 100",
    clase: "porcentaje",
    variables: ["Cantidad de formatos remitidos en tiempo y forma", "Cantidad de formatos solicitados por la DEAF"],
    multiplicaPor100: true,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 328
    texto: "Manual de procesos elaborado / Manual de procesos requerido",
    clase: "razon",
    variables: ["Manual de procesos elaborado", "Manual de procesos requerido"],
    multiplicaPor100: false,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 329
    texto: "Documentos actualizados en el SISE por parte de la Unidad / Cantidad de documentos presentados en las sesiones",
    clase: "razon",
    variables: ["Documentos actualizados en el SISE por parte de la Unidad", "Cantidad de documentos presentados en las sesiones"],
    multiplicaPor100: false,
    divideEntre100: false,
  },
  {
    // MÉTODO DE CÁLCULO (pat-transversal), línea 330
    texto: "Material considerado para su publicación / Material que se solicitó a la Unidad publicar",
    clase: "razon",
    variables: ["Material considerado para su publicación", "Material que se solicitó a la Unidad publicar"],
    multiplicaPor100: false,
    divideEntre100: false,
  },
];

function analizado(texto: string): Metodo {
  const r = analizarMetodo(texto);
  if (!r.ok) throw new Error(`no se analizó «${texto}»: ${r.error.mensaje}`);
  return r.valor;
}

describe("métodos de las semillas (prueba dorada)", () => {
  test.each(SEMILLAS.map((s) => [s.texto, s] as const))("%s", (_texto, s) => {
    const m = analizado(s.texto);
    expect(m.clase).toBe(s.clase);
    expect(m.variables).toEqual(s.variables);
    expect(m.multiplicaPor100).toBe(s.multiplicaPor100);
    expect(m.divideEntre100).toBe(s.divideEntre100);
    expect(m.texto).toBe(s.texto);
  });

  test.each(SEMILLAS.map((s) => [s.texto, s] as const))("evalúa con 8 y 10: %s", (_texto, s) => {
    const m = analizado(s.texto);
    const r = evaluarMetodo(m, [8, 10]);
    const esperado = s.multiplicaPor100 ? 80 : s.divideEntre100 ? 0.008 : 0.8;
    expect(r.ok && r.valor).toBeCloseTo(esperado, 10);
    // El llenado de un porcentaje lee el «/100» final como «× 100».
    const llenado = evaluarMetodo(m, [8, 10], { entre100ComoPor100: true });
    expect(llenado.ok && llenado.valor).toBeCloseTo(s.divideEntre100 ? 80 : esperado, 10);
  });

  test("revisarMetodo solo señala los que dividen entre 100", () => {
    for (const s of SEMILLAS) {
      const r = revisarMetodo(s.texto);
      expect(r.ok).toBe(!s.divideEntre100);
      if (s.divideEntre100) {
        expect(r.problemas).toHaveLength(1);
        expect(r.problemas[0].es).toContain("divide entre 100");
        expect(r.problemas[0].es).toContain(") × 100»");
      } else {
        expect(r.problemas).toEqual([]);
      }
    }
  });

  test("las semillas traen porcentajes y razones, y dos métodos que dividen entre 100", () => {
    const clases = new Set(SEMILLAS.map((s) => s.clase));
    expect(clases).toEqual(new Set(["porcentaje", "razon"]));
    expect(SEMILLAS.filter((s) => s.divideEntre100)).toHaveLength(2);
  });

  // Si la semilla está disponible, comprueba que la lista no deja fuera ningún método.
  const RUTA = "/work/shared/seeds/004_341a457c62930cc9.txt";
  (fs.existsSync(RUTA) ? test : test.skip)("la lista contiene todos los métodos de la semilla 004", () => {
    const lineas = fs.readFileSync(RUTA, "utf8").split("\n");
    const encontrados = new Set<string>();
    let hoja: "organo" | "transversal" | null = null;
    for (const linea of lineas) {
      if (linea.startsWith("NÚMERO\tPOLÍTICAS GENERALES")) hoja = "organo";
      else if (linea.startsWith("NÚMERO\tPROGRAMA")) hoja = "transversal";
      const celdas = linea.split("\t");
      if (hoja === null || celdas.length < 10) continue;
      const candidatas = hoja === "organo" ? [celdas[8]] : [celdas[9], ...celdas.slice(17, 21)];
      for (const c of candidatas) {
        if (c && c !== "MÉTODO DE CÁLCULO" && c.includes("/")) encontrados.add(c);
      }
    }
    const listados = new Set(SEMILLAS.map((s) => s.texto));
    expect([...encontrados].filter((t) => !listados.has(t))).toEqual([]);
    expect(encontrados.size).toBe(SEMILLAS.length);
  });
});
