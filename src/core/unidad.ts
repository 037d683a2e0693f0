/**
 * La unidad responsable de un PAT, leída de las filas de título (arriba del encabezado):
 * la línea que nombra a la unidad («UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS»,
 * «DIRECCIÓN EJECUTIVA DE …», «SECRETARÍA EJECUTIVA», «Unidad responsable: …»), también
 * dentro de un título más largo («PROGRAMA ANUAL DE TRABAJO DE LA UNIDAD DE … PARA EL
 * EJERCICIO 2024», «UNIDAD DE …   OBJETIVOS CON TRANSVERSALIDAD»).
 */
import type { HojaDatos } from "./tipos";

// Tipos de unidad de los institutos electorales (al inicio del nombre).
const TIPOS = "UNIDAD|DIRECCI[OÓ]N|SUBDIRECCI[OÓ]N|SECRETAR[IÍ]A|COORDINACI[OÓ]N|CONTRALOR[IÍ]A|[OÓ]RGANO INTERNO|PRESIDENCIA|CONSEJER[IÍ]A|JUNTA|VOCAL[IÍ]A|OFICIAL[IÍ]A|DEPARTAMENTO|JEFATURA|COMISI[OÓ]N|[AÁ]REA";
const AL_INICIO = new RegExp(`^(?:PROGRAMA ANUAL DE TRABAJO\\s+(?:DE LA|DEL|DE)\\s+)?((?:${TIPOS})\\b.*)$`, "i");
const ETIQUETA = /^(?:unidad responsable|[aá]rea responsable|unidad administrativa|[oó]rgano responsable|[oó]rgano|[aá]rea|unidad)\s*:\s*(.+)$/i;
// Lo que sigue al nombre en un título compuesto.
const COLAS = [/\s{2,}.*$/, /\s+OBJETIVOS CON TRANSVERSALIDAD.*$/i, /\s+PARA EL EJERCICIO.*$/i, /\s+(?:EJERCICIO|A[NÑ]O)\s+\d{4}.*$/i, /[\s,]+\d{4}\s*$/];
// «UNIDAD DE MEDIDA» es un encabezado, no una unidad responsable.
const NO_UNIDAD = /^unidad(?:es)? (?:de medida|cumplidas)/i;

function limpiar(texto: string): string | null {
  let t = texto.replace(/[\r\n]+/g, " ").trim();
  for (const c of COLAS) t = t.replace(c, "");
  t = t.replace(/\s+/g, " ").replace(/[\s.:;,]+$/, "").trim();
  return t.length >= 6 ? t : null;
}

/** El nombre de la unidad en un texto de título, o `null`. */
export function unidadEnTitulo(texto: string): string | null {
  const t = texto.replace(/\s+$/, "").replace(/^\s+/, "");
  if (t.length === 0 || t.length > 200 || t.startsWith("(")) return null; // «(NOMBRE DEL ÓRGANO)»: plantilla sin llenar
  const e = ETIQUETA.exec(t);
  if (e) return limpiar(e[1]);
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
