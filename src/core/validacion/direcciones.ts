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
