/**
 * El libro del informe (`pat consolidar --salida`): las tres hojas con sus tablas, los
 * gráficos como partes DrawingML del paquete, y LibreOffice (un segundo cliente de verdad)
 * lo abre y reconoce los dos gráficos de barras.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { AREAS, CORTE, crearInstituto } from "./instituto";
import { carpetaTemporal, pat } from "./ayuda";

jest.setTimeout(180_000);

let dir: string;
let salida: string;
let partes: Record<string, Uint8Array>;

beforeAll(async () => {
  dir = carpetaTemporal();
  await crearInstituto(path.join(dir, "instituto"));
  salida = path.join(dir, "informe.xlsx");
  const r = await pat(["consolidar", path.join(dir, "instituto"), "--corte", String(CORTE), "--salida", salida]);
  expect(r.err).toBe("");
  expect(r.out).toMatch(/Informe escrito: /);
  partes = unzipSync(new Uint8Array(fs.readFileSync(salida)));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("tres hojas: resumen por área con fila de total, actividades con desviación y archivos con su estado", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(salida);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Resumen por área", "Actividades con desviación", "Archivos"]);
  const resumen = wb.getWorksheet("Resumen por área")!;
  expect(resumen.getCell("A1").value).toBe("Unidad responsable");
  const unidades = AREAS.map((a) => a.unidad).sort();
  const filas = AREAS.length;
  expect([2, 3, 4].slice(0, filas).map((f) => String(resumen.getCell(`A${f}`).value)).sort()).toEqual(unidades);
  expect(resumen.getCell(`A${filas + 2}`).value).toBe("Total del instituto");
  expect(resumen.getCell(`D${filas + 2}`).value).toBe(AREAS.reduce((s, a) => s + a.actividades.length, 0));
  const desviaciones = wb.getWorksheet("Actividades con desviación")!;
  const justificaciones = desviaciones.getColumn(8).values.slice(2) as string[];
  expect(justificaciones).toContain("sin justificar");
  expect(justificaciones).toContain("Se reprogramaron dos sesiones por la veda.");
  const archivos = wb.getWorksheet("Archivos")!;
  const estados = (archivos.getColumn(2).values.slice(2) as string[]).sort();
  expect(estados).toEqual(["ilegible", "listo", "listo", "listo", "sin PAT"]);
});

test("los gráficos son partes del paquete: chart1/chart2, un dibujo enlazado a la hoja y sus tipos de contenido", () => {
  const tipos = strFromU8(partes["[Content_Types].xml"]);
  for (const p of ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml"]) {
    expect(partes[p]).toBeDefined();
    expect(tipos).toContain(`PartName="/${p}"`);
  }
  const grafico = strFromU8(partes["xl/charts/chart1.xml"]);
  expect(grafico).toContain("<c:barChart>");
  expect(grafico).toContain("'Resumen por área'!$E$2:$E$4");
  expect((grafico.match(/<c:ser>/g) ?? []).length).toBe(7); // un estatus por serie
  expect((strFromU8(partes["xl/charts/chart2.xml"]).match(/<c:ser>/g) ?? []).length).toBe(4); // un color por serie
  const hoja = strFromU8(partes["xl/worksheets/sheet1.xml"]);
  const rid = /<drawing r:id="([^"]+)"\/>/.exec(hoja)![1];
  const rels = strFromU8(partes["xl/worksheets/_rels/sheet1.xml.rels"]);
  expect(rels).toMatch(new RegExp(`Id="${rid}"[^>]*Target="../drawings/drawing1.xml"`));
  expect(strFromU8(partes["xl/drawings/_rels/drawing1.xml.rels"])).toContain("../charts/chart2.xml");
});

test("LibreOffice lo abre sin error y reconoce los dos gráficos de barras con sus series", () => {
  const perfil = fs.mkdtempSync(path.join(dir, "lo-"));
  const r = spawnSync("soffice", ["--headless", `-env:UserInstallation=file://${perfil}`, "--convert-to", "ods", "--outdir", dir, salida], { encoding: "utf8", timeout: 150_000 });
  expect(r.status).toBe(0);
  const ods = unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, "informe.ods"))));
  const objetos = Object.keys(ods).filter((n) => /^Object \d+\/content\.xml$/.test(n)).sort();
  expect(objetos).toHaveLength(2);
  const series = objetos.map((o) => {
    const xml = strFromU8(ods[o]);
    expect(xml).toContain('chart:class="chart:bar"');
    return (xml.match(/<chart:series /g) ?? []).length;
  });
  expect(series.sort()).toEqual([4, 7]);
});
