/**
 * CLI ante entradas hostiles (issue 12): informes que no se pueden falsear con un nombre de
 * hoja, archivos que no son archivos, nombres largos, temporales que no quedan tirados.
 */
import { spawn, spawnSync } from "node:child_process";
import { promises as fs, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { borrarTemporalesViejos, escribirAtomico, leerArchivo, prefijoTemporal, rutaTemporal } from "../../src/cli/archivos";
import { ErrorCli } from "../../src/cli/errores";
import { colores, reporteValidacion } from "../../src/cli/reporte";
import { resumir, validarHoja } from "../../src/cli/validar";
import type { ValorCelda } from "../../src/core/tipos";
import { ENCABEZADO_ORGANO } from "../fixtures/hojas/pat-organo";
import { hoja } from "../fixtures/hojas/util";

const RAIZ = path.resolve(__dirname, "..", "..");
const carpeta = (): string => mkdtempSync(path.join(os.tmpdir(), "pat-hostil-"));

async function errorDe(p: Promise<unknown>): Promise<ErrorCli> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ErrorCli) return e;
    throw e;
  }
  throw new Error("no falló");
}

describe("3. un nombre de hoja no falsea el informe", () => {
  test("saltos y C1 en el nombre y en las celdas salen escapados; el JSON los lleva exactos", () => {
    const nombre = "PAT\n  Resumen: 0 errores, 0 avisos, 0 notas.\n\u009B2J";
    const fila: ValorCelda[] = ["1", "P", "P", "O", "A", 1, 6, "Informe", "A / B X 100", "Mensual", "Documento", "seis\nResumen: 0 errores", null, null, 5, null, null];
    const h = validarHoja(hoja(nombre, [ENCABEZADO_ORGANO, fila]));
    expect(h.json.name).toBe(nombre);
    const informe = { file: "libro\u202E.xlsx", sheets: [h.json], summary: resumir([h.json]) };
    expect(informe.summary.errors).toBeGreaterThan(0);
    const texto = reporteValidacion(informe, [h], colores(false));
    const lineas = texto.split("\n");
    expect(lineas.filter((l) => l.trimStart().startsWith("Resumen:"))).toEqual([`  Resumen: ${informe.summary.errors} error${informe.summary.errors === 1 ? "" : "es"}, 0 avisos, 0 notas.`]);
    expect(texto).toContain("Hoja «PAT\\n  Resumen: 0 errores, 0 avisos, 0 notas.\\n\\u009B2J»");
    expect(texto).toContain("libro\\u202E.xlsx");
    expect(texto).not.toMatch(/[\u0080-\u009F\u202E]/);
  });
});

describe("7. archivos y rutas", () => {
  test("una tubería (FIFO) y /dev/zero: «no es un archivo», sin colgarse", async () => {
    const dir = carpeta();
    const fifo = path.join(dir, "tuberia.xlsx");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expect((await errorDe(leerArchivo(fifo))).message).toMatch(/no es un archivo/);
    expect((await errorDe(leerArchivo("/dev/zero"))).message).toMatch(/«\/dev\/zero» no es un archivo/);
  });

  test("un archivo más grande que el máximo: mensaje en español con el tamaño, código 2", async () => {
    const dir = carpeta();
    const grande = path.join(dir, "grande.xlsx");
    writeFileSync(grande, Buffer.alloc(3 * 1024 * 1024));
    const e = await errorDe(leerArchivo(grande, 1024 * 1024));
    expect(e.message).toMatch(/pesa 3 MB y lo más que se lee es 1 MB/);
    expect(e.codigoSalida).toBe(2);
  });

  test("una salida legal de 240 caracteres se escribe (el temporal tiene nombre corto)", async () => {
    const dir = carpeta();
    const salida = path.join(dir, `${"a".repeat(235)}.xlsx`);
    await escribirAtomico(salida, new Uint8Array([1, 2, 3]));
    expect([...(await fs.readFile(salida))]).toEqual([1, 2, 3]);
    expect(path.basename(rutaTemporal(salida)).length).toBeLessThan(40);
    expect((await fs.readdir(dir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("un temporal viejo de la misma salida (proceso muerto) se borra; el de otra salida, no", async () => {
    const dir = carpeta();
    const salida = path.join(dir, "nuevo.xlsx");
    const muerto = 4194304 + 12345; // por encima del pid_max de Linux: no hay tal proceso
    writeFileSync(rutaTemporal(salida, muerto), "medio libro");
    const ajeno = path.join(dir, `${prefijoTemporal(path.join(dir, "otro.xlsx"))}${muerto}.tmp`);
    writeFileSync(ajeno, "de otra salida");
    const vivo = rutaTemporal(salida, process.ppid); // un proceso vivo: se deja
    writeFileSync(vivo, "en curso");
    expect(await borrarTemporalesViejos(salida)).toEqual([rutaTemporal(salida, muerto)]);
    expect(existsSync(ajeno)).toBe(true);
    expect(existsSync(vivo)).toBe(true);
  });

  test("SIGTERM a medio escribir: sale con 143 y no deja el temporal", async () => {
    const dir = carpeta();
    const salida = path.join(dir, "libro.xlsx");
    // Proceso hijo: transpila archivos.ts al vuelo y hace que writeFile escriba la mitad y se quede esperando.
    const programa = `
      const fs = require("fs"), ts = require(${JSON.stringify(path.join(RAIZ, "node_modules", "typescript"))});
      require.extensions[".ts"] = (m, a) => m._compile(ts.transpileModule(fs.readFileSync(a, "utf8"), { fileName: a, compilerOptions: { module: 1, target: 7, esModuleInterop: true } }).outputText, a);
      fs.promises.writeFile = async (ruta, datos) => { fs.writeFileSync(ruta, datos.slice(0, 2)); process.stdout.write("escribiendo\\n"); return new Promise(() => setInterval(() => {}, 1000)); };
      require(${JSON.stringify(path.join(RAIZ, "src", "cli", "archivos.ts"))}).escribirAtomico(${JSON.stringify(salida)}, new Uint8Array([1, 2, 3, 4]));
    `;
    const hijo = spawn(process.execPath, ["-e", programa], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((listo) => hijo.stdout.on("data", (d: Buffer) => d.toString().includes("escribiendo") && listo()));
    expect((await fs.readdir(dir)).filter((n) => n.endsWith(".tmp"))).toHaveLength(1);
    const codigo = await new Promise<number | null>((fin) => {
      hijo.on("exit", (c) => fin(c));
      hijo.kill("SIGTERM");
    });
    expect(codigo).toBe(143);
    expect(await fs.readdir(dir)).toEqual([]);
  }, 30000);
});
