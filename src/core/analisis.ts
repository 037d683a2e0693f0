/**
 * Punto de entrada público del núcleo: analizar una hoja (detectar el formato, leer las
 * actividades, validar) y planificar su llenado. La CLI y el panel programan contra esto.
 */
import { detectarFormato, leerAnio, type Candidato, type Deteccion } from "./deteccion";
import { recorrerFilas, type Actividad } from "./filas";
import { listarFormatos as formatosRegistrados, type Formato } from "./formatos";
import { planificar, type FilaOmitida } from "./llenado";
import type { FilaAnalizada } from "./lectura";
import type { CambioCelda, Hallazgo, HojaDatos } from "./tipos";
import { validarHoja } from "./validacion";
import type { AvanceActividad } from "./avance";
import { unidadResponsable } from "./unidad";
import type { PerfilSemaforo } from "./semaforo";

export type { AvanceActividad, EstatusAvance } from "./avance";

export type { Deteccion, Candidato } from "./deteccion";
export type { Actividad, LineaMeta } from "./filas";
export type { FilaAnalizada, CeldaCalculada, EstadoLectura } from "./lectura";
export type { FilaOmitida } from "./llenado";
export type { Formato, Columna } from "./formatos";
export { letraColumna, direccion } from "./validacion/direcciones";

export interface AnalisisHoja {
  hoja: string;
  deteccion: Deteccion | null;
  /** Todos los formatos probados, del más parecido al menos (con lo que les falta). */
  candidatos: Candidato[];
  actividades: Actividad[];
  /** Avance al corte de cada actividad (estatus, cumplimiento, esperado, semáforo), en el orden de `actividades`. */
  avances: AvanceActividad[];
  /**
   * Lecturas, cálculos, lo escrito en las celdas calculadas y los errores de cada actividad,
   * en el orden de `actividades`: lo que consumen el plan de llenado y los informes.
   */
  filas: FilaAnalizada[];
  /** Ordenados por fila y columna. */
  hallazgos: Hallazgo[];
  /** Año del programa leído de los títulos, o `null`. */
  anio: number | null;
  /** Unidad responsable leída de los títulos («UNIDAD DE CÓMPUTO…»), o `null`. */
  unidad: string | null;
  /** Filas de datos (actividades) leídas. */
  filasDatos: number;
  /** Mes de corte con que se calculó (el plan de llenado usa el mismo). */
  corte: number | null;
}

export interface OpcionesAnalisis {
  /** Mes de corte (1–12): decide NO CUMPLIDA. */
  corte?: number | null;
  /** Formatos a probar (por omisión, los registrados). */
  formatos?: ReadonlyArray<Formato>;
  /** Perfil del semáforo (por omisión, simétrico). */
  perfil?: PerfilSemaforo;
}

function corteValido(c: number | null | undefined): number | null {
  return typeof c === "number" && Number.isInteger(c) && c >= 1 && c <= 12 ? c : null;
}

/** Analiza una hoja: formato, encabezado, actividades y hallazgos. Nunca lanza con datos de celdas. */
export function analizarHoja(hoja: HojaDatos, opciones: OpcionesAnalisis = {}): AnalisisHoja {
  const formatos = opciones.formatos ?? formatosRegistrados();
  const { deteccion, candidatos } = detectarFormato(hoja, formatos);
  if (!deteccion) {
    return { hoja: hoja.nombre, deteccion: null, candidatos, actividades: [], avances: [], filas: [], hallazgos: [], anio: leerAnio(hoja, 30), unidad: null, filasDatos: 0, corte: corteValido(opciones.corte) };
  }
  const estructura = recorrerFilas(hoja, deteccion);
  const { actividades, avances, filas, hallazgos } = validarHoja(hoja, deteccion, estructura, { corte: corteValido(opciones.corte), ...(opciones.perfil ? { perfil: opciones.perfil } : {}) });
  return {
    hoja: hoja.nombre,
    deteccion,
    candidatos,
    actividades,
    avances,
    filas,
    hallazgos,
    anio: leerAnio(hoja, deteccion.filaEncabezado - 1),
    unidad: unidadResponsable(hoja, deteccion.filaEncabezado),
    filasDatos: actividades.length,
    corte: corteValido(opciones.corte),
  };
}

export interface PlanLlenado {
  hoja: string;
  formato: string | null;
  cambios: CambioCelda[];
  /** Filas (base 1) que no se llenaron (errores) o no se calcularon completas (datos no válidos). */
  filasOmitidas: number[];
  /** El motivo de cada fila omitida, en el mismo orden, para decírselo al usuario. */
  motivos: FilaOmitida[];
}

export interface OpcionesLlenado {
  corte?: number | null;
  modo?: "valores" | "formulas";
}

/** Plan de llenado de las columnas calculadas de una hoja ya analizada. */
export function planificarLlenado(hoja: HojaDatos, analisis: AnalisisHoja, opciones: OpcionesLlenado = {}): PlanLlenado {
  if (!analisis.deteccion) return { hoja: hoja.nombre, formato: null, cambios: [], filasOmitidas: [], motivos: [] };
  // El plan consume el análisis: con otro mes de corte, lo que consume es el análisis a ese corte.
  const corte = opciones.corte === undefined ? analisis.corte : corteValido(opciones.corte);
  const base = corte === analisis.corte ? analisis : analizarHoja(hoja, { corte, formatos: [analisis.deteccion.formato] });
  if (!base.deteccion) return { hoja: hoja.nombre, formato: null, cambios: [], filasOmitidas: [], motivos: [] };
  const r = planificar(hoja, base.deteccion, base.actividades, base.filas, { corte, modo: opciones.modo ?? "valores" });
  return { hoja: hoja.nombre, formato: analisis.deteccion.formato.id, cambios: r.cambios, filasOmitidas: r.filasOmitidas, motivos: r.motivos };
}

/** Los formatos conocidos (incluidos y registrados). */
export function listarFormatos(): ReadonlyArray<Formato> {
  return formatosRegistrados();
}
