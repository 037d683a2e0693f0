/**
 * La vista previa en un Chromium de verdad (playwright-core + Chromium de Debian):
 * abre un libro de los casos con «Abrir libro (.xlsx)», valida, lleva a la celda de un
 * hallazgo, llena con vista previa, aplica, deshace, descarga y relee el archivo con exceljs.
 * No se salta nada: sin /usr/bin/chromium la prueba FALLA con un mensaje claro.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { chromium, type BrowserContext, type Page } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { servir } = require("../../scripts/start.js") as { servir: (o: { raiz: string; puerto: number }) => Promise<{ url: string; cerrar: () => Promise<void> }> };

const RAIZ = path.join(__dirname, "..", "..");
const DIST = path.join(RAIZ, "dist");
const CHROMIUM = process.env.PAT_CHROMIUM ?? "/usr/bin/chromium";
const CASO = path.join(RAIZ, "tests", "cases", "ieebcs-organo-defectos", "libro.xlsx");
const RESULTADOS = path.join(RAIZ, "test-results");
const CAPTURAS = path.join(RAIZ, "docs", "capturas");
const HOJA = "PAT 2024 UCSI";

jest.setTimeout(240_000);

/** La fecha de modificación más reciente de los archivos bajo `dir`. */
function masReciente(dir: string): number {
  let max = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const ruta = path.join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? masReciente(ruta) : fs.statSync(ruta).mtimeMs);
  }
  return max;
}

let contexto: BrowserContext;
let pagina: Page;
let servidor: { url: string; cerrar: () => Promise<void> };
let perfil: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `No se encontró Chromium en ${CHROMIUM}. Instálelo con «apt-get update && apt-get install -y chromium» ` +
        "(no use «npx playwright install»), o indique otro con PAT_CHROMIUM=/ruta/al/chromium.",
    );
  }
  // Compila si falta dist/ o si src/ cambió después de la última compilación.
  const compilado = path.join(DIST, "preview.js");
  if (!fs.existsSync(path.join(DIST, "preview.html")) || !fs.existsSync(compilado) || masReciente(path.join(RAIZ, "src")) > fs.statSync(compilado).mtimeMs) {
    spawnSync("npx", ["webpack", "--mode", "development"], { cwd: RAIZ, stdio: "inherit" });
  }
  if (!fs.existsSync(path.join(DIST, "preview.html"))) throw new Error("La compilación no produjo dist/preview.html (npx webpack --mode development).");
  fs.mkdirSync(RESULTADOS, { recursive: true });
  servidor = await servir({ raiz: DIST, puerto: 0 });
  perfil = fs.mkdtempSync(path.join(os.tmpdir(), "pat-chromium-"));
  contexto = await chromium.launchPersistentContext(perfil, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  pagina = contexto.pages()[0] ?? (await contexto.newPage());
  pagina.on("pageerror", (e) => console.error(`[navegador] ${e.message}`));
});

afterAll(async () => {
  await contexto?.close();
  await servidor?.cerrar();
  if (perfil) fs.rmSync(perfil, { recursive: true, force: true });
});

const panel = () => pagina.locator("aside.panel-lateral");
const celda = (dir: string) => pagina.locator(`table.cuadricula td[data-celda="${dir}"]`);

/** Texto de cada celda de la cuadrícula (dirección → texto). */
async function cuadricula(): Promise<Record<string, string>> {
  return pagina.$$eval("table.cuadricula td[data-celda]", (tds) => Object.fromEntries(tds.map((td) => [td.getAttribute("data-celda") ?? "", td.textContent ?? ""])));
}

async function captura(nombre: string, copiarADocs = false): Promise<void> {
  const archivo = path.join(RESULTADOS, nombre);
  await panel().screenshot({ path: archivo });
  if (copiarADocs) {
    fs.mkdirSync(CAPTURAS, { recursive: true });
    fs.copyFileSync(archivo, path.join(CAPTURAS, nombre));
  }
}

test("exceljs solo llega a la vista previa (script aparte), nunca al panel", () => {
  const panelJs = fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8");
  expect(/\bExcelJS\b|node_modules[\\/]exceljs/.test(panelJs)).toBe(false);
  expect(fs.readFileSync(path.join(DIST, "preview.html"), "utf8")).toContain("vendor/exceljs.min.js");
  expect(fs.existsSync(path.join(DIST, "vendor", "exceljs.min.js"))).toBe(true);
});

test("vista previa: abrir, validar, ir a la celda, llenar, aplicar, deshacer y descargar", async () => {
  await pagina.goto(`${servidor.url}preview.html`);
  // El libro de muestra (o el ejemplo en memoria) abre y el panel lo reconoce.
  await panel().getByText(/Formato reconocido:/).waitFor({ timeout: 30_000 });

  // Abrir libro (.xlsx) con un caso de prueba.
  await pagina.locator('label.boton-archivo input[type="file"]').setInputFiles(CASO);
  await pagina.getByText("Se abrió «libro.xlsx».").waitFor();
  await pagina.locator(`table.cuadricula[data-hoja="${HOJA}"]`).waitFor();
  await panel().getByText("Formato reconocido: Programa Anual de Trabajo por órgano").waitFor();

  // Validar hoja → hallazgos; un clic lleva a la celda.
  await panel().getByRole("button", { name: "Validar hoja" }).click();
  await panel().getByTestId("conteo-hallazgos").waitFor();
  const conteo = await panel().getByTestId("conteo-hallazgos").textContent();
  expect(conteo).toMatch(/^\d+ errores · \d+ advertencias/);
  await captura("panel-validacion.png", true);
  const hallazgo = panel().getByRole("button", { name: /^Ir a J13 \(Error\)/ });
  await hallazgo.click();
  await pagina.getByTestId("seleccion").getByText("Celda seleccionada: J13").waitFor();
  expect(await celda("J13").getAttribute("class")).toContain("seleccionada");

  // Llenar cálculos con corte de junio: vista previa, Aplicar y la cuadrícula cambia.
  const antes = await cuadricula();
  await panel().getByRole("combobox", { name: "Mes de corte" }).selectOption("6");
  await panel().getByRole("button", { name: "Llenar cálculos" }).click();
  const tabla = panel().getByRole("table", { name: "Cambios que se harán" });
  await tabla.waitFor();
  await captura("panel-llenado.png", true);
  const filas = tabla.locator("tbody tr");
  const n = await filas.count();
  expect(n).toBeGreaterThan(0);
  const primera = (await filas.first().getAttribute("data-celda")) ?? "";
  const despues = ((await filas.first().locator("td").nth(1).textContent()) ?? "").trim();
  await panel().getByRole("button", { name: "Aplicar" }).click();
  await panel().getByText(/Se escribieron \d+ celdas/).waitFor();
  const tras = await cuadricula();
  expect(tras[primera]).not.toBe(antes[primera]);
  expect(Number(tras[primera]) || tras[primera]).toEqual(Number(despues.replace(/,/g, "")) || despues);
  await captura("panel-aplicado.png");
  await pagina.screenshot({ path: path.join(RESULTADOS, "vista-previa.png") });
  fs.mkdirSync(CAPTURAS, { recursive: true });
  fs.copyFileSync(path.join(RESULTADOS, "vista-previa.png"), path.join(CAPTURAS, "vista-previa.png"));

  // Deshacer llenado: la cuadrícula vuelve a ser exactamente la de antes.
  await panel().getByRole("button", { name: "Deshacer llenado" }).click();
  await panel().getByText(/Se devolvieron \d+ celdas/).waitFor();
  expect(await cuadricula()).toEqual(antes);

  // Volver a llenar y descargar: el archivo descargado tiene los cálculos.
  await panel().getByRole("button", { name: "Llenar cálculos" }).click();
  await tabla.waitFor();
  await panel().getByRole("button", { name: "Aplicar" }).click();
  await panel().getByText(/Se escribieron \d+ celdas/).waitFor();
  const esperado = (await cuadricula())[primera];
  const [descarga] = await Promise.all([pagina.waitForEvent("download"), pagina.getByRole("button", { name: "Descargar libro" }).click()]);
  const destino = path.join(RESULTADOS, "descargado.xlsx");
  await descarga.saveAs(destino);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(destino);
  const ws = wb.getWorksheet(HOJA);
  expect(ws).toBeTruthy();
  const valor = ws!.getCell(primera).value;
  expect(String(valor)).toBe(esperado);
  // Lo que no se tocó sigue igual (encabezado).
  expect(String(ws!.getCell("J7").value)).toMatch(/FRECUENCIA/);

  // Resumen y English.
  await panel().getByRole("button", { name: "Resumen" }).click();
  await panel().getByTestId("resumen").waitFor();
  await captura("panel-resumen.png");
  await pagina.goto(`${servidor.url}preview.html?idioma=en`);
  await panel().getByText(/Recognized format:/).waitFor({ timeout: 30_000 });
  await captura("panel-ingles.png");
});
