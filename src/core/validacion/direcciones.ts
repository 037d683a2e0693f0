/** Direcciones A1. */

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
