/**
 * `--formatos <ruta>` y `PAT_FORMATOS`: un instituto agrega su formato sin tocar código.
 * Se usa el formato de prueba `tests/fixtures/formatos/poa-municipal.json`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { acumularRutas, rutasDeEntorno } from "../../src/cli/formatos-propios";
import { carpetaTemporal, pat } from "./ayuda";

const PROPIO = path.resolve(__dirname, "..", "fixtures", "formatos", "poa-municipal.json");

const FILAS = [
  ["Instituto Electoral Municipal de Prueba"],
  ["POA 2025"],
  ["FOLIO", "ACCIÓN MUNICIPAL", "MES DE ARRANQUE", "MES DE CIERRE", "CANTIDAD PROGRAMADA", "CANTIDAD LOGRADA", "AVANCE (%)", "SITUACIÓN"],
  ["M-1", "Instalar módulos de atención", 1, 6, 6, 3, 50, "EN PROCESO"],
  [null, "Capacitar al personal", 2, 4, 4, 4, 10, "CUMPLIDA"],
];

function unaLinea(s: string): void {
  expect(s.endsWith("\n")).toBe(true);
  expect(s.trimEnd().split("\n")).toHaveLength(1);
  expect(s).not.toMatch(/\bat .+:\d+:\d+/); // nunca una pila
}

async function libroPoa(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("POA");
  for (const f of FILAS) ws.addRow(f);
  const archivo = path.join(dir, "poa.xlsx");
  await wb.xlsx.writeFile(archivo);
  return archivo;
}

function escribir(dir: string, nombre: string, contenido: string): string {
  const ruta = path.join(dir, nombre);
  fs.writeFileSync(ruta, contenido);
  return ruta;
}

let dir: string;
let libro: string;

beforeAll(async () => {
  dir = carpetaTemporal();
  libro = await libroPoa(dir);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("pat validar --formatos", () => {
  test("sin la opción la hoja no es un PAT (código 1); con ella se reconoce y valida", async () => {
    const sin = await pat(["validar", "--json", libro]);
    expect(sin.codigo).toBe(1);
    expect(JSON.parse(sin.out).sheets[0].format).toBeNull();

    const con = await pat(["validar", "--json", libro, "--formatos", PROPIO]);
    expect(con.err).toBe("");
    expect(con.codigo).toBe(0); // solo un aviso: el AVANCE de la fila 5 no coincide
    const j = JSON.parse(con.out);
    expect(j.sheets[0].format).toBe("poa-municipal");
    expect(j.sheets[0].headerRow).toBe(3);
    expect(j.sheets[0].dataRows).toBe(2);
    expect(j.sheets[0].issues.map((i: { cell: string; code: string }) => [i.cell, i.code])).toEqual([["G5", "calculo-discrepante"]]);

    const texto = await pat(["validar", libro, "--formatos", PROPIO]);
    expect(texto.out).toMatch(/Programa Operativo Anual municipal \(prueba\) \[poa-municipal\]/);
  });

  test("una carpeta carga todos sus .json; la opción se repite o lleva comas", async () => {
    const carpeta = path.join(dir, "carpeta");
    fs.mkdirSync(carpeta);
    fs.copyFileSync(PROPIO, path.join(carpeta, "poa-municipal.json"));
    fs.writeFileSync(path.join(carpeta, "leame.txt"), "no es un formato");
    const a = await pat(["validar", "--json", libro, "--formatos", carpeta]);
    expect(a.codigo).toBe(0);
    expect(JSON.parse(a.out).sheets[0].format).toBe("poa-municipal");

    const otro = JSON.parse(fs.readFileSync(PROPIO, "utf8")) as { id: string };
    otro.id = "poa-otro";
    const rutaOtro = escribir(dir, "poa-otro.json", JSON.stringify(otro));
    const f = await pat(["formatos", "--json", "--formatos", `${carpeta},${rutaOtro}`]);
    expect(f.codigo).toBe(0);
    const ids = JSON.parse(f.out).map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining(["pat-organo", "poa-municipal", "poa-otro"]));
    const g = await pat(["formatos", "--json", "--formatos", carpeta, "--formatos", rutaOtro]);
    expect(JSON.parse(g.out).map((x: { id: string }) => x.id)).toEqual(ids);
    expect(acumularRutas("a.json, b ,", ["x"])).toEqual(["x", "a.json", "b"]);
  });
});

describe("pat formatos, plantilla y llenar con --formatos", () => {
  test("pat formatos lista el formato propio (y sin la opción, no)", async () => {
    const t = await pat(["formatos", "--formatos", PROPIO]);
    expect(t.codigo).toBe(0);
    expect(t.out).toMatch(/poa-municipal: Programa Operativo Anual municipal \(prueba\) \(8 columnas, formato propio\)/);
    expect(t.out).toMatch(/pat-organo: /);
    const j = JSON.parse((await pat(["formatos", "--json", "--formatos", PROPIO])).out);
    const poa = j.find((f: { id: string }) => f.id === "poa-municipal");
    expect(poa.custom).toBe(true);
    expect(poa.columns).toHaveLength(8);
    expect(j.find((f: { id: string }) => f.id === "pat-organo").custom).toBe(false);
    expect((await pat(["formatos"])).out).not.toMatch(/poa-municipal/);
  });

  test("plantilla --formato de un formato propio; se valida sin errores", async () => {
    const nuevo = path.join(dir, "plantilla-poa.xlsx");
    const sin = await pat(["plantilla", nuevo, "--formato", "poa-municipal"]);
    expect(sin.codigo).toBe(2);
    expect(sin.err).toMatch(/Formato desconocido «poa-municipal».*--formatos/);
    unaLinea(sin.err);
    const r = await pat(["plantilla", nuevo, "--formato", "poa-municipal", "--anio", "2025", "--formatos", PROPIO]);
    expect(r.err).toBe("");
    expect(r.codigo).toBe(0);
    expect(r.out).toMatch(/Plantilla «Programa Operativo Anual municipal \(prueba\)» creada/);
    const v = await pat(["validar", "--json", nuevo, "--formatos", PROPIO]);
    const j = JSON.parse(v.out);
    expect(j.sheets[0].format).toBe("poa-municipal");
    expect(j.summary.errors).toBe(0);
  });

  test("llenar reconoce el formato propio y corrige el AVANCE", async () => {
    const salida = path.join(dir, "poa-llenado.xlsx");
    const sin = await pat(["llenar", libro, "--salida", salida]);
    expect(sin.codigo).toBe(1);
    expect(sin.err).toMatch(/ninguna hoja es un PAT reconocido/);
    const r = await pat(["llenar", libro, "--salida", salida, "--json", "--formatos", PROPIO]);
    expect(r.codigo).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.sheets[0].format).toBe("poa-municipal");
    expect(j.sheets[0].changes.map((c: { cell: string }) => c.cell)).toContain("G5");
    expect(fs.existsSync(salida)).toBe(true);
  });
});

describe("formatos con errores: código 2 y una línea en español", () => {
  test("JSON roto: nombra el archivo y el lugar", async () => {
    const roto = escribir(dir, "roto.json", '{\n  "id": "poa-roto",\n  "columnas": [\n}\n');
    const r = await pat(["validar", libro, "--formatos", roto]);
    expect(r.codigo).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`Formato propio «${roto}» (--formatos): no es JSON válido`);
    expect(r.err).toMatch(/\((línea \d+, columna \d+|carácter inesperado «\}»)\); revise comas/);
    unaLinea(r.err);
  });

  test("JSON que no cumple el esquema: nombra el archivo y el campo", async () => {
    const json = JSON.parse(fs.readFileSync(PROPIO, "utf8")) as { columnas: Array<Record<string, unknown>> };
    json.columnas[2].tipo = "fecha";
    const malo = escribir(dir, "malo.json", JSON.stringify(json, null, 2));
    for (const orden of [["validar", libro], ["formatos"], ["plantilla", path.join(dir, "x.xlsx"), "--formato", "poa-municipal"]]) {
      const r = await pat([...orden, "--formatos", malo]);
      expect(r.codigo).toBe(2);
      expect(r.err).toContain(`Formato propio «${malo}» (--formatos): El formato «poa-municipal» no es válido`);
      expect(r.err).toContain("columnas[2].tipo");
      unaLinea(r.err);
    }
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });

  test("archivo inexistente o carpeta sin .json", async () => {
    const a = await pat(["validar", libro, "--formatos", "/no/existe/formato.json"]);
    expect(a.codigo).toBe(2);
    expect(a.err).toMatch(/Formato propio «\/no\/existe\/formato\.json» \(--formatos\): No existe el archivo/);
    unaLinea(a.err);
    const vacia = path.join(dir, "vacia");
    fs.mkdirSync(vacia);
    const b = await pat(["formatos", "--formatos", vacia]);
    expect(b.codigo).toBe(2);
    expect(b.err).toMatch(/la carpeta no tiene archivos \.json/);
    unaLinea(b.err);
  });
});

describe("PAT_FORMATOS", () => {
  const anterior = process.env.PAT_FORMATOS;
  afterEach(() => {
    if (anterior === undefined) delete process.env.PAT_FORMATOS;
    else process.env.PAT_FORMATOS = anterior;
  });

  test("las rutas se separan con path.delimiter", () => {
    expect(rutasDeEntorno({ PAT_FORMATOS: ["a.json", "", " formatos "].join(path.delimiter) })).toEqual(["a.json", "formatos"]);
    expect(rutasDeEntorno({})).toEqual([]);
  });

  test("validar y formatos usan los formatos de la variable", async () => {
    const otro = JSON.parse(fs.readFileSync(PROPIO, "utf8")) as { id: string };
    otro.id = "poa-entorno";
    const carpeta = path.join(dir, "entorno");
    fs.mkdirSync(carpeta);
    escribir(carpeta, "poa-entorno.json", JSON.stringify(otro));
    process.env.PAT_FORMATOS = [PROPIO, carpeta].join(path.delimiter);
    const v = await pat(["validar", "--json", libro]);
    expect(v.codigo).toBe(0);
    expect(["poa-municipal", "poa-entorno"]).toContain(JSON.parse(v.out).sheets[0].format);
    const f = await pat(["formatos", "--json"]);
    expect(JSON.parse(f.out).map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(["poa-municipal", "poa-entorno"]));
  });

  test("un formato roto en la variable: código 2 y la línea dice de dónde vino", async () => {
    process.env.PAT_FORMATOS = escribir(dir, "roto-entorno.json", "{ esto no es json");
    const r = await pat(["validar", libro]);
    expect(r.codigo).toBe(2);
    expect(r.err).toMatch(/Formato propio «.*roto-entorno\.json» \(PAT_FORMATOS\): no es JSON válido/);
    unaLinea(r.err);
  });
});

describe("docs/formatos-propios.md", () => {
  test("el ejemplo mínimo de la documentación es un formato válido", async () => {
    const md = fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "formatos-propios.md"), "utf8");
    const bloque = /```json\n([\s\S]*?)```/.exec(md);
    expect(bloque).not.toBeNull();
    const ruta = escribir(dir, "mi-instituto.json", bloque![1]);
    const r = await pat(["formatos", "--formatos", ruta]);
    expect(r.err).toBe("");
    expect(r.codigo).toBe(0);
    expect(r.out).toMatch(/poa-municipal: Programa Operativo Anual municipal \(6 columnas, formato propio\)/);
  });
});
