/**
 * Textos de un archivo (nombres de hoja, celdas, encabezados, ids de formato) puestos en una
 * salida que una persona lee: terminal o panel. Un nombre de hoja con un salto de línea o con
 * un carácter de control C1 (U+009B inicia una secuencia de terminal) podría imprimir un
 * «Resumen: 0 errores» falso encima del verdadero; una marca bidireccional invierte lo que se
 * lee. Aquí se escapan de forma visible. Solo para lo legible: el JSON lleva el texto exacto.
 *
 * Sin `\p{…}` ni banderas nuevas: el núcleo también corre en funciones.js (ES2016).
 */

/** ¿Se escapa este código? C0, DEL, C1, separadores de línea/párrafo y marcas bidireccionales. */
function esControl(k: number): boolean {
  return (
    k < 0x20 || (k >= 0x7f && k <= 0x9f) ||
    k === 0x2028 || k === 0x2029 ||
    k === 0x061c || k === 0x200e || k === 0x200f || // marca árabe, LRM, RLM
    (k >= 0x202a && k <= 0x202e) || // LRE, RLE, PDF, LRO, RLO
    (k >= 0x2066 && k <= 0x2069) // LRI, RLI, FSI, PDI
  );
}

const NOMBRADOS: Readonly<Record<number, string>> = { 9: "\\t", 10: "\\n", 13: "\\r" };

function escape(k: number): string {
  return NOMBRADOS[k] ?? `\\u${k.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Escapa los caracteres de control de un texto («Hoja\n1» → «Hoja\\n1», U+009B → «\\u009B»).
 * Un texto sin ellos vuelve igual (el mismo objeto): una pasada, sin expresiones regulares.
 */
export function escaparControles(texto: string): string {
  let i = 0;
  while (i < texto.length && !esControl(texto.charCodeAt(i))) i++;
  if (i === texto.length) return texto;
  let r = texto.slice(0, i);
  for (; i < texto.length; i++) {
    const k = texto.charCodeAt(i);
    r += esControl(k) ? escape(k) : texto[i];
  }
  return r;
}

/** Largo máximo de un valor citado en un mensaje (un id de formato, una clave). */
export const LARGO_CITA = 60;

/**
 * Corta un texto a `maximo` caracteres con «…» al final, sin partir un par sustituto
 * (un emoji). Un id de formato de 100 000 espacios no llena la pantalla.
 */
export function acortar(texto: string, maximo: number = LARGO_CITA): string {
  if (texto.length <= maximo) return texto;
  let fin = Math.max(0, maximo - 1);
  const k = texto.charCodeAt(fin - 1);
  if (k >= 0xd800 && k <= 0xdbff) fin--;
  return `${texto.slice(0, fin)}…`;
}

/** Un texto de un archivo listo para un mensaje legible: acortado y sin controles. */
export function textoLegible(texto: string, maximo: number = LARGO_CITA): string {
  return escaparControles(acortar(texto, maximo));
}
