import { analizarMetodo, evaluarMetodo, type Metodo } from "../../../src/core/metodo";

function analizado(texto: string): Metodo {
  const r = analizarMetodo(texto);
  if (!r.ok) throw new Error(`no se analizó «${texto}»: ${r.error.mensaje}`);
  return r.valor;
}

function valor(texto: string, valores: Array<number | null>, entre100ComoPor100 = false): number {
  const r = evaluarMetodo(analizado(texto), valores, { entre100ComoPor100 });
  if (!r.ok) throw new Error(r.error.mensaje);
  return r.valor;
}

describe("evaluarMetodo", () => {
  test.each([
    ["Documento realizado/ Documento presentado X 100", [5, 6], (5 / 6) * 100],
    ["a / b", [3, 4], 0.75],
    ["((a / b) - 1) x 100", [120, 100], 20],
    ["((a – b) / b) * 100", [90, 100], -10],
    ["a + b * c", [1, 2, 3], 7],
    ["-a + b", [1, 2], 1],
    ["a x 1,000", [2], 2000],
    ["a / 100.0", [50], 0.5],
    ["Porcentaje = a / b × 100", [1, 4], 25],
  ])("%s con %j", (texto, valores, esperado) => {
    expect(valor(texto, valores as number[])).toBeCloseTo(esperado, 12);
  });

  test("un nombre repetido usa el mismo valor", () => {
    expect(valor("(Actual − Anterior) / anterior × 100", [110, 100])).toBeCloseTo(10, 12);
  });

  test("los valores de más se ignoran", () => {
    expect(valor("a / b", [1, 2, 99])).toBe(0.5);
  });

  test("«/100» final: tal como está escrito, o como × 100 si se pide", () => {
    const texto = "(Solicitudes atendidas y respondidas en el plazo de 10 días/Solicitudes turnadas por la DTASISPE)/100";
    expect(valor(texto, [8, 10])).toBeCloseTo(0.008, 12);
    expect(valor(texto, [8, 10], true)).toBeCloseTo(80, 12);
    // Sin razón a la izquierda no es el desliz: «a / 100» se evalúa siempre como está escrito.
    expect(valor("a / 100", [50], true)).toBe(0.5);
    expect(valor("(a / b) × 100", [1, 2], true)).toBe(50);
  });

  test("falta un valor → error «na» que nombra la variable", () => {
    const m = analizado("Documento realizado/ Documento presentado X 100");
    for (const valores of [[5, null], [5]]) {
      const r = evaluarMetodo(m, valores);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.tipo).toBe("na");
      expect(r.error.mensaje).toBe("Falta el valor de «Documento presentado» (dato 2 del método); escriba un número.");
      expect(r.error.mensajeEn).toContain("\"Documento presentado\"");
    }
  });

  test("un valor no finito → error «valor»", () => {
    const r = evaluarMetodo(analizado("a / b"), [Number.NaN, 1]);
    expect(r).toMatchObject({ ok: false, error: { tipo: "valor" } });
  });

  test("división entre cero → error «div0» que cita el divisor", () => {
    const r = evaluarMetodo(analizado("(Documentos hechos / Documentos programados) × 100"), [0, 0]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.tipo).toBe("div0");
    expect(r.error.mensaje).toContain("«Documentos programados» vale 0");
    const grupo = evaluarMetodo(analizado("a / (b - c)"), [1, 2, 2]);
    expect(grupo.ok || grupo.error.mensaje).toContain("«(b - c)» vale 0");
  });

  test("un desbordamiento → error «valor», nunca Infinity", () => {
    expect(evaluarMetodo(analizado("a * b"), [1e308, 1e308])).toMatchObject({ ok: false, error: { tipo: "valor" } });
  });
});
