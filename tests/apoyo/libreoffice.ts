/**
 * LibreOffice como hoja de cálculo independiente: abre libros .xlsx, recalcula las fórmulas
 * sin resultado guardado (las que escribe el producto) y los guarda otra vez como .xlsx con
 * los resultados; exceljs los lee. Todos los libros van en una sola llamada a soffice
 * (≈ 1 s por archivo más el arranque) y con un perfil propio (varios procesos comparten la máquina).
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";

export interface LibroRecalculado {
  readonly libro: ExcelJS.Workbook;
  /** Valor mostrado de una celda: número, texto, booleano o "" (vacía o fórmula que da ""). */
  valor(hoja: string, celda: string): number | string | boolean;
}

function valorDe(v: ExcelJS.CellValue): number | string | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object" && "formula" in v) return valorDe((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if (typeof v === "object" && "sharedFormula" in v) return valorDe((v as ExcelJS.CellSharedFormulaValue).result as ExcelJS.CellValue);
  if (typeof v === "object" && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
  if (typeof v === "object" && "error" in v) return String((v as ExcelJS.CellErrorValue).error);
  return String(v);
}

/** Lee un libro con exceljs y da el valor mostrado de cada celda. */
export async function leerValores(bytes: Uint8Array | Buffer): Promise<LibroRecalculado> {
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return {
    libro,
    valor: (hoja, celda) => {
      const ws = libro.getWorksheet(hoja);
      if (!ws) throw new Error(`No hay hoja «${hoja}»`);
      const c = ws.getCell(celda);
      // exceljs deja fuera de `value` un resultado 0; `result` lo tiene.
      return c.type === ExcelJS.ValueType.Formula ? valorDe((c.result ?? null) as ExcelJS.CellValue) : valorDe(c.value);
    },
  };
}

/** Recalcula los libros con LibreOffice (una sola llamada) y los devuelve leídos, en el mismo orden. */
export async function recalcularConLibreOffice(libros: ReadonlyArray<Uint8Array>): Promise<LibroRecalculado[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pat-lo-"));
  try {
    const entrada = path.join(dir, "entrada");
    const salida = path.join(dir, "salida");
    fs.mkdirSync(entrada);
    const archivos = libros.map((b, i) => {
      const f = path.join(entrada, `libro${i}.xlsx`);
      fs.writeFileSync(f, b);
      return f;
    });
    execFileSync("soffice", [
      "--headless", "--norestore", `-env:UserInstallation=file://${path.join(dir, "perfil")}`,
      "--convert-to", "xlsx", "--outdir", salida, ...archivos,
    ], { stdio: "pipe", timeout: 240_000 });
    const resultado: LibroRecalculado[] = [];
    for (let i = 0; i < archivos.length; i++) resultado.push(await leerValores(fs.readFileSync(path.join(salida, `libro${i}.xlsx`))));
    return resultado;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
