/**
 * Revisión fuera de línea del manifiesto (la validación de Microsoft necesita internet):
 * se analiza con office-addin-manifest y se revisa su estructura con xml2js.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import type { ManifestInfo } from "office-addin-manifest";

// xml2js llega con office-addin-manifest; se resuelve desde él por si no está elevado.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js = require(require.resolve("xml2js", { paths: [path.dirname(require.resolve("office-addin-manifest"))] })) as {
  parseStringPromise: (xml: string) => Promise<Nodo>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const construir = require("../global-setup") as () => Promise<void>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { urlProduccion } = require("../../scripts/compilacion/manifiesto") as { urlProduccion: (u?: string) => string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LOCALES_INGLES, revisarOverridesIngles } = require("../../scripts/compilacion/idiomas") as { LOCALES_INGLES: string[]; revisarOverridesIngles: (xml: string) => string[] };

const RAIZ = path.join(__dirname, "..", "..");
const MANIFIESTO = path.join(RAIZ, "manifest.xml");
const MANIFIESTO_DIST = path.join(RAIZ, "dist", "manifest.xml");

/**
 * `OfficeAddinManifest.readManifestFile()` en un proceso de Node aparte: jest no puede
 * cargar office-addin-manifest (sus dependencias @microsoft/app-manifest, strip-bom y uuid
 * son ESM); Node 20.19+ sí (require de ESM).
 */
function leerManifiestoOficial(archivo: string): ManifestInfo {
  const codigo =
    'require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])' +
    ".then((i) => process.stdout.write(JSON.stringify(i)), (e) => { process.stderr.write(String((e && e.stack) || e)); process.exit(1); });";
  return JSON.parse(execFileSync(process.execPath, ["-e", codigo, archivo], { cwd: RAIZ, encoding: "utf8" })) as ManifestInfo;
}

type Nodo = { $?: Record<string, string>; _?: string; [hijo: string]: unknown };
interface Elemento {
  nombre: string;
  atributos: Record<string, string>;
  texto: string;
  ruta: string[];
  nodo: Nodo;
}

/** Todos los elementos del XML, en orden de documento, con la ruta de sus ancestros. */
function elementos(raiz: Nodo): Elemento[] {
  const lista: Elemento[] = [];
  const visitar = (nombre: string, nodo: unknown, ruta: string[]) => {
    if (typeof nodo === "string") {
      lista.push({ nombre, atributos: {}, texto: nodo, ruta, nodo: { _: nodo } });
      return;
    }
    const n = nodo as Nodo;
    lista.push({ nombre, atributos: n.$ ?? {}, texto: typeof n._ === "string" ? n._ : "", ruta, nodo: n });
    for (const [clave, hijos] of Object.entries(n)) {
      if (clave === "$" || clave === "_") continue;
      for (const h of hijos as unknown[]) visitar(clave, h, [...ruta, nombre]);
    }
  };
  for (const [nombre, nodo] of Object.entries(raiz)) visitar(nombre, nodo, []);
  return lista;
}

const sinPrefijo = (n: string) => n.replace(/^.*:/, "");
const hijos = (n: Nodo, nombre: string) => (n[nombre] as Nodo[] | undefined) ?? [];

async function leer(archivo: string) {
  const xml = fs.readFileSync(archivo, "utf8");
  const arbol = await xml2js.parseStringPromise(xml);
  const todos = elementos(arbol);
  const recursos = new Map<string, { tipo: string; elemento: Elemento }>();
  const repetidos: string[] = [];
  for (const e of todos) {
    const padre = e.ruta[e.ruta.length - 1];
    if (e.ruta.includes("Resources") && e.atributos.id && padre && padre.startsWith("bt:")) {
      if (recursos.has(e.atributos.id)) repetidos.push(e.atributos.id);
      recursos.set(e.atributos.id, { tipo: sinPrefijo(padre), elemento: e });
    }
  }
  const recurso = (resid: string) => recursos.get(resid)?.elemento.atributos.DefaultValue;
  return { xml, todos, recursos, repetidos, recurso };
}

let fuente: Awaited<ReturnType<typeof leer>>;

beforeAll(async () => {
  fuente = await leer(MANIFIESTO);
});

describe("manifest.xml (desarrollo)", () => {
  test("office-addin-manifest lo analiza: id GUID, es-MX, Workbook, ReadWriteDocument", () => {
    const info = leerManifiestoOficial(MANIFIESTO);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(info.defaultLocale).toBe("es-MX");
    expect(info.displayName).toBe("PAT Indicadores");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("cada resid apunta a un recurso del tipo correcto; no hay ID de recurso repetidos", () => {
    expect(fuente.repetidos).toEqual([]);
    const tipoEsperado = (e: Elemento): string => {
      if (e.nombre === "bt:Image") return "Images";
      if (["SourceLocation", "LearnMoreUrl", "FunctionFile"].includes(e.nombre)) return "Urls";
      if (e.nombre === "Description") return "LongStrings";
      return "ShortStrings"; // Label, Title, Namespace
    };
    const conResid = fuente.todos.filter((e) => e.atributos.resid);
    expect(conResid.length).toBeGreaterThan(10);
    for (const e of conResid) {
      const r = fuente.recursos.get(e.atributos.resid);
      expect({ resid: e.atributos.resid, existe: Boolean(r) }).toEqual({ resid: e.atributos.resid, existe: true });
      expect({ resid: e.atributos.resid, tipo: r!.tipo }).toEqual({ resid: e.atributos.resid, tipo: tipoEsperado(e) });
    }
  });

  test("todas las URL son https (los espacios de nombres XML no son URL que se carguen)", () => {
    const valores = fuente.todos.flatMap((e) => [
      ...Object.entries(e.atributos).filter(([k]) => !/^xmlns(?::|$)/.test(k)).map(([, v]) => v),
      e.texto,
    ]);
    const urls = valores.filter((v) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim()));
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    const sinEspacios = fuente.xml.replace(/\sxmlns(:\w+)?="[^"]*"/g, "").replace(/<!--[\s\S]*?-->/g, "");
    expect(sinEspacios).not.toMatch(/http:\/\//);
  });

  test("ShortString ≤ 125 y LongString ≤ 250 caracteres (también las traducciones); nombre y descripción también", () => {
    const textos = (tipo: string) =>
      [...fuente.recursos.values()]
        .filter((r) => r.tipo === tipo)
        .flatMap((r) => [r.elemento.atributos.DefaultValue, ...hijos(r.elemento.nodo, "bt:Override").map((o) => o.$!.Value)]);
    const cortos = textos("ShortStrings");
    const largos = textos("LongStrings");
    expect(cortos.length).toBeGreaterThan(3);
    expect(largos.length).toBeGreaterThan(1);
    for (const t of cortos) expect(t.length).toBeLessThanOrEqual(125);
    for (const t of largos) expect(t.length).toBeLessThanOrEqual(250);
    const base = (nombre: string) => fuente.todos.filter((e) => e.nombre === nombre && e.ruta.length === 1);
    for (const e of base("DisplayName")) expect(e.atributos.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const e of base("Description")) expect(e.atributos.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  test("español por omisión con traducción para cada idioma de Office en inglés (salvo el espacio de nombres)", () => {
    expect(LOCALES_INGLES).toEqual(expect.arrayContaining(["en-us", "en-gb", "en-ca", "en-au", "en-in", "en-nz", "en-ie", "en-za"]));
    for (const nombre of ["DisplayName", "Description"]) {
      const e = fuente.todos.find((x) => x.nombre === nombre && x.ruta.length === 1)!;
      expect(hijos(e.nodo, "Override").map((o) => o.$!.Locale.toLowerCase())).toEqual(LOCALES_INGLES);
      expect(new Set(hijos(e.nodo, "Override").map((o) => o.$!.Value)).size).toBe(1);
    }
    for (const [id, r] of fuente.recursos) {
      if (r.tipo !== "ShortStrings" && r.tipo !== "LongStrings") continue;
      const overrides = hijos(r.elemento.nodo, "bt:Override");
      if (id === "Functions.Namespace") {
        expect(overrides).toHaveLength(0);
        continue;
      }
      expect({ id, locales: overrides.map((o) => o.$!.Locale.toLowerCase()) }).toEqual({ id, locales: LOCALES_INGLES });
      expect(overrides[0].$!.Value).not.toBe(r.elemento.atributos.DefaultValue);
      expect(new Set(overrides.map((o) => o.$!.Value)).size).toBe(1);
    }
  });

  test("el punto de extensión de funciones personalizadas está completo (Script, Page, Metadata, Namespace PAT)", () => {
    const ep = fuente.todos.filter((e) => e.nombre === "ExtensionPoint" && e.atributos["xsi:type"] === "CustomFunctions");
    expect(ep).toHaveLength(1);
    const n = ep[0].nodo;
    const ubicacion = (nombre: string) => hijos(hijos(n, nombre)[0] ?? {}, "SourceLocation")[0]?.$?.resid;
    expect(fuente.recurso(ubicacion("Script")!)).toBe("https://localhost:3000/functions.js");
    expect(fuente.recurso(ubicacion("Page")!)).toBe("https://localhost:3000/functions.html");
    expect(fuente.recurso(ubicacion("Metadata")!)).toBe("https://localhost:3000/functions.json");
    expect(fuente.recurso(hijos(n, "Namespace")[0].$!.resid)).toBe("PAT");
    // Metadatos en inglés para Excel en inglés.
    const metadatos = fuente.recursos.get(ubicacion("Metadata")!)!.elemento.nodo;
    // Metadatos en inglés (mismos ID, ver tests/functions/compilacion) para todo Office en inglés, no solo en-us.
    expect(hijos(metadatos, "bt:Override").map((o) => o.$)).toEqual(LOCALES_INGLES.map((l) => ({ Locale: l, Value: "https://localhost:3000/functions.en.json" })));
    // Runtime solo JavaScript: sin <Runtimes> compartido. Errores con mensaje: CustomFunctionsRuntime ≥ 1.2.
    expect(fuente.todos.some((e) => e.nombre === "Runtimes")).toBe(false);
    const set = fuente.todos.find((e) => e.nombre === "Set" && e.atributos.Name === "CustomFunctionsRuntime")!;
    expect(Number(set.atributos.MinVersion)).toBeGreaterThanOrEqual(1.2);
  });

  test("requisitos: ExcelApi 1.9 (lo que el panel usa sin preguntar) y 1.13 se pregunta en el código", () => {
    const sets = fuente.todos.filter((e) => e.nombre === "Set" && e.ruta.includes("Requirements") && e.ruta.includes("Sets"));
    const excel = sets.find((e) => e.atributos.Name === "ExcelApi");
    expect(excel).toBeDefined();
    expect(excel!.atributos.MinVersion).toBe("1.9");
    expect(sets.find((e) => e.atributos.Name === "CustomFunctionsRuntime")?.atributos.MinVersion).toBe("1.2");
    // Lo posterior a 1.9 va detrás de isSetSupported.
    const office = fs.readFileSync(path.join(__dirname, "..", "..", "src", "excel", "office.ts"), "utf8");
    expect(office).toMatch(/excelApiSoportada\("1\.13"\)/);
    expect(office).toMatch(/this\.combinaciones \? usado\.getMergedAreasOrNullObject\(\)/);
  });

  test("un botón de la cinta (etiqueta en español) abre el panel taskpane.html", () => {
    const botones = fuente.todos.filter((e) => e.nombre === "Control" && e.atributos["xsi:type"] === "Button");
    expect(botones).toHaveLength(1);
    const b = botones[0].nodo;
    const accion = hijos(b, "Action")[0];
    expect(accion.$!["xsi:type"]).toBe("ShowTaskpane");
    expect(fuente.recurso(hijos(accion, "SourceLocation")[0].$!.resid)).toBe("https://localhost:3000/taskpane.html");
    expect(fuente.recurso(hijos(b, "Label")[0].$!.resid)).toBe("Indicadores PAT");
    const defecto = fuente.todos.find((e) => e.nombre === "SourceLocation" && e.ruta.includes("DefaultSettings"))!;
    expect(defecto.atributos.DefaultValue).toBe("https://localhost:3000/taskpane.html");
  });

  test("el único <Script> es el nuestro (functions.js en nuestro origen)", () => {
    const scripts = fuente.todos.filter((e) => e.nombre === "Script");
    expect(scripts).toHaveLength(1);
    const url = fuente.recurso(hijos(scripts[0].nodo, "SourceLocation")[0].$!.resid)!;
    expect(new URL(url).origin).toBe(new URL(fuente.recurso("Taskpane.Url")!).origin);
  });

  test("los íconos existen en assets/ y son PNG del tamaño declarado", () => {
    const dimensiones = (archivo: string) => {
      const b = fs.readFileSync(archivo);
      expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
      return [b.readUInt32BE(16), b.readUInt32BE(20)];
    };
    const iconos = fuente.todos
      .filter((e) => e.nombre === "bt:Image" && e.atributos.DefaultValue)
      .map((e) => e.atributos.DefaultValue)
      .concat(["IconUrl", "HighResolutionIconUrl"].map((n) => fuente.todos.find((e) => e.nombre === n)!.atributos.DefaultValue));
    expect(iconos.length).toBeGreaterThanOrEqual(5);
    for (const u of iconos) {
      const m = /\/assets\/icon-(\d+)\.png$/.exec(u);
      expect(m).not.toBeNull();
      const n = Number(m![1]);
      expect(dimensiones(path.join(RAIZ, "assets", `icon-${n}.png`))).toEqual([n, n]);
    }
    for (const n of [16, 32, 64, 80, 128]) expect(dimensiones(path.join(RAIZ, "assets", `icon-${n}.png`))).toEqual([n, n]);
  });
});

describe("dist/ de producción", () => {
  beforeAll(async () => {
    await construir();
  }, 10 * 60 * 1000);

  test("el manifiesto de producción no tiene localhost y usa la URL de producción en todas partes", async () => {
    const prod = await leer(MANIFIESTO_DIST);
    expect(prod.xml).not.toMatch(/localhost/i);
    const url = urlProduccion(process.env.PAT_URL_PRODUCCION || "https://pat-indicadores.example.mx/");
    const cuantasDev = (fuente.xml.match(/https:\/\/localhost:3000\//g) ?? []).length;
    expect(cuantasDev).toBeGreaterThan(10);
    expect(prod.xml.split(url).length - 1).toBe(cuantasDev);
    const info = leerManifiestoOficial(MANIFIESTO_DIST);
    expect(info.id).toBe(leerManifiestoOficial(MANIFIESTO).id);
    expect(info.defaultLocale).toBe("es-MX");
    expect(prod.recurso("Functions.Metadata.Url")).toBe(`${url}functions.json`);
  });

  test("los metadatos de funciones no piden opciones de CustomFunctionsRuntime 1.4 (el manifiesto declara 1.2)", () => {
    for (const a of ["functions.json", "functions.en.json"]) {
      const json = JSON.parse(fs.readFileSync(path.join(RAIZ, "dist", a), "utf8"));
      expect(json.functions.length).toBeGreaterThan(10);
      expect(json).not.toHaveProperty("allowCustomDataForDataTypeAny");
    }
  });

  test("las páginas solo cargan nuestros paquetes y los scripts oficiales de Office", () => {
    const paginas = fs.readdirSync(path.join(RAIZ, "dist")).filter((a) => a.endsWith(".html"));
    expect(paginas).toEqual(expect.arrayContaining(["functions.html", "taskpane.html", "commands.html"]));
    const oficiales = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(?:office|custom-functions-runtime)\.js$/;
    for (const p of paginas) {
      const html = fs.readFileSync(path.join(RAIZ, "dist", p), "utf8");
      const srcs = [...html.matchAll(/<script\b[^>]+?\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1]);
      for (const s of srcs) {
        const propio = !/^[a-z]+:|^\/\//i.test(s) && fs.existsSync(path.join(RAIZ, "dist", s));
        expect({ pagina: p, src: s, permitido: propio || oficiales.test(s) }).toEqual({ pagina: p, src: s, permitido: true });
      }
    }
    const funciones = fs.readFileSync(path.join(RAIZ, "dist", "functions.html"), "utf8");
    expect(funciones).toMatch(/custom-functions-runtime\.js/);
    expect(funciones).toMatch(/src=["']?functions\.js/);
  });
});

describe("idiomas en inglés del manifiesto (scripts/compilacion/idiomas.js)", () => {
  const xml = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
  test("el manifiesto pasa la revisión que corre la compilación", () => {
    expect(revisarOverridesIngles(xml)).toEqual([]);
  });
  test("la revisión encuentra un idioma en inglés que falta o que dice otra cosa", () => {
    expect(revisarOverridesIngles(xml.replace('<bt:Override Locale="en-gb" Value="PAT Indicators is ready"/>', ""))).toEqual(["GetStarted.Title: falta en-gb"]);
    const distinto = xml.replace('<bt:Override Locale="en-za" Value="https://localhost:3000/functions.en.json"/>', '<bt:Override Locale="en-za" Value="https://localhost:3000/functions.json"/>');
    expect(revisarOverridesIngles(distinto)).toEqual([expect.stringMatching(/^Functions\.Metadata\.Url: en-za dice/)]);
  });
});

describe("el panel en inglés para todo Office en inglés", () => {
  test("cada idioma en inglés del manifiesto da el panel en inglés; los demás, español", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { idiomaDe } = require("../../src/localization") as { idiomaDe: (l: string) => string };
    for (const l of LOCALES_INGLES) {
      expect({ l, idioma: idiomaDe(l) }).toEqual({ l, idioma: "en" });
      expect({ l, idioma: idiomaDe(l.replace(/-(\w+)$/, (_, p: string) => `-${p.toUpperCase()}`)) }).toEqual({ l, idioma: "en" });
    }
    for (const l of ["es-MX", "es-ES", "fr-FR", "", "pt-BR"]) expect(idiomaDe(l)).toBe("es");
  });
});
