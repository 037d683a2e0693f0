import ExcelJS from "exceljs";
import { describirPlantilla, listarFormatos, type Formato } from "../../src/core";
import { libroABytes } from "../../src/xlsx/escribir";
import { leerLibro } from "../../src/xlsx/lector";
import { renderizarPlantilla } from "../../src/xlsx/plantilla";

function formato(id: string): Formato {
  const f = listarFormatos().find((x) => x.id === id);
  if (!f) throw new Error(`sin formato ${id}`);
  return f;
}

describe("renderizarPlantilla", () => {
  test.each(["pat-organo", "pat-transversal", "indicadores-resultados", "avance-metas"])("%s: lo descrito queda en la hoja y sobrevive a guardar y leer", async (id) => {
    const p = describirPlantilla(formato(id), { anio: 2025, filas: 10 });
    const wb = new ExcelJS.Workbook();
    renderizarPlantilla(wb, p);
    const bytes = await libroABytes(wb);
    const r = leerLibro(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Anchos, validaciones y formatos condicionales: releídos con exceljs, que los escribió.
    const releido = new ExcelJS.Workbook();
    await releido.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = releido.worksheets[0];
    const h = r.valor.hojas[0];
    expect(ws.name).toBe(p.nombreHoja);
    p.titulos.forEach((t, i) => expect(h.valores[i][0]).toBe(t));
    for (const c of p.columnas) {
      expect(h.valores[p.filaEncabezado - 1][c.indice]).toBe(c.encabezado);
      expect(ws.getColumn(c.indice + 1).width).toBeCloseTo(c.ancho, 3);
      if (c.formatoNumero) expect(ws.getCell(p.primeraFilaDatos, c.indice + 1).numFmt).toBe(c.formatoNumero);
      if (c.etiqueta && p.filaEtiquetas) expect(h.valores[p.filaEtiquetas - 1][c.indice]).toBe(c.etiqueta);
    }
    for (const f of p.formulas) expect(`=${ws.getCell(f.celda).formula}`).toBe(f.formula.startsWith("=") ? f.formula : `=${f.formula}`);
    const listas = p.columnas.filter((c) => c.lista && c.lista.length);
    for (const c of listas) {
      const dv = ws.getCell(p.primeraFilaDatos, c.indice + 1).dataValidation;
      expect(dv?.type).toBe("list");
      expect(dv?.formulae?.[0]).toBe(`"${c.lista!.join(",")}"`);
    }
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: unknown[] }[] }).conditionalFormattings;
    expect(cf.reduce((n, x) => n + x.rules.length, 0)).toBe(p.condicionales.length);
    // Encabezado ajustado con el alto de su texto más largo; la celda rotulada del corte.
    expect(ws.getRow(p.filaEncabezado).height).toBe(p.altoEncabezado);
    expect(ws.getCell(p.filaEncabezado, 1).alignment?.wrapText).toBe(true);
    if (p.corte) {
      expect(h.valores[p.corte.fila - 1][0]).toBe("MES DE CORTE");
      expect(ws.getCell(p.corte.celda).dataValidation?.type).toBe("whole");
      expect(p.formulas.some((f) => f.formula.includes(p.corte!.referencia))).toBe(true);
    }
    // Títulos combinados a todo lo ancho.
    if (p.titulos.length) expect(h.combinaciones?.[0]).toEqual({ filaInicio: 0, columnaInicio: 0, filaFin: 0, columnaFin: p.columnas.length - 1 });
  });
});
