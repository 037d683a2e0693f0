import fc from "fast-check";
import { analizarHoja, planificarLlenado, type ValorCelda } from "../../../src/core";
import { obtenerFormato } from "../../../src/core/formatos";
import { ENCABEZADO_ORGANO } from "../../fixtures/hojas/pat-organo";
import { ENCABEZADO_TRANSVERSAL } from "../../fixtures/hojas/pat-transversal";
import { letraColumna } from "../../../src/core";

const valor: fc.Arbitrary<ValorCelda> = fc.oneof(
  fc.constant(null), fc.integer({ min: -3, max: 30 }), fc.double({ min: -10, max: 200, noNaN: true }),
  fc.constantFrom("Mensual", "Bimestral", "25%", "100%", "1", "x", "PENDIENTE", "CANCELADA", "Reducción", "A / B x 100", "(A / B)/100", "A / B", "$0", "xxx"),
);

describe.each([["pat-organo", ENCABEZADO_ORGANO], ["pat-transversal", ENCABEZADO_TRANSVERSAL]])("plan de llenado %s", (id, enc) => {
  const formato = obtenerFormato(id)!;
  const calculadas = new Set(formato.columnas.filter((c) => c.calculada).map((c) => letraColumna(formato.columnas.indexOf(c))));

  test("nunca toca una columna no calculada ni un estatus manual, y no lanza", () => {
    fc.assert(fc.property(
      fc.array(fc.array(valor, { minLength: enc.length, maxLength: enc.length }), { maxLength: 25 }),
      fc.option(fc.integer({ min: 1, max: 12 })), fc.constantFrom("valores" as const, "formulas" as const),
      (filas, corte, modo) => {
        const h = { nombre: "p", valores: [enc, ...filas] };
        const p = planificarLlenado(h, analizarHoja(h, { corte }), { corte, modo });
        for (const c of p.cambios) {
          const columna = letraColumna(c.posicion.columna - 1);
          expect(calculadas.has(columna)).toBe(true);
          expect(c.antes).toBe(h.valores[c.posicion.fila - 1][formato.columnas.findIndex((x) => letraColumna(formato.columnas.indexOf(x)) === columna)] ?? null);
          if (c.encabezado === "ESTATUS") expect(["CANCELADA", "REPROGRAMADA"]).not.toContain(c.antes);
          if (typeof c.despues === "number") {
            expect(Number.isFinite(c.despues)).toBe(true);
            // A lo más 4 decimales (2 en puntos; 4 en la fracción de una celda con formato %).
            const x = c.despues * 10000;
            expect(Math.abs(Math.round(x) - x)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(x)));
          }
          if (c.esFormula) expect(String(c.despues)).toMatch(/^=(IF|ROUND)\((?![\s\S]*PAT\.)/);
        }
      },
    ), { numRuns: 200 });
  });

  test("aplicar el plan y volver a planificar no da más cambios (modo valores)", () => {
    fc.assert(fc.property(fc.array(fc.array(valor, { minLength: enc.length, maxLength: enc.length }), { maxLength: 15 }), fc.option(fc.integer({ min: 1, max: 12 })), (filas, corte) => {
      const valores = [enc, ...filas].map((f) => [...f]);
      const h = { nombre: "p", valores };
      const p = planificarLlenado(h, analizarHoja(h, { corte }), { corte });
      for (const c of p.cambios) {
        const col = formato.columnas.findIndex((_, i) => letraColumna(i) === letraColumna(c.posicion.columna - 1));
        valores[c.posicion.fila - 1][col] = c.despues;
      }
      const h2 = { nombre: "p", valores };
      expect(planificarLlenado(h2, analizarHoja(h2, { corte }), { corte }).cambios).toEqual([]);
    }), { numRuns: 150 });
  });
});
