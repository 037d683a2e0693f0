import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { diagnosticarArchivo } from "../../src/xlsx/diagnostico";
import { aplicarCambios, libroABytes } from "../../src/xlsx/escribir";
import { hojaDesdeHoja, leerLibro } from "../../src/xlsx/leer";
import { leerHojasEnFlujo } from "../../src/cli/lector-rapido";
import type { CambioCelda } from "../../src/core/tipos";

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
  ws.getCell("A4").value = "continúa";
  ws.mergeCells("A4:A5");
  ws.getRow(5).hidden = true;
  ws.getCell("B5").value = "oculta";
  return wb;
}

describe("leerLibro (lector completo)", () => {
  test("valores, texto enriquecido, fórmulas con resultado, formatos, fechas, combinaciones y filas ocultas", async () => {
    const r = await leerLibro(await bytesDe(libroPrueba()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const h = r.valor.hojas[0];
    expect(h.nombre).toBe("Datos");
    expect(h.valores[0][0]).toBe("TÍTULO");
    expect(h.valores[0][1]).toBeNull(); // cubierta por la combinación
    expect(h.valores[1][0]).toBe("Nombre del programa");
    expect(h.valores[1][1]).toBe(6);
    expect(h.formatosNumero?.[1][1]).toBe("0.00");
    expect(h.formatosNumero?.[1][2]).toBe("0%");
    expect(h.valores[1][3]).toBe(12);
    expect(h.formulas?.[1][3]).toBe("=B2*2");
    expect(h.formulas?.[1][1]).toBeNull();
    expect(h.valores[1][4]).toEqual(new Date(Date.UTC(2024, 5, 30)));
    expect(h.valores[1][5]).toBe("sitio");
    expect(h.valores[1][6]).toBe("#DIV/0!");
    expect(h.valores[4][0]).toBeNull(); // segunda celda de A4:A5
    expect(h.combinaciones).toEqual([
      { filaInicio: 0, columnaInicio: 0, filaFin: 0, columnaFin: 2 },
      { filaInicio: 3, columnaInicio: 0, filaFin: 4, columnaFin: 0 },
    ]);
    expect(h.filasOcultas).toEqual([4]);
    // Matriz rectangular hasta la última fila con datos.
    expect(h.valores.length).toBe(5);
    expect(new Set(h.valores.map((f) => f.length)).size).toBe(1);
  });

  test("fórmulas compartidas: se lee la fórmula desplazada de cada celda", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("H");
    for (let r = 1; r <= 4; r++) ws.getCell(`A${r}`).value = r;
    ws.getCell("B1").value = { formula: "A1*100", result: 100, shareType: "shared", ref: "B1:B4" } as ExcelJS.CellSharedFormulaValue & { shareType: string; ref: string };
    for (let r = 2; r <= 4; r++) ws.getCell(`B${r}`).value = { sharedFormula: "B1", result: r * 100 } as ExcelJS.CellSharedFormulaValue;
    const bytes = await bytesDe(wb);
    const r = await leerLibro(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const h = r.valor.hojas[0];
    expect(h.formulas?.map((f) => f[1])).toEqual(["=A1*100", "=A2*100", "=A3*100", "=A4*100"]);
    expect(h.valores.map((f) => f[1])).toEqual([100, 200, 300, 400]);
    const rapido = await leerHojasEnFlujo(bytes);
    expect(rapido.ok).toBe(true);
    if (!rapido.ok) return;
    expect(rapido.valor[0].formulas?.map((f) => f[1])).toEqual(["=A1*100", "=A2*100", "=A3*100", "=A4*100"]);
  });

  test("hojaDesdeHoja de una hoja vacía", () => {
    const wb = new ExcelJS.Workbook();
    const h = hojaDesdeHoja(wb.addWorksheet("Vacía"));
    expect(h).toEqual({ nombre: "Vacía", valores: [] });
  });
});

describe("lector en flujo frente al completo", () => {
  const casos = fs.readdirSync(CASOS).filter((d) => fs.existsSync(path.join(CASOS, d, "libro.xlsx")));
  test.each(casos)("%s: mismos valores, fórmulas y formatos", async (caso) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(CASOS, caso, "libro.xlsx")));
    const completo = await leerLibro(bytes);
    const flujo = await leerHojasEnFlujo(bytes);
    expect(completo.ok && flujo.ok).toBe(true);
    if (!completo.ok || !flujo.ok) return;
    expect(flujo.valor.map((h) => h.nombre)).toEqual(completo.valor.hojas.map((h) => h.nombre));
    flujo.valor.forEach((h, i) => {
      const c = completo.valor.hojas[i];
      expect(h.valores).toEqual(c.valores);
      expect(h.formulas).toEqual(c.formulas);
      expect(h.formatosNumero).toEqual(c.formatosNumero);
    });
  });
});

describe("archivos que no son .xlsx", () => {
  const dir = path.join(CASOS, "danados");
  test.each([
    ["vacio.xlsx", "vacio", /vacío \(0 bytes\)/],
    ["truncado.xlsx", "truncado", /incompleto/],
    ["csv-renombrado.xlsx", "csv", /parece un CSV con la extensión cambiada\. Ábralo en Excel y guárdelo como «Libro de Excel \(\.xlsx\)»\./],
    ["antiguo.xls", "ole", /\.xls o un libro protegido con contraseña/],
  ])("%s", async (archivo, clase, mensaje) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, archivo)));
    expect(diagnosticarArchivo(bytes)?.clase).toBe(clase);
    const r = await leerLibro(bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.mensaje).toMatch(mensaje);
    expect(r.error.mensaje).not.toMatch(/\n/);
    const rr = await leerHojasEnFlujo(bytes);
    expect(rr.ok).toBe(false);
  });

  test("texto, HTML, ZIP que no es libro y basura binaria", async () => {
    expect(diagnosticarArchivo(new TextEncoder().encode("Hola, esto es una nota\nsin tabla"))?.clase).toBe("texto");
    expect(diagnosticarArchivo(new TextEncoder().encode("<html><body>Error 404</body></html>"))?.clase).toBe("texto");
    expect(diagnosticarArchivo(new Uint8Array([1, 2, 3, 0, 0, 255, 254, 0, 7]))?.clase).toBe("danado");
    // Un ZIP válido sin xl/workbook.xml.
    const JSZip = (await import("jszip")).default;
    const z = new JSZip();
    z.file("hola.txt", "hola");
    const zip = new Uint8Array(await z.generateAsync({ type: "uint8array" }));
    expect(diagnosticarArchivo(zip)?.clase).toBe("no-xlsx");
    const r = await leerLibro(zip);
    expect(r.ok).toBe(false);
  });

  test("ZIP completo pero con el XML del libro dañado: falla sin lanzar", async () => {
    const JSZip = (await import("jszip")).default;
    const bueno = await bytesDe(libroPrueba());
    const z = await JSZip.loadAsync(bueno);
    z.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=");
    z.file("xl/workbook.xml", "<<<no es xml");
    const malo = new Uint8Array(await z.generateAsync({ type: "uint8array" }));
    const r = await leerLibro(malo);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.mensaje).not.toMatch(/\n/);
  });
});

describe("aplicarCambios", () => {
  const cambio = (celda: string, despues: CambioCelda["despues"], esFormula = false): CambioCelda => ({
    celda, fila: Number(celda.replace(/\D/g, "")), columna: celda.replace(/\d/g, ""), encabezado: "X", antes: null, formulaAntes: null,
    despues, esFormula, razon: { es: "prueba", en: "test" }, reemplaza: false,
  });

  test("escribe valores y fórmulas, conserva estilo y el resto del libro", async () => {
    const wb = libroPrueba();
    const ws = wb.getWorksheet("Datos")!;
    ws.getCell("H2").numFmt = "0.00";
    ws.getCell("H2").font = { bold: true };
    const n = aplicarCambios(ws, [cambio("H2", 83.33), cambio("I2", "=PAT.PORCENTAJE(B2,B3)", true), cambio("J2", "EN PROCESO")]);
    expect(n).toBe(3);
    const r = await leerLibro(await libroABytes(wb));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const h = r.valor.hojas[0];
    expect(h.valores[1][7]).toBe(83.33);
    expect(h.formatosNumero?.[1][7]).toBe("0.00");
    expect(h.formulas?.[1][8]).toBe("=PAT.PORCENTAJE(B2,B3)");
    expect(h.valores[1][9]).toBe("EN PROCESO");
    expect(r.valor.libro.getWorksheet("Datos")!.getCell("H2").font?.bold).toBe(true);
    expect(h.formulas?.[1][3]).toBe("=B2*2");
  });

  test("sobrescribir la maestra de una fórmula compartida no deja sin fórmula a las demás", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("H");
    for (let r = 1; r <= 3; r++) ws.getCell(`A${r}`).value = r;
    ws.getCell("B1").value = { formula: "A1*100", result: 100, shareType: "shared", ref: "B1:B3" } as ExcelJS.CellSharedFormulaValue & { shareType: string; ref: string };
    for (let r = 2; r <= 3; r++) ws.getCell(`B${r}`).value = { sharedFormula: "B1", result: r * 100 } as ExcelJS.CellSharedFormulaValue;
    const r0 = await leerLibro(await bytesDe(wb));
    if (!r0.ok) throw new Error("no leyó");
    const ws2 = r0.valor.libro.getWorksheet("H")!;
    aplicarCambios(ws2, [cambio("B1", 5)]);
    const r = await leerLibro(await libroABytes(r0.valor.libro));
    if (!r.ok) throw new Error("no leyó");
    const h = r.valor.hojas[0];
    expect(h.valores[0][1]).toBe(5);
    expect(h.formulas?.[0]?.[1] ?? null).toBeNull();
    expect(h.formulas?.[1][1]).toBe("=A2*100");
    expect(h.formulas?.[2][1]).toBe("=A3*100");
  });

  test("dirección inválida", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("H");
    expect(() => aplicarCambios(ws, [cambio("12", 1)])).toThrow();
  });
});

describe("lector en flujo frente al completo (hojas con de todo)", () => {
  test("combinaciones, ocultas, fechas, booleanos, errores, texto enriquecido, entidades XML", async () => {
    const wb = libroPrueba();
    const ws = wb.getWorksheet("Datos")!;
    ws.getCell("H2").value = true;
    ws.getCell("I2").value = "A & B < C > D \"comillas\" 'apóstrofo'\nsegunda línea";
    ws.getCell("J2").value = { formula: 'IF(B2>1,"sí","no")', result: "sí" };
    ws.getCell("K2").value = { formula: "B2>1", result: true };
    ws.getCell("L2").value = 1234.5;
    ws.getCell("L2").numFmt = '"$"#,##0.00';
    ws.getCell("M2").value = { formula: "E2+1", result: new Date(Date.UTC(2024, 6, 1)) };
    ws.getCell("M2").numFmt = "dd/mm/yyyy";
    ws.getCell("A7").value = "después de filas vacías";
    wb.addWorksheet("Segunda").getCell("C3").value = 7;
    const bytes = await bytesDe(wb);
    const completo = await leerLibro(bytes);
    const flujo = await leerHojasEnFlujo(bytes);
    if (!completo.ok || !flujo.ok) throw new Error("no leyó");
    // El flujo no informa combinaciones ni filas ocultas, y un resultado lógico de fórmula
    // llega como 1 (K2); lo demás es idéntico.
    expect(flujo.valor[0].valores[1][10]).toBe(1);
    (completo.valor.hojas[0].valores[1] as unknown[])[10] = 1;
    expect(flujo.valor.map((h) => ({ ...h, combinaciones: undefined, filasOcultas: undefined }))).toEqual(
      completo.valor.hojas.map((h) => ({ ...h, combinaciones: undefined, filasOcultas: undefined })),
    );
    const soloSegunda = await leerHojasEnFlujo(bytes, { soloHoja: "Segunda" });
    expect(soloSegunda.ok && soloSegunda.valor.map((h) => h.nombre)).toEqual(["Segunda"]);
  });
});

describe("lector en flujo: texto con acentos en trozos grandes", () => {
  test("una letra acentuada partida entre dos trozos del ZIP llega entera", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Acentos");
    // Miles de celdas con texto propio (no compartido) y acentos en posiciones que se corren:
    // alguna queda en el borde de un trozo de 16 KB.
    for (let r = 1; r <= 3000; r++) {
      ws.getCell(r, 1).value = `${"á".repeat(r % 7)}Reducción ${r} — línea de acción número ${r}`;
      ws.getCell(r, 2).value = { formula: `"é"&A${r}`, result: `é${r}ñ` };
    }
    const bytes = await bytesDe(wb);
    const flujo = await leerHojasEnFlujo(bytes);
    expect(flujo.ok).toBe(true);
    if (!flujo.ok) return;
    const textos = flujo.valor[0].valores.flat().filter((v): v is string => typeof v === "string");
    expect(textos).toHaveLength(6000);
    expect(textos.filter((t) => t.includes("\uFFFD"))).toEqual([]);
    expect(textos[0]).toBe("áReducción 1 — línea de acción número 1");
  });
});

