/**
 * El panel en la vista previa como lo usaría una persona (Chromium de Debian + playwright-core):
 * un solo mes de corte, hallazgos que nunca quedan viejos, mensajes junto al botón,
 * plurales, observaciones exportables, formatos del instituto y del libro, y qué pasa al
 * abrir taskpane.html fuera de Excel. Sin /usr/bin/chromium la prueba FALLA (no se salta).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { chromium, type BrowserContext, type Page } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { servir } = require("../../scripts/start.js") as { servir: (o: { raiz: string; puerto: number }) => Promise<{ url: string; cerrar: () => Promise<void> }> };

const RAIZ = path.join(__dirname, "..", "..");
const DIST = path.join(RAIZ, "dist");
const CHROMIUM = process.env.PAT_CHROMIUM ?? "/usr/bin/chromium";
const CASO = path.join(RAIZ, "tests", "cases", "ieebcs-organo-defectos", "libro.xlsx");
const RESULTADOS = path.join(RAIZ, "test-results");
const HOJA = "PAT 2024 UCSI";
const ORGANO = JSON.parse(fs.readFileSync(path.join(RAIZ, "src", "core", "formatos", "pat-organo.json"), "utf8")) as Record<string, unknown>;

jest.setTimeout(300_000);

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
    throw new Error(`No se encontró Chromium en ${CHROMIUM}. Instálelo con «apt-get update && apt-get install -y chromium», o indique otro con PAT_CHROMIUM=/ruta.`);
  }
  const compilado = path.join(DIST, "preview.js");
  if (!fs.existsSync(compilado) || masReciente(path.join(RAIZ, "src")) > fs.statSync(compilado).mtimeMs) {
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
  // La carpeta de formatos del instituto, servida junto al complemento: un formato que
  // reemplaza a pat-organo con el nombre del instituto, uno roto y el perfil del semáforo.
  await contexto.route("**/formatos/indice.json", (r) =>
    r.fulfill({ contentType: "application/json", body: JSON.stringify({ formatos: ["organo-instituto.json", "roto.json"], semaforo: { perfil: "ascendente" } }) }),
  );
  await contexto.route("**/formatos/organo-instituto.json", (r) =>
    r.fulfill({ contentType: "application/json", body: JSON.stringify({ ...ORGANO, nombre: { es: "PAT por órgano del Instituto de Prueba", en: "Test Institute PAT" } }) }),
  );
  await contexto.route("**/formatos/roto.json", (r) => r.fulfill({ contentType: "application/json", body: '{"id": "roto", ' }));
  // Sin red: office.js de Microsoft no llega (como al abrir el archivo fuera de Office).
  await contexto.route("https://appsforoffice.microsoft.com/**", (r) => r.abort());
});

afterAll(async () => {
  await contexto?.close();
  await servidor?.cerrar();
  if (perfil) fs.rmSync(perfil, { recursive: true, force: true });
});

const panel = () => pagina.locator("aside.panel-lateral");
const seccion = (id: string) => panel().locator(`section[aria-labelledby="${id}"]`);

/** Celdas de los hallazgos de la lista (en orden). */
async function celdasHallazgos(): Promise<string[]> {
  return panel().locator("button[data-celda][data-severidad]").evaluateAll((bs) => bs.map((b) => `${b.getAttribute("data-celda")}:${b.getAttribute("aria-label")}`));
}

async function abrirCaso(): Promise<void> {
  await pagina.goto(`${servidor.url}preview.html`);
  await panel().getByText(/Formato reconocido:/).waitFor({ timeout: 60_000 });
  await pagina.locator('label.boton-archivo input[type="file"]').setInputFiles(CASO);
  await pagina.getByText("Se abrió «libro.xlsx».").waitFor();
  await pagina.locator(`table.cuadricula[data-hoja="${HOJA}"]`).waitFor();
}

/** Nada de «1 errores», «1 celdas», «(1 actividades)» en el panel. */
async function sinPluralesMalos(): Promise<void> {
  const texto = (await panel().innerText()).replace(/\s+/g, " ");
  expect(texto).not.toMatch(/\b1 (errores|advertencias|informativos|celdas|actividades|filas|cambios|observaciones)\b/);
}

test("un mes de corte para todo; tras Aplicar y tras un cambio en la hoja los hallazgos están al día; las marcas llevan notas nuevas", async () => {
  await abrirCaso();
  // Formato del instituto (carpeta junto al complemento) reconocido; el roto se informa; el semáforo.
  await panel().getByText("Formato reconocido: PAT por órgano del Instituto de Prueba").waitFor();
  await seccion("titulo-formatos").getByText(/El formato «roto\.json» no se cargó: no es JSON válido/).waitFor();
  await seccion("titulo-formatos").getByText("Semáforo del instituto: perfil «ascendente».").waitFor();

  // Un solo control de mes de corte, arriba (ni en Cálculos ni en Resumen).
  expect(await panel().getByRole("combobox", { name: /Mes de corte/ }).count()).toBe(1);
  expect(await seccion("titulo-llenado").getByRole("combobox").count()).toBe(0);
  await panel().getByRole("combobox", { name: /Mes de corte/ }).selectOption("12");
  await seccion("titulo-validacion").getByRole("button", { name: "Validar hoja" }).click();
  await panel().getByTestId("conteo-hallazgos").waitFor();
  const diciembre = await celdasHallazgos();
  expect(diciembre.length).toBeGreaterThan(0);
  // Cambiar el corte recalcula la lista mostrada al momento: es la misma que validar en junio.
  await panel().getByRole("combobox", { name: /Mes de corte/ }).selectOption("6");
  const junioAlCambiar = await celdasHallazgos();
  await seccion("titulo-validacion").getByRole("button", { name: "Validar hoja" }).click();
  await panel().getByTestId("conteo-hallazgos").waitFor();
  expect(await celdasHallazgos()).toEqual(junioAlCambiar);

  // Marcar, luego llenar y aplicar: la lista es la de una validación nueva y las notas de las
  // marcas corresponden a los hallazgos de ahora.
  await seccion("titulo-validacion").getByRole("button", { name: "Marcar celdas" }).click();
  await seccion("titulo-validacion").getByText(/Se marcaron \d+ celdas con relleno y nota/).waitFor();
  const antesDeLlenar = await celdasHallazgos();
  await seccion("titulo-llenado").getByRole("button", { name: "Llenar cálculos" }).click();
  await seccion("titulo-llenado").getByRole("table", { name: "Cambios que se harán" }).waitFor();
  await seccion("titulo-llenado").getByRole("button", { name: "Aplicar" }).click();
  // La confirmación aparece junto al botón, no arriba.
  await seccion("titulo-llenado").getByText(/Se escribieron \d+ celdas en «PAT 2024 UCSI»/).waitFor();
  expect(await panel().locator("main > div[role=status]").filter({ hasText: "Se escribieron" }).count()).toBe(0);
  await seccion("titulo-llenado").getByText("Las notas de las marcas se actualizaron con los hallazgos nuevos.").waitFor();
  const trasAplicar = await celdasHallazgos();
  expect(trasAplicar).not.toEqual(antesDeLlenar);
  await seccion("titulo-validacion").getByRole("button", { name: "Validar hoja" }).click();
  await panel().getByTestId("conteo-hallazgos").waitFor();
  expect(await celdasHallazgos()).toEqual(trasAplicar);
  const notas = await pagina.evaluate((hoja) => {
    const libro = (window as unknown as { __patVista: { libro: { hoja(n: string): { celdas: Map<string, { nota: string | null }> } } } }).__patVista.libro;
    return [...libro.hoja(hoja).celdas.values()].filter((c) => c.nota?.startsWith("PAT Indicadores")).length;
  }, HOJA);
  const celdasConHallazgo = new Set(trasAplicar.map((x) => x.split(":")[0]));
  expect(notas).toBe(celdasConHallazgo.size);

  // Un cambio hecho en la hoja (no por el panel): la lista se marca vieja y un clic la recalcula.
  await pagina.evaluate((hoja) => {
    (window as unknown as { __patVista: { libro: { editar(h: string, c: string, v: unknown): void } } }).__patVista.libro.editar(hoja, "F8", "Trecemes");
  }, HOJA);
  await panel().getByTestId("desactualizado").waitFor();
  await panel().getByRole("button", { name: "Actualizar hallazgos" }).click();
  await panel().getByTestId("desactualizado").waitFor({ state: "detached" });
  const actualizados = await celdasHallazgos();
  expect(actualizados.some((x) => x.startsWith("F8:"))).toBe(true);
  await sinPluralesMalos();
});

test("confirmaciones junto al botón, gráfico dibujado, hoja de resumen sin queja, plantilla con formato y año que se conservan", async () => {
  await abrirCaso();
  await panel().getByRole("combobox", { name: /Mes de corte/ }).selectOption("6");
  await seccion("titulo-resumen").getByRole("button", { name: "Resumen" }).click();
  await panel().getByTestId("resumen").waitFor();
  // Los objetivos no se cortan: la etiqueta completa cabe en su línea.
  const cortadas = await panel().locator('[data-testid="resumen"] [role="img"] > span:first-child').evaluateAll((els) =>
    els.filter((e) => (e as HTMLElement).scrollWidth > (e as HTMLElement).clientWidth + 1).map((e) => e.textContent),
  );
  expect(cortadas).toEqual([]);
  await sinPluralesMalos();
  await seccion("titulo-resumen").getByRole("button", { name: "Insertar gráfico" }).click();
  await seccion("titulo-resumen").getByText(/Se agregó la hoja «Resumen PAT» con la tabla y el gráfico/).waitFor();
  // En la vista previa el gráfico se dibuja (barras), y la hoja no se toma por un PAT mal hecho.
  await pagina.getByTestId("grafico").locator("rect").first().waitFor();
  expect(await pagina.getByTestId("grafico").locator("rect").count()).toBeGreaterThan(0);
  await panel().locator('[data-estado="propia"]').waitFor();
  expect(await panel().locator('[data-estado="no-pat"]').count()).toBe(0);

  // Plantilla: el formato y el año elegidos se conservan tras insertar.
  await panel().getByTestId("plantilla-formato").selectOption("pat-transversal");
  await panel().getByTestId("plantilla-anio").fill("2026");
  await seccion("titulo-plantilla").getByRole("button", { name: "Insertar plantilla" }).click();
  await seccion("titulo-plantilla").getByText(/Se agregó la hoja «.+» con la plantilla/).waitFor();
  expect(await panel().getByTestId("plantilla-formato").inputValue()).toBe("pat-transversal");
  expect(await panel().getByTestId("plantilla-anio").inputValue()).toBe("2026");
  expect(await pagina.locator("table.cuadricula").innerText()).toContain("2026");

  // «Motivo» no se sale del panel.
  await pagina.getByRole("tab", { name: HOJA }).click();
  await seccion("titulo-llenado").getByRole("button", { name: "Llenar cálculos" }).click();
  const tabla = seccion("titulo-llenado").getByRole("table", { name: "Cambios que se harán" });
  await tabla.waitFor();
  const [borde, motivo] = await Promise.all([panel().boundingBox(), tabla.locator("tbody tr td:last-child").first().boundingBox()]);
  expect(motivo!.x + motivo!.width).toBeLessThanOrEqual(borde!.x + borde!.width + 1);

  // La descarga sugiere otro nombre (nunca pisa el original).
  const [descarga] = await Promise.all([pagina.waitForEvent("download"), pagina.getByRole("button", { name: "Descargar libro" }).click()]);
  expect(descarga.suggestedFilename()).toBe("libro (revisado).xlsx");
});

test("observaciones: hoja «Observaciones» con vínculos y descarga .xlsx; formato importado al libro", async () => {
  await abrirCaso();
  await seccion("titulo-validacion").getByRole("button", { name: "Validar hoja" }).click();
  await panel().getByTestId("conteo-hallazgos").waitFor();
  const n = (await celdasHallazgos()).length;
  expect(n).toBeGreaterThan(1);

  const [descarga] = await Promise.all([pagina.waitForEvent("download"), seccion("titulo-validacion").getByRole("button", { name: "Descargar observaciones (.xlsx)" }).click()]);
  expect(descarga.suggestedFilename()).toBe(`observaciones-${HOJA}.xlsx`);
  const destino = path.join(RESULTADOS, "observaciones.xlsx");
  await descarga.saveAs(destino);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(destino);
  const ws = wb.getWorksheet("Observaciones")!;
  expect(ws.getRow(1).values).toEqual([undefined, "Celda", "Fila", "Columna", "Severidad", "Observación"]);
  expect(ws.rowCount).toBe(n + 1);
  const primera = ws.getCell("A2").value as { formula?: string; result?: string };
  expect(primera.formula).toMatch(new RegExp(`^HYPERLINK\\("#'${HOJA}'!${primera.result}"`));

  await seccion("titulo-validacion").getByRole("button", { name: "Exportar observaciones" }).click();
  await seccion("titulo-validacion").getByText(new RegExp(`Se agregó la hoja «Observaciones» con ${n} observaciones`)).waitFor();
  await pagina.locator('table.cuadricula[data-hoja="Observaciones"]').waitFor();
  await panel().locator('[data-estado="propia"]').waitFor();
  await pagina.getByRole("tab", { name: HOJA }).click();

  // Importar un formato al libro: se guarda en el documento y se reconoce.
  const archivo = path.join(RESULTADOS, "formato-importado.json");
  fs.writeFileSync(archivo, JSON.stringify({ ...ORGANO, nombre: { es: "Formato importado al libro", en: "Imported format" } }));
  await panel().getByTestId("importar-formato").setInputFiles(archivo);
  await seccion("titulo-formatos").getByText(/Se guardó el formato «Formato importado al libro» en este libro/).waitFor();
  await panel().getByText("Formato reconocido: Formato importado al libro").waitFor();
  const guardado = await pagina.evaluate(() => (window as unknown as { __patVista: { libro: { partesXml(): string[] } } }).__patVista.libro.partesXml().some((x) => x.includes("urn:pat-indicadores:formatos")));
  expect(guardado).toBe(true);
  // Un JSON que no es un formato: una línea clara, nada se guarda.
  fs.writeFileSync(archivo, JSON.stringify({ id: "x" }));
  await panel().getByTestId("importar-formato").setInputFiles(archivo);
  await seccion("titulo-formatos").getByText(/El archivo no es un formato válido/).waitFor();
});

test("taskpane.html fuera de Excel dice en español que se abra desde Excel y ofrece la vista previa", async () => {
  await pagina.goto(`${servidor.url}taskpane.html`);
  await pagina.getByRole("heading", { name: "Abra este panel desde Excel" }).waitFor({ timeout: 30_000 });
  expect(await pagina.locator("body").innerText()).not.toMatch(/Excel is not defined|error inesperado/i);
  await pagina.getByRole("link", { name: "Abrir la vista previa" }).click();
  await panel().getByText(/Formato reconocido:/).waitFor({ timeout: 60_000 });
});

/** Lo que la cuadrícula muestra para una celda de exceljs (la regla de la vista previa, escrita aparte). */
function textoDeCelda(c: ExcelJS.Cell): string {
  let v = c.value as unknown;
  if (v && typeof v === "object" && !(v instanceof Date)) {
    const o = v as { result?: unknown; richText?: Array<{ text: string }>; formula?: string };
    if (Array.isArray(o.richText)) v = o.richText.map((x) => x.text).join("");
    else if ("formula" in o || "result" in o) v = o.result ?? (o.formula ? `=${o.formula}` : null);
  }
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return /%/.test((c.numFmt ?? "").replace(/"[^"]*"/g, "")) ? `${Math.round(v * 10000) / 100}%` : String(Math.round(v * 100) / 100);
  return String(v);
}

async function textoCuadricula(celdas: string[]): Promise<Record<string, string>> {
  return pagina.$$eval(
    "table.cuadricula td[data-celda]",
    (tds, cs) => Object.fromEntries(tds.filter((td) => cs.includes(td.getAttribute("data-celda") ?? "")).map((td) => [td.getAttribute("data-celda") ?? "", td.textContent ?? ""])),
    celdas,
  );
}

test("descargar → abrir el archivo descargado → «Quitar marcas» y «Deshacer llenado» siguen ahí y devuelven el libro original", async () => {
  // Los valores originales, leídos del caso con exceljs (no con el lector del proyecto).
  const original = new ExcelJS.Workbook();
  await original.xlsx.readFile(CASO);
  const hojaOriginal = original.getWorksheet(HOJA)!;

  await abrirCaso();
  const quitar = seccion("titulo-validacion").getByRole("button", { name: "Quitar marcas" });
  const deshacer = seccion("titulo-llenado").getByRole("button", { name: "Deshacer llenado" });
  // El caso no trae registros: los dos botones empiezan desactivados.
  expect(await quitar.getAttribute("aria-disabled")).toBe("true");
  expect(await deshacer.getAttribute("aria-disabled")).toBe("true");

  await panel().getByRole("combobox", { name: /Mes de corte/ }).selectOption("6");
  await seccion("titulo-validacion").getByRole("button", { name: "Validar hoja" }).click();
  await panel().getByTestId("conteo-hallazgos").waitFor();
  const marcadas = [...new Set((await celdasHallazgos()).map((x) => x.split(":")[0]))];
  expect(marcadas.length).toBeGreaterThan(1);
  await seccion("titulo-validacion").getByRole("button", { name: "Marcar celdas" }).click();
  await seccion("titulo-validacion").getByText(/Se marcaron \d+ celdas con relleno y nota/).waitFor();
  await seccion("titulo-llenado").getByRole("button", { name: "Llenar cálculos" }).click();
  const tabla = seccion("titulo-llenado").getByRole("table", { name: "Cambios que se harán" });
  await tabla.waitFor();
  const plan = await tabla.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-celda") ?? ""));
  expect(plan.length).toBeGreaterThan(1);
  await seccion("titulo-llenado").getByRole("button", { name: "Aplicar" }).click();
  await seccion("titulo-llenado").getByText(/Se escribieron \d+ celdas en «PAT 2024 UCSI»/).waitFor();
  const llenas = await textoCuadricula(plan);
  const originales = Object.fromEntries(plan.map((c) => [c, textoDeCelda(hojaOriginal.getCell(c))]));
  // El llenado cambió de verdad lo que se va a deshacer.
  expect(plan.filter((c) => llenas[c] !== originales[c]).length).toBeGreaterThan(0);

  const [descarga] = await Promise.all([pagina.waitForEvent("download"), pagina.getByRole("button", { name: "Descargar libro" }).click()]);
  const destino = path.join(RESULTADOS, "ida-y-vuelta.xlsx");
  await descarga.saveAs(destino);
  // El archivo descargado lleva los registros como partes XML propias, y los valores llenados.
  const partes = unzipSync(new Uint8Array(fs.readFileSync(destino)));
  const propias = Object.entries(partes).filter(([n, b]) => /^customXml\/item\d+\.xml$/.test(n) && strFromU8(b).includes("urn:pat-indicadores"));
  expect(propias.length).toBeGreaterThanOrEqual(2);
  const descargado = new ExcelJS.Workbook();
  await descargado.xlsx.readFile(destino);
  const hojaDescargada = descargado.getWorksheet(HOJA)!;
  expect(Object.fromEntries(plan.map((c) => [c, textoDeCelda(hojaDescargada.getCell(c))]))).toEqual(llenas);

  // Abrir el archivo descargado, como si fuera otro día: el panel lo reconoce y ofrece deshacer.
  await pagina.locator('label.boton-archivo input[type="file"]').setInputFiles(destino);
  await pagina.getByText("Se abrió «ida-y-vuelta.xlsx».").waitFor();
  await pagina.locator(`table.cuadricula[data-hoja="${HOJA}"]`).waitFor();
  expect(await textoCuadricula(plan)).toEqual(llenas);
  await seccion("titulo-validacion").locator('button[aria-disabled="false"], button:not([aria-disabled])').filter({ hasText: "Quitar marcas" }).waitFor();
  await seccion("titulo-llenado").locator('button[aria-disabled="false"], button:not([aria-disabled])').filter({ hasText: "Deshacer llenado" }).waitFor();

  await deshacer.click();
  await seccion("titulo-llenado").getByText(new RegExp(`Se devolvieron \\d+ celdas de «${HOJA}» a su contenido anterior`)).waitFor();
  expect(await textoCuadricula(plan)).toEqual(originales);

  // Las marcas también salen: ninguna nota del complemento queda en la hoja, y los rellenos
  // vuelven a ser los del archivo original.
  await quitar.click();
  await seccion("titulo-validacion").getByText(/Se quitaron las marcas de \d+ celdas/).waitFor();
  const estado = await pagina.evaluate(
    ([hoja, cs]) => {
      const libro = (window as unknown as { __patVista: { libro: { hoja(n: string): { celdas: Map<string, { nota: string | null; relleno: string | null }> } } } }).__patVista.libro;
      const celdas = libro.hoja(hoja).celdas;
      const aA1 = (k: string) => {
        const [r, c] = k.split(":").map(Number);
        let col = "";
        for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
        return `${col}${r + 1}`;
      };
      const rellenos: Record<string, string | null> = {};
      for (const [k, c] of celdas) if (cs.includes(aA1(k))) rellenos[aA1(k)] = c.relleno ?? null;
      return { notas: [...celdas.values()].filter((c) => c.nota?.startsWith("PAT Indicadores")).length, rellenos };
    },
    [HOJA, marcadas] as const,
  );
  expect(estado.notas).toBe(0);
  const rellenoOriginal = (c: string): string | null => {
    const f = hojaOriginal.getCell(c).fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
    return f?.type === "pattern" && f.pattern === "solid" && f.fgColor?.argb ? `#${f.fgColor.argb.slice(2).toUpperCase()}` : null;
  };
  for (const c of marcadas) expect([c, estado.rellenos[c] ?? null]).toEqual([c, rellenoOriginal(c)]);
});

/** Cuántas actividades hay de cada color en «Semáforo al mes de corte» del resumen (junio). */
async function semaforosDelResumen(): Promise<Record<string, number>> {
  await panel().getByRole("combobox", { name: /Mes de corte/ }).selectOption("6");
  await seccion("titulo-resumen").getByRole("button", { name: "Resumen" }).click();
  await panel().getByTestId("resumen").waitFor();
  const etiquetas = await panel().locator('[data-testid="resumen"] [role="img"]').evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  const cuenta: Record<string, number> = { Verde: 0, Amarillo: 0, Rojo: 0, "Sin dato": 0 };
  for (const e of etiquetas) {
    const m = /^(Verde|Amarillo|Rojo|Sin dato): (\d+)$/.exec(e);
    if (m) cuenta[m[1]] = Number(m[2]);
  }
  return cuenta;
}

test("los umbrales del semáforo vienen de la carpeta del instituto: con umbrales propios que todo lo aceptan, el resumen es todo verde", async () => {
  // Con el perfil «ascendente» del índice, el caso tiene avances fuera de verde.
  await abrirCaso();
  await seccion("titulo-formatos").getByText("Semáforo del instituto: perfil «ascendente».").waitFor();
  const ascendente = await semaforosDelResumen();
  expect(ascendente.Amarillo + ascendente.Rojo).toBeGreaterThan(0);

  // El instituto publica umbrales propios tan amplios que cualquier avance es verde.
  const propio = (r: import("playwright-core").Route) =>
    r.fulfill({
      contentType: "application/json",
      body: JSON.stringify({ formatos: ["organo-instituto.json"], semaforo: { perfil: "propio", umbrales: { amarilloMinimo: -1e9, verdeMinimo: -1e9, verdeMaximo: 1e9, amarilloMaximo: 1e9 } } }),
    });
  await contexto.route("**/formatos/indice.json", propio);
  try {
    await abrirCaso();
    await panel().getByText("Formato reconocido: PAT por órgano del Instituto de Prueba").waitFor();
    await seccion("titulo-formatos").getByText(/Semáforo del instituto: perfil «.+»\./).waitFor();
    expect(await seccion("titulo-formatos").getByText("Semáforo del instituto: perfil «ascendente».").count()).toBe(0);
    // Las mismas actividades con dato, todas en verde; las que no tienen dato siguen sin él.
    expect(await semaforosDelResumen()).toEqual({ Verde: ascendente.Verde + ascendente.Amarillo + ascendente.Rojo, Amarillo: 0, Rojo: 0, "Sin dato": ascendente["Sin dato"] });
  } finally {
    await contexto.unroute("**/formatos/indice.json", propio);
  }
});

test("un formato importado al libro viaja en el archivo descargado: al abrirlo otra vez se reconoce con él", async () => {
  await abrirCaso();
  await panel().getByText("Formato reconocido: PAT por órgano del Instituto de Prueba").waitFor();
  const archivo = path.join(RESULTADOS, "formato-viajero.json");
  fs.writeFileSync(archivo, JSON.stringify({ ...ORGANO, nombre: { es: "Formato que viaja en el libro", en: "Format carried by the workbook" } }));
  await panel().getByTestId("importar-formato").setInputFiles(archivo);
  await panel().getByText("Formato reconocido: Formato que viaja en el libro").waitFor();

  const [descarga] = await Promise.all([pagina.waitForEvent("download"), pagina.getByRole("button", { name: "Descargar libro" }).click()]);
  const destino = path.join(RESULTADOS, "con-formato.xlsx");
  await descarga.saveAs(destino);
  // El formato va en una parte XML propia del paquete, con su nombre.
  const partes = unzipSync(new Uint8Array(fs.readFileSync(destino)));
  const conFormato = Object.entries(partes).filter(([n, b]) => /^customXml\/item\d+\.xml$/.test(n) && strFromU8(b).includes("urn:pat-indicadores:formatos"));
  expect(conFormato.length).toBe(1);
  expect(strFromU8(conFormato[0][1])).toContain("Formato que viaja en el libro");

  // Otra página, sin nada en memoria: abrir el archivo descargado basta para reconocerlo.
  await pagina.goto(`${servidor.url}preview.html`);
  await panel().getByText("Formato reconocido: PAT por órgano del Instituto de Prueba").waitFor({ timeout: 60_000 });
  await pagina.locator('label.boton-archivo input[type="file"]').setInputFiles(destino);
  await pagina.getByText("Se abrió «con-formato.xlsx».").waitFor();
  await panel().getByText("Formato reconocido: Formato que viaja en el libro").waitFor();
});
