/**
 * Puente entre exceljs (solo en la vista previa, nunca en el panel) y el libro en memoria:
 * al abrir, las hojas de `src/xlsx` más rellenos, notas y protección; al descargar, lo que
 * cambió en memoria vuelve al libro de exceljs (valores, fórmulas, rellenos, notas y las
 * hojas nuevas con sus validaciones y formatos) y se serializa.
 */
import type ExcelJS from "exceljs";
import type { HojaDatos, ValorCelda } from "../core/tipos";
import { a1, leerRango } from "../excel/direcciones";
import type { ExtrasHoja, HojaMemoria, LibroMemoria } from "../excel/memoria";

type Relleno = { type?: string; pattern?: string; fgColor?: { argb?: string } };

function colorDe(fill: unknown): string | null {
  const f = fill as Relleno | undefined;
  if (!f || f.type !== "pattern" || f.pattern !== "solid") return null;
  const argb = f.fgColor?.argb;
  return argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

function textoNota(n: unknown): string | null {
  if (!n) return null;
  if (typeof n === "string") return n;
  const textos = (n as { texts?: Array<{ text?: string }> }).texts;
  return Array.isArray(textos) ? textos.map((x) => x.text ?? "").join("") : null;
}

/** Rellenos, notas y protección de una hoja de exceljs. */
export function extrasDe(ws: ExcelJS.Worksheet): ExtrasHoja {
  const rellenos: Array<{ celda: string; color: string }> = [];
  const notas: Array<{ celda: string; nota: string }> = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const color = colorDe(cell.fill);
      if (color) rellenos.push({ celda: cell.address, color });
      const nota = textoNota(cell.note);
      if (nota) notas.push({ celda: cell.address, nota });
    }),
  );
  const proteccion = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return { rellenos, notas, protegida: Boolean(proteccion && proteccion.sheet) };
}

export function hojasConExtras(wb: ExcelJS.Workbook, hojas: ReadonlyArray<HojaDatos>): Array<HojaDatos & ExtrasHoja> {
  return hojas.map((h) => {
    const ws = wb.getWorksheet(h.nombre);
    return ws ? { ...h, ...extrasDe(ws) } : h;
  });
}

const argb = (color: string): string => `FF${color.replace("#", "").toUpperCase()}`;

function mismoValor(a: unknown, b: ValorCelda): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if ((a === null || a === undefined || a === "") && (b === null || b === "")) return true;
  return a === b;
}

function formulaDe(v: unknown): string | null {
  if (v && typeof v === "object" && "formula" in (v as object)) return `=${(v as { formula: string }).formula}`;
  if (v && typeof v === "object" && "sharedFormula" in (v as object)) return "(compartida)";
  return null;
}

function valorDe(v: unknown): unknown {
  if (v && typeof v === "object" && !(v instanceof Date)) {
    const o = v as { result?: unknown; richText?: Array<{ text: string }>; text?: string };
    if ("result" in o) return o.result;
    if (Array.isArray(o.richText)) return o.richText.map((x) => x.text).join("");
    if ("text" in o) return o.text;
  }
  return v;
}

function volcarHoja(h: HojaMemoria, ws: ExcelJS.Worksheet, nueva: boolean): void {
  for (const [k, c] of h.celdas) {
    const [r, col] = k.split(":").map(Number);
    const cell = ws.getCell(r + 1, col + 1);
    const actualFormula = formulaDe(cell.value);
    if (c.formula) {
      if (actualFormula !== c.formula) cell.value = { formula: c.formula.slice(1) } as ExcelJS.CellFormulaValue;
    } else if (actualFormula !== null || !mismoValor(valorDe(cell.value), c.valor)) {
      cell.value = c.valor as ExcelJS.CellValue;
    }
    if (colorDe(cell.fill) !== c.relleno) {
      const fill: ExcelJS.Fill = c.relleno
        ? { type: "pattern", pattern: "solid", fgColor: { argb: argb(c.relleno) } }
        : { type: "pattern", pattern: "none" };
      cell.style = { ...cell.style, fill };
    }
    if (textoNota(cell.note) !== c.nota) {
      if (c.nota) cell.note = c.nota;
      else (cell as unknown as { _comment?: unknown })._comment = undefined;
    }
    if (c.formatoNumero && cell.numFmt !== c.formatoNumero) cell.numFmt = c.formatoNumero;
    if (c.negrita) cell.font = { ...(cell.font ?? {}), bold: true };
  }
  if (!nueva) return;
  for (const m of h.combinaciones) ws.mergeCells(m.filaInicio + 1, m.columnaInicio + 1, m.filaFin + 1, m.columnaFin + 1);
  for (const [col, ancho] of h.anchos) ws.getColumn(col + 1).width = ancho;
  for (const l of h.listas) {
    const r = leerRango(l.rango);
    const formula = `"${l.opciones.join(",")}"`;
    if (formula.length <= 255) {
      for (let i = r.filaInicio; i <= r.filaFin; i++)
        for (let j = r.columnaInicio; j <= r.columnaFin; j++) ws.getCell(a1(i, j)).dataValidation = { type: "list", allowBlank: true, formulae: [formula] };
    }
  }
  for (const c of h.condicionales) {
    const estilo = { fill: { type: "pattern" as const, pattern: "solid" as const, bgColor: { argb: argb(c.relleno) } }, ...(c.colorFuente ? { font: { color: { argb: argb(c.colorFuente) } } } : {}) };
    const regla = c.texto !== undefined
      ? { type: "containsText" as const, operator: "containsText" as const, text: c.texto, priority: 1, style: estilo }
      : { type: "expression" as const, formulae: [String(c.formula ?? "").replace(/^=/, "")], priority: 1, style: estilo };
    ws.addConditionalFormatting({ ref: c.rango, rules: [regla as ExcelJS.ConditionalFormattingRule] });
  }
  if (h.congelarFilas > 0) ws.views = [{ state: "frozen", ySplit: h.congelarFilas }];
}

/** Lleva el libro en memoria al libro de exceljs (lo crea si no hay). */
export function volcar(libro: LibroMemoria, wb: ExcelJS.Workbook): void {
  const nombres = new Set(libro.hojas.map((h) => h.nombre));
  for (const ws of [...wb.worksheets]) if (!nombres.has(ws.name)) wb.removeWorksheet(ws.id);
  for (const h of libro.hojas) {
    const existente = wb.getWorksheet(h.nombre);
    const ws = existente ?? wb.addWorksheet(h.nombre);
    volcarHoja(h, ws, !existente);
  }
}
