/**
 * Registros pequeños guardados DENTRO del documento (una parte XML personalizada por
 * clave): el JSON va escapado como texto de un único elemento. Puro, sin Office.
 */
export const ESPACIO_REGISTROS = "urn:pat-indicadores:";

export function espacioDe(clave: string): string {
  return `${ESPACIO_REGISTROS}${clave}`;
}

const escapar = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const desescapar = (s: string): string =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Serializa un JSON a una parte XML con el espacio de nombres de su clave. */
export function aXml(clave: string, datos: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?><registro xmlns="${espacioDe(clave)}">${escapar(JSON.stringify(datos))}</registro>`;
}

/** Lee el JSON de una parte XML escrita por aXml; null si no se puede leer. */
export function deXml<T>(xml: string): T | null {
  const m = /<registro[^>]*>([\s\S]*)<\/registro>/.exec(xml);
  if (!m) return null;
  try {
    return JSON.parse(desescapar(m[1])) as T;
  } catch {
    return null;
  }
}
