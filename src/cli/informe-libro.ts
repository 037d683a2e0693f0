/**
 * El libro del informe consolidado (`pat consolidar --salida`): se crea desde cero con
 * exceljs (tablas, anchos, formatos) y después se le agregan dos gráficos de Excel de verdad
 * en «Resumen por área» (estatus y semáforo por unidad) en el paquete (`src/xlsx/graficos.ts`).
 */
import ExcelJS from "exceljs";
import { ORDEN_ESTATUS_AVANCE, ORDEN_SEMAFORO_AVANCE } from "../core";
import { agregarGraficos, type Grafico } from "../xlsx/graficos";
import type { Consolidado } from "./consolidar";
import { letraColumna } from "../core/validacion/direcciones";
import { COLOR_ESTATUS, COLOR_SEMAFORO, COLUMNAS_RESUMEN, tablaArchivos, tablaDesviaciones, tablaResumen, type Tabla } from "./informe-tablas";

const HOJA_RESUMEN = "Resumen por área";
const RELLENO_ENCABEZADO: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };

/** La letra de una columna base 0 (la del módulo de direcciones del núcleo). */
const letra = letraColumna;

function escribirTabla(wb: ExcelJS.Workbook, t: Tabla, anchos: ReadonlyArray<number>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t.titulo, { views: [{ state: "frozen", ySplit: 1 }] });
  const enc = ws.addRow([...t.encabezados]);
  enc.font = { bold: true };
  enc.alignment = { wrapText: true, vertical: "middle" };
  enc.eachCell((c) => (c.fill = RELLENO_ENCABEZADO));
  for (const f of t.filas) ws.addRow([...f]);
  if (t.total) ws.addRow([...t.total]).font = { bold: true };
  t.encabezados.forEach((_, i) => (ws.getColumn(i + 1).width = anchos[i] ?? 12));
  return ws;
}

/** Los bytes del libro del informe. */
export async function libroInforme(c: Consolidado): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "PAT Indicadores";
  const resumen = tablaResumen(c);
  const anchosResumen = [40, 30, 20, 11, ...ORDEN_ESTATUS_AVANCE.map(() => 11), 11, ...ORDEN_SEMAFORO_AVANCE.map(() => 11), 9, 9];
  const ws = escribirTabla(wb, resumen, anchosResumen);
  ws.getColumn(COLUMNAS_RESUMEN.primeraEstatus + ORDEN_ESTATUS_AVANCE.length + 1).numFmt = "0.00";
  escribirTabla(wb, tablaDesviaciones(c), [36, 28, 18, 8, 60, 13, 10, 60]);
  escribirTabla(wb, tablaArchivos(c), [50, 12, 10, 9, 9, 9, 80]);
  // Sin comprimir: `agregarGraficos` vuelve a empaquetar el libro y comprime una sola vez.
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } }));

  const n = c.unidades.length;
  if (n === 0) return bytes;
  const ref = (col0: number, desde: number, hasta = desde): string => `'${HOJA_RESUMEN}'!$${letra(col0)}$${desde}${hasta !== desde ? `:$${letra(col0)}$${hasta}` : ""}`;
  const categorias = c.unidades.map((u) => u.unidad);
  const refCategorias = ref(COLUMNAS_RESUMEN.unidad, 2, n + 1);
  // Debajo de la tabla (y de su total); alto según el número de unidades.
  const filaInicio = n + 3;
  const alto = Math.max(16, Math.min(60, 6 + n * 2));
  const graficos: Grafico[] = [
    {
      titulo: "Estatus de las actividades por área",
      refCategorias, categorias, apilado: true,
      series: ORDEN_ESTATUS_AVANCE.map((e, k) => ({
        nombre: resumen.encabezados[COLUMNAS_RESUMEN.primeraEstatus + k], refNombre: ref(COLUMNAS_RESUMEN.primeraEstatus + k, 1),
        refValores: ref(COLUMNAS_RESUMEN.primeraEstatus + k, 2, n + 1), valores: c.unidades.map((u) => u.porEstatus[e]), color: COLOR_ESTATUS[e],
      })),
      desde: { columna: 0, fila: filaInicio }, hasta: { columna: 4, fila: filaInicio + alto },
    },
    {
      titulo: "Semáforo al corte por área",
      refCategorias, categorias, apilado: true,
      series: ORDEN_SEMAFORO_AVANCE.map((s, k) => ({
        nombre: resumen.encabezados[COLUMNAS_RESUMEN.primeraSemaforo + k], refNombre: ref(COLUMNAS_RESUMEN.primeraSemaforo + k, 1),
        refValores: ref(COLUMNAS_RESUMEN.primeraSemaforo + k, 2, n + 1), valores: c.unidades.map((u) => u.porSemaforo[s]), color: COLOR_SEMAFORO[s],
      })),
      desde: { columna: 5, fila: filaInicio }, hasta: { columna: 17, fila: filaInicio + alto },
    },
  ];
  return agregarGraficos(bytes, HOJA_RESUMEN, graficos);
}
