/**
 * Reconoce, antes de leer, los archivos que no son un libro .xlsx: vacío, truncado,
 * cifrado o .xls antiguo (contenedor OLE), CSV o texto con la extensión cambiada.
 * Cada caso da UNA línea en español que dice qué pasa y qué hacer.
 */
import type { ErrorPat } from "../core/tipos";
import type { ClaseLimite } from "./limites";

export type ClaseProblema = "vacio" | "ole" | "csv" | "texto" | "truncado" | "no-xlsx" | "danado" | ClaseLimite;

export interface ProblemaArchivo extends ErrorPat {
  readonly clase: ClaseProblema;
}

const GUARDAR = "Ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)».";
const GUARDAR_EN = "Open it in Excel and save it as \"Excel Workbook (.xlsx)\".";

export const MENSAJES: Readonly<Record<ClaseProblema, { es: string; en: string }>> = {
  vacio: {
    es: "El archivo está vacío (0 bytes): no contiene ningún libro. Vuelva a copiarlo o descargarlo desde su origen.",
    en: "The file is empty (0 bytes): it holds no workbook. Copy or download it again from its source.",
  },
  ole: {
    es: `El archivo no es un libro .xlsx: es un libro antiguo .xls o un libro protegido con contraseña. Ábralo en Excel, quite la contraseña si la tiene y guárdelo como «Libro de Excel (.xlsx)».`,
    en: `The file is not an .xlsx workbook: it is an old .xls workbook or a password-protected one. Open it in Excel, remove the password if any and save it as "Excel Workbook (.xlsx)".`,
  },
  csv: {
    es: `El archivo no es un libro .xlsx válido: parece un CSV con la extensión cambiada. ${GUARDAR}`,
    en: `The file is not a valid .xlsx workbook: it looks like a CSV with a changed extension. ${GUARDAR_EN}`,
  },
  texto: {
    es: `El archivo no es un libro .xlsx válido: es un archivo de texto con la extensión cambiada. ${GUARDAR}`,
    en: `The file is not a valid .xlsx workbook: it is a text file with a changed extension. ${GUARDAR_EN}`,
  },
  truncado: {
    es: "El archivo .xlsx está incompleto (truncado o dañado al copiarlo). Vuelva a copiarlo o descargarlo, o guárdelo de nuevo desde Excel.",
    en: "The .xlsx file is incomplete (truncated or damaged while copying). Copy or download it again, or save it again from Excel.",
  },
  "no-xlsx": {
    es: `El archivo es un ZIP pero no un libro de Excel (no contiene xl/workbook.xml). ${GUARDAR}`,
    en: `The file is a ZIP but not an Excel workbook (it has no xl/workbook.xml). ${GUARDAR_EN}`,
  },
  danado: {
    es: `El archivo no es un libro .xlsx válido o está dañado. ${GUARDAR}`,
    en: `The file is not a valid .xlsx workbook or it is damaged. ${GUARDAR_EN}`,
  },
  // Límites de lectura (ver limites.ts): uno por límite.
  bomba: {
    es: "El archivo .xlsx se descomprime a un tamaño desproporcionado (más de 200 veces lo que ocupa, o más de 1 GB en total): no se lee. Pida el libro original o guárdelo de nuevo desde Excel.",
    en: "The .xlsx file decompresses to a disproportionate size (more than 200 times its size, or more than 1 GB in total): it is not read. Ask for the original workbook or save it again from Excel.",
  },
  "parte-grande": {
    es: "Una parte del libro pasa de 512 MB descomprimida, más de lo que admite la lectura. Deje las hojas del PAT en un libro aparte.",
    en: "A part of the workbook is over 512 MB decompressed, more than reading allows. Put the PAT sheets in a separate workbook.",
  },
  "fuera-rejilla": {
    es: "El libro tiene celdas fuera de la cuadrícula de Excel (más allá de la columna XFD o de la fila 1 048 576): está dañado. Ábralo en Excel y guárdelo de nuevo.",
    en: "The workbook has cells outside Excel's grid (beyond column XFD or row 1,048,576): it is damaged. Open it in Excel and save it again.",
  },
  "texto-largo": {
    es: "Una celda del libro tiene más de 32 767 caracteres, el máximo de Excel: el archivo está dañado. Ábralo en Excel, acorte ese texto y guárdelo de nuevo.",
    en: "A cell of the workbook holds more than 32,767 characters, Excel's maximum: the file is damaged. Open it in Excel, shorten that text and save it again.",
  },
  "muchas-hojas": {
    es: "El libro tiene más de 1 000 hojas, más de las que admite la lectura. Deje las hojas del PAT en un libro aparte.",
    en: "The workbook has more than 1,000 sheets, more than reading allows. Put the PAT sheets in a separate workbook.",
  },
  "muchas-celdas": {
    es: "El libro tiene más de 20 000 000 de celdas con contenido, más de las que admite la lectura. Deje las hojas del PAT en un libro aparte.",
    en: "The workbook has more than 20,000,000 cells with content, more than reading allows. Put the PAT sheets in a separate workbook.",
  },
};

export function problema(clase: ClaseProblema, detalle?: string): ProblemaArchivo {
  const m = MENSAJES[clase];
  const es = detalle ? `${m.es} (${detalle})` : m.es;
  return { clase, tipo: "valor", mensaje: es, mensajeEn: detalle ? `${m.en} (${detalle})` : m.en };
}

function comoBytes(datos: ArrayBuffer | Uint8Array): Uint8Array {
  return datos instanceof Uint8Array ? datos : new Uint8Array(datos);
}

function empiezaCon(b: Uint8Array, firma: ReadonlyArray<number>): boolean {
  if (b.length < firma.length) return false;
  for (let i = 0; i < firma.length; i++) if (b[i] !== firma[i]) return false;
  return true;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_VACIO = [0x50, 0x4b, 0x05, 0x06];

/** Busca la firma del fin del directorio central (EOCD) en los últimos 64 KB. */
function tieneFinDeZip(b: Uint8Array): boolean {
  const desde = Math.max(0, b.length - 65557);
  for (let i = b.length - 22; i >= desde; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return true;
  }
  return false;
}

function contiene(b: Uint8Array, texto: string, desde = 0): boolean {
  const t = Array.from(texto, (c) => c.charCodeAt(0));
  // `indexOf` (nativo) salta al siguiente primer byte: el nombre suele estar al final del ZIP.
  outer: for (let i = b.indexOf(t[0], desde); i >= 0 && i <= b.length - t.length; i = b.indexOf(t[0], i + 1)) {
    for (let j = 1; j < t.length; j++) if (b[i + j] !== t[j]) continue outer;
    return true;
  }
  return false;
}

/** ¿Parece texto? Sin bytes nulos y casi todo imprimible (UTF-8 o Latin-1). */
function pareceTexto(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let raros = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) raros++;
  }
  return raros <= n * 0.02;
}

function pareceCsv(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let texto = "";
  for (let i = 0; i < n; i++) texto += String.fromCharCode(b[i]);
  const lineas = texto.split(/\r?\n/).filter((l) => l.trim() !== "").slice(0, 20);
  if (lineas.length === 0) return false;
  for (const sep of [",", ";", "\t", "|"]) {
    const conteos = lineas.map((l) => l.split(sep).length - 1);
    if (conteos[0] > 0 && conteos.filter((c) => c > 0).length >= Math.ceil(lineas.length * 0.6)) return true;
  }
  return false;
}

/**
 * Revisa los bytes de un archivo que debería ser .xlsx. `null` si parece un ZIP completo
 * de un libro de Excel (la lectura puede fallar aún; ver `leerLibro`).
 */
export function diagnosticarArchivo(datos: ArrayBuffer | Uint8Array): ProblemaArchivo | null {
  const b = comoBytes(datos);
  if (b.length === 0) return problema("vacio");
  if (empiezaCon(b, OLE)) return problema("ole");
  if (empiezaCon(b, ZIP) || empiezaCon(b, ZIP_VACIO)) {
    if (!tieneFinDeZip(b)) return problema("truncado");
    if (!contiene(b, "xl/workbook.xml")) return problema("no-xlsx");
    return null;
  }
  if (pareceTexto(b)) {
    let i = 0;
    if (empiezaCon(b, [0xef, 0xbb, 0xbf])) i = 3;
    while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
    if (b[i] !== 0x3c /* < */ && pareceCsv(b)) return problema("csv");
    return problema("texto");
  }
  return problema("danado");
}
