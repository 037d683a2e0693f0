/**
 * Consolidado de un instituto (puro): una unidad por hoja PAT con sus actividades por
 * estatus y por semáforo al corte, su avance y las actividades fuera de ruta; y el total.
 *
 * Todo sale del análisis de cada hoja (`AnalisisHoja.avances`: el estatus que escribe el
 * llenado, el cumplimiento y el semáforo de cada fila); aquí solo se cuenta. La única
 * función que lee el análisis es `actividadesDe` (el adaptador).
 *
 * - Avance de una unidad: promedio de min(100, cumplimiento) de sus actividades con meta,
 *   sin los estatus manuales (sobrecumplir una actividad no compensa otra atrasada).
 * - Avance total: el mismo promedio sobre todas las actividades del instituto (no un
 *   promedio de promedios).
 * - Fuera de ruta: semáforo ROJO o AMARILLO, o NO CUMPLIDA; la justificación es
 *   OBSERVACIONES (null si está vacía).
 */
import type { AnalisisHoja } from "./analisis";
import { fueraDeRuta, type EstatusAvance } from "./avance";
import type { Semaforo, Severidad } from "./tipos";
import { direccion } from "./validacion/direcciones";

export const ORDEN_ESTATUS_AVANCE: ReadonlyArray<EstatusAvance> = ["CUMPLIDA", "EN PROCESO", "PENDIENTE", "NO CUMPLIDA", "CANCELADA", "REPROGRAMADA", "SIN DATOS"];
export const ORDEN_SEMAFORO_AVANCE: ReadonlyArray<Semaforo> = ["VERDE", "AMARILLO", "ROJO", "SIN DATO"];

/** Lo que el consolidado necesita de cada actividad (leído del análisis). */
export interface ActividadConsolidable {
  readonly fila: number;
  /** Celda de la actividad (ACTIVIDAD / LÍNEA DE ACCIÓN / PROYECTO), A1. */
  readonly celda: string;
  readonly actividad: string | null;
  /** Objetivo («6. Implementar…»), para el avance por objetivo. */
  readonly objetivo: string | null;
  readonly estatus: EstatusAvance;
  readonly semaforo: Semaforo;
  readonly cumplimiento: number | null;
  readonly manual: boolean;
  readonly alcanzado: number | null;
  readonly esperado: number | null;
  readonly observaciones: string | null;
}

export interface ActividadDesviada {
  readonly fila: number;
  readonly celda: string;
  readonly actividad: string | null;
  readonly estatus: EstatusAvance;
  readonly semaforo: Semaforo;
  readonly justificacion: string | null;
}

export interface AvanceObjetivoUnidad {
  readonly objetivo: string | null;
  readonly actividades: number;
  /** 0–100 con 2 decimales; null si ninguna actividad tiene meta. */
  readonly avance: number | null;
}

export interface Conteos {
  readonly actividades: number;
  readonly porEstatus: Readonly<Record<EstatusAvance, number>>;
  readonly porSemaforo: Readonly<Record<Semaforo, number>>;
  /** Promedio de min(100, cumplimiento) con 2 decimales; null si ninguna tiene meta. */
  readonly avance: number | null;
  /** Suma de los cumplimientos topados y cuántos son (para el total del instituto). */
  readonly sumaAvance: number;
  readonly conMeta: number;
}

export interface UnidadConsolidada extends Conteos {
  readonly archivo: string;
  readonly hoja: string;
  readonly formato: string;
  readonly unidad: string;
  readonly hallazgos: Readonly<Record<Severidad, number>>;
  readonly desviadas: ReadonlyArray<ActividadDesviada>;
  readonly porObjetivo: ReadonlyArray<AvanceObjetivoUnidad>;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;
const topado = (c: number): number => Math.min(100, Math.max(0, c));

/** El adaptador: las actividades de una hoja analizada, con su avance al corte. */
export function actividadesDe(analisis: AnalisisHoja): ActividadConsolidable[] {
  const det = analisis.deteccion;
  if (!det) return [];
  const colActividad = det.formato.porRol.actividad;
  const indice = colActividad ? det.columnas[colActividad.clave] : undefined;
  return analisis.actividades.map((a, i) => {
    const av = analisis.avances[i];
    const objetivo = [a.numero, a.objetivo].filter((x): x is string => !!x).join(". ").replace(/\s+/g, " ").trim();
    return {
      fila: a.fila,
      celda: direccion(a.fila, indice ?? 0),
      actividad: a.actividad,
      objetivo: objetivo || null,
      estatus: av.estatus,
      semaforo: av.semaforo,
      cumplimiento: av.cumplimiento,
      manual: av.manual,
      alcanzado: av.alcanzado,
      esperado: av.esperado,
      observaciones: a.observaciones,
    };
  });
}

function vacios<K extends string>(claves: ReadonlyArray<K>): Record<K, number> {
  return Object.fromEntries(claves.map((k) => [k, 0])) as Record<K, number>;
}

/** Conteos por estatus y semáforo y avance de un conjunto de actividades. */
export function contar(actividades: ReadonlyArray<ActividadConsolidable>): Conteos {
  const porEstatus = vacios(ORDEN_ESTATUS_AVANCE);
  const porSemaforo = vacios(ORDEN_SEMAFORO_AVANCE);
  let suma = 0;
  let conMeta = 0;
  for (const a of actividades) {
    porEstatus[a.estatus]++;
    porSemaforo[a.semaforo]++;
    if (!a.manual && a.cumplimiento !== null) {
      suma += topado(a.cumplimiento);
      conMeta++;
    }
  }
  return { actividades: actividades.length, porEstatus, porSemaforo, avance: conMeta ? r2(suma / conMeta) : null, sumaAvance: suma, conMeta };
}

/** Avance por objetivo (mismo promedio topado), en el orden en que aparecen. */
export function avancePorObjetivo(actividades: ReadonlyArray<ActividadConsolidable>): AvanceObjetivoUnidad[] {
  const grupos = new Map<string, ActividadConsolidable[]>();
  for (const a of actividades) {
    const k = a.objetivo ?? "";
    const g = grupos.get(k);
    if (g) g.push(a);
    else grupos.set(k, [a]);
  }
  return [...grupos.entries()].map(([k, g]) => ({ objetivo: k || null, actividades: g.length, avance: contar(g).avance }));
}

export interface OrigenUnidad {
  readonly archivo: string;
  /** Nombre del archivo sin carpeta ni extensión (cuando ni el título ni la hoja nombran la unidad). */
  readonly nombreArchivo?: string;
}

// Nombres de hoja que no dicen nada de la unidad.
const HOJA_GENERICA = /^(?:hoja|sheet|pat|programa|formato)?[\s_-]*\d*$/i;

/** La unidad de una hoja: la de los títulos; si no, el nombre de la hoja; si no, el del archivo. */
export function nombreUnidad(analisis: AnalisisHoja, origen: OrigenUnidad): string {
  if (analisis.unidad) return analisis.unidad;
  const hoja = analisis.hoja.trim();
  if (hoja && !HOJA_GENERICA.test(hoja)) return hoja;
  return origen.nombreArchivo ?? origen.archivo;
}

/** Consolida una hoja PAT analizada (la CLI por cada hoja de cada libro; el panel, la hoja abierta). */
export function consolidarHoja(analisis: AnalisisHoja, origen: OrigenUnidad): UnidadConsolidada {
  const acts = actividadesDe(analisis);
  const hallazgos = vacios<Severidad>(["error", "warning", "info"]);
  for (const h of analisis.hallazgos) hallazgos[h.severidad]++;
  return {
    archivo: origen.archivo,
    hoja: analisis.hoja,
    formato: analisis.deteccion?.formato.id ?? "",
    unidad: nombreUnidad(analisis, origen),
    ...contar(acts),
    hallazgos,
    desviadas: acts.filter(fueraDeRuta).map((a) => ({
      fila: a.fila, celda: a.celda, actividad: a.actividad, estatus: a.estatus, semaforo: a.semaforo, justificacion: a.observaciones,
    })),
    porObjetivo: avancePorObjetivo(acts),
  };
}

/** El total del instituto: sumas de los conteos y el avance sobre todas las actividades. */
export function totalizar(unidades: ReadonlyArray<Conteos>): Conteos {
  const porEstatus = vacios(ORDEN_ESTATUS_AVANCE);
  const porSemaforo = vacios(ORDEN_SEMAFORO_AVANCE);
  let actividades = 0;
  let suma = 0;
  let conMeta = 0;
  for (const u of unidades) {
    actividades += u.actividades;
    for (const e of ORDEN_ESTATUS_AVANCE) porEstatus[e] += u.porEstatus[e];
    for (const s of ORDEN_SEMAFORO_AVANCE) porSemaforo[s] += u.porSemaforo[s];
    suma += u.sumaAvance;
    conMeta += u.conMeta;
  }
  return { actividades, porEstatus, porSemaforo, avance: conMeta ? r2(suma / conMeta) : null, sumaAvance: suma, conMeta };
}
