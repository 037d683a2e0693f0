/**
 * Matrices de Excel para las funciones PAT: cada argumento llega como matriz (`any[][]`:
 * una celda es `[[v]]`) y el resultado tiene la forma de los argumentos. Difusión como la
 * de Excel: un argumento de una fila se repite en todas las filas, uno de una columna en
 * todas las columnas; si dos rangos no coinciden, los elementos que faltan son `#N/A`.
 */

/** Una celda de un argumento: número, texto, booleano, vacío (`null`, `""`)… */
export type CeldaEntrada = unknown;

export interface Forma {
  readonly filas: number;
  readonly columnas: number;
}

/**
 * Normaliza un argumento a matriz. `null`/`undefined` (argumento opcional omitido) y los
 * escalares → 1×1; un vector → una fila; una matriz vacía → 1×1 vacía.
 */
export function aMatriz(x: unknown): ReadonlyArray<ReadonlyArray<CeldaEntrada>> {
  if (!Array.isArray(x)) return [[x === undefined ? null : x]];
  if (x.length === 0) return [[null]];
  if (!x.every((fila) => Array.isArray(fila))) return [x];
  const m = x as unknown[][];
  return m.some((fila) => fila.length === 0) ? m.map((fila) => (fila.length === 0 ? [null] : fila)) : m;
}

/** Filas y columnas (la fila más larga) de una matriz. */
export function formaDe(m: ReadonlyArray<ReadonlyArray<unknown>>): Forma {
  let columnas = 0;
  for (const fila of m) columnas = Math.max(columnas, fila.length);
  return { filas: m.length, columnas };
}

/** La forma del resultado: el máximo de filas y de columnas de los argumentos. */
export function formaResultado(formas: ReadonlyArray<Forma>): Forma {
  let filas = 1;
  let columnas = 1;
  for (const f of formas) {
    filas = Math.max(filas, f.filas);
    columnas = Math.max(columnas, f.columnas);
  }
  return { filas, columnas };
}

/** Marca de «este argumento no tiene elemento aquí» (rangos de tamaños distintos). */
export const FUERA_DE_RANGO: unique symbol = Symbol("fuera de rango");

/**
 * El elemento (i, j) de un argumento difundido a la forma del resultado, o
 * `FUERA_DE_RANGO`. Una fila que queda corta dentro del rango cuenta como celda vacía.
 */
export function elemento(
  m: ReadonlyArray<ReadonlyArray<CeldaEntrada>>,
  forma: Forma,
  i: number,
  j: number,
): CeldaEntrada | typeof FUERA_DE_RANGO {
  const fi = forma.filas === 1 ? 0 : i;
  const cj = forma.columnas === 1 ? 0 : j;
  if (fi >= forma.filas || cj >= forma.columnas) return FUERA_DE_RANGO;
  const v = m[fi][cj];
  return v === undefined ? null : v;
}

/**
 * Celdas como mucho en un resultado: una columna entera de Excel. Más que eso (una columna
 * completa contra una fila completa son 17 000 millones) colgaría Excel: se responde con
 * un solo error.
 */
export const MAXIMO_CELDAS_RESULTADO = 1048576;

/** Señal de `difundir`: el resultado pasaría de `MAXIMO_CELDAS_RESULTADO`. */
export class ResultadoDemasiadoGrande extends Error {
  constructor(readonly forma: Forma) {
    super("resultado demasiado grande");
    this.name = "ResultadoDemasiadoGrande";
  }
}

/**
 * Aplica `f` elemento a elemento sobre los argumentos difundidos. `f` recibe las celdas
 * (escalares) de los argumentos en orden; `faltante` da el valor de los elementos a los
 * que les falta un argumento.
 */
export function difundir(
  argumentos: ReadonlyArray<unknown>,
  f: (celdas: CeldaEntrada[]) => unknown,
  faltante: () => unknown,
): unknown[][] {
  const matrices = argumentos.map(aMatriz);
  const formas = matrices.map(formaDe);
  const total = formaResultado(formas);
  if (total.filas * total.columnas > MAXIMO_CELDAS_RESULTADO) throw new ResultadoDemasiadoGrande(total);
  const salida: unknown[][] = new Array(total.filas);
  const celdas: CeldaEntrada[] = new Array(matrices.length);
  for (let i = 0; i < total.filas; i++) {
    const fila: unknown[] = new Array(total.columnas);
    for (let j = 0; j < total.columnas; j++) {
      let completo = true;
      for (let k = 0; k < matrices.length; k++) {
        const v = elemento(matrices[k], formas[k], i, j);
        if (v === FUERA_DE_RANGO) {
          completo = false;
          break;
        }
        celdas[k] = v;
      }
      fila[j] = completo ? f(celdas.slice()) : faltante();
    }
    salida[i] = fila;
  }
  return salida;
}
