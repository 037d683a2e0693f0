/** `pat plantilla`: plantilla en blanco de un formato, con el renderizador de `src/xlsx`. */
import ExcelJS from "exceljs";
import { describirPlantilla, type Formato } from "../core";
import { libroABytes, pedirRecalculo } from "../xlsx/escribir";
import { renderizarPlantilla } from "../xlsx/plantilla";

export async function crearPlantilla(formato: Formato, opciones: { anio?: number | null; filas?: number | null }): Promise<Uint8Array> {
  const descripcion = describirPlantilla(formato, {
    ...(opciones.anio ? { anio: opciones.anio } : {}),
    ...(opciones.filas ? { filas: opciones.filas } : {}),
  });
  const libro = new ExcelJS.Workbook();
  libro.creator = "PAT Indicadores";
  renderizarPlantilla(libro, descripcion);
  // Las fórmulas van sin resultado guardado: Excel las calcula al abrir.
  if (descripcion.formulas.length > 0) pedirRecalculo(libro);
  return libroABytes(libro);
}
