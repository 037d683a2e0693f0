/**
 * Direcciones A1: el ÚNICO módulo que arma y lee «I12». Dentro del programa una celda va
 * como números (`Posicion`, o índices base 0 en la capa de Excel, `excel/direcciones.ts`);
 * el texto A1 se arma solo para mostrarlo o donde una API (Office.js, un registro guardado)
 * lo pide.
 */
import type { Posicion } from "../tipos";

/** Filas y columnas de una hoja de Excel. */
export const MAX_FILAS = 1_048_576;
export const MAX_COLUMNAS = 16_384;

const CACHE_LETRAS: string[] = [];

/** Letra de una columna base 0: 0 → «A», 25 → «Z», 26 → «AA», 701 → «ZZ», 702 → «AAA». */
export function letraColumna(indice0: number): string {
  if (!Number.isInteger(indice0) || indice0 < 0) throw new RangeError(`Columna inválida: ${indice0}`);
  const c = CACHE_LETRAS[indice0];
  if (c !== undefined) return c;
  let n = indice0 + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (indice0 < 1024) CACHE_LETRAS[indice0] = s;
  return s;
}

/** Dirección A1 de una celda: fila base 1, columna base 0 → «C12». */
export function direccion(fila1: number, col0: number): string {
  return `${letraColumna(col0)}${fila1}`;
}

/** Dirección A1 de una posición (fila y columna base 1): {fila: 12, columna: 9} → «I12». */
export function direccionDe(p: Posicion): string {
  return direccion(p.fila, p.columna - 1);
}

/** Una posición dentro de la cuadrícula de Excel (enteros, 1…1 048 576 × 1…16 384). */
export function esPosicion(p: unknown): p is Posicion {
  if (typeof p !== "object" || p === null) return false;
  const { fila, columna } = p as { fila?: unknown; columna?: unknown };
  return Number.isInteger(fila) && Number.isInteger(columna) && (fila as number) >= 1 && (fila as number) <= MAX_FILAS && (columna as number) >= 1 && (columna as number) <= MAX_COLUMNAS;
}

/** Índice base 0 de una columna: «A» → 0, «Z» → 25, «AA» → 26. */
export function indiceColumna(letras: string): number {
  let n = 0;
  for (const ch of letras.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const RE_CELDA = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i;

/** «AB12» o «$AB$12» → { fila1: 12, col0: 27 }; `null` si no es una dirección de celda. */
export function leerDireccion(texto: string): { fila1: number; col0: number } | null {
  const m = RE_CELDA.exec(texto.trim());
  return m ? { fila1: Number(m[2]), col0: indiceColumna(m[1]) } : null;
}

/** «I12» o «$I$12» → {fila: 12, columna: 9}; `null` si no es una celda de la cuadrícula. */
export function posicionDe(texto: string): Posicion | null {
  const d = typeof texto === "string" ? leerDireccion(texto) : null;
  const p = d ? { fila: d.fila1, columna: d.col0 + 1 } : null;
  return p && esPosicion(p) ? p : null;
}
