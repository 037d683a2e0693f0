/** Textos de celda que la lectura y las reglas miran igual (con cachés: se repiten fila tras fila). */
import { vacio } from "../filas";
import { memorizarTexto } from "../memoria";
import type { ValorCelda } from "../tipos";
import { buscarMarcador, normalizar, textoFecha } from "../valores";

/** `normalizar` con caché (frecuencias, unidades, dimensiones se repiten). */
export const normal = memorizarTexto(normalizar, 20000);

// Condición necesaria de todo marcador de `buscarMarcador` («xx», «__», «(poner…»): una sola
// pasada barata antes de las expresiones de `buscarMarcador`.
const PUEDE_TENER_MARCADOR = /xx|__|\(\s*(?:poner|indicar|escribir|anotar)/i;

/**
 * Condición necesaria de `PUEDE_TENER_MARCADOR` con búsquedas nativas: sin «(», sin «__» y sin
 * ninguna «x» o «X», no hay marcador (casi ningún texto de una fila las tiene).
 */
function puedeTenerMarcador(t: string): boolean {
  return t.includes("(") || t.includes("__") || t.includes("x") || t.includes("X");
}

/** El marcador de plantilla que contiene el texto («xxx», «___»…), o `null`. */
export function marcador(t: string): string | null {
  return puedeTenerMarcador(t) && PUEDE_TENER_MARCADOR.test(t) ? buscarMarcador(t) : null;
}

/** Una celda como texto recortado (una fecha como la muestra la hoja); `null` si está vacía. */
export function texto(v: ValorCelda | undefined): string | null {
  if (vacio(v)) return null;
  if (v instanceof Date) return textoFecha(v);
  return String(v).trim();
}
