/**
 * Issue 8 por la orden (lector del paquete .xlsx, con sus combinaciones): `pat validar`,
 * `pat llenar` y el resumen de `pat consolidar` / del panel dan la misma respuesta para una
 * FRECUENCIA combinada sobre dos filas, una fila con error, una fila de TOTAL y un bloque
 * de firmas.
 */
import ExcelJS from "exceljs";
import { analizarHoja, consolidarHoja, actividadesDe } from "../../src/core";
import { llenarBytes, llenadoJson } from "../../src/cli/llenar";
import { leerHojas, validarBytes } from "../../src/cli/validar";
import { ENCABEZADO_ORGANO } from "../fixtures/hojas/pat-organo";

const ACT = ["1", "Política", "Programa", "Objetivo", "1.1 Informes", 1, 6, "Informe de avance", "Documento realizado / Documento presentado X 100", "Mensual", "Documento", 6, null, null, 5, null, null];

async function libro(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PAT 2024");
  ws.addRow(ENCABEZADO_ORGANO);
  ws.addRow(ACT); // 2
  ws.addRow(["2", "Política", "Programa", "Objetivo", "2.1 Recorridos", 1, 6, "Informe de avance", "Documento realizado / Documento presentado X 100", null, "Documento", 6, null, null, 6, null, null]); // 3
  ws.mergeCells("J2:J3"); // FRECUENCIA «Mensual» para las dos
  ws.addRow(["3", "Política", "Programa", "Objetivo", "3.1 Otra", 1, 6, "Informe de avance", "Documento realizado / Documento presentado X 100", "Cada rato", "Documento", 6, null, null, 6, null, "CUMPLIDA"]); // 4
  ws.addRow([null, null, null, "TOTAL", null, null, null, null, null, null, null, 18, null, null, 17, null, null]); // 5
  ws.addRow([]); // 6
  ws.addRow([null, null, null, "ELABORÓ", null, null, null, "REVISÓ", null, null, null, "AUTORIZÓ"]); // 7
  ws.addRow([null, null, null, "Lic. Ana Pérez", null, null, null, "Mtro. Luis Gómez", null, null, null, "Dra. Eva Ruiz"]); // 8
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("validar, llenar y el resumen: la misma respuesta", async () => {
  const datos = await libro();
  const { informe } = await validarBytes(datos, "libro.xlsx");
  const hoja = informe.sheets[0];
  expect(hoja.issues.map((i) => `${i.cell} ${i.code}`)).toEqual(["J4 frecuencia-invalida"]);

  const llenado = await llenarBytes(datos, "libro.xlsx");
  const json = llenadoJson("libro.xlsx", "salida.xlsx", llenado);
  const cambios = Object.fromEntries(json.sheets[0].changes.map((c) => [c.cell, c.after]));
  expect(cambios).toEqual({ P2: 83.33, Q2: "EN PROCESO", P3: 100, Q3: "CUMPLIDA" });
  expect(json.sheets[0].skipped).toEqual([{ row: 4, withErrors: true, reason: expect.stringContaining("FRECUENCIA DE MEDICIÓN (J4)"), reasonEn: expect.stringContaining("FRECUENCIA DE MEDICIÓN (J4)") }]);

  const [h] = await leerHojas(datos, "libro.xlsx");
  const analisis = analizarHoja(h);
  expect(Object.fromEntries(actividadesDe(analisis).map((a) => [a.fila, a.estatus]))).toEqual({ 2: "EN PROCESO", 3: "CUMPLIDA", 4: "SIN DATOS" });
  expect(consolidarHoja(analisis, { archivo: "libro.xlsx" }).porEstatus).toMatchObject({ "EN PROCESO": 1, CUMPLIDA: 1, "SIN DATOS": 1 });
});
