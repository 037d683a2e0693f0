/**
 * Registros guardados DENTRO del documento (partes XML personalizadas por clave): el JSON
 * va escapado como texto de un único elemento; si no cabe en una solicitud de Excel en la
 * web (≈ 5 MB) se reparte en varias partes numeradas. Puro, sin Office.
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

/**
 * Carga máxima (bytes estimados) de una parte: Excel en la web rechaza solicitudes y
 * respuestas de más de ≈ 5 MB; 1.5 MB deja holgura para el sobre JSON de la solicitud.
 */
export const BYTES_POR_PARTE = 1_500_000;

/** Bytes que cuesta un carácter del XML dentro de la solicitud (UTF-8 + escape JSON). */
function costo(codigo: number): number {
  if (codigo === 0x22 || codigo === 0x5c) return 2; // \" \\
  if (codigo < 0x20) return 6; // \u00XX
  if (codigo < 0x80) return 1;
  if (codigo < 0x800) return 2;
  return 3; // BMP; un par sustituto cuenta 3 + 3 (holgado)
}

/**
 * Como `aXml`, pero en varias partes si el registro no cabe en una solicitud: cada parte
 * lleva `parte` y `de` y un trozo del JSON (cortado donde el escape no se rompe y nunca
 * entre las dos mitades de un par sustituto). Un registro pequeño es una sola parte.
 */
export function aPartesXml(clave: string, datos: unknown, limite = BYTES_POR_PARTE): string[] {
  const texto = escapar(JSON.stringify(datos));
  const trozos: string[] = [];
  let inicio = 0;
  let bytes = 0;
  for (let i = 0; i < texto.length; i++) {
    const c = texto.charCodeAt(i);
    const n = c === 0x26 ? texto.indexOf(";", i) - i + 1 : 1; // «&amp;» va entero
    let b = 0;
    for (let k = 0; k < n; k++) b += costo(texto.charCodeAt(i + k));
    const sustituto = c >= 0xd800 && c <= 0xdbff ? 1 : 0;
    if (bytes + b > limite && i > inicio) {
      trozos.push(texto.slice(inicio, i));
      inicio = i;
      bytes = 0;
    }
    bytes += b + (sustituto ? costo(texto.charCodeAt(i + 1)) : 0);
    i += n - 1 + sustituto;
  }
  trozos.push(texto.slice(inicio));
  const de = trozos.length;
  return trozos.map(
    (t, parte) => `<?xml version="1.0" encoding="UTF-8"?><registro xmlns="${espacioDe(clave)}" parte="${parte}" de="${de}">${t}</registro>`,
  );
}

/** Une las partes escritas por `aPartesXml` (en cualquier orden); null si falta alguna o no se leen. */
export function dePartesXml<T>(xmls: ReadonlyArray<string>): T | null {
  const trozos: string[] = [];
  let total = -1;
  for (const xml of xmls) {
    const m = /<registro([^>]*)>([\s\S]*)<\/registro>/.exec(xml);
    if (!m) return null;
    const parte = /\bparte="(\d+)"/.exec(m[1]);
    const de = /\bde="(\d+)"/.exec(m[1]);
    // Una parte sin atributos es un registro de una sola parte (formato anterior).
    const p = parte ? Number(parte[1]) : 0;
    const d = de ? Number(de[1]) : 1;
    if (total >= 0 && total !== d) return null;
    total = d;
    if (p >= d || trozos[p] !== undefined) return null;
    trozos[p] = m[2];
  }
  if (total < 1 || trozos.length !== total) return null;
  for (let i = 0; i < total; i++) if (trozos[i] === undefined) return null;
  try {
    return JSON.parse(desescapar(trozos.join(""))) as T;
  } catch {
    return null;
  }
}
