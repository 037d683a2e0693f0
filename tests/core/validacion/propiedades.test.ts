import fc from "fast-check";
import { analizarHoja, type HojaDatos, type ValorCelda } from "../../../src/core";
import { ENCABEZADO_ORGANO } from "../../fixtures/hojas/pat-organo";
import { listarTiposHallazgo } from "../../../src/core";

// Parámetros de las plantillas del catálogo: ninguno puede quedar sin sustituir.
const PARAMETROS = new Set(listarTiposHallazgo().flatMap((t) => [...`${t.mensaje.es} ${t.mensaje.en}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
const sinSustituir = (m: string): string[] => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).filter((p) => PARAMETROS.has(p));
import { ENCABEZADO_TRANSVERSAL } from "../../fixtures/hojas/pat-transversal";
import { mostrarHallazgo } from "../../../src/core/validacion/mostrar-hallazgo";

const textos = ["", " ", "xxx", "___", "=1+1", "-", "@a", "Mensual", "Trimestal", "25%", "$0", "1,234.50", "2 275 339.62", "PENDIENTE", "CUMPLIDA",
  "CANCELADA", "(a / b)/100", "A / B x 100", "(", "Reducción", "enero", "13", "1\n2\n3", "Acción\nActividad", "JUSTIFICACIONES", "Atentamente", "NÚMERO", "META"];
const valor: fc.Arbitrary<ValorCelda> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...textos),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: true }),
  fc.integer({ min: -5, max: 20 }),
  fc.boolean(),
);
const fila = (ancho: number) => fc.array(valor, { maxLength: ancho });

function conEncabezado(encabezado: string[], filas: ValorCelda[][], arriba: ValorCelda[][]): HojaDatos {
  return { nombre: "p", valores: [...arriba, encabezado, ...filas] };
}

describe("analizarHoja nunca lanza", () => {
  test("con matrices al azar de textos, números y nulos", () => {
    fc.assert(fc.property(fc.array(fila(30), { maxLength: 40 }), (valores) => {
      const a = analizarHoja({ nombre: "x", valores });
      expect(Array.isArray(a.hallazgos)).toBe(true);
    }), { numRuns: 200 });
  });

  test.each([["pat-organo", ENCABEZADO_ORGANO], ["pat-transversal", ENCABEZADO_TRANSVERSAL]])("con el encabezado de %s y filas al azar (y corte al azar)", (id, enc) => {
    fc.assert(fc.property(
      fc.array(fila(enc.length + 2), { maxLength: 30 }), fc.array(fila(3), { maxLength: 4 }), fc.option(fc.integer({ min: -2, max: 14 })),
      (filas, arriba, corte) => {
        const a = analizarHoja(conEncabezado(enc, filas, arriba), { corte });
        expect(a.deteccion?.formato.id).toBe(id);
        for (const h of a.hallazgos) {
          expect(h.celda).toBe(`${h.columna}${h.fila}`);
          expect(h.fila).toBeGreaterThan(arriba.length + 1);
          expect(sinSustituir(mostrarHallazgo(h, "es"))).toEqual([]);
          expect(sinSustituir(mostrarHallazgo(h, "en"))).toEqual([]);
          expect(mostrarHallazgo(h, "es")).not.toMatch(/undefined/);
        }
      },
    ), { numRuns: 150 });
  });

  test("con combinaciones de celdas al azar (incluso fuera de la hoja)", () => {
    const rango = fc.record({ filaInicio: fc.nat(40), columnaInicio: fc.nat(20), filaFin: fc.nat(40), columnaFin: fc.nat(20) });
    fc.assert(fc.property(fc.array(fila(18), { maxLength: 30 }), fc.array(rango, { maxLength: 8 }), (filas, combinaciones) => {
      analizarHoja({ nombre: "x", valores: [ENCABEZADO_ORGANO, ...filas], combinaciones });
    }), { numRuns: 100 });
  });
});
