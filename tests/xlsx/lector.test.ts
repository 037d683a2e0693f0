/**
 * El lector del paquete: lo que entrega al núcleo (valores, fórmulas, formatos, fechas,
 * combinaciones, ocultas, protección, visibilidad, partes XML propias), en libros escritos
 * por exceljs y armados parte por parte como los escriben Excel y openpyxl.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { diagnosticarArchivo } from "../../src/xlsx/diagnostico";
import { leerLibro } from "../../src/xlsx/lector";
import { fila, n, NS, NS_R, paquete, t } from "./paquetes";

const CASOS = path.resolve(__dirname, "..", "cases");

async function bytesDe(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function libroPrueba(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Datos");
  ws.getCell("A1").value = "TÍTULO";
  ws.mergeCells("A1:C1");
  ws.getCell("A2").value = { richText: [{ text: "Nombre ", font: { bold: true } }, { text: "del programa" }] };
  ws.getCell("B2").value = 6;
  ws.getCell("B2").numFmt = "0.00";
  ws.getCell("C2").value = 0.25;
  ws.getCell("C2").numFmt = "0%";
  ws.getCell("D2").value = { formula: "B2*2", result: 12 };
  ws.getCell("D3").value = { formula: "B3*2", result: 8 };
  ws.getCell("B3").value = 4;
  ws.getCell("E2").value = new Date(Date.UTC(2024, 5, 30));
  ws.getCell("E2").numFmt = "dd/mm/yyyy";
  ws.getCell("F2").value = { text: "sitio", hyperlink: "https://ieebcs.org.mx" };
  ws.getCell("G2").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
  ws.getCell("H2").value = true;
  ws.getCell("I2").value = "A & B < C > D \"comillas\" 'apóstrofo'\nsegunda línea";
  ws.getCell("J2").value = { formula: 'IF(B2>1,"sí","no")', result: "sí" };
  ws.getCell("A4").value = "continúa";
  ws.mergeCells("A4:A5");
  ws.getRow(5).hidden = true;
  ws.getCell("B5").value = "oculta";
  wb.addWorksheet("Segunda").getCell("C3").value = 7;
  return wb;
}

describe("leerLibro", () => {
  test("valores, texto enriquecido, fórmulas con resultado, formatos, fechas, combinaciones y filas ocultas", async () => {
    const r = leerLibro(await bytesDe(libroPrueba()));
    if (!r.ok) throw new Error(r.error.mensaje);
    const h = r.valor.hojas[0];
    expect(h.nombre).toBe("Datos");
    expect(h.valores[0][0]).toBe("TÍTULO");
    expect(h.valores[0][1] ?? null).toBeNull();
    expect(h.valores[1][0]).toBe("Nombre del programa");
    expect(h.valores[1][1]).toBe(6);
    expect(h.formatosNumero?.[1][1]).toBe("0.00");
    expect(h.formatosNumero?.[1][2]).toBe("0%");
    expect(h.valores[1][3]).toBe(12);
    expect(h.formulas?.[1][3]).toBe("=B2*2");
    expect(h.formulas?.[1][1] ?? null).toBeNull();
    expect(h.valores[1][4]).toEqual(new Date(Date.UTC(2024, 5, 30)));
    expect(h.valores[1][5]).toBe("sitio");
    expect(h.valores[1][6]).toBe("#DIV/0!");
    expect(h.valores[1][7]).toBe(true);
    expect(h.valores[1][8]).toBe("A & B < C > D \"comillas\" 'apóstrofo'\nsegunda línea");
    expect(h.valores[1][9]).toBe("sí");
    expect(h.formulas?.[1][9]).toBe('=IF(B2>1,"sí","no")');
    expect(h.valores[4]?.[0] ?? null).toBeNull(); // segunda celda de A4:A5
    expect(h.valores[4][1]).toBe("oculta");
    expect(h.combinaciones).toEqual([
      { filaInicio: 0, columnaInicio: 0, filaFin: 0, columnaFin: 2 },
      { filaInicio: 3, columnaInicio: 0, filaFin: 4, columnaFin: 0 },
    ]);
    expect(h.filasOcultas).toEqual([4]);
    expect(r.valor.hojas[1].valores[2][2]).toBe(7);
    expect(r.valor.info.hojas.map((x) => x.nombre)).toEqual(["Datos", "Segunda"]);
  });

  test("matrices dispersas: una celda en XFD1 y otra en A1048576 son dos celdas", () => {
    const bytes = paquete({ hojas: [{ nombre: "Lejos", xml: fila(1, n("XFD1", 1)) + fila(1048576, n("A1048576", 2)) }] });
    const r = leerLibro(bytes);
    if (!r.ok) throw new Error(r.error.mensaje);
    const h = r.valor.hojas[0];
    expect(h.valores[0][16383]).toBe(1);
    expect(h.valores[1048575][0]).toBe(2);
    expect(Object.keys(h.valores)).toEqual(["0", "1048575"]);
    expect(Object.keys(h.valores[0])).toEqual(["16383"]);
  });

  test("fórmulas compartidas: cada celda trae su fórmula desplazada", () => {
    const celdas = [1, 2, 3, 4].map((r) =>
      fila(r, n(`A${r}`, r), r === 1 ? `<c r="B1"><f t="shared" ref="B1:B4" si="0">A1*100+$A$1+"A1"</f><v>101</v></c>` : `<c r="B${r}"><f t="shared" si="0"/><v>${r * 100 + 1}</v></c>`),
    );
    const r = leerLibro(paquete({ hojas: [{ nombre: "H", xml: celdas.join("") }] }));
    if (!r.ok) throw new Error(r.error.mensaje);
    const h = r.valor.hojas[0];
    expect(h.formulas?.map((f) => f[1])).toEqual(['=A1*100+$A$1+"A1"', '=A2*100+$A$1+"A1"', '=A3*100+$A$1+"A1"', '=A4*100+$A$1+"A1"']);
    expect(h.valores.map((f) => f[1])).toEqual([101, 201, 301, 401]);
  });

  test("como openpyxl: destinos absolutos, sin prefijo; nombres y visibilidad del libro, no «Sheet1»", () => {
    const bytes = paquete({
      absolutos: true,
      textos: ["Hola", "<r><t>Texto </t></r><r><rPr><b/></rPr><t>enriquecido</t></r><rPh><t>fonética</t></rPh>"],
      xfs: [10, 164],
      formatos: [[164, "dd/mm/yyyy"]],
      hojas: [
        { nombre: "PAT 2024", xml: fila(1, `<c r="A1" t="s"><v>0</v></c>`, `<c r="B1" t="s"><v>1</v></c>`, n("C1", 0.5, 1), n("D1", 45000, 2)) },
        { nombre: "Oculta", xml: "", estado: "hidden" },
        { nombre: "Registros", xml: "", estado: "veryHidden" },
      ],
    });
    const r = leerLibro(bytes);
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(r.valor.info.hojas).toEqual([
      { nombre: "PAT 2024", visibilidad: "visible" },
      { nombre: "Oculta", visibilidad: "oculta" },
      { nombre: "Registros", visibilidad: "muyOculta" },
    ]);
    const h = r.valor.hojas[0];
    expect(h.valores[0].slice(0, 3)).toEqual(["Hola", "Texto enriquecido", 0.5]);
    expect(h.formatosNumero?.[0][2]).toBe("0.00%");
    expect(h.valores[0][3]).toEqual(new Date(Date.UTC(2023, 2, 15)));
  });

  test("prefijo x: en los elementos (como algunos generadores), columnas ocultas y protección", () => {
    const xml = `<x:worksheet xmlns:x="${NS}"><x:cols><x:col min="2" max="3" hidden="1"/></x:cols><x:sheetData><x:row r="2"><x:c r="A2"><x:v>3</x:v></x:c></x:row></x:sheetData><x:sheetProtection sheet="1"/></x:worksheet>`;
    const r = leerLibro(paquete({ hojas: [{ nombre: "X", xml }] }));
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(r.valor.hojas[0].valores[1][0]).toBe(3);
    expect(r.valor.hojas[0].columnasOcultas).toEqual([1, 2]);
    expect(r.valor.hojas[0].protegida).toBe(true);
  });

  test("solo cuentan las hojas que el libro referencia: una sheet9.xml suelta no es una hoja", () => {
    const bytes = paquete({ hojas: [{ nombre: "Única", xml: fila(1, n("A1", 1)) }], extra: { "xl/worksheets/sheet9.xml": `<worksheet xmlns="${NS}"><sheetData/></worksheet>` } });
    const r = leerLibro(bytes);
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(r.valor.hojas.map((h) => h.nombre)).toEqual(["Única"]);
  });

  test("partes XML personalizadas referenciadas desde el libro", () => {
    const xml = `<?xml version="1.0"?><registro xmlns="urn:pat-indicadores:marcas">[]</registro>`;
    const r = leerLibro(
      paquete({ hojas: [{ nombre: "H", xml: "" }], extra: { "customXml/item1.xml": xml }, relsLibro: [[`${NS_R}/customXml`, "../customXml/item1.xml"]] }),
    );
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(r.valor.info.partesXml).toEqual([{ ruta: "customXml/item1.xml", xml }]);
  });

  test("letras acentuadas partidas entre trozos del inflado llegan enteras", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Acentos");
    for (let r = 1; r <= 3000; r++) {
      ws.getCell(r, 1).value = `${"á".repeat(r % 7)}Reducción ${r} — línea de acción número ${r}`;
      ws.getCell(r, 2).value = { formula: `"é"&A${r}`, result: `é${r}ñ` };
    }
    const r = leerLibro(await bytesDe(wb));
    if (!r.ok) throw new Error(r.error.mensaje);
    const textos = r.valor.hojas[0].valores.flat().filter((v): v is string => typeof v === "string");
    expect(textos).toHaveLength(6000);
    expect(textos.filter((x) => x.includes("\uFFFD"))).toEqual([]);
    expect(textos[0]).toBe("áReducción 1 — línea de acción número 1");
  });

  test("una hoja sin celdas", () => {
    const r = leerLibro(paquete({ hojas: [{ nombre: "Vacía", xml: "" }] }));
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(r.valor.hojas[0]).toEqual({ nombre: "Vacía", valores: [] });
  });

  test("un texto en línea con dos trozos y una celda sin «r»", () => {
    const r = leerLibro(paquete({ hojas: [{ nombre: "H", xml: `<row r="3"><c t="inlineStr"><is><r><t>uno </t></r><r><t>dos</t></r></is></c><c><v>5</v></c></row>` }] }));
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(r.valor.hojas[0].valores[2]).toEqual(["uno dos", 5]);
  });
});

describe("archivos que no son .xlsx o están dañados", () => {
  const dir = path.join(CASOS, "danados");
  test.each([
    ["vacio.xlsx", "vacio", /vacío \(0 bytes\)/],
    ["truncado.xlsx", "truncado", /incompleto/],
    ["csv-renombrado.xlsx", "csv", /parece un CSV con la extensión cambiada\. Ábralo en Excel y guárdelo como «Libro de Excel \(\.xlsx\)»\./],
    ["antiguo.xls", "ole", /\.xls o un libro protegido con contraseña/],
  ])("%s", (archivo, clase, mensaje) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, archivo)));
    expect(diagnosticarArchivo(bytes)?.clase).toBe(clase);
    const r = leerLibro(bytes);
    if (r.ok) throw new Error("leyó un archivo dañado");
    expect(r.error.mensaje).toMatch(mensaje);
    expect(r.error.mensaje).not.toMatch(/\n/);
  });

  test("texto, HTML, basura binaria y un ZIP que no es libro", () => {
    expect(diagnosticarArchivo(new TextEncoder().encode("Hola, esto es una nota\nsin tabla"))?.clase).toBe("texto");
    expect(diagnosticarArchivo(new TextEncoder().encode("<html><body>Error 404</body></html>"))?.clase).toBe("texto");
    expect(diagnosticarArchivo(new Uint8Array([1, 2, 3, 0, 0, 255, 254, 0, 7]))?.clase).toBe("danado");
    const r = leerLibro(paquete({ hojas: [] , extra: { "_rels/.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>" } }));
    expect(r.ok || r.error.clase).toBe("no-xlsx");
  });

  test("la hoja cortada a la mitad es un archivo dañado, no una hoja limpia", () => {
    const r = leerLibro(paquete({ hojas: [{ nombre: "H", xml: `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r=` }] }));
    expect(r.ok || r.error.clase).toBe("danado");
  });

  test("una relación de hoja que apunta a una parte que no está", () => {
    const b = paquete({ hojas: [{ nombre: "H", xml: t("A1", "x") }], extra: { "xl/worksheets/sheet1.xml": undefined as unknown as string } });
    const r = leerLibro(b);
    expect(r.ok || r.error.clase).toBe("danado");
  });
});
