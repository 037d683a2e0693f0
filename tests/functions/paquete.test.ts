/**
 * El paquete CONSTRUIDO (dist/functions.js) tal como lo carga el runtime «solo JavaScript»
 * de Excel: contexto vm sin DOM ni Node, con solo CustomFunctions y un Office mínimo, y sin
 * la biblioteca estándar posterior a ES2016. Construye dist/ si falta o está desactualizado.
 */
import fs from "fs";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- módulos CommonJS de scripts/ y tests/
const construir = require("../global-setup") as () => Promise<void>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cargarFunciones } = require("../../scripts/runtime-funciones") as { cargarFunciones: (o?: { es2016?: boolean }) => Runtime };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { errorSintaxisEs2016 } = require("../../scripts/compilacion/comprobaciones") as { errorSintaxisEs2016: (c: string) => string | null };
import tablaEn from "../../src/functions/localization/en.json";

const DIST = path.join(__dirname, "..", "..", "dist");

interface Parametro {
  name: string;
  description?: string;
  optional?: boolean;
  repeating?: boolean;
  dimensionality?: string;
}
interface Funcion {
  id: string;
  name: string;
  description?: string;
  parameters: Parametro[];
}
interface ErrorCF {
  code: string;
  message?: string;
}
interface Runtime {
  funciones: Map<string, unknown>;
  metadatos: { functions: Funcion[] };
  metadatosEn: { functions: Funcion[] };
  ErrorPersonalizado: new (...args: unknown[]) => unknown;
  /** Llama a la función asociada al ID; las funciones PAT siempre devuelven una matriz. */
  llamar: (id: string, ...args: unknown[]) => unknown[][];
}

let runtime: Runtime;
const ids = () => runtime.metadatos.functions.map((f) => f.id);

beforeAll(async () => {
  await construir();
  runtime = cargarFunciones();
}, 10 * 60 * 1000);

describe("dist/functions.js en el runtime de funciones personalizadas (simulado)", () => {
  test("asocia exactamente los ID de dist/functions.json, cada uno con una función", () => {
    expect(ids()).toHaveLength(12);
    expect([...runtime.funciones.keys()].sort()).toEqual([...ids()].sort());
    for (const f of runtime.funciones.values()) expect(typeof f).toBe("function");
  });

  test("los ID y nombres esperados", () => {
    const nombres = Object.fromEntries((runtime.metadatos.functions as Funcion[]).map((f) => [f.id, f.name]));
    expect(nombres).toEqual({
      PERCENTAGE: "PORCENTAJE",
      RATIO: "RAZON",
      CHANGE_RATE: "TASA_VARIACION",
      METHOD: "METODO",
      CHECK_METHOD: "VALIDAR_METODO",
      ATTAINMENT: "CUMPLIMIENTO",
      REMAINING: "POR_ALCANZAR",
      TARGET_AT_CUTOFF: "META_AL_CORTE",
      PERIODS: "PERIODOS",
      STATUS: "ESTATUS",
      TRAFFIC_LIGHT: "SEMAFORO",
      NUMBER: "NUMERO",
    });
  });

  test("respuestas correctas a través de las funciones asociadas", () => {
    const { llamar } = runtime;
    expect(llamar("PERCENTAGE", [[5]], [[10]])).toEqual([[50]]);
    expect(llamar("RATIO", [["1,000"]], [["4"]])).toEqual([[250]]);
    expect(llamar("NUMBER", [["2 275 339.62"]])).toEqual([[2275339.62]]);
    expect(llamar("STATUS", [[3]], [[2]], [[1]], [[3]], [[6]], null)).toEqual([["NO CUMPLIDA"]]);
    expect(llamar("TARGET_AT_CUTOFF", [[12]], [["enero"]], [["diciembre"]], [["junio"]])).toEqual([[6]]);
    expect(llamar("PERIODS", [[1]], [[12]], [["Bimestral"]])).toEqual([[6]]);
    expect(llamar("TRAFFIC_LIGHT", [[120]], [[100]], [["ascendente"]])).toEqual([["VERDE"]]);
    expect(llamar("ATTAINMENT", [[5]], [[6]], [["Reducción"]])[0][0]).toBeCloseTo(120, 10);
    expect(llamar("REMAINING", [[6]], [[8]], null)).toEqual([[0]]);
    expect(llamar("METHOD", [["Documento realizado / Documento presentado X 100"]], [[[5]], [[10]]])).toEqual([[50]]);
    expect(llamar("CHECK_METHOD", [["(a / b)/100"]])[0][0]).toMatch(/divide entre 100/);
    expect(llamar("CHANGE_RATE", [[110]], [[100]])[0][0]).toBeCloseTo(10, 10);
  });

  test("los errores son CustomFunctions.Error del runtime, con mensaje en español", () => {
    const { llamar, ErrorPersonalizado } = runtime;
    const d = llamar("PERCENTAGE", [[1]], [[0]])[0][0] as ErrorCF;
    expect(d).toBeInstanceOf(ErrorPersonalizado);
    expect(d.code).toBe("#DIV/0!");
    expect(d.message).toBeUndefined();
    const v = llamar("NUMBER", [["abc"]])[0][0] as ErrorCF;
    expect(v).toBeInstanceOf(ErrorPersonalizado);
    expect(v.code).toBe("#VALUE!");
    expect(v.message).toMatch(/^texto: «abc» no es un número/);
    const n = llamar("STATUS", [[null]], [[3]])[0][0] as ErrorCF;
    expect(n.code).toBe("#N/A");
    expect(n.message).toMatch(/Falta la meta/);
  });

  test("una columna contra una celda fija, con errores por elemento y filas vacías limpias", () => {
    const r = runtime.llamar("PERCENTAGE", [[1], ["2"], ["x"], [0], [null]], [[4]]);
    expect(r.map((f) => f.length)).toEqual([1, 1, 1, 1, 1]);
    expect(r[0][0]).toBe(25);
    expect(r[1][0]).toBe(50);
    expect((r[2][0] as ErrorCF).code).toBe("#VALUE!");
    expect(r[3][0]).toBe(0);
    expect((r[4][0] as ErrorCF).code).toBe("#N/A");
    const vacias = runtime.llamar("STATUS", [[null], [6]], [[null], [6]], null, null, [[6]], null);
    expect(vacias).toEqual([[""], ["CUMPLIDA"]]);
  });

  test("argumentos que no son matrices (escalares, undefined) tampoco rompen nada", () => {
    expect(runtime.llamar("PERCENTAGE", 1, 4)).toEqual([[25]]);
    expect(runtime.llamar("TRAFFIC_LIGHT", 100, 100, undefined)).toEqual([["VERDE"]]);
  });

  test("sin la biblioteca posterior a ES2016 da lo mismo que con ella (muchas entradas, todas las funciones)", () => {
    const completo = cargarFunciones({ es2016: false });
    const c = (v: unknown) => [[v]];
    const casos: [string, unknown[]][] = [];
    const numeros = [5, 0, -3, "1,234.50", "2 275 339.62", "$ 1,200", "25%", "abc", "xxx", "", null, true];
    for (const a of numeros) for (const b of numeros) {
      casos.push(["PERCENTAGE", [c(a), c(b)]], ["RATIO", [c(a), c(b)]], ["CHANGE_RATE", [c(a), c(b)]]);
      casos.push(["ATTAINMENT", [c(a), c(b), c("Reducción")]], ["REMAINING", [c(a), c(b), null]], ["TRAFFIC_LIGHT", [c(a), c(b), null]]);
      casos.push(["STATUS", [c(a), c(b), c(1), c(6), c(6), null]]);
    }
    const meses = [1, 6, 12, 13, "enero", "Junio", "dic", "sept", "trece", "", null];
    for (const i of meses) for (const f of meses) {
      casos.push(["TARGET_AT_CUTOFF", [c(12), c(i), c(f), c(6)]], ["PERIODS", [c(i), c(f), c("Trimestral")]]);
    }
    for (const fr of ["Mensual", "bimestral", "Trimestal", "Semestrall", "anuel", "cada rato", 3, ""]) casos.push(["PERIODS", [c(1), c(12), c(fr)]]);
    for (const s of ["Incremento", "Reducción", "descendente", "de lado", ""]) casos.push(["ATTAINMENT", [c(5), c(6), c(s)]]);
    for (const p of ["simetrico", "Ascendente", "raro", ""]) casos.push(["TRAFFIC_LIGHT", [c(120), c(100), c(p)]]);
    const metodos = [
      "Documento realizado / Documento presentado X 100", "(Informes entregados / Informes programados) * 100",
      "(a / b)/100", "a / / b", "a +", "xxx", "___", "(poner las que correspondan)", "N/A", "Número de cursos",
      "(Año actual - Año anterior) / Año anterior × 100", "Acción ejecutada / acción programada por 100", "",
    ];
    for (const m of metodos) {
      casos.push(["METHOD", [c(m), [c(5), c(10)]]], ["METHOD", [c(m), [c(5), c(0)]]], ["METHOD", [c(m), [c(null), c(null)]]]);
      casos.push(["CHECK_METHOD", [c(m)]]);
    }
    for (const t of numeros) casos.push(["NUMBER", [c(t)]]);
    // Los errores de cada contexto son de clases distintas: se comparan código y mensaje.
    const plano = (m: unknown[][]) => JSON.stringify(m, (_k, v) => (v && typeof v === "object" && "code" in v ? { code: v.code, message: v.message } : v));
    const distintos = casos
      .map(([id, args]) => ({ id, args: JSON.stringify(args), es2016: plano(runtime.llamar(id, ...args)), completo: plano(completo.llamar(id, ...args)) }))
      .filter((r) => r.es2016 !== r.completo);
    expect(distintos).toEqual([]);
    expect(casos.length).toBeGreaterThan(1000);
  });

  test("el paquete es ECMAScript 2016, pequeño y sin eval / new Function / require", () => {
    const codigo = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
    expect(errorSintaxisEs2016(codigo)).toBeNull();
    expect(codigo.length).toBeLessThan(150_000);
    expect(codigo).not.toMatch(/\beval\(|\bFunction\(|\brequire\(/);
    expect(codigo).not.toMatch(/\b(?:document|window|localStorage)\./);
  });
});

describe("metadatos en dos idiomas", () => {
  test("functions.en.json tiene los mismos ID, en el mismo orden, con nombres ingleses de la tabla", () => {
    const es = runtime.metadatos.functions as Funcion[];
    const en = runtime.metadatosEn.functions as Funcion[];
    expect(en.map((f) => f.id)).toEqual(es.map((f) => f.id));
    const tabla = tablaEn as Record<string, { name: string; parameters: Record<string, { name: string }> }>;
    for (const f of en) {
      expect(f.name).toBe(tabla[f.id].name);
      const original = es.find((x) => x.id === f.id)!;
      expect(f.parameters.map((p) => p.name)).toEqual(original.parameters.map((p) => tabla[f.id].parameters[p.name].name));
      // Lo que no es texto (tipos, opcionales, repetidos, resultado) no cambia.
      const sinTexto = (p: Parametro) => ({ ...p, name: undefined, description: undefined });
      expect(f.parameters.map(sinTexto)).toEqual(original.parameters.map(sinTexto));
    }
    expect(en.map((f) => f.name)).toEqual([
      "PERCENTAGE", "RATIO", "CHANGE_RATE", "METHOD", "CHECK_METHOD", "ATTAINMENT",
      "REMAINING", "TARGET_AT_CUTOFF", "PERIODS", "STATUS", "TRAFFIC_LIGHT", "NUMBER",
    ]);
  });

  test("cada función y cada parámetro tiene descripción en los dos idiomas, y son distintas", () => {
    const en = runtime.metadatosEn.functions as Funcion[];
    for (const f of runtime.metadatos.functions as Funcion[]) {
      const g = en.find((x) => x.id === f.id)!;
      expect(f.description?.trim()).toBeTruthy();
      expect(g.description?.trim()).toBeTruthy();
      expect(g.description).not.toBe(f.description);
      f.parameters.forEach((p, i) => {
        expect(p.description?.trim()).toBeTruthy();
        expect(g.parameters[i].description?.trim()).toBeTruthy();
      });
    }
  });

  test("los rangos y el argumento repetido de METODO están declarados", () => {
    const es = runtime.metadatos.functions as (Funcion & { result: { dimensionality?: string } })[];
    for (const f of es) {
      expect(f.result.dimensionality).toBe("matrix");
      for (const p of f.parameters) expect(p.dimensionality).toBe("matrix");
    }
    const metodo = es.find((f) => f.id === "METHOD")!;
    expect(metodo.parameters.map((p) => [p.name, Boolean(p.repeating)])).toEqual([["metodo", false], ["valor", true]]);
    const estatus = es.find((f) => f.id === "STATUS")!;
    expect(estatus.parameters.map((p) => Boolean(p.optional))).toEqual([false, false, true, true, true, true]);
  });
});
