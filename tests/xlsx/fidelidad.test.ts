/**
 * Fidelidad del llenado (casos dorados que arma la propia prueba): un PAT real con lo que
 * exceljs perdía o alteraba — gráfico, lista x14 sobre otra hoja, tabla con fila de
 * totales, comentarios encadenados y notas, nombres definidos de cada clase, protección de
 * hoja (contraseña antigua) y de libro, partes XML propias y de la extensión web del
 * panel, configuración de impresora, propiedades personalizadas, una hoja oculta y una muy
 * oculta, calcChain — escrito como lo escriben Excel (destinos relativos, prefijo xdr:),
 * openpyxl (destinos absolutos, dibujo sin prefijo, comentarios en xl/comments/) y
 * LibreOffice (el de Excel guardado de nuevo con soffice). Tras `llenar`:
 * - toda parte que no cambia es idéntica tras inflar;
 * - en la hoja llenada todo lo que está fuera de <sheetData> es idéntico y solo difieren
 *   los <c> de las celdas calculadas;
 * - LibreOffice abre el resultado sin error (una sola llamada para todos).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { direccionDelCambio } from "../../src/core";
import { llenarBytes } from "../../src/cli/llenar";
import { leerLibro } from "../../src/xlsx/lector";
import { ArchivoZip } from "../../src/xlsx/zip";
import { comprimir } from "./paquetes";

const CASO = path.resolve(__dirname, "..", "cases", "ieebcs-organo-defectos", "libro.xlsx");
const HOJA = "PAT 2024 UCSI";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";
const dec = new TextDecoder();

type Estilo = "excel" | "openpyxl";

function rels(lista: Array<[string, string, string]>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">${lista.map(([id, tipo, destino]) => `<Relationship Id="${id}" Type="${tipo}" Target="${destino}"/>`).join("")}</Relationships>`;
}

/** El PAT del caso con todos los rasgos, escrito al estilo de `estilo`. */
function libroConRasgos(estilo: Estilo): Uint8Array {
  const zip = ArchivoZip.abrir(new Uint8Array(fs.readFileSync(CASO)));
  const p: Record<string, string | Uint8Array> = {};
  for (const n of zip.nombres()) p[n] = dec.decode(zip.bytesDe(n));
  const abs = estilo === "openpyxl";
  const d = (rel: string, absoluto: string): string => (abs ? absoluto : rel);
  const comentarios = abs ? "xl/comments/comment1.xml" : "xl/comments1.xml";

  // Hoja del PAT: un valor calculado con fórmula (P13), dibujo con gráfico, notas, comentarios
  // encadenados y una lista x14 que toma sus valores de la hoja oculta.
  let hoja = p["xl/worksheets/sheet1.xml"] as string;
  hoja = hoja.replace(/<c r="P13"([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/, '<c r="P13"$1><f>O13/L13*100</f><v>0</v></c>');
  hoja = hoja.replace(
    "</worksheet>",
    `<drawing r:id="rIdDr"/><legacyDrawing r:id="rIdVml"/><extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>'Catálogos'!$A$2:$A$5</xm:f></x14:formula1><xm:sqref>J9:J29</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`,
  );
  p["xl/worksheets/sheet1.xml"] = hoja;
  p["xl/worksheets/_rels/sheet1.xml.rels"] = rels([
    ["rIdDr", `${R}/drawing`, d("../drawings/drawing1.xml", "/xl/drawings/drawing1.xml")],
    ["rIdVml", `${R}/vmlDrawing`, d("../drawings/vmlDrawing1.vml", "/xl/drawings/vmlDrawing1.vml")],
    ["rIdCm", `${R}/comments`, d("../comments1.xml", `/${comentarios}`)],
    ["rIdTc", "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment", d("../threadedComments/threadedComment1.xml", "/xl/threadedComments/threadedComment1.xml")],
  ]);
  const xdr = abs ? "" : "xdr:";
  const nsXdr = abs ? `xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"` : `xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"`;
  p["xl/drawings/drawing1.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${xdr}wsDr ${nsXdr} xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><${xdr}twoCellAnchor><${xdr}from><${xdr}col>18</${xdr}col><${xdr}colOff>0</${xdr}colOff><${xdr}row>2</${xdr}row><${xdr}rowOff>0</${xdr}rowOff></${xdr}from><${xdr}to><${xdr}col>25</${xdr}col><${xdr}colOff>0</${xdr}colOff><${xdr}row>16</${xdr}row><${xdr}rowOff>0</${xdr}rowOff></${xdr}to><${xdr}graphicFrame macro=""><${xdr}nvGraphicFramePr><${xdr}cNvPr id="2" name="Gráfico 1"/><${xdr}cNvGraphicFramePr/></${xdr}nvGraphicFramePr><${xdr}xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></${xdr}xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></${xdr}graphicFrame><${xdr}clientData/></${xdr}twoCellAnchor></${xdr}wsDr>`;
  p["xl/drawings/_rels/drawing1.xml.rels"] = rels([["rId1", `${R}/chart`, d("../charts/chart1.xml", "/xl/charts/chart1.xml")]]);
  p["xl/charts/chart1.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'${HOJA}'!$P$9:$P$29</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  p["xl/drawings/vmlDrawing1.vml"] = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>8</x:Row><x:Column>11</x:Column></x:ClientData></v:shape></xml>`;
  p[comentarios] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>María Planeación</author></authors><commentList><comment ref="L9" authorId="0"><text><t>Meta revisada en junio</t></text></comment></commentList></comments>`;
  p["xl/threadedComments/threadedComment1.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="L9" dT="2024-06-30T12:00:00.00" personId="{0A1B2C3D-0000-4000-8000-000000000001}" id="{0A1B2C3D-0000-4000-8000-000000000002}"><text>Meta revisada en junio</text></threadedComment></ThreadedComments>`;
  p["xl/persons/person.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="María Planeación" id="{0A1B2C3D-0000-4000-8000-000000000001}" userId="maria" providerId="None"/></personList>`;

  // Hoja oculta de catálogos: tabla con fila de totales, protección con contraseña antigua e impresora.
  p["xl/worksheets/sheet2.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><dimension ref="A1:B6"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Frecuencia</t></is></c><c r="B1" t="inlineStr"><is><t>Veces</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Mensual</t></is></c><c r="B2"><v>12</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Bimestral</t></is></c><c r="B3"><v>6</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>Trimestral</t></is></c><c r="B4"><v>4</v></c></row><row r="5"><c r="A5" t="inlineStr"><is><t>Anual</t></is></c><c r="B5"><v>1</v></c></row><row r="6"><c r="A6" t="inlineStr"><is><t>Total</t></is></c><c r="B6"><f>SUBTOTAL(109,Frecuencias[Veces])</f><v>23</v></c></row></sheetData><sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="1" fitToHeight="0" orientation="landscape" r:id="rIdPs"/><tableParts count="1"><tablePart r:id="rIdTb"/></tableParts></worksheet>`;
  p["xl/worksheets/_rels/sheet2.xml.rels"] = rels([
    ["rIdPs", `${R}/printerSettings`, d("../printerSettings/printerSettings1.bin", "/xl/printerSettings/printerSettings1.bin")],
    ["rIdTb", `${R}/table`, d("../tables/table1.xml", "/xl/tables/table1.xml")],
  ]);
  p["xl/printerSettings/printerSettings1.bin"] = new Uint8Array(Array.from({ length: 220 }, (_, i) => (i * 37) % 256));
  p["xl/tables/table1.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Frecuencias" displayName="Frecuencias" ref="A1:B6" totalsRowCount="1"><autoFilter ref="A1:B5"/><tableColumns count="2"><tableColumn id="1" name="Frecuencia" totalsRowLabel="Total"/><tableColumn id="2" name="Veces" totalsRowFunction="sum"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  p["xl/worksheets/sheet3.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`;

  // Libro: hojas oculta y muy oculta, nombres definidos de cada clase, protección, calcChain.
  let libro = p["xl/workbook.xml"] as string;
  libro = libro.replace(
    "</sheets>",
    `<sheet sheetId="2" name="Catálogos" state="hidden" r:id="rIdH2"/><sheet sheetId="3" name="Registros PAT" state="veryHidden" r:id="rIdH3"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Catálogos'!$A$1:$B$5</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">'${HOJA}'!$A$1:$Q$29</definedName><definedName name="Frecuencias_Lista">'Catálogos'!$A$2:$A$5</definedName><definedName name="Meta_Total">SUM('${HOJA}'!$L$9:$L$29)</definedName><definedName name="Tope" localSheetId="0">100</definedName></definedNames>`,
  );
  libro = libro.replace("<workbookPr", `<workbookProtection lockStructure="1" workbookAlgorithmName="SHA-512" workbookHashValue="x" workbookSaltValue="y" workbookSpinCount="100000"/><workbookPr`);
  libro = libro.replace("<sheets>", "<bookViews><workbookView/></bookViews><sheets>").replace(/<workbookProtection[^>]*\/><workbookPr([^>]*)\/>/, (m, a) => `<workbookPr${a}/><workbookProtection lockStructure="1" workbookAlgorithmName="SHA-512" workbookHashValue="x" workbookSaltValue="y" workbookSpinCount="100000"/>`);
  p["xl/workbook.xml"] = libro;
  const relsLibro = [
    ["rId1", `${R}/styles`, d("styles.xml", "/xl/styles.xml")],
    ["rId2", `${R}/theme`, d("theme/theme1.xml", "/xl/theme/theme1.xml")],
    ["rId3", `${R}/sharedStrings`, d("sharedStrings.xml", "/xl/sharedStrings.xml")],
    ["rId4", `${R}/worksheet`, d("worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml")],
    ["rIdH2", `${R}/worksheet`, d("worksheets/sheet2.xml", "/xl/worksheets/sheet2.xml")],
    ["rIdH3", `${R}/worksheet`, d("worksheets/sheet3.xml", "/xl/worksheets/sheet3.xml")],
    ["rIdCc", `${R}/calcChain`, d("calcChain.xml", "/xl/calcChain.xml")],
    ["rIdPe", "http://schemas.microsoft.com/office/2017/10/relationships/person", d("persons/person.xml", "/xl/persons/person.xml")],
    ["rIdCx", `${R}/customXml`, d("../customXml/item1.xml", "/customXml/item1.xml")],
  ] as Array<[string, string, string]>;
  p["xl/_rels/workbook.xml.rels"] = rels(relsLibro);
  p["xl/calcChain.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="P13" i="1"/><c r="B6" i="2"/></calcChain>`;
  p["customXml/item1.xml"] = `<?xml version="1.0" encoding="UTF-8"?><registro xmlns="urn:pat-indicadores:deshacer">{"version":1}</registro>`;
  p["customXml/itemProps1.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{11111111-2222-3333-4444-555555555555}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`;
  p["customXml/_rels/item1.xml.rels"] = rels([["rId1", `${R}/customXmlProps`, "itemProps1.xml"]]);
  // Extensión web del panel y propiedades personalizadas, desde las relaciones del paquete.
  p["xl/webextensions/taskpanes.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11" xmlns:r="${R}"><wetp:taskpane dockstate="right" visibility="1" width="350" row="4"><wetp:webextensionref r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`;
  p["xl/webextensions/_rels/taskpanes.xml.rels"] = rels([["rId1", "http://schemas.microsoft.com/office/2011/relationships/webextension", "webextension1.xml"]]);
  p["xl/webextensions/webextension1.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{0E3A5C1D-1111-4222-8333-944455556666}"><we:reference id="05c2e1c9-3e1d-406e-9a91-e9ac64854143" version="0.1.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties/><we:bindings/><we:snapshot xmlns:r="${R}"/></we:webextension>`;
  p["docProps/custom.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Unidad"><vt:lpwstr>UCSI</vt:lpwstr></property></Properties>`;
  p["_rels/.rels"] = (p["_rels/.rels"] as string).replace(
    "</Relationships>",
    `<Relationship Id="rIdWe" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="${d("xl/webextensions/taskpanes.xml", "/xl/webextensions/taskpanes.xml")}"/><Relationship Id="rIdCu" Type="${R}/custom-properties" Target="${d("docProps/custom.xml", "/docProps/custom.xml")}"/></Relationships>`,
  );
  const overrides: Array<[string, string]> = [
    ["/xl/worksheets/sheet2.xml", `${CT}.spreadsheetml.worksheet+xml`],
    ["/xl/worksheets/sheet3.xml", `${CT}.spreadsheetml.worksheet+xml`],
    ["/xl/drawings/drawing1.xml", `${CT}.drawing+xml`],
    ["/xl/charts/chart1.xml", `${CT}.drawingml.chart+xml`],
    [`/${comentarios}`, `${CT}.spreadsheetml.comments+xml`],
    ["/xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml"],
    ["/xl/persons/person.xml", "application/vnd.ms-excel.person+xml"],
    ["/xl/tables/table1.xml", `${CT}.spreadsheetml.table+xml`],
    ["/xl/calcChain.xml", `${CT}.spreadsheetml.calcChain+xml`],
    ["/customXml/itemProps1.xml", `${CT}.customXmlProperties+xml`],
    ["/xl/webextensions/taskpanes.xml", "application/vnd.ms-office.webextensiontaskpanes+xml"],
    ["/xl/webextensions/webextension1.xml", "application/vnd.ms-office.webextension+xml"],
    ["/docProps/custom.xml", `${CT}.custom-properties+xml`],
  ];
  p["[Content_Types].xml"] = (p["[Content_Types].xml"] as string).replace(
    "</Types>",
    `<Default Extension="bin" ContentType="${CT}.spreadsheetml.printerSettings"/>${overrides.map(([a, b]) => `<Override PartName="${a}" ContentType="${b}"/>`).join("")}</Types>`,
  );
  return comprimir(p);
}

const celdasDe = (xml: string): Map<string, string> => {
  const m = new Map<string, string>();
  for (const c of xml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
    const r = /\sr="([A-Z]+\d+)"/.exec(c[0]);
    if (r) m.set(r[1], c[0]);
  }
  return m;
};
const fuera = (xml: string): string => xml.replace(/<sheetData\b[\s\S]*<\/sheetData>|<sheetData\/>/, "<sheetData/>");
const filasDe = (xml: string): string[] => [...xml.matchAll(/<row\b[^>]*>/g)].map((x) => x[0]);

function tiene(soffice: boolean): boolean {
  return soffice && fs.existsSync("/usr/bin/soffice");
}

describe("fidelidad de pat llenar", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pat-fidelidad-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const salidas: string[] = [];
  const entradas: Record<string, Uint8Array> = { excel: libroConRasgos("excel"), openpyxl: libroConRasgos("openpyxl") };

  beforeAll(() => {
    // El de Excel guardado de nuevo por LibreOffice: un tercer escritor real.
    const origen = path.join(dir, "lo-origen.xlsx");
    fs.writeFileSync(origen, entradas.excel);
    const lo = path.join(dir, "lo");
    fs.mkdirSync(lo);
    const r = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/perfil`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", lo, origen], { encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(0);
    entradas.libreoffice = new Uint8Array(fs.readFileSync(path.join(lo, "lo-origen.xlsx")));
  }, 150_000);

  test.each(["excel", "openpyxl", "libreoffice"])("%s: solo cambian las celdas calculadas", async (estilo) => {
    const antes = entradas[estilo];
    const leido = leerLibro(antes);
    if (!leido.ok) throw new Error(leido.error.mensaje);
    expect(leido.valor.info.hojas.map((h) => [h.nombre, h.visibilidad])).toEqual([
      [HOJA, "visible"],
      ["Catálogos", "oculta"],
      // LibreOffice 7.4 guarda «muy oculta» como «oculta» (pérdida suya, no del llenado).
      ["Registros PAT", estilo === "libreoffice" ? "oculta" : "muyOculta"],
    ]);
    const r = await llenarBytes(antes, "libro.xlsx", { corte: 6 });
    const cambios = r.hojas.find((h) => h.nombre === HOJA)!.cambios;
    expect(cambios.length).toBeGreaterThan(0);
    const formulaAValor = cambios.some((c) => c.formulaAntes !== null);
    const a = ArchivoZip.abrir(antes);
    const b = ArchivoZip.abrir(r.bytes);
    const rutaHoja = "xl/worksheets/sheet1.xml";
    const permitidas = new Set([rutaHoja, ...(formulaAValor ? ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"] : [])]);
    const quitadas = a.nombres().filter((n) => b.buscar(n) === null);
    expect(quitadas).toEqual(formulaAValor && a.buscar("xl/calcChain.xml") ? ["xl/calcChain.xml"] : []);
    for (const n of a.nombres()) {
      if (permitidas.has(n) || quitadas.includes(n)) continue;
      expect([n, Buffer.from(b.bytesDe(n)).equals(Buffer.from(a.bytesDe(n)))]).toEqual([n, true]);
    }
    if (formulaAValor) {
      expect(dec.decode(b.bytesDe("[Content_Types].xml"))).toBe(dec.decode(a.bytesDe("[Content_Types].xml")).replace(/<Override PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ""));
    }
    const xa = dec.decode(a.bytesDe(a.buscar(rutaHoja)!));
    const xb = dec.decode(b.bytesDe(b.buscar(rutaHoja)!));
    expect(fuera(xb)).toBe(fuera(xa));
    expect(filasDe(xb).filter((f) => !filasDe(xa).includes(f))).toEqual([]);
    const ca = celdasDe(xa);
    const cb = celdasDe(xb);
    const cambiadas = new Set(cambios.map(direccionDelCambio));
    for (const [ref, el] of ca) if (!cambiadas.has(ref)) expect([ref, cb.get(ref)]).toEqual([ref, el]);
    for (const ref of cambiadas) {
      expect(cb.get(ref)).not.toBe(ca.get(ref));
      const s = /\ss="(\d+)"/.exec(ca.get(ref) ?? "")?.[1];
      if (s) expect(cb.get(ref)).toContain(` s="${s}"`);
    }
    expect([...cb.keys()].filter((k) => !ca.has(k) && !cambiadas.has(k))).toEqual([]);
    // Lo escrito se relee igual.
    const releido = leerLibro(r.bytes);
    if (!releido.ok) throw new Error(releido.error.mensaje);
    const h = releido.valor.hojas[0];
    for (const c of cambios) expect([direccionDelCambio(c), h.valores[c.posicion.fila - 1][c.posicion.columna - 1]]).toEqual([direccionDelCambio(c), c.despues]);
    const destino = path.join(dir, `${estilo}-llenado.xlsx`);
    fs.writeFileSync(destino, r.bytes);
    salidas.push(destino);
  });

  test("en modo fórmulas solo cambia además el calcPr del libro (fullCalcOnLoad)", async () => {
    const antes = entradas.excel;
    const r = await llenarBytes(antes, "libro.xlsx", { corte: 6, formulas: true });
    const a = ArchivoZip.abrir(antes);
    const b = ArchivoZip.abrir(r.bytes);
    const la = dec.decode(a.bytesDe("xl/workbook.xml"));
    const lb = dec.decode(b.bytesDe("xl/workbook.xml"));
    expect(lb).toBe(la.replace('<calcPr calcId="171027"/>', '<calcPr calcId="171027" fullCalcOnLoad="1"/>'));
    const destino = path.join(dir, "formulas-llenado.xlsx");
    fs.writeFileSync(destino, r.bytes);
    salidas.push(destino);
  });

  test("LibreOffice abre todos los resultados sin error (una sola llamada)", () => {
    expect(tiene(true)).toBe(true);
    expect(salidas).toHaveLength(4);
    const csv = path.join(dir, "csv");
    fs.mkdirSync(csv);
    const r = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/perfil`, "--headless", "--convert-to", "csv", "--outdir", csv, ...salidas], { encoding: "utf8", timeout: 180_000 });
    expect(r.status).toBe(0);
    for (const s of salidas) {
      const texto = fs.readFileSync(path.join(csv, path.basename(s).replace(/\.xlsx$/, ".csv")), "utf8");
      expect(texto).toMatch(/83\.33|=|EN PROCESO/);
    }
  }, 200_000);
});
