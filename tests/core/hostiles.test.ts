/**
 * Entradas hostiles (issue 12): celdas de 32 767 caracteres, formatos con claves del
 * prototipo, textos que falsean un informe, inyección de fórmulas y números en el borde.
 * Las propiedades comprueban RESULTADOS sobre textos largos y adversariales (el tiempo lo
 * mide `npm run bench`, sección adversarial).
 */
import fc from "fast-check";
import {
  analizarHoja, analizarMetodo, cargarFormato, citar, direccionDelCambio, leerCantidad, leerEstatus, planificarLlenado, redondear2,
  type HojaDatos, type ValorCelda,
} from "../../src/core";
import { llamadaExterna, signoDeInyeccion, signoPeligrosoEnMetodo } from "../../src/core/inyeccion";
import { cifra } from "../../src/core/llenado/calculo";
import { acortar, escaparControles, textoLegible } from "../../src/core/mostrar";
import { unaLinea } from "../../src/cli/errores";
import patOrgano from "../../src/core/formatos/pat-organo.json";
import { ENCABEZADO_ORGANO } from "../fixtures/hojas/pat-organo";
import { hoja } from "../fixtures/hojas/util";
import { mostrarHallazgo } from "../../src/core/validacion/mostrar-hallazgo";

const LARGO_EXCEL = 32767;
const ORG: ValorCelda[] = ["1", "Política", "Programa", "Objetivo", "1.1 Actividad", 1, 6, "Informe de avance", "Documento realizado / Documento presentado X 100", "Mensual", "Documento", 6, null, null, 5, 83.33, "EN PROCESO"];
const org = (cambios: Record<number, ValorCelda> = {}): ValorCelda[] => {
  const f = [...ORG];
  for (const [k, v] of Object.entries(cambios)) f[Number(k)] = v;
  return f;
};

/** Un texto de `n` repeticiones de caracteres de `alfabeto` (corridas largas, como un atacante). */
const corrida = (alfabeto: string[], max = 5000) =>
  fc.tuple(fc.constantFrom(...alfabeto), fc.integer({ min: 1, max })).map(([c, n]) => c.repeat(n));
const textoAdversarial = fc
  .array(fc.oneof(corrida([" ", ".", ",", "1", "\t", "\n", "(", ")", "x", "X", "%", "$", "-", "\u00A0"]), fc.string({ maxLength: 20 })), { maxLength: 8 })
  .map((partes) => partes.join(""));

describe("1. lecturas lineales: resultados correctos con textos largos", () => {
  test("estatus con puntuación final de cualquier largo: se lee; seguida de una letra, no", () => {
    fc.assert(
      fc.property(fc.constantFrom("CUMPLIDA", "EN PROCESO", "cancelada", "No cumplida"), fc.array(fc.constantFrom(" ", ".", ",", ";", ":", "!"), { maxLength: 40000 }), (e, cola) => {
        const sufijo = cola.join("");
        expect(leerEstatus(e + sufijo).ok).toBe(true);
        expect(leerEstatus(`${e}${sufijo}x`).ok).toBe(e.toLowerCase().startsWith("cancelad"));
      }),
      { numRuns: 60 },
    );
    expect(leerEstatus(".".repeat(LARGO_EXCEL)).ok).toBe(false);
    expect(leerEstatus(`a${".".repeat(LARGO_EXCEL - 2)}x`).ok).toBe(false);
  });

  test("número rodeado de espacios de cualquier largo, con signo y $: su valor; con una letra, no es número", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 20000 }), fc.constantFrom("", "-", "+", "$", "-$"), (n, k, prefijo) => {
        const espacios = " ".repeat(k);
        const r = leerCantidad(`${espacios}${prefijo}${espacios}${n}${espacios}`);
        expect(r).toEqual({ ok: true, valor: { valor: prefijo.startsWith("-") ? -n : n, porcentaje: false } });
        expect(leerCantidad(`${prefijo}${n}${espacios}x`).ok).toBe(false);
      }),
      { numRuns: 80 },
    );
    expect(leerCantidad(`1${" ".repeat(LARGO_EXCEL - 2)}x`).ok).toBe(false);
  });

  test("método: signo de fórmula al inicio o «|»/«!» en cualquier parte se rechaza; un método con relleno se lee", () => {
    fc.assert(
      fc.property(textoAdversarial, fc.constantFrom("=", "+", "@", "＝"), (t, signo) => {
        const r = analizarMetodo(`   ${signo}${t}`);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.mensaje).toMatch(/no se evalúa/);
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(textoAdversarial, textoAdversarial, fc.constantFrom("|", "!"), (a, b, c) => {
        const r = analizarMetodo(`A ${a}${c}${b}`);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15000 }), (k) => {
        const r = analizarMetodo(`${" ".repeat(k)}(Informes hechos / Informes programados)${" ".repeat(k)} × 100`);
        expect(r.ok && r.valor.variables).toEqual(["Informes hechos", "Informes programados"]);
      }),
      { numRuns: 20 },
    );
  });

  test("mensajes: citar, unaLinea, escaparControles y acortar dan textos cortos, de una línea y sin controles", () => {
    const control = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/; // eslint-disable-line no-control-regex
    fc.assert(
      fc.property(fc.oneof(textoAdversarial, fc.string({ unit: "binary", maxLength: 300 })), (t) => {
        const c = citar(t);
        expect(c.length).toBeLessThanOrEqual(41);
        expect(c).not.toMatch(/[\r\n]/);
        // El principio de la cita es el principio del texto, con los espacios juntos.
        const esperado = t.replace(/\s+/g, " ").trim();
        expect(esperado.startsWith(c.endsWith("…") ? c.slice(0, -1) : c)).toBe(true);
        expect(escaparControles(t)).not.toMatch(control);
        expect(unaLinea(t)).not.toMatch(control);
        expect(acortar(t, 60).length).toBeLessThanOrEqual(60);
        expect(textoLegible(t)).not.toMatch(control);
      }),
      { numRuns: 200 },
    );
  });
});

describe("2. formatos de archivo hostiles", () => {
  const conClaves = (claves: string[]) => ({
    ...patOrgano,
    id: "organo-raro",
    columnas: patOrgano.columnas.map((c, i) => (i < claves.length ? { ...c, clave: claves[i] } : c)),
  });

  test("claves «constructor», «toString», «valueOf», «hasOwnProperty»: se valida y se llena sin errores", () => {
    const r = cargarFormato(conClaves(["constructor", "toString", "valueOf", "hasOwnProperty"]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const h = hoja("o", [ENCABEZADO_ORGANO, org({ 15: null, 16: null })]);
    const a = analizarHoja(h, { formatos: [r.valor] });
    expect(a.deteccion?.formato.id).toBe("organo-raro");
    expect(a.deteccion?.columnas.constructor).toBe(0);
    expect(a.deteccion?.columnas.hasOwnProperty).toBe(3);
    const plan = planificarLlenado(h, a);
    expect(plan.cambios.map((c) => `${direccionDelCambio(c)}=${c.despues}`)).toEqual(["P2=83.33", "Q2=EN PROCESO"]);
  });

  test("un campo con otro tipo dice «debe ser…», no «falta el campo»; los mensajes de zod salen en español", () => {
    const r = cargarFormato({ ...patOrgano, version: "2" });
    expect(!r.ok && r.error.mensaje).toMatch(/version: debe ser un número/);
    const r2 = cargarFormato({ ...patOrgano, version: 1e300 });
    expect(r2.ok).toBe(false);
    if (!r2.ok) {
      expect(r2.error.mensaje).toMatch(/version: es demasiado grande/);
      expect(r2.error.mensaje).not.toMatch(/Too big|expected|Invalid/);
    }
    const sinVersion: Record<string, unknown> = { ...patOrgano };
    delete sinVersion.nombre;
    expect((r => !r.ok && r.error.mensaje)(cargarFormato(sinVersion))).toMatch(/nombre: falta el campo/);
  });

  test("un id de 100 000 espacios se cita acortado", () => {
    const r = cargarFormato({ ...patOrgano, id: " ".repeat(99999) + "x" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.mensaje.length).toBeLessThan(600);
  });

  test("muchas columnas contra un encabezado ancho: se reconocen las que son", () => {
    const extra = Array.from({ length: 3000 }, (_, i) => ({ clave: `extra${i}`, encabezado: `COLUMNA EXTRA ${i}`, rol: "otro", tipo: "texto" }));
    const r = cargarFormato({ ...patOrgano, id: "organo-ancho", columnas: [...patOrgano.columnas, ...extra] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ruido = Array.from({ length: 3000 }, (_, i) => `encabezado de relleno número ${i} ${"palabra ".repeat(20)}`);
    const encabezado = [...ENCABEZADO_ORGANO, ...ruido, "COLUMNA EXTRA 2999", "COLUMNA EXTRA 7 (nota)"];
    const filas: ValorCelda[][] = [...Array.from({ length: 5 }, () => ruido), encabezado, org()];
    const a = analizarHoja(hoja("o", filas), { formatos: [r.valor] });
    expect(a.deteccion?.filaEncabezado).toBe(6);
    expect(a.deteccion?.columnas.extra2999).toBe(ENCABEZADO_ORGANO.length + 3000);
    expect(a.deteccion?.columnas.extra7).toBe(ENCABEZADO_ORGANO.length + 3001);
    expect(a.deteccion?.columnas.estatus).toBe(16);
  });
});

describe("3. caracteres de control escapados en lo legible", () => {
  test.each([
    ["Hoja\nResumen: 0 errores", "Hoja\\nResumen: 0 errores"],
    ["a\u009Bb\u009Dc", "a\\u009Bb\\u009Dc"],
    ["\u202Eabc", "\\u202Eabc"],
    ["x\u2028y\ty\r", "x\\u2028y\\ty\\r"],
    ["Año 2024 «bien»", "Año 2024 «bien»"],
  ])("%j → %j", (entrada, salida) => {
    expect(escaparControles(entrada)).toBe(salida);
  });
});

describe("4. inyección", () => {
  const esNumero = (t: string) => leerCantidad(t).ok;
  test.each([
    ["\tcmd", "un tabulador"], ["\nHola", "un salto de línea"], ["\rHola", "un retorno de carro"],
    ["＝1+1", "«＝»"], ["＋A", "«＋»"], ["－B", "«－»"], ["＠SUMA", "«＠»"], ["=1+1", "«=»"], ["@x", "«@»"],
  ])("%j empieza con %s", (texto, nombre) => {
    expect(signoDeInyeccion(texto, esNumero)?.nombre.es).toBe(nombre);
  });
  test.each(["-5", "+3", "-", "---", "===", "Hola", "\t  ", "", "1 - 2"])("%j no es inyección", (texto) => {
    expect(signoDeInyeccion(texto, esNumero)).toBeNull();
  });
  test.each([
    ["=cmd|' /C calc'!A0", "DDE (|)"], ["=HYPERLINK(\"http://x\",\"a\")", "HYPERLINK"], ["=_xlfn.WEBSERVICE(A1)", "WEBSERVICE"],
    ["=CALL(\"user32\",\"MessageBoxA\")", "CALL"], ["REGISTER.ID(\"a\",\"b\")", "REGISTER.ID"], ["=hyperlink (A1)", "HYPERLINK"],
  ])("%s llama a %s", (formula, llamada) => {
    expect(llamadaExterna(formula)).toBe(llamada);
  });
  test.each(["=SUM(A1:A3)", "=\"a|b\"", "=MYHYPERLINK(A1)", "=CALLS", "=A1/B1*100"])("%s no llama a nada externo", (formula) => {
    expect(llamadaExterna(formula)).toBeNull();
  });

  test("la validación avisa de una fórmula DDE en OBSERVACIONES y de textos con tabulador o ＝; no de las calculadas", () => {
    const h: HojaDatos = hoja("o", [ENCABEZADO_ORGANO, org({ 13: 0 }), org({ 13: "\tcmd" }), org({ 13: "＝1+1" }), org({ 13: "Link" })], {
      formulas: { N2: "=cmd|' /C calc'!A0", N5: "=HYPERLINK(\"http://x.example\",\"Link\")", P2: "=IFERROR(O2/L2*100,\"\")" },
    });
    const a = analizarHoja(h);
    const inyeccion = a.hallazgos.filter((x) => x.codigo === "formula-externa" || x.codigo === "inyeccion-formula").map((x) => `${x.celda} ${x.codigo}`);
    expect(inyeccion).toEqual(["N2 formula-externa", "N3 inyeccion-formula", "N4 inyeccion-formula", "N5 formula-externa"]);
    const n3 = a.hallazgos.find((x) => x.celda === "N3");
    expect(n3 && mostrarHallazgo(n3, "es")).toMatch(/empieza con un tabulador/);
    const n2 = a.hallazgos.find((x) => x.celda === "N2");
    expect(n2 && mostrarHallazgo(n2, "es")).toMatch(/DDE/);
  });

  test.each([["=cmd|' /C calc'!A0", "="], ["  +A / B", "+"], ["@A", "@"], ["A | B", "|"], ["A / B!", "!"]])("el método %j se rechaza por «%s»", (texto, signo) => {
    expect(signoPeligrosoEnMetodo(texto)?.caracter).toBe(signo);
    const r = analizarMetodo(texto);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.mensaje).toContain(`«${signo}»`);
  });
});

describe("6. números en el borde", () => {
  test("1e308 no se vuelve Infinity al redondear ni en los mensajes", () => {
    expect(redondear2(1e308)).toBe(1e308);
    expect(cifra(1e308)).toBe("1e+308");
    expect(redondear2(-1e20)).toBe(-1e20);
    expect(redondear2(2.345)).toBe(2.35);
    expect(redondear2(NaN)).toBeNaN();
  });

  test("el plan nunca lleva un número no finito", () => {
    const h = hoja("o", [ENCABEZADO_ORGANO, org({ 11: 1e-308, 14: 1e308 }), org({ 11: 1e308, 14: 1e308 })]);
    const a = analizarHoja(h);
    for (const c of planificarLlenado(h, a).cambios) {
      if (typeof c.despues === "number") expect(Number.isFinite(c.despues)).toBe(true);
      expect(String(c.despues)).not.toMatch(/Infinity|NaN/);
    }
    for (const x of a.hallazgos) expect(mostrarHallazgo(x, "es")).not.toMatch(/Infinity|NaN/);
  });
});
