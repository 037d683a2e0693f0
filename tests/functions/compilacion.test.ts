/**
 * Las piezas de la compilación (scripts/compilacion) y la regla de lint contra eval.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { lintear } from "../lint/eslint-aparte";

/* eslint-disable @typescript-eslint/no-require-imports -- módulos CommonJS de scripts/ */
const { traducirMetadatos, sinOpcionesDeRuntime14 } = require("../../scripts/compilacion/metadatos-ingles");
const { prepararManifiesto, urlProduccion } = require("../../scripts/compilacion/manifiesto");
const { errorSintaxisEs2016, PluginModulosProhibidos } = require("../../scripts/compilacion/comprobaciones");
const { crc32, png } = require("../../scripts/generar-iconos");
/* eslint-enable @typescript-eslint/no-require-imports */

const RAIZ = path.join(__dirname, "..", "..");

describe("traducirMetadatos (functions.en.json)", () => {
  const espanol = {
    allowCustomDataForDataTypeAny: true,
    functions: [
      {
        id: "PERCENTAGE",
        name: "PORCENTAJE",
        description: "Porcentaje",
        parameters: [{ name: "numerador", description: "La parte", type: "any", dimensionality: "matrix" }],
        result: { dimensionality: "matrix" },
      },
    ],
  };
  const tabla = {
    PERCENTAGE: { name: "PERCENTAGE", description: "Percentage", parameters: { numerador: { name: "numerator", description: "The part" } } },
  };

  test("mismos ID y estructura; cambian solo nombres y descripciones", () => {
    const { metadatos, errores } = traducirMetadatos(espanol, tabla);
    expect(errores).toEqual([]);
    expect(metadatos).toEqual({
      allowCustomDataForDataTypeAny: true,
      functions: [
        {
          id: "PERCENTAGE",
          name: "PERCENTAGE",
          description: "Percentage",
          parameters: [{ name: "numerator", description: "The part", type: "any", dimensionality: "matrix" }],
          result: { dimensionality: "matrix" },
        },
      ],
    });
  });

  test("se quita allowCustomDataForDataTypeAny (CustomFunctionsRuntime 1.4; el manifiesto declara 1.2)", () => {
    const manifiesto = fs.readFileSync(path.join(RAIZ, "manifest.xml"), "utf8");
    expect(manifiesto).toMatch(/Name="CustomFunctionsRuntime" MinVersion="1.2"/);
    const limpio = sinOpcionesDeRuntime14(espanol);
    expect(limpio).not.toHaveProperty("allowCustomDataForDataTypeAny");
    expect(limpio.functions).toEqual(espanol.functions);
  });

  test("falla si a un ID le falta traducción", () => {
    const { metadatos, errores } = traducirMetadatos(espanol, {});
    expect(metadatos).toBeNull();
    expect(errores).toEqual([expect.stringContaining("Falta la traducción al inglés del ID PERCENTAGE (PORCENTAJE)")]);
  });

  test("falla si falta un parámetro, sobra un ID o un parámetro, o el nombre no es válido", () => {
    const sinParametro = { PERCENTAGE: { ...tabla.PERCENTAGE, parameters: {} } };
    expect(traducirMetadatos(espanol, sinParametro).errores).toEqual([expect.stringContaining("parámetro «numerador»")]);
    const sobra = { ...tabla, RATIO: tabla.PERCENTAGE };
    expect(traducirMetadatos(espanol, sobra).errores).toEqual([expect.stringContaining("ID RATIO, que no existe")]);
    const parametroDeMas = { PERCENTAGE: { ...tabla.PERCENTAGE, parameters: { ...tabla.PERCENTAGE.parameters, otro: { name: "x", description: "y" } } } };
    expect(traducirMetadatos(espanol, parametroDeMas).errores).toEqual([expect.stringContaining("«otro»")]);
    const nombreMalo = { PERCENTAGE: { ...tabla.PERCENTAGE, name: "1PCT" } };
    expect(traducirMetadatos(espanol, nombreMalo).errores).toEqual([expect.stringContaining("no es válido")]);
    const sinDescripcion = { PERCENTAGE: { ...tabla.PERCENTAGE, description: " " } };
    expect(traducirMetadatos(espanol, sinDescripcion).errores).toEqual([expect.stringContaining("descripción inglesa")]);
  });

  test("la tabla real cubre exactamente las funciones de functions.ts", () => {
    const fuente = fs.readFileSync(path.join(RAIZ, "src/functions/functions.ts"), "utf8");
    const ids = [...fuente.matchAll(/@customfunction\s+([A-Z0-9_.]+)\s+/g)].map((m) => m[1]);
    const enTabla = Object.keys(JSON.parse(fs.readFileSync(path.join(RAIZ, "src/functions/localization/en.json"), "utf8")));
    expect(ids).toHaveLength(12);
    expect([...enTabla].sort()).toEqual([...ids].sort());
  });
});

describe("manifiesto de producción", () => {
  const xml = [
    '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
    '<bt:Url id="A" DefaultValue="https://localhost:3000/functions.json"><bt:Override Locale="en-us" Value="https://localhost:3000/functions.en.json"/></bt:Url>',
    '<bt:Url id="B" DefaultValue="https://localhost:3000/taskpane.html"/>',
  ].join("\n");

  test("sustituye TODAS las apariciones, no solo la primera", () => {
    const r = prepararManifiesto(xml, { produccion: true, url: "https://pat.ejemplo.mx/complemento" });
    expect(r.sustituciones).toBe(4);
    expect(r.xml).not.toMatch(/localhost/);
    expect(r.xml.match(/https:\/\/pat\.ejemplo\.mx\/complemento\//g)).toHaveLength(4);
  });

  test("falla si queda localhost (otro puerto, http…), citando la línea", () => {
    const sobra = `${xml}\n<bt:Url id="C" DefaultValue="https://localhost:3001/otro.html"/>`;
    expect(() => prepararManifiesto(sobra, { produccion: true, url: "https://pat.ejemplo.mx/" })).toThrow(/todavía apunta a localhost:\n\s+línea 4:/);
  });

  test("en desarrollo no cambia nada", () => {
    expect(prepararManifiesto(xml, { produccion: false })).toEqual({ xml, sustituciones: 0 });
  });

  test("la URL de producción debe ser https y no local; se completa la / final", () => {
    // Sin la variable la compilación de producción falla (antes usaba en silencio una de ejemplo).
    expect(() => urlProduccion(undefined)).toThrow(/Falta PAT_URL_PRODUCCION/);
    expect(() => urlProduccion("  ")).toThrow(/Falta PAT_URL_PRODUCCION/);
    expect(() => prepararManifiesto(xml, { produccion: true })).toThrow(/Falta PAT_URL_PRODUCCION/);
    expect(urlProduccion("https://a.mx/pat")).toBe("https://a.mx/pat/");
    expect(() => urlProduccion("http://a.mx/")).toThrow(/https/);
    expect(() => urlProduccion("https://localhost:8443/")).toThrow(/localhost/);
    expect(() => urlProduccion("no es url")).toThrow(/no es una URL válida/);
  });
});

describe("comprobación de sintaxis ES2016 (runtime de funciones personalizadas)", () => {
  test("acepta ES2016 y rechaza lo posterior, también en expresiones regulares", () => {
    expect(errorSintaxisEs2016("const f = (a, ...b) => [a, ...b].includes(2 ** 3); class A {}")).toBeNull();
    expect(errorSintaxisEs2016("const r = /[a-z]+/u;")).toBeNull();
    expect(errorSintaxisEs2016("const r = /(?<![a-z])x/;")).toMatch(/línea 1/);
    expect(errorSintaxisEs2016("const r = /\\p{L}/u;")).not.toBeNull();
    expect(errorSintaxisEs2016("const r = /(?<n>a)/;")).not.toBeNull();
    expect(errorSintaxisEs2016("const r = /a.b/s;")).not.toBeNull();
    expect(errorSintaxisEs2016("async function f() { await 1; }")).not.toBeNull();
    expect(errorSintaxisEs2016("const o = { ...p };")).not.toBeNull();
    expect(errorSintaxisEs2016("a?.b;")).not.toBeNull();
  });
});

describe("módulos prohibidos en los paquetes de funciones y panel", () => {
  test("la compilación falla si functions o taskpane importan exceljs (y dice quién); preview sí puede", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pat-prohibidos-"));
    try {
      fs.mkdirSync(path.join(dir, "node_modules", "exceljs"), { recursive: true });
      fs.writeFileSync(path.join(dir, "node_modules", "exceljs", "index.js"), "module.exports = { Workbook: function () {} };");
      fs.writeFileSync(path.join(dir, "node_modules", "exceljs", "package.json"), '{"name":"exceljs","main":"index.js"}');
      fs.writeFileSync(path.join(dir, "hoja.js"), 'module.exports = require("exceljs");');
      fs.writeFileSync(path.join(dir, "entrada.js"), 'console.log(require("./hoja"));');
      fs.writeFileSync(path.join(dir, "vista.js"), 'console.log(require("exceljs"));');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const webpack = require("webpack");
      const stats = await new Promise<{ compilation: { errors: { message: string }[] } }>((resolve, reject) => {
        webpack(
          {
            mode: "production",
            context: dir,
            entry: { functions: "./entrada.js", preview: "./vista.js" },
            output: { path: path.join(dir, "dist") },
            plugins: [new PluginModulosProhibidos({ paquetes: ["exceljs"], entradas: ["functions", "taskpane"] })],
            infrastructureLogging: { level: "none" },
          },
          (err: Error | null, s: { compilation: { errors: { message: string }[] } }) => (err ? reject(err) : resolve(s)),
        );
      });
      const mensajes = stats.compilation.errors.map((e) => e.message);
      expect(mensajes).toEqual([expect.stringMatching(/«exceljs» no debe entrar en el paquete «functions» \(lo importa hoja\.js\)/)]);
      // También si exceljs se declara como global externo (así lo carga la vista previa).
      const externo = await new Promise<{ compilation: { errors: { message: string }[] } }>((resolve, reject) => {
        webpack(
          {
            mode: "production",
            context: dir,
            entry: { taskpane: "./entrada.js", preview: "./vista.js" },
            output: { path: path.join(dir, "dist2") },
            externals: { exceljs: "ExcelJS" },
            plugins: [new PluginModulosProhibidos({ paquetes: ["exceljs"], entradas: ["functions", "taskpane"] })],
            infrastructureLogging: { level: "none" },
          },
          (err: Error | null, s: { compilation: { errors: { message: string }[] } }) => (err ? reject(err) : resolve(s)),
        );
      });
      expect(externo.compilation.errors.map((e) => e.message)).toEqual([
        expect.stringMatching(/«exceljs» no debe entrar en el paquete «taskpane» \(lo importa hoja\.js\)/),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("íconos", () => {
  test("CRC de PNG correcto y PNG bien formado", () => {
    expect(crc32(Buffer.from("IEND", "ascii"))).toBe(0xae426082);
    const b: Buffer = png(16);
    expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(b.readUInt32BE(16)).toBe(16);
    expect(b.subarray(b.length - 8, b.length - 4).toString("ascii")).toBe("IEND");
  });
});

describe("lint: sin eval ni equivalentes", () => {
  test("no-eval, no-new-func y no-implied-eval son errores en src, tests y scripts", () => {
    // ESLint corre en otro proceso (ver tests/lint/eslint-aparte.ts): la configuración carga
    // eslint-plugin-regexp, un módulo ES que el cargador de jest no admite.
    const codigo = 'export const a = eval("1 + 1");\nexport const f = new Function("return 1");\nsetTimeout("alert(1)", 10);\n';
    const archivos = ["src/functions/prueba.ts", "tests/prueba.ts", "scripts/prueba.js"];
    const resultados = lintear(archivos.map((archivo) => ({ archivo, texto: archivo.endsWith(".js") ? codigo.replace(/export const /g, "module.exports.") : codigo })));
    archivos.forEach((archivo, i) => {
      const reglas = resultados[i].filter((m) => m.severity === 2).map((m) => m.ruleId);
      expect({ archivo, reglas: [...new Set(reglas)].sort() }).toEqual({
        archivo,
        reglas: expect.arrayContaining(["no-eval", "no-implied-eval", "no-new-func"]),
      });
    });
  }, 60_000);
});
