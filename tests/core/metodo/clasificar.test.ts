import { analizarMetodo, type Metodo } from "../../../src/core/metodo";

function analizado(texto: string): Metodo {
  const r = analizarMetodo(texto);
  if (!r.ok) throw new Error(`no se analizó «${texto}»: ${r.error.mensaje}`);
  return r.valor;
}

describe("clasificación del método", () => {
  test.each([
    // porcentaje: razón × 100 en cualquier orden
    ["Documento realizado/ Documento presentado X 100", "porcentaje", true, false],
    ["(a / b) * 100", "porcentaje", true, false],
    ["a × 100 / b", "porcentaje", true, false],
    ["100 × a / b", "porcentaje", true, false],
    ["(a + b) / c × 100", "porcentaje", true, false],
    ["((a / b + c / d) / 2) × 100", "porcentaje", true, false],
    ["a entre b por 100", "porcentaje", true, false],
    // «/100» final: desliz por × 100 → se marca y se clasifica como porcentaje
    ["(a / b)/100", "porcentaje", false, true],
    ["a / b / 100", "porcentaje", false, true],
    ["((a - b) / b) / 100", "tasa-variacion", false, true],
    // tasa de variación
    ["((a / b) - 1) x 100", "tasa-variacion", true, false],
    ["(a / b − 1) × 100", "tasa-variacion", true, false],
    ["((a – b) / b) * 100", "tasa-variacion", true, false],
    ["(a - b) / b × 100", "tasa-variacion", true, false],
    ["(a − b) × 100 / b", "tasa-variacion", true, false],
    ["(Año actual − Año anterior) / año anterior × 100", "tasa-variacion", true, false],
    ["(a / b × 100) - 100", "tasa-variacion", false, false],
    // razón
    ["a / b", "razon", false, false],
    ["(a + b) / c", "razon", false, false],
    ["a / (b + c)", "razon", false, false],
    ["a × b / c", "razon", false, false],
    ["(a - b) / b", "razon", false, false],
    // otro
    ["a + b", "otro", false, false],
    ["Documentos entregados", "otro", false, false],
    ["a × 100", "otro", true, false],
    ["a / 100", "otro", false, false],
    ["a / 2", "otro", false, false],
    ["(a - b) / c × 100 - 5", "otro", false, false],
    ["(a / b) - 1", "otro", false, false],
    ["100", "otro", false, false],
    ["(a / b) × 10", "razon", false, false],
    ["((a - b) / c) × 100", "porcentaje", true, false],
  ])("%s → %s (×100: %s, /100: %s)", (texto, clase, por100, entre100) => {
    const m = analizado(texto);
    expect(m.clase).toBe(clase);
    expect(m.multiplicaPor100).toBe(por100);
    expect(m.divideEntre100).toBe(entre100);
  });
});
