/**
 * Issue 8.6 por la orden (lector del paquete .xlsx, con sus combinaciones): una combinación
 * horizontal (MES INICIAL + MES FINAL en una celda) y una en bloque (los meses de dos
 * actividades) dan la misma respuesta en `pat validar`, `pat llenar` y `pat consolidar`.
 */
import ExcelJS from "exceljs";
import { consolidarBytes } from "../../src/cli/consolidar";
import { llenarBytes, llenadoJson } from "../../src/cli/llenar";
import { validarBytes } from "../../src/cli/validar";
import { ENCABEZADO_ORGANO } from "../fixtures/hojas/pat-organo";

const MET = "Documento realizado / Documento presentado X 100";

async function libro(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PAT 2024");
  ws.addRow(ENCABEZADO_ORGANO);
  // 2: un proyecto de un solo mes: MES INICIAL y MES FINAL en una celda, «6» sobre F2:G2.
  ws.addRow(["1", "Política", "Programa", "Objetivo", "1.1 Informe de junio", 6, null, "Informe de avance", MET, "Mensual", "Documento", 1, null, null, 1, null, null]);
  ws.mergeCells("F2:G2");
  // 3 y 4: dos actividades de diciembre con los meses combinados en bloque F3:G4 «12».
  ws.addRow(["2", "Política", "Programa", "Objetivo", "2.1 Cierre", 12, null, "Informe de avance", MET, "Mensual", "Documento", 1, null, null, 1, null, null]);
  ws.addRow(["3", "Política", "Programa", "Objetivo", "3.1 Entrega", null, null, "Informe de avance", MET, "Mensual", "Documento", 1, null, null, 0, null, null]);
  ws.mergeCells("F3:G4");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("validar, llenar y consolidar: la misma respuesta con combinaciones horizontales y en bloque", async () => {
  const datos = await libro();
  const { informe } = await validarBytes(datos, "libro.xlsx");
  // Ningún MES FINAL ni MES INICIAL vacío: cada celda cubierta vale lo que su ancla.
  expect(informe.sheets[0].issues.map((i) => `${i.cell} ${i.code}`)).toEqual([]);

  const json = llenadoJson("libro.xlsx", "salida.xlsx", await llenarBytes(datos, "libro.xlsx"));
  expect(Object.fromEntries(json.sheets[0].changes.map((c) => [c.cell, c.after]))).toEqual({
    P2: 100, Q2: "CUMPLIDA", P3: 100, Q3: "CUMPLIDA", P4: 0, Q4: "PENDIENTE",
  });
  expect(json.sheets[0].skipped).toEqual([]);

  const { unidades } = await consolidarBytes(datos, "libro.xlsx", {});
  expect(unidades).toHaveLength(1);
  expect(unidades[0].porEstatus).toMatchObject({ CUMPLIDA: 2, PENDIENTE: 1, "SIN DATOS": 0 });
});
