/**
 * La unidad responsable de un PAT, leída de las filas de título (arriba del encabezado):
 * la línea que nombra a la unidad («UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS»,
 * «DIRECCIÓN EJECUTIVA DE …», «SECRETARÍA EJECUTIVA», «Unidad responsable: …»), también
 * dentro de un título más largo («PROGRAMA ANUAL DE TRABAJO DE LA UNIDAD DE … PARA EL
 * EJERCICIO 2024», «UNIDAD DE …   OBJETIVOS CON TRANSVERSALIDAD»).
 */
import type { HojaDatos } from "./tipos";
import { quitarAlFinal } from "./valores";

// Tipos de unidad de los institutos electorales (al inicio del nombre).
const TIPOS = "UNIDAD|DIRECCI[OÓ]N|SUBDIRECCI[OÓ]N|SECRETAR[IÍ]A|COORDINACI[OÓ]N|CONTRALOR[IÍ]A|[OÓ]RGANO INTERNO|PRESIDENCIA|CONSEJER[IÍ]A|JUNTA|VOCAL[IÍ]A|OFICIAL[IÍ]A|DEPARTAMENTO|JEFATURA|COMISI[OÓ]N|[AÁ]REA";
const AL_INICIO = new RegExp(`^(?:PROGRAMA ANUAL DE TRABAJO\\s+(?:DE LA|DEL|DE)\\s+)?((?:${TIPOS})\\b.*)$`, "i");
const ETIQUETA = /^(?:unidad responsable|[aá]rea responsable|unidad administrativa|[oó]rgano responsable|[oó]rgano|[aá]rea|unidad)\s*:/i;
// Dónde empieza lo que sigue al nombre en un título compuesto (se corta desde ahí). Sin
// «.*$» ni «\s+» al inicio: esas formas retroceden de forma cuadrática (eslint-plugin-regexp).
const COLAS = [/\s\s/, /\sOBJETIVOS CON TRANSVERSALIDAD/i, /\sPARA EL EJERCICIO/i, /\s(?:EJERCICIO|A[NÑ]O)\s+\d{4}/i];

const esEspacioOSigno = (k: number): boolean => k <= 32 || k === 0xa0 || k === 46 || k === 58 || k === 59 || k === 44; // espacio . : ; ,
const esEspacio = (k: number): boolean => k <= 32 || k === 0xa0;

/** Quita un año final («…, 2024», «… 2024»). */
function sinAnioFinal(t: string): string {
  const u = quitarAlFinal(t, esEspacio);
  const antes = u.charCodeAt(u.length - 5);
  if (u.length < 5 || !/^\d{4}$/.test(u.slice(-4)) || !(esEspacio(antes) || antes === 44)) return t;
  return quitarAlFinal(u.slice(0, -4), (k) => esEspacio(k) || k === 44);
}
// «UNIDAD DE MEDIDA» es un encabezado, no una unidad responsable.
const NO_UNIDAD = /^unidad(?:es)? (?:de medida|cumplidas)/i;

function limpiar(texto: string): string | null {
  let t = texto.replace(/[\r\n]+/g, " ").trim();
  for (const c of COLAS) {
    const i = t.search(c);
    if (i >= 0) t = t.slice(0, i);
  }
  t = sinAnioFinal(t);
  t = quitarAlFinal(t.replace(/\s+/g, " "), esEspacioOSigno).trim();
  return t.length >= 6 ? t : null;
}

/** El nombre de la unidad en un texto de título, o `null`. */
export function unidadEnTitulo(texto: string): string | null {
  const t = texto.trim();
  if (t.length === 0 || t.length > 200 || t.startsWith("(")) return null; // «(NOMBRE DEL ÓRGANO)»: plantilla sin llenar
  const e = ETIQUETA.exec(t);
  const resto = e ? t.slice(e[0].length).trim() : "";
  if (resto.length > 0) return limpiar(resto);
  const m = AL_INICIO.exec(t);
  if (!m || NO_UNIDAD.test(m[1])) return null;
  return limpiar(m[1]);
}

/**
 * La unidad responsable de una hoja: la primera fila de título (antes de `filaEncabezado`,
 * base 1) que la nombra; `null` si ninguna.
 */
export function unidadResponsable(hoja: HojaDatos, filaEncabezado: number): string | null {
  const hasta = Math.min(Math.max(filaEncabezado - 1, 0), 30, hoja.valores.length);
  for (let f = 0; f < hasta; f++) {
    const fila = hoja.valores[f];
    if (!fila) continue;
    for (const v of fila) {
      if (typeof v !== "string") continue;
      const u = unidadEnTitulo(v);
      if (u) return u;
    }
  }
  return null;
}
