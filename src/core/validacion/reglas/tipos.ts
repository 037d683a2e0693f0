/**
 * Una regla de fila como unidad (al estilo de los «checks» de Frictionless Data): un id (el
 * nombre que activa el formato en `reglas`), los códigos del catálogo que puede emitir y
 * `revisar`, que juzga lecturas y cálculos ya hechos. Una regla no lee celdas ni cambia
 * lecturas o cálculos: activarla o no solo cambia los hallazgos.
 */
import type { AvanceActividad } from "../../avance";
import type { Actividad } from "../../filas";
import type { Columna, Formato, Rol } from "../../formatos";
import type { CalculosFila } from "../../llenado/calculo";
import type { Cantidad } from "../../valores";
import type { Estatus, ValorCelda } from "../../tipos";
import type { REGLAS } from "../../formatos/esquema";
import type { CodigoHallazgo } from "../catalogo";

export type IdRegla = (typeof REGLAS)[number];
export type Parametros = Record<string, string | number>;

export interface ContextoRegla {
  readonly act: Actividad;
  readonly formato: Formato;
  readonly calc: CalculosFila;
  readonly corte: number | null;
  /** Columna presente por rol. */
  readonly col: (rol: Rol) => Columna | undefined;
  /** La celda es de la fila (no heredada de arriba ni de una combinación). */
  readonly propio: (c: Columna) => boolean;
  /** Valor efectivo de una columna en la fila. */
  readonly valor: (c: Columna) => ValorCelda;
  /** Formato de número de la celda de una columna. */
  readonly formatoNumero: (c: Columna) => string | null;
  /** Estatus escrito en la hoja (ya leído), o `null`. */
  readonly estatusEscrito: Estatus | null;
  /** Lo escrito en las columnas calculadas numéricas de una sola meta, ya leído («texto» si no es un número). */
  readonly calculadasLeidas: Partial<Record<Rol, Cantidad | null | "texto">>;
  /** Columnas calculadas presentes (sin ESTATUS). */
  readonly calculadasPresentes: ReadonlyArray<Columna>;
  /** Avance al corte de la fila (solo en las reglas `despuesDelAvance`). */
  readonly avance: AvanceActividad | null;
  /** Estado de la hoja que una regla lleva de fila en fila (CLAVE → primera fila). */
  readonly claves: Map<string, number>;
  readonly emitir: (codigo: CodigoHallazgo, c: Columna, p?: Parametros) => void;
}

export interface ReglaFila {
  readonly id: IdRegla;
  readonly codigos: ReadonlyArray<CodigoHallazgo>;
  /** Juzga el avance al corte (va después de decidir los errores de la fila). */
  readonly despuesDelAvance?: boolean;
  readonly revisar: (ctx: ContextoRegla) => void;
}
