/**
 * Propiedad: para textos de método generados (nombres con espacios y acentos, números,
 * «/», «÷», «entre», «x», «×», «por», «+», «−», paréntesis, signo menos), la expresión que
 * compila `compilarMetodo` evaluada por LibreOffice vale lo mismo que `evaluarMetodo`
 * (división entre cero: error en los dos). Todos los casos van en un libro y una llamada.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { analizarMetodo, compilarMetodo, evaluarMetodo, type Metodo } from "../../src/core";
import { recalcularConLibreOffice } from "../apoyo/libreoffice";

const NOMBRES = ["Documentos realizados", "Metas programadas", "Solicitudes atendidas en plazo", "Número de capacitación"];
const MULTIPLICA = [" x ", " × ", " * ", " por "];
const DIVIDE = [" / ", " ÷ ", " entre ", "/"];

type Arbol = { t: "var"; k: number } | { t: "num"; v: number } | { t: "neg"; x: Arbol } | { t: "bin"; op: "+" | "-" | "*" | "/"; a: Arbol; b: Arbol };

const hoja: fc.Arbitrary<Arbol> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 1 }).map((k): Arbol => ({ t: "var", k })) },
  { weight: 1, arbitrary: fc.constantFrom(1, 2, 10, 100, 2.5, 1000).map((v): Arbol => ({ t: "num", v })) },
);
const { arbol } = fc.letrec<{ arbol: Arbol }>((tie) => ({
  arbol: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hoja,
    fc.record({ t: fc.constant("bin" as const), op: fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const), a: tie("arbol"), b: tie("arbol") }) as fc.Arbitrary<Arbol>,
    fc.record({ t: fc.constant("neg" as const), x: tie("arbol") }) as fc.Arbitrary<Arbol>,
  ),
}));

function prec(n: Arbol): number {
  return n.t === "bin" ? (n.op === "+" || n.op === "-" ? 1 : 2) : 3;
}

/** Escribe el árbol como lo escribiría una persona, con paréntesis donde hacen falta. */
function texto(n: Arbol, nombres: ReadonlyArray<string>, r: () => number): string {
  switch (n.t) {
    case "var":
      return nombres[n.k];
    case "num":
      return String(n.v);
    case "neg":
      return `-(${texto(n.x, nombres, r)})`;
    case "bin": {
      const p = prec(n);
      let a = texto(n.a, nombres, r);
      let b = texto(n.b, nombres, r);
      if (prec(n.a) < p || n.a.t === "neg") a = `(${a})`;
      if (prec(n.b) <= p || n.b.t === "neg") b = `(${b})`;
      const lista = n.op === "*" ? MULTIPLICA : n.op === "/" ? DIVIDE : [` ${n.op} `];
      return `${a}${lista[Math.floor(r() * lista.length) % lista.length]}${b}`;
    }
  }
}

interface Muestra {
  metodo: Metodo;
  valores: [number, number];
  entre100: boolean;
  porCien: boolean;
  esperado: number | "ERR";
}

const muestras: Muestra[] = [];
let generadas = 0;
let recalculado: Awaited<ReturnType<typeof recalcularConLibreOffice>>[number];

beforeAll(async () => {
  const arb = fc.record({
    arbol, nombres: fc.shuffledSubarray(NOMBRES, { minLength: 2, maxLength: 2 }), semilla: fc.integer({ min: 1, max: 1e6 }),
    v1: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1000, noNaN: true })), v2: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(0)),
    entre100: fc.boolean(), porCien: fc.boolean(), dividePor100: fc.boolean(),
  });
  for (const m of fc.sample(arb, { numRuns: 300, seed: 20251202 })) {
    generadas++;
    let s = m.semilla;
    const r = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    let t = texto(m.arbol, m.nombres, r);
    // A veces el desliz «(A / B)/100» que el llenado de porcentaje lee como × 100.
    if (m.dividePor100) t = `(${t})/100`;
    const a = analizarMetodo(t);
    // «1 por Número…» puede leerse como un solo nombre: más de dos variables no se compila (abajo).
    if (!a.ok || a.valor.variables.length > 2) continue;
    const ev = evaluarMetodo(a.valor, [m.v1, m.v2], { entre100ComoPor100: m.entre100 });
    const esperado: number | "ERR" = ev.ok ? (m.porCien ? ev.valor * 100 : ev.valor) : "ERR";
    if (typeof esperado === "number" && !Number.isFinite(esperado)) continue;
    muestras.push({ metodo: a.valor, valores: [m.v1, m.v2], entre100: m.entre100, porCien: m.porCien, esperado });
  }
  const libro = new ExcelJS.Workbook();
  const ws = libro.addWorksheet("Metodos");
  muestras.forEach((m, k) => {
    const f = k + 1;
    ws.getCell(f, 1).value = m.valores[0];
    ws.getCell(f, 2).value = m.valores[1];
    const c = compilarMetodo(m.metodo, [`A${f}`, `B${f}`], { entre100ComoPor100: m.entre100, porCien: m.porCien });
    if (!c.ok) throw new Error(c.motivo.es);
    ws.getCell(f, 3).value = { formula: `IFERROR(${c.expresion},"ERR")` } as ExcelJS.CellFormulaValue;
  });
  [recalculado] = await recalcularConLibreOffice([new Uint8Array(await libro.xlsx.writeBuffer())]);
}, 300_000);

describe("compilarMetodo: LibreOffice evalúa lo mismo que evaluarMetodo", () => {
  test("casi todos los textos generados se analizan y hay divisiones entre cero", () => {
    expect(muestras.length).toBeGreaterThan(generadas * 0.9);
    expect(muestras.some((m) => m.esperado === "ERR")).toBe(true);
    expect(muestras.some((m) => m.metodo.divideEntre100 && m.entre100)).toBe(true);
  });

  test("cada expresión compilada vale lo mismo en LibreOffice", () => {
    const diferencias: string[] = [];
    muestras.forEach((m, k) => {
      const obtenido = recalculado.valor("Metodos", `C${k + 1}`);
      const e = m.esperado;
      const ok = e === "ERR" ? obtenido === "ERR" : typeof obtenido === "number" && Math.abs(obtenido - e) <= 1e-9 * Math.max(1, Math.abs(e));
      if (!ok) diferencias.push(`«${m.metodo.texto}» con ${m.valores.join(", ")}: núcleo ${e}, LibreOffice ${JSON.stringify(obtenido)}`);
    });
    expect(diferencias).toEqual([]);
  });

  test("más variables distintas que celdas de valor: no se compila y se dice por qué", () => {
    const a = analizarMetodo("(Hombres + Mujeres) / Población total x 100");
    expect(a.ok).toBe(true);
    const c = compilarMetodo((a as { ok: true; valor: Metodo }).valor, ["R8", "S8"]);
    expect(c).toEqual({ ok: false, motivo: expect.objectContaining({ es: expect.stringContaining("3 datos distintos") }) });
  });
});
