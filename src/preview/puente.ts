/**
 * Puente entre los bytes de un libro y el libro en memoria de la vista previa.
 * «Abrir libro»: el lector del paquete (`src/xlsx`, el mismo de `pat validar` y `pat
 * llenar`) y los registros del complemento desde sus partes XML personalizadas.
 * «Descargar libro»: el escritor por parche sobre los MISMOS bytes que se abrieron (solo
 * cambian las celdas que cambiaron en memoria; las hojas nuevas se agregan; los registros
 * de marcas y deshacer viajan como partes XML personalizadas). Solo el ejemplo en memoria,
 * que no viene de ningún archivo, se crea de la nada con exceljs (`volcar`).
 */
import type ExcelJS from "exceljs";
import type { HojaDatos, ValorCelda } from "../core/tipos";
import { a1, leerRango } from "../excel/direcciones";
import type { HojaMemoria, LibroMemoria } from "../excel/memoria";
import { LibroMemoria as ClaseLibro } from "../excel/memoria";
import { aPartesXml, dePartesXml, ESPACIO_REGISTROS } from "../excel/registros";
import { leerLibro, type ParteXml } from "../xlsx/lector";
import { parcharLibro, type CeldaEscrita, type HojaNueva } from "../xlsx/parche";

/** Un libro abierto desde bytes: lo que hace falta para devolverlo parchado. */
export interface LibroAbierto {
  readonly libro: LibroMemoria;
  readonly bytes: Uint8Array;
  /** Las hojas tal como se leyeron (para saber qué cambió). */
  readonly originales: ReadonlyArray<HojaDatos>;
}

/** Registros del complemento (clave → JSON) de las partes XML del libro. */
export function registrosDe(partes: ReadonlyArray<ParteXml>): Map<string, string> {
  const porClave = new Map<string, string[]>();
  for (const p of partes) {
    const m = /<registro\s(?:[^>]*\s)?xmlns="([^"]*)"/.exec(p.xml);
    if (!m || !m[1].startsWith(ESPACIO_REGISTROS)) continue;
    const clave = m[1].slice(ESPACIO_REGISTROS.length);
    porClave.set(clave, [...(porClave.get(clave) ?? []), p.xml]);
  }
  const salida = new Map<string, string>();
  for (const [clave, xmls] of porClave) {
    const datos = dePartesXml(xmls);
    if (datos !== null) salida.set(clave, JSON.stringify(datos));
  }
  return salida;
}

/** Abre los bytes de un .xlsx en memoria. Lanza con la línea en español si no se leen. */
export function abrirLibro(datos: ArrayBuffer | Uint8Array): LibroAbierto {
  const bytes = datos instanceof Uint8Array ? datos : new Uint8Array(datos);
  const r = leerLibro(bytes);
  if (!r.ok) throw new Error(r.error.mensaje);
  const libro = ClaseLibro.desde(r.valor.hojas);
  const vis = new Map(r.valor.info.hojas.map((h) => [h.nombre, h.visibilidad]));
  for (const h of libro.hojas) h.visibilidad = vis.get(h.nombre) ?? "visible";
  libro.activa = libro.hojas.find((h) => h.visibilidad === "visible")?.nombre ?? libro.activa;
  libro.registros = registrosDe(r.valor.info.partesXml);
  return { libro, bytes, originales: r.valor.hojas };
}

function valorEscrito(v: ValorCelda): number | string | boolean | null {
  if (v instanceof Date) return v.getTime() / 86400000 + 25569;
  return v;
}

function mismo(a: ValorCelda, b: ValorCelda): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

/** Celdas de la hoja en memoria que difieren de como se leyó (fila y columna base 1). */
export function cambiosDeHoja(h: HojaMemoria, original: HojaDatos): CeldaEscrita[] {
  const salida: CeldaEscrita[] = [];
  for (const [k, c] of h.celdas) {
    const [r, col] = k.split(":").map(Number);
    const antes = original.valores[r]?.[col] ?? null;
    const formulaAntes = original.formulas?.[r]?.[col] ?? null;
    if (c.formula) {
      if (c.formula !== formulaAntes) salida.push({ fila: r + 1, columna: col + 1, valor: null, formula: c.formula });
    } else if (formulaAntes !== null || !mismo(c.valor, antes)) {
      salida.push({ fila: r + 1, columna: col + 1, valor: valorEscrito(c.valor) });
    }
  }
  // Celdas que había y ya no están (vaciadas en memoria).
  original.valores.forEach((fila, r) =>
    fila?.forEach((v, col) => {
      if (v !== null && v !== undefined && !h.celdas.has(`${r}:${col}`)) salida.push({ fila: r + 1, columna: col + 1, valor: null });
    }),
  );
  return salida;
}

/** Los bytes abiertos con los cambios de la memoria: el libro del usuario, no una copia. */
export function bytesParaDescargar(a: LibroAbierto): Uint8Array {
  const originales = new Map(a.originales.map((h) => [h.nombre, h]));
  const hojas = new Map<string, CeldaEscrita[]>();
  const nuevas: HojaNueva[] = [];
  for (const h of a.libro.hojas) {
    const o = originales.get(h.nombre);
    if (o) hojas.set(h.nombre, cambiosDeHoja(h, o));
    else nuevas.push({ nombre: h.nombre, celdas: cambiosDeHoja(h, { nombre: h.nombre, valores: [] }) });
  }
  const agregar: string[] = [];
  for (const [clave, json] of a.libro.registros) agregar.push(...aPartesXml(clave, JSON.parse(json)));
  return parcharLibro(a.bytes, {
    hojas,
    hojasNuevas: nuevas,
    partesXml: { esPropia: (xml) => xml.includes(`xmlns="${ESPACIO_REGISTROS}`), agregar },
  });
}

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

/** Lleva el libro en memoria (el ejemplo, que no vino de un archivo) a un libro nuevo de exceljs. */
export function volcar(libro: LibroMemoria, wb: ExcelJS.Workbook): void {
  const nombres = new Set(libro.hojas.map((h) => h.nombre));
  for (const ws of [...wb.worksheets]) if (!nombres.has(ws.name)) wb.removeWorksheet(ws.id);
  for (const h of libro.hojas) {
    const existente = wb.getWorksheet(h.nombre);
    const ws = existente ?? wb.addWorksheet(h.nombre);
    volcarHoja(h, ws, !existente);
  }
}
