/**
 * El JSON en bloques dice exactamente lo que diría `JSON.stringify(…, null, 2)`: el oráculo
 * es el propio JSON.stringify sobre el mismo árbol armado entero, sin `EnBloques`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { EnBloques, jsonEnBloques } from "../../src/cli/json-en-bloques";
import { llenadoJson, llenarBytes } from "../../src/cli/llenar";
import { validarBytes } from "../../src/cli/validar";
import { CASOS, MUESTRA, carpetaTemporal, pat } from "./ayuda";

/** Un árbol JSON y su gemelo en el que algunas listas van en bloques (con su conversión). */
type Par = { entero: unknown; perezoso: unknown };

const hoja: fc.Arbitrary<Par> = fc
  .oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }))
  .map((v) => ({ entero: v, perezoso: v }));

const { arbol } = fc.letrec<{ arbol: Par }>((tie) => ({
  arbol: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hoja,
    // Una lista entera, o en bloques con una conversión (aquí: envolver cada elemento).
    fc.tuple(fc.array(tie("arbol"), { maxLength: 6 }), fc.boolean()).map(([xs, enBloques]) => {
      if (!enBloques) return { entero: xs.map((x) => x.entero), perezoso: xs.map((x) => x.perezoso) };
      return { entero: xs.map((x) => ({ v: x.entero })), perezoso: new EnBloques(xs, (x: Par) => ({ v: x.entero })) };
    }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("arbol"), { maxKeys: 5 }).map((d) => ({
      entero: Object.fromEntries(Object.entries(d).map(([k, x]) => [k, x.entero])),
      perezoso: Object.fromEntries(Object.entries(d).map(([k, x]) => [k, x.perezoso])),
    })),
  ),
}));

test("propiedad: el mismo texto que JSON.stringify(v, null, 2) + salto de línea", () => {
  fc.assert(
    fc.property(arbol, ({ entero, perezoso }) => {
      expect([...jsonEnBloques(perezoso)].join("")).toBe(JSON.stringify(entero, null, 2) + "\n");
    }),
    { numRuns: 2000 },
  );
});

test("una lista de varios bloques (2 345 elementos) dentro de objetos y listas", () => {
  const numeros = Array.from({ length: 2345 }, (_, i) => i);
  const entero = { a: [{ cambios: numeros.map((i) => ({ i, texto: `fila ${i}\n«x»` })), fin: [] }], b: undefined, c: "ñ" };
  const perezoso = { a: [{ cambios: new EnBloques(numeros, (i) => ({ i, texto: `fila ${i}\n«x»` })), fin: [] }], b: undefined, c: "ñ" };
  const bloques = [...jsonEnBloques(perezoso)];
  expect(bloques.join("")).toBe(JSON.stringify(entero, null, 2) + "\n");
  // De a poco de verdad: ningún bloque lleva todos los cambios.
  expect(Math.max(...bloques.map((b) => b.length))).toBeLessThan(JSON.stringify(entero, null, 2).length / 2);
});

test("una lista larga sin marcar también sale en bloques, con lo que no tiene JSON como null", () => {
  const n = 3001;
  const entero = { issues: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : i % 5 === 0 ? [{ v: i }] : { fila: i, ok: i % 2 === 0 })) };
  const perezoso = {
    issues: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? (i % 2 ? undefined : () => i) : i % 5 === 0 ? new EnBloques([i], (x) => ({ v: x })) : { fila: i, ok: i % 2 === 0 })),
  };
  const bloques = [...jsonEnBloques(perezoso)];
  expect(bloques.join("")).toBe(JSON.stringify(entero, null, 2) + "\n");
  expect(bloques.length).toBeGreaterThan(3);
});

test("pat llenar --json escribe el mismo JSON que llenadoJson", async () => {
  for (const libro of [MUESTRA, path.join(CASOS, "ieebcs-organo-defectos", "libro.xlsx"), path.join(CASOS, "no-pat", "libro.xlsx")]) {
    const salida = path.join(carpetaTemporal(), "llenado.xlsx");
    const r = await pat(["llenar", libro, "--salida", salida, "--corte", "6", "--json"]);
    if (libro.includes("no-pat")) {
      expect(r.codigo).toBe(1);
      continue;
    }
    const esperado = llenadoJson(libro, salida, await llenarBytes(new Uint8Array(fs.readFileSync(libro)), libro, { corte: 6 }));
    expect(esperado.summary.changes).toBeGreaterThan(0);
    expect(r.out).toBe(JSON.stringify(esperado, null, 2) + "\n");
  }
});

test("pat validar --json escribe el mismo JSON que validarBytes, con uno y con varios libros", async () => {
  const libros = [MUESTRA, path.join(CASOS, "ieebcs-organo-defectos", "libro.xlsx")];
  const informes = [];
  for (const libro of libros) informes.push((await validarBytes(new Uint8Array(fs.readFileSync(libro)), libro, { corte: 6 })).informe);
  expect(informes[1].sheets.some((h) => h.issues.length > 0)).toBe(true);
  const uno = await pat(["validar", libros[1], "--corte", "6", "--json"]);
  expect(uno.out).toBe(JSON.stringify(informes[1], null, 2) + "\n");
  const varios = await pat(["validar", ...libros, "--corte", "6", "--json"]);
  expect(varios.out).toBe(JSON.stringify(informes, null, 2) + "\n");
});
