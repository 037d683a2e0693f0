/**
 * Casos dorados: tests/cases/<caso>/libro.xlsx + esperado.json (lo que esperaría un
 * responsable de planeación; generado a mano por scripts/generar-casos.js).
 * 1. En proceso: la misma función que usa `pat validar --json`, comparada entera.
 * 2. La orden construida (`node dist/cli/pat.js`): códigos de salida, JSON en stdout y una
 *    sola línea en stderr para los archivos dañados.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { validarBytes } from "../../src/cli/validar";

const RAIZ = path.resolve(__dirname, "..", "..");
const CASOS = path.join(RAIZ, "tests", "cases");
const CLI = path.join(RAIZ, "dist", "cli", "pat.js");

const casos = fs
  .readdirSync(CASOS)
  .filter((d) => fs.existsSync(path.join(CASOS, d, "libro.xlsx")))
  .sort();

interface Caso {
  descripcion: string;
  args: string[];
}

function leerCaso(nombre: string): { caso: Caso; esperado: unknown; datos: Uint8Array } {
  const dir = path.join(CASOS, nombre);
  return {
    caso: JSON.parse(fs.readFileSync(path.join(dir, "caso.json"), "utf8")),
    esperado: JSON.parse(fs.readFileSync(path.join(dir, "esperado.json"), "utf8")),
    datos: new Uint8Array(fs.readFileSync(path.join(dir, "libro.xlsx"))),
  };
}

function corteDe(args: string[]): number | null {
  const i = args.indexOf("--corte");
  return i >= 0 ? Number(args[i + 1]) : null;
}

describe("casos dorados (en proceso)", () => {
  test("hay casos", () => {
    expect(casos).toEqual(expect.arrayContaining(["ieebcs-organo-limpio", "ieebcs-organo-defectos", "ieebcs-transversal", "durango-indicadores", "chiapas-avance-metas", "no-pat"]));
  });

  test.each(casos)("%s", async (nombre) => {
    const { caso, esperado, datos } = leerCaso(nombre);
    const { informe } = await validarBytes(datos, "libro.xlsx", { corte: corteDe(caso.args) });
    expect(JSON.parse(JSON.stringify(informe))).toEqual(esperado);
  });
});

describe("la orden construida: node dist/cli/pat.js", () => {
  beforeAll(() => {
    if (!fs.existsSync(CLI)) {
      execFileSync(process.execPath, [path.join(RAIZ, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "development", "--config-name", "cli"], {
        cwd: RAIZ,
        stdio: "ignore",
        timeout: 240000,
      });
    }
  }, 250000);

  const correr = (cwd: string, args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", timeout: 60000 });

  test.each([
    ["ieebcs-organo-limpio", 0],
    ["ieebcs-organo-defectos", 1],
    ["chiapas-avance-metas", 1],
    ["no-pat", 1],
  ])("%s: código %i y el JSON esperado en stdout", (nombre, codigo) => {
    const dir = path.join(CASOS, nombre);
    const { caso, esperado } = leerCaso(nombre);
    const r = correr(dir, ["validar", "libro.xlsx", "--json", ...caso.args]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(codigo);
    expect(JSON.parse(r.stdout)).toEqual(esperado);
  });

  const danados = JSON.parse(fs.readFileSync(path.join(CASOS, "danados", "esperado.json"), "utf8")) as Record<string, { exitCode: number; stderr: string }>;
  test.each(Object.entries(danados))("dañado %s: código 2 y una línea en stderr", (archivo, e) => {
    for (const orden of [["validar", archivo, "--json"], ["validar", archivo], ["llenar", archivo, "--salida", "/tmp/nunca-se-crea-pat.xlsx"]]) {
      const r = correr(path.join(CASOS, "danados"), orden);
      expect(r.status).toBe(e.exitCode);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`${e.stderr}\n`);
    }
    expect(fs.existsSync("/tmp/nunca-se-crea-pat.xlsx")).toBe(false);
  });

  test("opción inválida: código 2 en español", () => {
    const r = correr(RAIZ, ["validar", "x.xlsx", "--corte", "13"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^El mes de corte \(--corte\) debe ser un número entero de 1 a 12/);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
