/**
 * Las tablas del informe consolidado, una sola vez para el libro (`--salida`) y la página
 * (`--html`): «Resumen por área» (con fila de total), «Actividades con desviación» y
 * «Archivos»; y los colores de las series de los gráficos.
 */
import { ORDEN_ESTATUS_AVANCE, ORDEN_SEMAFORO_AVANCE, type EstatusAvance, type Semaforo } from "../core";
import type { Consolidado } from "./consolidar";

export type Celda = string | number | null;

export interface Tabla {
  readonly titulo: string;
  readonly encabezados: ReadonlyArray<string>;
  readonly filas: ReadonlyArray<ReadonlyArray<Celda>>;
  /** Fila final de total (en negrita), si la hay. */
  readonly total?: ReadonlyArray<Celda>;
}

export const NOMBRE_ESTATUS: Readonly<Record<EstatusAvance, string>> = {
  CUMPLIDA: "Cumplidas", "EN PROCESO": "En proceso", PENDIENTE: "Pendientes", "NO CUMPLIDA": "No cumplidas",
  CANCELADA: "Canceladas", REPROGRAMADA: "Reprogramadas", "SIN DATOS": "Sin datos",
};
export const NOMBRE_SEMAFORO: Readonly<Record<Semaforo, string>> = { VERDE: "Verde", AMARILLO: "Amarillo", ROJO: "Rojo", "SIN DATO": "Sin dato" };

/** Colores de las series (RGB sin «#»): los del formato condicional, más saturados para leerse en barras. */
export const COLOR_ESTATUS: Readonly<Record<EstatusAvance, string>> = {
  CUMPLIDA: "2E7D32", "EN PROCESO": "1F77B4", PENDIENTE: "9E9E9E", "NO CUMPLIDA": "C62828",
  CANCELADA: "5D4037", REPROGRAMADA: "EF6C00", "SIN DATOS": "D0D0D0",
};
export const COLOR_SEMAFORO: Readonly<Record<Semaforo, string>> = { VERDE: "2E7D32", AMARILLO: "F9A825", ROJO: "C62828", "SIN DATO": "BDBDBD" };

/** Columnas de «Resumen por área»: unidad, archivo, hoja, actividades, estatus…, avance, semáforo…, errores, avisos. */
export const COLUMNAS_RESUMEN = {
  unidad: 0,
  primeraEstatus: 4,
  primeraSemaforo: 4 + ORDEN_ESTATUS_AVANCE.length + 1,
} as const;

export function tablaResumen(c: Consolidado): Tabla {
  const encabezados = [
    "Unidad responsable", "Archivo", "Hoja", "Actividades",
    ...ORDEN_ESTATUS_AVANCE.map((e) => NOMBRE_ESTATUS[e]),
    "Avance (%)",
    ...ORDEN_SEMAFORO_AVANCE.map((s) => `Semáforo ${NOMBRE_SEMAFORO[s].toLowerCase()}`),
    "Errores", "Avisos",
  ];
  const filas = c.unidades.map((u) => [
    u.unidad, u.archivo, u.hoja, u.actividades,
    ...ORDEN_ESTATUS_AVANCE.map((e) => u.porEstatus[e]),
    u.avance,
    ...ORDEN_SEMAFORO_AVANCE.map((s) => u.porSemaforo[s]),
    u.hallazgos.error, u.hallazgos.warning,
  ]);
  const t = c.total;
  const errores = c.unidades.reduce((s, u) => s + u.hallazgos.error, 0);
  const avisos = c.unidades.reduce((s, u) => s + u.hallazgos.warning, 0);
  const total = ["Total del instituto", null, null, t.actividades, ...ORDEN_ESTATUS_AVANCE.map((e) => t.porEstatus[e]), t.avance, ...ORDEN_SEMAFORO_AVANCE.map((s) => t.porSemaforo[s]), errores, avisos];
  return { titulo: "Resumen por área", encabezados, filas, total };
}

export function tablaDesviaciones(c: Consolidado): Tabla {
  const filas: Celda[][] = [];
  for (const u of c.unidades) {
    for (const d of u.desviadas) filas.push([u.unidad, u.archivo, u.hoja, d.celda, d.actividad, d.estatus, d.semaforo, d.justificacion ?? "sin justificar"]);
  }
  return { titulo: "Actividades con desviación", encabezados: ["Unidad responsable", "Archivo", "Hoja", "Celda", "Actividad", "Estatus", "Semáforo", "Justificación (OBSERVACIONES)"], filas };
}

export function tablaArchivos(c: Consolidado): Tabla {
  return {
    titulo: "Archivos",
    encabezados: ["Archivo", "Estado", "Hojas PAT", "Errores", "Avisos", "Notas", "Motivo"],
    filas: c.archivos.map((a) => [a.archivo, a.estado, a.hojasPat, a.hallazgos.error, a.hallazgos.warning, a.hallazgos.info, a.motivo]),
  };
}
