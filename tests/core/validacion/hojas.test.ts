/**
 * Hojas de los seeds: la versión limpia no da ningún error ni aviso; la versión con defectos
 * sembrados da exactamente esos hallazgos, en su celda y con su código, y nada más.
 */
import { analizarHoja, type AnalisisHoja, type Hallazgo } from "../../../src/core";
import { avanceDefectos, avanceLimpia, ESPERADOS_AVANCE, INFO_AVANCE_LIMPIA } from "../../fixtures/hojas/avance-metas";
import { ESPERADOS_RESULTADOS, resultadosDefectos, resultadosLimpia } from "../../fixtures/hojas/indicadores-resultados";
import { ESPERADOS_ORGANO, INFO_ORGANO_LIMPIA, patOrganoDefectos, patOrganoLimpia } from "../../fixtures/hojas/pat-organo";
import { ESPERADOS_TRANSVERSAL, patTransversalDefectos, patTransversalLimpia } from "../../fixtures/hojas/pat-transversal";
import { CATALOGO } from "../../../src/core/validacion/catalogo";
import { mostrarHallazgo } from "../../../src/core/validacion/mostrar-hallazgo";

const pares = (hs: Hallazgo[]): Array<{ celda: string; codigo: string }> => hs.map((h) => ({ celda: h.celda, codigo: h.codigo }));
const graves = (a: AnalisisHoja): Hallazgo[] => a.hallazgos.filter((h) => h.severidad !== "info");

describe.each([
  ["pat-organo", patOrganoLimpia, INFO_ORGANO_LIMPIA, 9],
  ["pat-transversal", patTransversalLimpia, [], 5],
  ["indicadores-resultados", resultadosLimpia, [], 7],
  ["avance-metas", avanceLimpia, INFO_AVANCE_LIMPIA, 7],
])("hoja limpia %s", (id, h, info, filas) => {
  test("ningún error ni aviso", () => {
    const a = analizarHoja(h);
    expect(a.deteccion?.formato.id).toBe(id);
    expect(graves(a)).toEqual([]);
  });
  test("solo la información esperada y todas las actividades leídas", () => {
    const a = analizarHoja(h);
    expect(pares(a.hallazgos)).toEqual(info);
    expect(a.filasDatos).toBe(filas);
  });
});

describe.each([
  ["pat-organo", patOrganoDefectos, ESPERADOS_ORGANO],
  ["pat-transversal", patTransversalDefectos, ESPERADOS_TRANSVERSAL],
  ["indicadores-resultados", resultadosDefectos, ESPERADOS_RESULTADOS],
  ["avance-metas", avanceDefectos, ESPERADOS_AVANCE],
])("hoja con defectos sembrados %s", (id, h, esperados) => {
  const a = analizarHoja(h);
  test("cada defecto en su celda con su código, y nada más", () => {
    expect(a.deteccion?.formato.id).toBe(id);
    const ordenar = (xs: Array<{ celda: string; codigo: string }>) => [...xs].sort((p, q) => `${p.celda}${p.codigo}`.localeCompare(`${q.celda}${q.codigo}`));
    expect(ordenar(pares(a.hallazgos))).toEqual(ordenar(esperados));
  });
  test("cada hallazgo está completo: severidad del catálogo, fila, columna, encabezado y mensajes no genéricos", () => {
    for (const x of a.hallazgos) {
      expect(x.severidad).toBe(CATALOGO[x.codigo].severidad);
      expect(x.celda).toBe(`${x.columna}${x.fila}`);
      expect(x.encabezado.length).toBeGreaterThan(0);
      expect(mostrarHallazgo(x, "es")).not.toMatch(/\{\w+\}/);
      expect(mostrarHallazgo(x, "en")).not.toMatch(/\{\w+\}/);
      expect(mostrarHallazgo(x, "es")).toMatch(/Escriba|escriba|Sustitúyalo|Quite|Corrija|corrija|Llene/);
    }
  });
  test("ordenados por fila y luego por columna", () => {
    for (let i = 1; i < a.hallazgos.length; i++) {
      const p = a.hallazgos[i - 1];
      const q = a.hallazgos[i];
      expect(p.fila < q.fila || (p.fila === q.fila && (p.columna.length < q.columna.length || (p.columna.length === q.columna.length && p.columna <= q.columna)))).toBe(true);
    }
  });
});

test("mensajes concretos de los defectos sembrados", () => {
  const a = analizarHoja(patOrganoDefectos);
  const m = (celda: string) => mostrarHallazgo(a.hallazgos.find((h) => h.celda === celda)!, "es");
  expect(m("J29")).toContain("¿Quiso decir «Trimestral»?");
  expect(m("P38")).toBe("PORCENTAJE CUMPLIDO (%) dice 50, pero 5 / 6 × 100 = 83.33. Escriba 83.33 (o use «Llenar» para calcularlo).");
  expect(m("Q40")).toBe("El estatus dice CUMPLIDA, pero se lleva 2 de 6. Escriba EN PROCESO.");
  expect(m("I35")).toContain("«(Documento realizado / Documento presentado) × 100»");
  const t = analizarHoja(patTransversalDefectos);
  const mt = (celda: string) => mostrarHallazgo(t.hallazgos.find((h) => h.celda === celda)!, "es");
  expect(mt("N13")).toContain("¿quiso decir 100 %?");
  expect(mt("S14")).toContain("VALOR DE CÁLCULO 2: «Fecha en la que se solicita");
  expect(mt("J15")).toContain("Al llenar, el «/100» se lee como «× 100».");
  const c = analizarHoja(avanceDefectos);
  expect(mostrarHallazgo(c.hallazgos.find((h) => h.celda === "E23")!, "es")).toContain("tiene varias cifras en una sola línea");
  expect(mostrarHallazgo(c.hallazgos.find((h) => h.celda === "P18")!, "es")).toBe("PERSONA dice 25, pero MUJER + HOMBRE = 10 + 10 = 20. Escriba 20 en PERSONA o corrija MUJER y HOMBRE.");
});

test("con corte 6, los estatus que ya vencieron se señalan (y solo esos)", () => {
  // La hoja limpia se llenó sin corte: 4.1 (1–3), 5.1 (3–4), 6.1 (4–5) y 6.2 (4–4) ya terminaron al mes 6.
  // (Las desviaciones sin OBSERVACIONES de esas filas se prueban en «desviacion-sin-justificar».)
  const a = analizarHoja(patOrganoLimpia, { corte: 6 });
  expect(pares(graves(a)).filter((p) => p.codigo !== "desviacion-sin-justificar")).toEqual([
    { celda: "Q13", codigo: "estatus-contradictorio" },
    { celda: "Q15", codigo: "estatus-contradictorio" },
    { celda: "Q18", codigo: "estatus-contradictorio" },
    { celda: "Q19", codigo: "estatus-contradictorio" },
  ]);
  expect(mostrarHallazgo(a.hallazgos.find((h) => h.celda === "Q13")!, "es")).toBe(
    "El estatus dice EN PROCESO, pero al corte (mes 6) ya pasó el mes final (3) y se alcanzó 2 de 3. Escriba NO CUMPLIDA.",
  );
  for (const h of [patTransversalLimpia, resultadosLimpia, avanceLimpia]) expect(graves(analizarHoja(h, { corte: 6 })).filter((x) => x.codigo !== "desviacion-sin-justificar")).toEqual([]);
});
