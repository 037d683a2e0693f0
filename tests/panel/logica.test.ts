import { es, en, crearTraductor, idiomaDe } from "../../src/localization";
import { agruparPorFila, contarPorSeveridad, marcasDe, mesCortePorDefecto, escrituraDe } from "../../src/taskpane/logica";
import type { Hallazgo } from "../../src/core/tipos";

const h = (celda: string, severidad: Hallazgo["severidad"], mensaje = "m"): Hallazgo => ({
  codigo: "x", severidad, celda, fila: Number(celda.replace(/\D/g, "")), columna: celda.replace(/\d/g, ""), encabezado: "X", mensaje, mensajeEn: `${mensaje} (en)`,
  posicion: { fila: Number(celda.replace(/\D/g, "")), columna: celda.replace(/\d/g, "").charCodeAt(0) - 64 },
});

test("mes de corte por defecto: diciembre para un año pasado, el mes actual para el año en curso", () => {
  const hoy = new Date(2025, 4, 10);
  expect(mesCortePorDefecto(2024, hoy)).toBe(12);
  expect(mesCortePorDefecto(2025, hoy)).toBe(5);
  expect(mesCortePorDefecto(null, hoy)).toBe(5);
  expect(mesCortePorDefecto(2026, hoy)).toBe(1);
});

test("hallazgos agrupados por fila, con la severidad más grave y filtro", () => {
  const lista = [h("J10", "warning"), h("B3", "info"), h("A10", "error"), h("C3", "info")];
  const g = agruparPorFila(lista);
  expect(g.map((x) => [x.fila, x.severidad])).toEqual([[3, "info"], [10, "error"]]);
  expect(g[1].hallazgos.map((x) => x.celda)).toEqual(["A10", "J10"]);
  expect(agruparPorFila(lista, "error")).toHaveLength(1);
  expect(contarPorSeveridad(lista)).toEqual({ error: 1, warning: 1, info: 2 });
});

test("una marca por celda con el color más grave y todas sus notas", () => {
  const t = crearTraductor("es");
  const m = marcasDe([h("J10", "warning", "uno"), h("J10", "error", "dos")], t);
  expect(m).toHaveLength(1);
  expect(m[0].color).toBe("#FFC7CE");
  expect(m[0].nota).toBe("PAT Indicadores — Advertencia: uno\nPAT Indicadores — Error: dos");
});

test("escrituras: fórmulas con «=» y valores tal cual", () => {
  expect(escrituraDe({ posicion: { fila: 7, columna: 16 }, despues: "=PAT.PORCENTAJE(O7,L7)", esFormula: true })).toEqual({ celda: "P7", formula: "=PAT.PORCENTAJE(O7,L7)" });
  expect(escrituraDe({ posicion: { fila: 7, columna: 16 }, despues: 50, esFormula: false })).toEqual({ celda: "P7", valor: 50 });
});

test("textos: en tiene exactamente las claves de es, y el idioma sale de Office", () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
  for (const [k, v] of Object.entries(es)) {
    const marcas = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    expect([k, marcas((en as Record<string, string>)[k])]).toEqual([k, marcas(v)]);
  }
  expect(idiomaDe("en-US")).toBe("en");
  expect(idiomaDe("es-MX")).toBe("es");
  expect(idiomaDe("fr-FR")).toBe("es");
  expect(crearTraductor("en")("llenar.aplicado", { n: 3, hoja: "PAT" })).toBe('3 cells written in "PAT". You can revert with "Undo fill".');
});

