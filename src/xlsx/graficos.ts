/**
 * Gráficos de Excel de verdad (DrawingML) en un libro ya escrito: exceljs no escribe
 * gráficos, así que se agregan al paquete: `xl/charts/chartN.xml`, un dibujo
 * `xl/drawings/drawingN.xml` que los ancla a la hoja, sus relaciones y los tipos de
 * contenido. Cada serie apunta a un rango de la hoja (Excel y LibreOffice recalculan) y
 * lleva una copia de sus valores (`strCache`/`numCache`) para que se vea al abrir.
 * Sin dependencias de Node (fflate).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

export interface SerieGrafico {
  /** Nombre de la serie (leyenda) y la celda donde está, «'Hoja'!$B$1». */
  readonly nombre: string;
  readonly refNombre: string;
  /** Rango de los valores, «'Hoja'!$B$2:$B$9», y los valores. */
  readonly refValores: string;
  readonly valores: ReadonlyArray<number>;
  /** Color RGB sin «#». */
  readonly color: string;
}

export interface Grafico {
  readonly titulo: string;
  /** Rango de las categorías y sus textos. */
  readonly refCategorias: string;
  readonly categorias: ReadonlyArray<string>;
  readonly series: ReadonlyArray<SerieGrafico>;
  /** Barras apiladas horizontales. */
  readonly apilado: boolean;
  /** Ancla en la hoja (base 0): columna y fila de la esquina superior izquierda e inferior derecha. */
  readonly desde: { readonly columna: number; readonly fila: number };
  readonly hasta: { readonly columna: number; readonly fila: number };
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";

function texto(t: string, tam = 1200, negrita = false): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${tam}" b="${negrita ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="es-MX" sz="${tam}" b="${negrita ? 1 : 0}"/><a:t>${esc(t)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

/** El XML de un gráfico de barras (una serie por estatus o color del semáforo). */
export function xmlGrafico(g: Grafico): string {
  const n = g.categorias.length;
  const cats = `<c:cat><c:strRef><c:f>${esc(g.refCategorias)}</c:f><c:strCache><c:ptCount val="${n}"/>${g.categorias.map((c, i) => `<c:pt idx="${i}"><c:v>${esc(c)}</c:v></c:pt>`).join("")}</c:strCache></c:strRef></c:cat>`;
  const series = g.series.map((s, k) => [
    `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>`,
    `<c:tx><c:strRef><c:f>${esc(s.refNombre)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(s.nombre)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`,
    `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr>`,
    `<c:invertIfNegative val="0"/>`,
    cats,
    `<c:val><c:numRef><c:f>${esc(s.refValores)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${n}"/>${s.valores.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("")}</c:numCache></c:numRef></c:val>`,
    `</c:ser>`,
  ].join("")).join("");
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`,
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">`,
    `<c:lang val="es-MX"/><c:roundedCorners val="0"/>`,
    `<c:chart><c:title>${texto(g.titulo, 1400, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`,
    `<c:plotArea><c:layout/>`,
    `<c:barChart><c:barDir val="bar"/><c:grouping val="${g.apilado ? "stacked" : "clustered"}"/><c:varyColors val="0"/>`,
    series,
    g.apilado ? `<c:gapWidth val="60"/><c:overlap val="100"/>` : `<c:gapWidth val="60"/>`,
    `<c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>`,
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`,
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:title>${texto("Actividades", 1000)}<c:overlay val="0"/></c:title><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>`,
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`,
    `</c:chartSpace>`,
  ].join("");
}

function ancla(g: Grafico, i: number): string {
  return [
    `<xdr:twoCellAnchor editAs="oneCell">`,
    `<xdr:from><xdr:col>${g.desde.columna}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${g.desde.fila}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`,
    `<xdr:to><xdr:col>${g.hasta.columna}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${g.hasta.fila}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`,
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(g.titulo)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>`,
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>`,
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  ].join("");
}

function relaciones(rels: ReadonlyArray<{ id: string; tipo: string; destino: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.tipo}" Target="${esc(r.destino)}"/>`).join("")}</Relationships>`;
}

function atributo(xml: string, nombre: string): string | null {
  const m = new RegExp(`\\s${nombre}="([^"]*)"`).exec(xml);
  return m ? m[1] : null;
}

/** Ruta de la parte de una hoja por su nombre (workbook.xml + sus relaciones). */
function parteDeHoja(archivos: Record<string, Uint8Array>, hoja: string): string {
  const libro = strFromU8(archivos["xl/workbook.xml"]);
  const rels = strFromU8(archivos["xl/_rels/workbook.xml.rels"]);
  const nombreXml = esc(hoja);
  for (const m of libro.matchAll(/<sheet\b[^>]*\/>/g)) {
    if (atributo(m[0], "name") !== nombreXml) continue;
    const rid = atributo(m[0], "r:id");
    for (const r of rels.matchAll(/<Relationship\b[^>]*\/>/g)) {
      if (atributo(r[0], "Id") !== rid) continue;
      const destino = atributo(r[0], "Target") ?? "";
      return destino.startsWith("/") ? destino.slice(1) : `xl/${destino}`;
    }
  }
  throw new Error(`No está la hoja «${hoja}» en el libro.`);
}

/**
 * Agrega los gráficos a la hoja `hoja` de un libro .xlsx (que aún no tiene dibujos en esa
 * hoja, como los que escribe exceljs) y devuelve los bytes nuevos.
 */
export function agregarGraficos(xlsx: Uint8Array, hoja: string, graficos: ReadonlyArray<Grafico>): Uint8Array {
  if (graficos.length === 0) return xlsx;
  const archivos = unzipSync(xlsx);
  const parte = parteDeHoja(archivos, hoja);
  const carpeta = parte.slice(0, parte.lastIndexOf("/"));
  const base = parte.slice(parte.lastIndexOf("/") + 1);
  const relsHoja = `${carpeta}/_rels/${base}.rels`;

  const siguiente = (prefijo: string): number => {
    let n = 1;
    while (archivos[`${prefijo}${n}.xml`]) n++;
    return n;
  };
  const nDibujo = siguiente("xl/drawings/drawing");
  let nGrafico = siguiente("xl/charts/chart");
  const relsDibujo: Array<{ id: string; tipo: string; destino: string }> = [];
  const tipos: string[] = [];
  graficos.forEach((g, i) => {
    const ruta = `xl/charts/chart${nGrafico}.xml`;
    archivos[ruta] = strToU8(xmlGrafico(g));
    relsDibujo.push({ id: `rId${i + 1}`, tipo: REL_CHART, destino: `../charts/chart${nGrafico}.xml` });
    tipos.push(`<Override PartName="/${ruta}" ContentType="${CT_CHART}"/>`);
    nGrafico++;
  });
  const rutaDibujo = `xl/drawings/drawing${nDibujo}.xml`;
  archivos[rutaDibujo] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${graficos.map(ancla).join("")}</xdr:wsDr>`,
  );
  archivos[`xl/drawings/_rels/drawing${nDibujo}.xml.rels`] = strToU8(relaciones(relsDibujo));
  tipos.push(`<Override PartName="/${rutaDibujo}" ContentType="${CT_DRAWING}"/>`);

  // Relación hoja → dibujo (con un Id que no choque con las que ya tenga la hoja).
  const previas = archivos[relsHoja] ? strFromU8(archivos[relsHoja]) : null;
  const usados = new Set([...(previas ?? "").matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let k = 1;
  while (usados.has(`rIdGrafico${k}`)) k++;
  const rid = `rIdGrafico${k}`;
  const nueva = `<Relationship Id="${rid}" Type="${REL_DRAWING}" Target="../drawings/drawing${nDibujo}.xml"/>`;
  archivos[relsHoja] = strToU8(previas ? previas.replace("</Relationships>", `${nueva}</Relationships>`) : relaciones([]).replace("</Relationships>", `${nueva}</Relationships>`));

  // <drawing> va después de pageMargins/pageSetup/headerFooter… y antes de legacyDrawing,
  // tableParts y extLst (orden del esquema CT_Worksheet).
  let xmlHoja = strFromU8(archivos[parte]);
  if (/<drawing\b/.test(xmlHoja)) throw new Error(`La hoja «${hoja}» ya tiene dibujos.`);
  if (!/xmlns:r=/.test(xmlHoja.slice(0, 2000))) xmlHoja = xmlHoja.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
  const elemento = `<drawing r:id="${rid}"/>`;
  const despues = /<(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(xmlHoja);
  xmlHoja = despues ? `${xmlHoja.slice(0, despues.index)}${elemento}${xmlHoja.slice(despues.index)}` : xmlHoja.replace("</worksheet>", `${elemento}</worksheet>`);
  archivos[parte] = strToU8(xmlHoja);

  const ct = strFromU8(archivos["[Content_Types].xml"]);
  archivos["[Content_Types].xml"] = strToU8(ct.replace("</Types>", `${tipos.join("")}</Types>`));

  const salida: Zippable = {};
  // Las entradas de carpeta («xl/») no hacen falta en el paquete.
  for (const [nombre, datos] of Object.entries(archivos)) if (!nombre.endsWith("/")) salida[nombre] = [datos, { level: 4 }];
  return zipSync(salida);
}
