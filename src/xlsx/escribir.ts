/**
 * Serializa a bytes un libro de exceljs creado DE LA NADA (plantillas, el ejemplo de la
 * vista previa). Los libros del usuario nunca pasan por aquí: se escriben por parche
 * (`parche.ts`). Sin dependencias de Node.
 */
import type ExcelJS from "exceljs";

/** Pide a Excel recalcular al abrir (las fórmulas de una plantilla no traen resultado guardado). */
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
