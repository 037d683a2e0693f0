/**
 * Paquetes .xlsx armados parte por parte en las pruebas (con fflate): como los escriben
 * Excel (destinos relativos, prefijo x: opcional), openpyxl (destinos absolutos,
 * comentarios en xl/comments/comment1.xml, dibujos sin prefijo xdr:) o a mano para los
 * paquetes hostiles.
 */
import { strToU8, zipSync, type Zippable } from "fflate";

export const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface HojaPrueba {
  readonly nombre: string;
  /** El contenido de `<sheetData>` (o la hoja entera si empieza con «<worksheet» o «<?xml»). */
  readonly xml: string;
  readonly estado?: "hidden" | "veryHidden";
}

export interface OpcionesPaquete {
  readonly hojas: ReadonlyArray<HojaPrueba>;
  readonly textos?: ReadonlyArray<string>;
  /** Formatos propios de número: [id, código]; cellXfs en ese orden (el índice 0 es General). */
  readonly xfs?: ReadonlyArray<number>;
  readonly formatos?: ReadonlyArray<[number, string]>;
  /** Destinos absolutos («/xl/worksheets/sheet1.xml»), como openpyxl. */
  readonly absolutos?: boolean;
  /** Partes extra: nombre → texto o bytes. */
  readonly extra?: Readonly<Record<string, string | Uint8Array>>;
  /** Relaciones extra del libro: [tipo, destino]. */
  readonly relsLibro?: ReadonlyArray<[string, string]>;
  /** Overrides extra de [Content_Types].xml: [parte, tipo]. */
  readonly tipos?: ReadonlyArray<[string, string]>;
  readonly libroExtra?: string;
  /** Sin cambios: arma las entradas con nombres repetidos si se pide. */
  readonly entradasCrudas?: ReadonlyArray<[string, string]>;
}

export function hojaXml(datos: string, antes = "", despues = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${NS_R}">${antes}<sheetData>${datos}</sheetData>${despues}</worksheet>`;
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Las partes del paquete como texto (antes de comprimir). */
export function partes(o: OpcionesPaquete): Record<string, string | Uint8Array> {
  const d = (ruta: string): string => (o.absolutos ? `/xl/${ruta}` : ruta);
  const p: Record<string, string | Uint8Array> = {};
  const overrides: string[] = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
  ];
  const rels: string[] = [`<Relationship Id="rIdE" Type="${NS_R}/styles" Target="${d("styles.xml")}"/>`];
  const sheets: string[] = [];
  o.hojas.forEach((h, i) => {
    const ruta = `xl/worksheets/sheet${i + 1}.xml`;
    p[ruta] = h.xml.startsWith("<worksheet") || h.xml.startsWith("<?xml") ? h.xml : hojaXml(h.xml);
    overrides.push(`<Override PartName="/${ruta}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="${d(`worksheets/sheet${i + 1}.xml`)}"/>`);
    sheets.push(`<sheet name="${esc(h.nombre)}" sheetId="${i + 1}"${h.estado ? ` state="${h.estado}"` : ""} r:id="rId${i + 1}"/>`);
  });
  if (o.textos) {
    p["xl/sharedStrings.xml"] = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${o.textos.length}" uniqueCount="${o.textos.length}">${o.textos
      .map((t) => (t.startsWith("<") ? `<si>${t}</si>` : `<si><t xml:space="preserve">${esc(t)}</t></si>`))
      .join("")}</sst>`;
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
    rels.push(`<Relationship Id="rIdT" Type="${NS_R}/sharedStrings" Target="${d("sharedStrings.xml")}"/>`);
  }
  for (const [i, [tipo, destino]] of (o.relsLibro ?? []).entries()) rels.push(`<Relationship Id="rIdX${i}" Type="${tipo}" Target="${destino}"/>`);
  for (const [parte, tipo] of o.tipos ?? []) overrides.push(`<Override PartName="${parte}" ContentType="${tipo}"/>`);
  const formatos = o.formatos ?? [];
  const xfs = o.xfs ?? [];
  p["xl/styles.xml"] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}">${
    formatos.length ? `<numFmts count="${formatos.length}">${formatos.map(([id, c]) => `<numFmt numFmtId="${id}" formatCode="${esc(c)}"/>`).join("")}</numFmts>` : ""
  }<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs
    .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
    .join("")}</cellXfs></styleSheet>`;
  p["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets>${sheets.join("")}</sheets>${o.libroExtra ?? ""}</workbook>`;
  p["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG}">${rels.join("")}</Relationships>`;
  p["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="${o.absolutos ? "/xl/workbook.xml" : "xl/workbook.xml"}"/></Relationships>`;
  p["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`;
  for (const [k, v] of Object.entries(o.extra ?? {})) p[k] = v;
  return p;
}

/** Comprime las partes en un ZIP, con [Content_Types].xml primero. */
export function comprimir(p: Record<string, string | Uint8Array>): Uint8Array {
  const z: Zippable = {};
  const orden = ["[Content_Types].xml", ...Object.keys(p).filter((k) => k !== "[Content_Types].xml")];
  for (const k of orden) if (p[k] !== undefined) z[k] = typeof p[k] === "string" ? strToU8(p[k] as string) : (p[k] as Uint8Array);
  return zipSync(z, { level: 6 });
}

export function paquete(o: OpcionesPaquete): Uint8Array {
  return comprimir(partes(o));
}

/** Una celda numérica, de texto en línea o de texto compartido. */
export const n = (ref: string, v: number, s?: number): string => `<c r="${ref}"${s !== undefined ? ` s="${s}"` : ""}><v>${v}</v></c>`;
export const t = (ref: string, v: string): string => `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
export const fila = (r: number, ...celdas: string[]): string => `<row r="${r}">${celdas.join("")}</row>`;
