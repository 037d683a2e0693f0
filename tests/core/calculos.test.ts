import * as fc from "fast-check";
import { cumplimiento, metaAlCorte, periodos, porAlcanzar, porcentaje, razon, redondear2, tasaVariacion } from "../../src/core/calculos";
import type { Resultado } from "../../src/core/tipos";

function valor<T>(r: Resultado<T>): T {
  if (!r.ok) throw new Error(`se esperaba un resultado correcto: ${r.error.mensaje}`);
  return r.valor;
}
function error<T>(r: Resultado<T>) {
  if (r.ok) throw new Error("se esperaba un error");
  return r.error;
}

describe("porcentaje, razón y tasa de variación (spec §3)", () => {
  test("n / d × 100", () => {
    expect(valor(porcentaje(5, 6))).toBeCloseTo(83.3333, 4);
    expect(valor(porcentaje(0, 6))).toBe(0);
    expect(valor(razon(3, 4))).toBe(0.75);
    expect(valor(tasaVariacion(110, 100))).toBeCloseTo(10);
    expect(valor(tasaVariacion(90, 100))).toBeCloseTo(-10);
  });
  test("denominador 0 → #DIV/0!", () => {
    expect(error(porcentaje(5, 0)).tipo).toBe("div0");
    expect(error(razon(1, 0)).tipo).toBe("div0");
    expect(error(tasaVariacion(5, 0)).tipo).toBe("div0");
  });
  test("ambos vacíos → vacío; uno vacío → #N/A con mensaje", () => {
    expect(valor(porcentaje(null, null))).toBeNull();
    expect(error(porcentaje(5, null)).tipo).toBe("na");
    expect(error(porcentaje(null, 5)).mensaje).toContain("Falta el numerador");
  });
  test("propiedad: porcentaje(n, d) × d / 100 ≈ n", () => {
    fc.assert(fc.property(
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((d) => Math.abs(d) > 1e-6),
      (n, d) => {
        const p = valor(porcentaje(n, d)) as number;
        return Math.abs((p * d) / 100 - n) <= 1e-9 * Math.max(1, Math.abs(n));
      },
    ));
  });
});

describe("cumplimiento y meta por alcanzar", () => {
  test("ascendente: alcanzado / meta × 100", () => {
    expect(valor(cumplimiento(5, 6))).toBeCloseTo(83.333, 3);
    expect(valor(cumplimiento(null, 6))).toBe(0);
    expect(error(cumplimiento(5, 0)).tipo).toBe("div0");
  });
  test("descendente: meta / alcanzado × 100, y 100 cuando alcanzado ≤ 0", () => {
    expect(valor(cumplimiento(20, 10, "descendente"))).toBe(50);
    expect(valor(cumplimiento(5, 10, "descendente"))).toBe(200);
    expect(valor(cumplimiento(0, 10, "descendente"))).toBe(100);
    expect(valor(cumplimiento(-1, 10, "descendente"))).toBe(100);
  });
  test("meta por alcanzar nunca negativa", () => {
    expect(valor(porAlcanzar(6, 5))).toBe(1);
    expect(valor(porAlcanzar(6, 9))).toBe(0);
    expect(valor(porAlcanzar(6, null))).toBe(6);
    expect(valor(porAlcanzar(10, 14, "descendente"))).toBe(4);
    expect(valor(porAlcanzar(10, 8, "descendente"))).toBe(0);
    expect(valor(porAlcanzar(null, null))).toBeNull();
  });
});

describe("meta programada al corte y periodos", () => {
  test("avance lineal acotado a [0, 1]", () => {
    expect(valor(metaAlCorte(6, 1, 6, 3))).toBe(3);
    expect(valor(metaAlCorte(12, 1, 12, 12))).toBe(12);
    expect(valor(metaAlCorte(2, 8, 12, 6))).toBe(0);
    expect(valor(metaAlCorte(3, 1, 3, 9))).toBe(3);
  });
  test("meses inválidos o en desorden → #VALUE! que dice qué corregir", () => {
    expect(error(metaAlCorte(6, 7, 3, 5)).mensaje).toContain("posterior al mes final");
    expect(error(metaAlCorte(6, 1, 13, 5)).mensaje).toContain("del 1 al 12");
    expect(error(metaAlCorte(6, null, 6, 5)).tipo).toBe("na");
  });
  test("periodos: Mensual 1–6 → 6, Bimestral 1–12 → 6, Trimestral 1–12 → 4, Anual 5–8 → 1", () => {
    expect(valor(periodos(1, 6, 1))).toBe(6);
    expect(valor(periodos(1, 12, 2))).toBe(6);
    expect(valor(periodos(1, 12, 3))).toBe(4);
    expect(valor(periodos(5, 8, 12))).toBe(1);
    expect(valor(periodos(9, 12, 2))).toBe(2);
  });
});

describe("redondear2", () => {
  test("2 decimales, sin -0", () => {
    expect(redondear2(83.33333)).toBe(83.33);
    expect(redondear2(1.005)).toBe(1.01);
    expect(redondear2(-0.001)).toBe(0);
    expect(Object.is(redondear2(-0.001), -0)).toBe(false);
  });
});
