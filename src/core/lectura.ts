/**
 * La lectura de una fila de datos, la parte del análisis que consumen el plan de llenado y
 * los informes: qué se leyó en cada columna (bien, vacía, no válida), lo calculado a partir
 * de esas lecturas, lo escrito en las celdas calculadas y los errores de la fila. Nadie
 * después del análisis vuelve a leer celdas ni a calcular.
 */
import type { Columna, Formato } from "./formatos";
import type { CalculosFila } from "./llenado/calculo";
import type { Estatus, Hallazgo, RangoCeldas, ValorCelda } from "./tipos";
import { vacio } from "./filas";

/**
 * `ok`: se leyó; `vacio`: no hay nada; `invalida`: hay algo que no se pudo leer o que está
 * fuera de rango (mes 13, meta 0, meses invertidos): nada que dependa de ella se calcula.
 */
export type EstadoLectura = "ok" | "vacio" | "invalida";

/** Lo que dice una celda calculada antes de llenar. */
export interface CeldaCalculada {
  readonly columna: Columna;
  /** Fila base 1, columna base 0. */
  readonly fila: number;
  readonly indice: number;
  readonly valor: ValorCelda;
  readonly formula: string | null;
  readonly formatoNumero: string | null;
  /** La combinación que cubre la celda sin ser su ancla (no se puede escribir en ella), o `null`. */
  readonly combinacion: RangoCeldas | null;
}

export interface FilaAnalizada {
  /** Fila de la hoja, base 1. */
  readonly fila: number;
  /** Valor efectivo de cada columna del formato (con herencia y combinaciones), por `Columna.orden`. */
  readonly valores: ReadonlyArray<ValorCelda>;
  /** `heredadas[orden]`: el valor vino de la fila de arriba o de una combinación (sin herencia, un arreglo vacío compartido). */
  readonly heredadas: ReadonlyArray<boolean>;
  /** Índice de hoja (base 0) de cada columna del formato, por `Columna.orden` (−1 si falta); compartido por las filas. */
  readonly indices: ReadonlyArray<number>;
  /**
   * Claves de las columnas cuya lectura no es válida (la misma lista que `Actividad.invalidas`):
   * con `valores`, de ella sale el estado de cada lectura (`estadoDe`) sin guardar uno por celda.
   */
  readonly invalidas: ReadonlyArray<string>;
  /** Lo calculado con las lecturas (lo mismo con cualquier conjunto de reglas). */
  readonly calculos: CalculosFila;
  /** Las celdas calculadas presentes, con lo que tienen escrito. */
  readonly calculadas: ReadonlyArray<CeldaCalculada>;
  /**
   * Lo escrito en ESTATUS, leído una vez: el estatus, `null` si está vacía (o no hay columna) o
   * `"ilegible"` si no se entiende (tiene su hallazgo y el llenado no la pisa).
   */
  readonly estatusEscrito: Estatus | null | "ilegible";
  /** Hallazgos de severidad error de la fila: una fila con errores no se llena. */
  readonly errores: ReadonlyArray<Hallazgo>;
}

/** Estado de la lectura de una columna de la fila; `undefined` si la columna falta en la hoja o es calculada. */
export function estadoDe(fila: FilaAnalizada, c: Columna): EstadoLectura | undefined {
  if (c.calculada || (fila.indices[c.orden] ?? -1) < 0) return undefined;
  if (vacio(fila.valores[c.orden])) return "vacio";
  return fila.invalidas.includes(c.clave) ? "invalida" : "ok";
}

/** Columnas presentes cuya lectura está vacía o no es válida, en el orden del formato. */
export function lecturasProblema(fila: FilaAnalizada, formato: Formato): Columna[] {
  return formato.columnas.filter((c) => {
    const e = estadoDe(fila, c);
    return e === "invalida" || (e === "vacio" && c.obligatoria === true);
  });
}
