import * as fc from "fast-check";
import { analizarMetodo, claveVariable, esPlantilla, evaluarMetodo, revisarMetodo, type Nodo } from "../../../src/core/metodo";

// ------------------------------------------------------------------ nunca lanza

/** Comprueba la forma del resultado, además de que no lance. */
function comprobarAnalisis(texto: string): void {
  const r = analizarMetodo(texto);
  if (r.ok) {
    const m = r.valor;
    expect(m.texto).toBe(texto);
    const visitar = (n: Nodo): void => {
      expect(0 <= n.inicio && n.inicio < n.fin && n.fin <= texto.length).toBe(true);
      if (n.tipo === "variable") expect(m.variables[n.indice]).toBeDefined();
      if (n.tipo === "negativo") visitar(n.operando);
      if (n.tipo === "binario") {
        visitar(n.izquierda);
        visitar(n.derecha);
      }
    };
    visitar(m.ast);
    const e = evaluarMetodo(m, m.variables.map((_, k) => k + 1), { entre100ComoPor100: true });
    expect(typeof e.ok).toBe("boolean");
  } else {
    expect(r.error.tipo).toBe("valor");
    expect(r.error.mensaje.length).toBeGreaterThan(0);
    expect(r.error.mensajeEn.length).toBeGreaterThan(0);
    const p = r.error.posicion ?? -1;
    expect(p >= 0 && p <= texto.length).toBe(true);
  }
  const revision = revisarMetodo(texto);
  expect(revision.ok).toBe(revision.problemas.length === 0);
  expect(revision.ok).toBe(r.ok && r.valor.variables.length > 0 && !r.valor.divideEntre100);
}

const PIEZAS = [
  "(", ")", "[", "]", "{", "}", "/", "//", "÷", "x", "X", "x100", "*", "×", "·", "por", "entre", "+", "-", "–", "−", "—",
  "100", "100.0", "1,000", "1 000", "10", ".5", "100%", "cien", "Documentos", "realizados", "plazo de 10 días", "y/o",
  "núm.", "“Conóceles”", "2023-2024", "multiplicado", "dividido", "=", "^", "xxx", "___", "N/A", " ", "  ", "\n", "\u00A0", "",
];

describe("propiedades: analizarMetodo y revisarMetodo nunca lanzan", () => {
  test("con cualquier texto", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), comprobarAnalisis), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), comprobarAnalisis), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), comprobarAnalisis), { numRuns: 300 });
  });

  test("con textos armados con las piezas de la gramática", () => {
    const sopa = fc
      .array(fc.tuple(fc.constantFrom(...PIEZAS), fc.constantFrom("", " ")), { maxLength: 25 })
      .map((partes) => partes.map(([p, s]) => p + s).join(""));
    fc.assert(fc.property(sopa, comprobarAnalisis), { numRuns: 2000 });
  });
});

// ------------------------------------------------------------------ nombres aleatorios

const RESERVADAS = /^(?:x|por|entre|cien|multiplicad[oa]s?|dividid[oa]s?)$/i;
// eslint-disable-next-line regexp/use-ignore-case -- fc.stringMatching no acepta la bandera «i»
const palabra = fc.stringMatching(/^[A-Za-zÁÉÍÓÚÑÜáéíóúñü]{2,8}$/).filter((p) => !RESERVADAS.test(p));
const cifra = fc.integer({ min: 0, max: 2024 }).map(String);
/** Un nombre de 1 a 4 palabras con al menos una palabra de letras («plazo de 10 días»). */
const nombre = fc
  .tuple(palabra, fc.array(fc.oneof({ weight: 4, arbitrary: palabra }, { weight: 1, arbitrary: cifra }), { maxLength: 3 }), fc.nat())
  .map(([p, resto, giro]) => {
    const palabras = [p, ...resto];
    const k = giro % palabras.length;
    return [...palabras.slice(k), ...palabras.slice(0, k)].join(" ");
  })
  // «na», «xx»… solos son marcadores de plantilla, no nombres de variable.
  .filter((n) => !esPlantilla(n));

const valor = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const divisor = valor.filter((v) => Math.abs(v) > 1e-6);

describe("propiedades: «A / B × 100» con nombres aleatorios", () => {
  const plantillas: Array<(a: string, b: string) => string> = [
    (a, b) => `${a} / ${b} × 100`,
    (a, b) => `${a}/ ${b} X 100`,
    (a, b) => `(${a} / ${b}) x 100`,
    (a, b) => `(${a}/${b})*100`,
    (a, b) => `(${a} ÷ ${b})X100`,
    (a, b) => `(${a} / ${b}) por 100`,
    (a, b) => `${a} entre ${b} por 100`,
    (a, b) => `${a} dividido entre ${b} multiplicado por 100`,
    (a, b) => `[${a} / ${b}] · 100.0`,
    (a, b) => `100 × ${a} / ${b}`,
  ];

  test("se evalúa como a / b × 100 y se clasifica como porcentaje", () => {
    fc.assert(
      fc.property(nombre, nombre, fc.integer({ min: 0, max: plantillas.length - 1 }), valor, divisor, (a, b, k, va, vb) => {
        fc.pre(claveVariable(a) !== claveVariable(b));
        const texto = plantillas[k](a, b);
        const r = analizarMetodo(texto);
        if (!r.ok) throw new Error(`«${texto}»: ${r.error.mensaje}`);
        expect(r.valor.variables).toEqual([a, b]);
        expect(r.valor.clase).toBe("porcentaje");
        expect(r.valor.multiplicaPor100).toBe(true);
        const e = evaluarMetodo(r.valor, [va, vb]);
        if (!e.ok) throw new Error(e.error.mensaje);
        const esperado = (va / vb) * 100;
        expect(Math.abs(e.valor - esperado)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(esperado)));
      }),
      { numRuns: 500 },
    );
  });
});

// ------------------------------------------------------------------ árboles impresos

type Arbol =
  | { t: "var"; k: number }
  | { t: "num"; v: number }
  | { t: "neg"; e: Arbol }
  | { t: "bin"; op: "+" | "-" | "*" | "/"; l: Arbol; r: Arbol };

const NOMBRES = 3;
const arbol: fc.Arbitrary<Arbol> = fc.letrec<{ arbol: Arbol }>((tie) => ({
  arbol: fc.oneof(
    { maxDepth: 5, depthIdentifier: "arbol" },
    fc.oneof(
      fc.record({ t: fc.constant("var" as const), k: fc.integer({ min: 0, max: NOMBRES - 1 }) }),
      fc.record({ t: fc.constant("num" as const), v: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0.5, 2.25, 100)) }),
    ),
    fc.record({ t: fc.constant("neg" as const), e: tie("arbol") }),
    fc.record({ t: fc.constant("bin" as const), op: fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const), l: tie("arbol"), r: tie("arbol") }),
    fc.record({ t: fc.constant("bin" as const), op: fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const), l: tie("arbol"), r: tie("arbol") }),
  ),
})).arbol;

/** Cómo se escribe cada operador en un texto; las palabras piden operandos a ambos lados. */
interface Estilo {
  por: string[];
  entre: string[];
  mas: string[];
  menos: string[];
}

const estilo: fc.Arbitrary<Estilo> = fc.record({
  por: fc.array<string>(fc.constantFrom("*", " * ", "×", " × ", " · ", " x ", " X ", " por "), { minLength: 1, maxLength: 4 }),
  // «entre» solo si el texto no usa «/» (entonces «entre» es parte de los nombres).
  entre: fc.oneof(fc.constant<string[]>([" entre "]), fc.array<string>(fc.constantFrom("/", " / ", "÷", " ÷ "), { minLength: 1, maxLength: 3 })),
  mas: fc.array<string>(fc.constantFrom("+", " + "), { minLength: 1, maxLength: 2 }),
  menos: fc.array<string>(fc.constantFrom(" - ", " – ", " − ", "−"), { minLength: 1, maxLength: 3 }),
});

const PRECEDENCIA = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;

function imprimir(a: Arbol, nombres: readonly string[], e: Estilo, elegir: () => number): string {
  const uno = (xs: string[]): string => xs[elegir() % xs.length];
  const prec = (x: Arbol): number => (x.t === "bin" ? PRECEDENCIA[x.op] : 3);
  const envolver = (s: string): string => `(${s})`;
  const rec = (x: Arbol): string => {
    switch (x.t) {
      case "var":
        return nombres[x.k];
      case "num":
        return String(x.v);
      case "neg":
        return `-${x.e.t === "bin" ? envolver(rec(x.e)) : rec(x.e)}`;
      case "bin": {
        let op = x.op === "*" ? uno(e.por) : x.op === "/" ? uno(e.entre) : x.op === "+" ? uno(e.mas) : uno(e.menos);
        const izquierda = prec(x.l) < PRECEDENCIA[x.op] ? envolver(rec(x.l)) : rec(x.l);
        // A la derecha, igual precedencia también lleva paréntesis: conserva el orden de evaluación.
        let derecha = prec(x.r) <= PRECEDENCIA[x.op] || (x.r.t === "neg" && /[a-z]/i.test(op)) ? envolver(rec(x.r)) : rec(x.r);
        // «por» solo multiplica ante un número suelto o un paréntesis.
        if (op === " por " && x.r.t === "var") op = " × ";
        if (/[a-z]/i.test(op) && x.r.t === "neg") derecha = derecha.startsWith("(") ? derecha : envolver(derecha);
        return `${izquierda}${op}${derecha}`;
      }
    }
  };
  return rec(a);
}

function calcularArbol(a: Arbol, valores: readonly number[], div0: { hubo: boolean }): number {
  switch (a.t) {
    case "var":
      return valores[a.k];
    case "num":
      return a.v;
    case "neg":
      return -calcularArbol(a.e, valores, div0);
    case "bin": {
      const l = calcularArbol(a.l, valores, div0);
      const r = calcularArbol(a.r, valores, div0);
      if (a.op === "+") return l + r;
      if (a.op === "-") return l - r;
      if (a.op === "*") return l * r;
      if (r === 0) div0.hubo = true;
      return l / r;
    }
  }
}

/** El árbol analizado, escrito con los índices del conjunto de nombres original. */
function formaAnalizada(n: Nodo, indiceOriginal: (nombre: string) => number): string {
  switch (n.tipo) {
    case "variable":
      return `v${indiceOriginal(n.nombre)}`;
    case "numero":
      return String(n.valor);
    case "negativo":
      return `(-${formaAnalizada(n.operando, indiceOriginal)})`;
    case "binario":
      return `(${formaAnalizada(n.izquierda, indiceOriginal)} ${n.operador} ${formaAnalizada(n.derecha, indiceOriginal)})`;
  }
}

function formaArbol(a: Arbol): string {
  switch (a.t) {
    case "var":
      return `v${a.k}`;
    case "num":
      return String(a.v);
    case "neg":
      return `(-${formaArbol(a.e)})`;
    case "bin":
      return `(${formaArbol(a.l)} ${a.op} ${formaArbol(a.r)})`;
  }
}

describe("propiedades: un árbol impreso como texto se analiza y evalúa igual que el árbol", () => {
  test("misma forma y mismo valor (o el mismo error)", () => {
    const nombres = fc.uniqueArray(nombre, { minLength: NOMBRES, maxLength: NOMBRES, selector: claveVariable });
    const valores = fc.array(fc.oneof(valor, fc.constant(0)), { minLength: NOMBRES, maxLength: NOMBRES });
    fc.assert(
      fc.property(arbol, nombres, estilo, valores, fc.infiniteStream(fc.nat()), (a, ns, e, vs, azar) => {
        const texto = imprimir(a, ns, e, () => azar.next().value as number);
        const r = analizarMetodo(texto);
        if (!r.ok) throw new Error(`«${texto}»: ${r.error.mensaje}`);
        const indiceOriginal = (n: string): number => ns.findIndex((x) => claveVariable(x) === claveVariable(n));
        expect(formaAnalizada(r.valor.ast, indiceOriginal)).toBe(formaArbol(a));

        const div0 = { hubo: false };
        const directo = calcularArbol(a, vs, div0);
        const evaluado = evaluarMetodo(r.valor, r.valor.variables.map((n) => vs[indiceOriginal(n)]));
        if (div0.hubo) {
          expect(evaluado).toMatchObject({ ok: false, error: { tipo: "div0" } });
        } else if (!Number.isFinite(directo)) {
          expect(evaluado).toMatchObject({ ok: false, error: { tipo: "valor" } });
        } else {
          expect(evaluado.ok).toBe(true);
          if (evaluado.ok) expect(Object.is(evaluado.valor, directo)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

// ------------------------------------------------------------------ rendimiento

describe("rendimiento", () => {
  test("analizar y evaluar un método típico toma microsegundos", () => {
    const texto = "(Solicitudes de información atendidas / Solicitudes de información turnadas por la DEOE) x 100";
    const vueltas = 10_000;
    const t0 = performance.now();
    for (let k = 0; k < vueltas; k++) {
      const r = analizarMetodo(texto);
      if (!r.ok || !evaluarMetodo(r.valor, [k, 7]).ok) throw new Error("falló");
    }
    const microsegundos = ((performance.now() - t0) * 1000) / vueltas;
    // Holgado para máquinas lentas: en la práctica son unos pocos microsegundos.
    expect(microsegundos).toBeLessThan(200);
  });
});
