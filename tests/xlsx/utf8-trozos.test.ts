/**
 * `decodificadorUtf8` (zip.ts) decodifica cada trozo sin el modo `stream` de TextDecoder:
 * cortado donde sea, da lo mismo que decodificar los bytes de una vez.
 */
import fc from "fast-check";
import { decodificadorUtf8 } from "../../src/xlsx/zip";

function enTrozos(bytes: Uint8Array, cortes: number[]): string {
  const dec = decodificadorUtf8();
  const pos = [...new Set(cortes.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let salida = "";
  let desde = 0;
  for (const p of [...pos, bytes.length]) {
    salida += dec.trozo(bytes.slice(desde, p));
    desde = p;
  }
  return salida + dec.fin();
}

const completo = (b: Uint8Array): string => new TextDecoder("utf-8").decode(b);

// Bytes que forman letras de 1 a 4 bytes, marcas BOM y bytes sueltos inválidos.
const pieza = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 6 }).map((s) => Array.from(new TextEncoder().encode(s))),
  fc.constantFrom([0xef, 0xbb, 0xbf], [0xf0, 0x9f, 0x98, 0x80], [0xc3, 0xb1], [0xe2, 0x80, 0x94]),
  fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 5 }),
);
const bytes = fc.array(pieza, { maxLength: 40 }).map((ps) => new Uint8Array(ps.flat()));

describe("decodificadorUtf8", () => {
  test("cortado en cualquier lugar da lo mismo que TextDecoder sobre todos los bytes", () => {
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 12 }), (b, cortes) => {
        expect(enTrozos(b, cortes)).toBe(completo(b));
      }),
      { numRuns: 2000 },
    );
  });

  test("en trozos de un byte: letras de 2, 3 y 4 bytes enteras; BOM solo al principio", () => {
    const b = new TextEncoder().encode("\uFEFFñá—😀\uFEFFx");
    const dec = decodificadorUtf8();
    let s = "";
    for (const x of b) s += dec.trozo(Uint8Array.of(x));
    expect(s + dec.fin()).toBe("ñá—😀\uFEFFx");
  });

  test("una letra cortada al final del texto da «\\uFFFD», como TextDecoder", () => {
    const dec = decodificadorUtf8();
    expect(dec.trozo(Uint8Array.of(0x41, 0xe2, 0x80)) + dec.fin()).toBe("A\uFFFD");
  });
});
