/**
 * La página del informe (`pat consolidar --html`) en un Chromium de verdad: un solo archivo
 * sin nada externo que carga sin errores, muestra los dos gráficos SVG (una barra por
 * unidad y serie con valor) y las tablas, y se imprime a PDF.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { AREAS, CORTE, crearInstituto } from "../cli/instituto";
import { carpetaTemporal, pat } from "../cli/ayuda";

const CHROMIUM = process.env.PAT_CHROMIUM ?? "/usr/bin/chromium";
const RESULTADOS = path.join(__dirname, "..", "..", "test-results");
jest.setTimeout(120_000);

let dir: string;
let html: string;
let navegador: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No se encontró Chromium en ${CHROMIUM}. Instálelo con «apt-get update && apt-get install -y chromium».`);
  dir = carpetaTemporal();
  await crearInstituto(path.join(dir, "instituto"));
  html = path.join(dir, "informe.html");
  const r = await pat(["consolidar", path.join(dir, "instituto"), "--corte", String(CORTE), "--html", html]);
  expect(r.err).toBe("");
  navegador = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});
afterAll(async () => {
  await navegador?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("un solo archivo autocontenido: sin scripts, hojas de estilo ni imágenes externas", () => {
  const texto = fs.readFileSync(html, "utf8");
  expect(texto).not.toMatch(/<script\b/i);
  expect(texto).not.toMatch(/<link\b|\bsrc=["']?https?:/i);
});

test("Chromium la carga sin errores y muestra los dos gráficos SVG y las tablas", async () => {
  const pagina = await navegador.newPage({ viewport: { width: 1200, height: 900 } });
  const errores: string[] = [];
  pagina.on("pageerror", (e) => errores.push(e.message));
  const peticiones: string[] = [];
  pagina.on("request", (r) => peticiones.push(r.url()));
  await pagina.goto(`file://${html}`);
  for (const id of ["grafico-estatus", "grafico-semaforo"]) {
    const svg = pagina.locator(`#${id} svg`);
    await svg.waitFor();
    const caja = await svg.boundingBox();
    expect(caja!.width).toBeGreaterThan(300);
    expect(caja!.height).toBeGreaterThan(150);
    // Las unidades como etiquetas del eje y barras dibujadas.
    const textos = await svg.locator("text").allTextContents();
    for (const a of AREAS) expect(textos).toContain(a.unidad);
    expect(await svg.locator("path").count()).toBeGreaterThan(AREAS.length);
  }
  const leyenda = await pagina.locator("#grafico-semaforo svg text").allTextContents();
  expect(leyenda).toEqual(expect.arrayContaining(["Verde", "Amarillo", "Rojo", "Sin dato"]));
  expect(await pagina.locator("#resumen tbody tr").count()).toBe(AREAS.length);
  expect(await pagina.locator("#resumen tfoot td").first().textContent()).toBe("Total del instituto");
  expect(await pagina.locator("#desviaciones td", { hasText: "sin justificar" }).count()).toBeGreaterThan(0);
  expect(await pagina.locator("#archivos td", { hasText: "ilegible" }).count()).toBe(1);
  expect(errores).toEqual([]);
  expect(peticiones.filter((u) => !u.startsWith("file://"))).toEqual([]);
  const pdf = await pagina.pdf({ format: "A4", landscape: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  fs.mkdirSync(RESULTADOS, { recursive: true });
  await pagina.screenshot({ path: path.join(RESULTADOS, "informe-html.png"), fullPage: true });
  await pagina.close();
});
