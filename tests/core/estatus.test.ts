import * as fc from "fast-check";
import { calcularEstatus, CATALOGO_ESTATUS, ESTATUS_CALCULADOS, esEstatusManual, leerEstatus } from "../../src/core/estatus";
import type { EstatusCalculado } from "../../src/core/tipos";

function estatus(d: Parameters<typeof calcularEstatus>[0]) {
  const r = calcularEstatus(d);
  if (!r.ok) throw new Error(r.error.mensaje);
  return r.valor;
}

describe("estatus (spec §3)", () => {
  test("ejemplos de la spec al corte 6", () => {
    expect(estatus({ meta: 6, alcanzado: 5, mesInicial: 1, mesFinal: 6, corte: 6 })).toBe("EN PROCESO");
    expect(estatus({ meta: 3, alcanzado: 2, mesInicial: 1, mesFinal: 3, corte: 6 })).toBe("NO CUMPLIDA");
    expect(estatus({ meta: 2, alcanzado: 0, mesInicial: 8, mesFinal: 12, corte: 6 })).toBe("PENDIENTE");
  });
  test("regla 1 antes que la 2: cumplida aunque el periodo haya terminado", () => {
    expect(estatus({ meta: 3, alcanzado: 3, mesInicial: 1, mesFinal: 3, corte: 6 })).toBe("CUMPLIDA");
    expect(estatus({ meta: 3, alcanzado: 4 })).toBe("CUMPLIDA");
  });
  test("sin corte nunca es NO CUMPLIDA; vacío cuenta como 0", () => {
    expect(estatus({ meta: 3, alcanzado: 2, mesInicial: 1, mesFinal: 3 })).toBe("EN PROCESO");
    expect(estatus({ meta: 3, alcanzado: null, mesInicial: 1, mesFinal: 3 })).toBe("PENDIENTE");
  });
  test("descendente: cumplida cuando lo medido no pasa de la meta; sin medición no", () => {
    expect(estatus({ meta: 10, alcanzado: 8, sentido: "descendente" })).toBe("CUMPLIDA");
    expect(estatus({ meta: 10, alcanzado: 14, sentido: "descendente" })).toBe("EN PROCESO");
    expect(estatus({ meta: 10, alcanzado: null, sentido: "descendente" })).toBe("PENDIENTE");
  });
  test("fila vacía → vacío; meta inválida → error con mensaje", () => {
    expect(estatus({ meta: null, alcanzado: null })).toBeNull();
    const r = calcularEstatus({ meta: 0, alcanzado: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.mensaje).toContain("mayor que 0");
    const sinMeta = calcularEstatus({ meta: null, alcanzado: 1 });
    expect(!sinMeta.ok && sinMeta.error.tipo).toBe("na");
  });
  test("propiedad: monótono en alcanzado (más alcanzado nunca empeora el estatus)", () => {
    const rango: Record<EstatusCalculado, number> = { "NO CUMPLIDA": 0, PENDIENTE: 0, "EN PROCESO": 1, CUMPLIDA: 2 };
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1000 }), fc.nat(2000), fc.nat(2000),
      fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 11 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
      (meta, a, b, inicial, duracion, corte) => {
        const mesFinal = Math.min(12, inicial + duracion);
        const [menor, mayor] = a <= b ? [a, b] : [b, a];
        const e1 = estatus({ meta, alcanzado: menor, mesInicial: inicial, mesFinal, corte }) as EstatusCalculado;
        const e2 = estatus({ meta, alcanzado: mayor, mesInicial: inicial, mesFinal, corte }) as EstatusCalculado;
        return rango[e2] >= rango[e1] && (e1 !== "CUMPLIDA" || e2 === "CUMPLIDA");
      },
    ));
  });
});

describe("catálogo y lectura de estatus", () => {
  test("lee variantes y rechaza lo que no está en el catálogo", () => {
    expect(leerEstatus("en proceso")).toEqual({ ok: true, valor: "EN PROCESO" });
    expect(leerEstatus("Cumplido")).toEqual({ ok: true, valor: "CUMPLIDA" });
    expect(leerEstatus("CANCELADA")).toEqual({ ok: true, valor: "CANCELADA" });
    expect(leerEstatus("")).toEqual({ ok: true, valor: null });
    const r = leerEstatus("TERMINADA");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.mensaje).toContain("PENDIENTE, EN PROCESO, CUMPLIDA, NO CUMPLIDA, CANCELADA, REPROGRAMADA");
  });
  test("manuales", () => {
    expect(esEstatusManual("CANCELADA")).toBe(true);
    expect(esEstatusManual("REPROGRAMADA")).toBe(true);
    expect(esEstatusManual("CUMPLIDA")).toBe(false);
    expect(CATALOGO_ESTATUS).toHaveLength(ESTATUS_CALCULADOS.length + 2);
  });
});
