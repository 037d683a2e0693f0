/**
 * Direcciones para la capa de Excel: celdas y rangos como índices base 0 (los de
 * `getRangeByIndexes`), su paso a y desde `Posicion` (base 1, la del núcleo), y las listas de
 * áreas que devuelve Excel («Hoja1!A1:B2,Hoja1!D4»). El texto A1 lo arma y lo lee SOLO
 * `core/validacion/direcciones.ts`: aquí se delega en él. Puro, sin Office.
 */
import type { Posicion } from "../core/tipos";
import { direccion, esPosicion, indiceColumna, leerDireccion, letraColumna } from "../core/validacion/direcciones";
import { ErrorLibro } from "./puerto";

export interface Celda {
  /** Fila base 0. */
  readonly fila: number;
  /** Columna base 0. */
  readonly columna: number;
}

export interface Rango {
  readonly filaInicio: number;
  readonly columnaInicio: number;
  readonly filaFin: number;
  readonly columnaFin: number;
}

/** 0 → «A», 25 → «Z», 26 → «AA» (la del núcleo). */
export const letra = letraColumna;
export { indiceColumna };

/** Dirección A1 de una celda base 0 (para una API de Office que pide texto, o un mensaje). */
export function a1(fila: number, columna: number): string {
  return direccion(fila + 1, columna);
}

/** Los índices base 0 de una posición (base 1); lanza `celda-invalida` si no está en la cuadrícula. */
export function indicesDe(p: Posicion): Celda {
  // Código traducible: el panel muestra error.celdaInvalida en el idioma del usuario.
  if (!esPosicion(p)) throw new ErrorLibro("celda-invalida", JSON.stringify(p) ?? String(p));
  return { fila: p.fila - 1, columna: p.columna - 1 };
}

/** La posición (base 1) de una celda base 0. */
export function posicionEn(c: Celda): Posicion {
  return { fila: c.fila + 1, columna: c.columna + 1 };
}

/** Quita el nombre de la hoja («'Mi hoja'!A1:B2» → «A1:B2»). */
export function sinHoja(direccion: string): string {
  const i = direccion.lastIndexOf("!");
  return i >= 0 ? direccion.slice(i + 1) : direccion;
}

/** «B12» → {fila: 11, columna: 1}; lanza si no es una celda. */
export function leerCelda(texto: string): Celda {
  const d = leerDireccion(sinHoja(texto));
  // Código traducible: el panel muestra error.celdaInvalida en el idioma del usuario.
  if (!d) throw new ErrorLibro("celda-invalida", texto);
  return { fila: d.fila1 - 1, columna: d.col0 };
}

/** «A1:C3», «B2», «A:C» (columnas completas no se usan aquí) → rango base 0 inclusivo. */
export function leerRango(texto: string): Rango {
  const limpio = sinHoja(texto).trim();
  const [a, b] = limpio.split(":");
  const i = leerCelda(a);
  const f = b ? leerCelda(b) : i;
  return {
    filaInicio: Math.min(i.fila, f.fila),
    columnaInicio: Math.min(i.columna, f.columna),
    filaFin: Math.max(i.fila, f.fila),
    columnaFin: Math.max(i.columna, f.columna),
  };
}

/** Dirección A1 de un rango base 0. */
export function direccionRango(r: Rango): string {
  const i = a1(r.filaInicio, r.columnaInicio);
  const f = a1(r.filaFin, r.columnaFin);
  return i === f ? i : `${i}:${f}`;
}

/** Lista de áreas («Hoja1!A1:B2, Hoja1!D4» o «A1:B2,D4») → rangos. */
export function leerAreas(texto: string | null | undefined): Rango[] {
  if (!texto) return [];
  // Los nombres de hoja entre comillas pueden contener comas: se separa solo en las comas
  // fuera de comillas (una pasada, sin expresiones que retrocedan) y se quita «Hoja!».
  const areas: string[] = [];
  let inicio = 0;
  let enComillas = false;
  for (let i = 0; i <= texto.length; i++) {
    const ch = texto[i];
    if (ch === "'") enComillas = !enComillas; // «''» dentro de un nombre cambia dos veces
    else if (i === texto.length || (ch === "," && !enComillas)) {
      const area = texto.slice(inicio, i);
      areas.push(area.slice(area.lastIndexOf("!") + 1).trim());
      inicio = i + 1;
    }
  }
  return areas.filter((s) => s.length > 0).map(leerRango);
}
