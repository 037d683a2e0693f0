import * as fc from "fast-check";
import {
  buscarMarcador, esVacio, formatoEsPorcentaje, leerCantidad, leerFrecuencia, leerMes, leerNumero, leerSentido, normalizar,
} from "../../src/core/valores";

function valor<T>(r: { ok: true; valor: T } | { ok: false }): T {
  if (!r.ok) throw new Error("se esperaba un resultado correcto");
  return r.valor;
}

describe("leerNumero: números escritos por personas (spec §2)", () => {
  test.each([
    ["2 275 339.62", 2275339.62],
    ["1,234.50", 1234.5],
    ["$0", 0],
    ["$ 1,200", 1200],
    ["2\u00A0275\u00A0339.62", 2275339.62],
    ["62\u202F540", 62540],
    ["  6 ", 6],
    ["-3", -3],
    ["83,33", 83.33],
    [".5", 0.5],
    ["25%", 25],
    ["100 %", 100],
  ])("«%s» → %p", (texto, esperado) => {
    expect(valor(leerNumero(texto))).toBeCloseTo(esperado, 10);
  });

  test("un número se queda igual; con formato de porcentaje vale puntos", () => {
    expect(valor(leerNumero(6))).toBe(6);
    expect(valor(leerNumero(0.25, "0%"))).toBeCloseTo(25);
    expect(valor(leerCantidad(0.25, "0.00%"))).toEqual({ valor: 25, porcentaje: true });
    expect(valor(leerCantidad("25%"))).toEqual({ valor: 25, porcentaje: true });
    expect(valor(leerNumero(0.25, '0.00" pts"'))).toBe(0.25);
  });

  test("vacío → null", () => {
    expect(valor(leerNumero(null))).toBeNull();
    expect(valor(leerNumero("   "))).toBeNull();
    expect(valor(leerNumero("\u00A0"))).toBeNull();
  });

  test("texto que no es número → error #VALUE! con mensaje en español que dice qué escribir", () => {
    const r = leerNumero("seis");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.tipo).toBe("valor");
    expect(r.error.mensaje).toContain("«seis» no es un número");
    expect(r.error.mensaje).toContain("Escriba");
    expect(r.error.mensajeEn).toContain("is not a number");
    expect(leerNumero("1.2.3").ok).toBe(false);
    expect(leerNumero("12,34,5").ok).toBe(false);
    expect(leerNumero(true).ok).toBe(false);
    expect(leerNumero(Number.NaN).ok).toBe(false);
  });

  test("propiedad: nunca lanza y un número escrito con miles se lee igual", () => {
    fc.assert(fc.property(fc.string(), (s) => { leerNumero(s); leerCantidad(s, s); }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
      const conComas = n.toLocaleString("en-US");
      const conEspacios = conComas.replace(/,/g, " ");
      return valor(leerNumero(conComas)) === n && valor(leerNumero(conEspacios)) === n && valor(leerNumero(`$ ${conComas}`)) === n;
    }));
  });
});

describe("formatoEsPorcentaje", () => {
  test("detecta % fuera de comillas", () => {
    expect(formatoEsPorcentaje("0%")).toBe(true);
    expect(formatoEsPorcentaje("0.00 %")).toBe(true);
    expect(formatoEsPorcentaje('0 "%"')).toBe(false);
    expect(formatoEsPorcentaje("General")).toBe(false);
    expect(formatoEsPorcentaje(null)).toBe(false);
  });
});

describe("leerMes", () => {
  test.each([[1, 1], ["12", 12], ["enero", 1], ["Diciembre", 12], ["ene", 1], ["DIC.", 12], ["septiembre", 9], ["setiembre", 9], [" marzo ", 3], [4.0, 4]])(
    "%p → %p", (v, m) => expect(valor(leerMes(v))).toBe(m),
  );
  test.each([[13], [0], [2.5], ["trece"], ["1-3"]])("%p no es un mes", (v) => {
    const r = leerMes(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.mensaje).toMatch(/del 1 al 12/);
  });
  test("vacío → null y nunca lanza", () => {
    expect(valor(leerMes(""))).toBeNull();
    fc.assert(fc.property(fc.oneof(fc.string(), fc.double(), fc.integer()), (v) => { leerMes(v); }));
  });
});

describe("leerFrecuencia", () => {
  test.each([["Mensual", 1], ["mensual", 1], ["MENSUAL", 1], ["Bimestral", 2], ["bimestral", 2], ["Trimestral", 3], ["Cuatrimestral", 4], ["Semestral", 6], ["Anual", 12], ["anual", 12], ["Bienal", 24]])(
    "%s → %d meses", (t, meses) => expect(valor(leerFrecuencia(t))?.meses).toBe(meses),
  );
  test("una errata recibe sugerencia", () => {
    const r = leerFrecuencia("Trimestal");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.mensaje).toContain("¿Quiso decir «Trimestral»?");
      expect(r.error.mensajeEn).toContain('Did you mean "Trimestral"?');
    }
  });
  test("algo lejano no recibe sugerencia pero sí la lista", () => {
    const r = leerFrecuencia("Cada vez que se pueda");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.mensaje).not.toContain("Quiso decir");
      expect(r.error.mensaje).toContain("Mensual, Bimestral");
    }
  });
});

describe("leerSentido", () => {
  test("Reducción es descendente; Incremento, Constante y vacío ascendentes", () => {
    expect(valor(leerSentido("Reducción"))).toBe("descendente");
    expect(valor(leerSentido("Descendente"))).toBe("descendente");
    expect(valor(leerSentido("Incremento"))).toBe("ascendente");
    expect(valor(leerSentido("Constante"))).toBe("ascendente");
    expect(valor(leerSentido(null))).toBe("ascendente");
    expect(leerSentido("Lateral").ok).toBe(false);
  });
});

describe("buscarMarcador: marcadores de plantilla sin llenar", () => {
  test.each([
    ["relativa a la xxx.", "xxx"],
    ["se atendieron xx solicitudes", "xx"],
    ["De ___ solicitudes turnadas", "___"],
    ["Fracciones (poner las que correspondan)", "(poner las que correspondan)"],
    ["Dirección XXX", "XXX"],
    ["XXXX", "XXXX"],
  ])("«%s» contiene «%s»", (texto, marcador) => expect(buscarMarcador(texto)).toBe(marcador));

  test.each([["fracción XXX del artículo 75"], ["Siglo XX"], ["Taxi express"], ["Exxon"], [""], ["ISO 54001:2019"]])(
    "«%s» no es un marcador", (texto) => expect(buscarMarcador(texto)).toBeNull(),
  );
  test("solo textos", () => expect(buscarMarcador(5)).toBeNull());
});

describe("normalizar y esVacio", () => {
  test("quita acentos, mayúsculas, espacios repetidos y saltos de línea", () => {
    expect(normalizar("  DIMENSIÓN  DEL\nINDICADOR ")).toBe("dimension del indicador");
    expect(normalizar("Año\u00A0fiscal")).toBe("ano fiscal");
  });
  test("esVacio", () => {
    expect(esVacio(null)).toBe(true);
    expect(esVacio(" \n")).toBe(true);
    expect(esVacio(0)).toBe(false);
    expect(esVacio("0")).toBe(false);
  });
});
