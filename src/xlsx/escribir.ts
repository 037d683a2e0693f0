/**
 * Escritura: aplica los cambios de un `PlanLlenado` a una hoja de exceljs sin tocar nada
 * más (estilos, combinaciones, validaciones y demás celdas quedan como estaban) y
 * serializa el libro a bytes. Sin dependencias de Node.
 */
import type ExcelJS from "exceljs";
import type { CambioCelda } from "../core/tipos";
import { decodificarDireccion } from "./celdas";

interface ValorFormula {
  formula?: string;
  sharedFormula?: string;
  shareType?: string;
  ref?: string;
  result?: unknown;
}

function esObjetoFormula(v: unknown): v is ValorFormula {
  return !!v && typeof v === "object" && ("formula" in (v as object) || "sharedFormula" in (v as object));
}

/**
 * Si una celda que vamos a sobrescribir es la maestra de una fórmula compartida, las
 * celdas que dependen de ella pasan a tener su propia fórmula (ya desplazada), para que
 * no se queden sin fórmula al cambiar la maestra.
 */
function independizarCompartidas(ws: ExcelJS.Worksheet, direcciones: ReadonlySet<string>): void {
  let hayMaestras = false;
  for (const dir of direcciones) {
    const v = ws.getCell(dir).value;
    if (esObjetoFormula(v) && (v.shareType === "shared" || v.ref)) hayMaestras = true;
  }
  if (!hayMaestras) return;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      if (esObjetoFormula(v) && typeof v.sharedFormula === "string" && direcciones.has(v.sharedFormula.replace(/\$/g, ""))) {
        const f = cell.formula;
        cell.value = { formula: f, result: cell.result } as ExcelJS.CellFormulaValue;
      }
    });
  });
  for (const dir of direcciones) {
    const cell = ws.getCell(dir);
    const v = cell.value;
    if (esObjetoFormula(v) && (v.shareType === "shared" || v.ref)) {
      cell.value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
    }
  }
}

/** Aplica los cambios a la hoja. Devuelve cuántas celdas escribió. */
export function aplicarCambios(ws: ExcelJS.Worksheet, cambios: ReadonlyArray<CambioCelda>): number {
  const direcciones = new Set<string>();
  for (const c of cambios) {
    if (!decodificarDireccion(c.celda)) throw new Error(`Dirección de celda inválida: ${c.celda}`);
    direcciones.add(c.celda.replace(/\$/g, "").toUpperCase());
  }
  independizarCompartidas(ws, direcciones);
  let n = 0;
  for (const c of cambios) {
    const cell = ws.getCell(c.celda.replace(/\$/g, "").toUpperCase());
    if (c.esFormula && typeof c.despues === "string") {
      const f = c.despues.startsWith("=") ? c.despues.slice(1) : c.despues;
      cell.value = { formula: f } as ExcelJS.CellFormulaValue;
    } else {
      cell.value = c.despues === undefined ? null : (c.despues as ExcelJS.CellValue);
    }
    n++;
  }
  return n;
}

/** Pide a Excel recalcular al abrir (las fórmulas escritas no traen resultado guardado). */
export function pedirRecalculo(libro: ExcelJS.Workbook): void {
  libro.calcProperties = { ...(libro.calcProperties ?? {}), fullCalcOnLoad: true };
}

/**
 * exceljs no escribe una columna de ancho exactamente 9 (lo toma por su ancho
 * predeterminado), y Excel la mostraría con su propio predeterminado (8.43). Un ancho
 * 9.00001 se ve igual y sí se guarda.
 */
function conservarAnchos(libro: ExcelJS.Workbook): void {
  for (const ws of libro.worksheets) {
    for (const col of ws.columns ?? []) {
      if (col && col.width === 9) col.width = 9.00001;
    }
  }
}

/** Serializa el libro a bytes .xlsx. */
export async function libroABytes(libro: ExcelJS.Workbook): Promise<Uint8Array> {
  conservarAnchos(libro);
  const buf = await libro.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}
