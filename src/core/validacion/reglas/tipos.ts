/**
 * Una regla de fila como unidad (al estilo de los «checks» de Frictionless Data): un id (el
 * nombre que activa el formato en `reglas`), los códigos del catálogo que puede emitir y
 * `revisar`, que juzga lecturas y cálculos ya hechos. Una regla no lee celdas ni cambia
 * lecturas o cálculos: activarla o no solo cambia los hallazgos.
 */
import type { AvanceActividad } from "../../avance";
import type { Actividad } from "../../filas";
import type { Columna, Formato, Rol } from "../../formatos";
import type { Lectura } from "../../lectura";
import type { CalculosFila } from "../../llenado/calculo";
import type { Cantidad } from "../../valores";
import type { Estatus, ValorCelda } from "../../tipos";
import type { REGLAS } from "../../formatos/esquema";
import type { CodigoHallazgo, ParametrosHallazgo } from "../catalogo";
import type { LecturaFila } from "../lectura-fila";

export type IdRegla = (typeof REGLAS)[number];

/** Emite un hallazgo en la celda de una columna del formato. */
export type Emitir = <C extends CodigoHallazgo>(codigo: C, c: Columna, p: ParametrosHallazgo[C]) => void;

export interface ContextoRegla {
  readonly act: Actividad;
  readonly formato: Formato;
  readonly calc: CalculosFila;
  readonly corte: number | null;
  /** Lo leído de la fila (método, meta leída, textos normalizados, obligatorias vacías). */
  readonly lectura: LecturaFila;
  /** La lectura de una columna presente (también de las calculadas); `undefined` si falta. */
  readonly lecturaDe: (c: Columna) => Lectura | undefined;
  /** Columna presente por rol. */
  readonly col: (rol: Rol) => Columna | undefined;
  /** Columnas del formato presentes en la hoja. */
  readonly presentes: ReadonlyArray<Columna>;
  /** La celda es de la fila (no heredada de arriba ni de una combinación). */
  readonly propio: (c: Columna) => boolean;
  /** Valor efectivo de una columna en la fila. */
  readonly valor: (c: Columna) => ValorCelda;
  /** Formato de número de la celda de una columna. */
  readonly formatoNumero: (c: Columna) => string | null;
  /** La fila tal como está en la hoja (también las columnas que el formato no conoce) y sus fórmulas. */
  readonly filaCruda: ReadonlyArray<ValorCelda>;
  readonly formulas: ReadonlyArray<string | null> | undefined;
  /** La columna del formato en un índice de hoja (base 0), si la hay. */
  readonly columnaEn: (indice: number) => Columna | undefined;
  /** Estatus escrito en la hoja (ya leído), o `null`. */
  readonly estatusEscrito: Estatus | null;
  /** Lo escrito en las columnas calculadas numéricas de una sola meta, ya leído («texto» si no es un número). */
  readonly calculadasLeidas: Partial<Record<Rol, Cantidad | null | "texto">>;
  /** Columnas calculadas presentes (sin ESTATUS). */
  readonly calculadasPresentes: ReadonlyArray<Columna>;
  /** Avance al corte de la fila (solo en las reglas de `momento: "avance"`). */
  readonly avance: AvanceActividad | null;
  /** Estado de la hoja que una regla lleva de fila en fila (CLAVE → primera fila). */
  readonly claves: Map<string, number>;
  /** La celda de la columna ya tiene un hallazgo de severidad error (de las reglas anteriores). */
  readonly tieneError: (c: Columna) => boolean;
  readonly emitir: Emitir;
  /** Emite en una celda de la fila por su índice de hoja (base 0), aunque el formato no conozca la columna. */
  readonly emitirEnIndice: <C extends CodigoHallazgo>(codigo: C, indice: number, p: ParametrosHallazgo[C]) => void;
}

export interface ReglaFila {
  readonly id: IdRegla;
  readonly codigos: ReadonlyArray<CodigoHallazgo>;
  /**
   * Cuándo juzga: `"lecturas"` (por omisión) con las lecturas y los cálculos; `"al-final"`
   * cuando ya se conocen los errores de la fila (un aviso que no se encima sobre un error);
   * `"avance"` con el avance al corte (va después de decidir los errores de la fila).
   */
  readonly momento?: "lecturas" | "al-final" | "avance";
  readonly revisar: (ctx: ContextoRegla) => void;
}
