import { analizarMetodo, type Metodo, type Nodo } from "../../../src/core/metodo";

function analizado(texto: string): Metodo {
  const r = analizarMetodo(texto);
  if (!r.ok) throw new Error(`no se analizó «${texto}»: ${r.error.mensaje}`);
  return r.valor;
}

/** El árbol con paréntesis explícitos: «((v0 / v1) * 100)». */
function forma(n: Nodo): string {
  switch (n.tipo) {
    case "variable":
      return `v${n.indice}`;
    case "numero":
      return String(n.valor);
    case "negativo":
      return `(-${forma(n.operando)})`;
    case "binario":
      return `(${forma(n.izquierda)} ${n.operador} ${forma(n.derecha)})`;
  }
}

function error(texto: string): { posicion: number | undefined; mensaje: string; mensajeEn: string; tipo: string } {
  const r = analizarMetodo(texto);
  if (r.ok) throw new Error(`se esperaba un error en «${texto}»`);
  return { posicion: r.error.posicion, mensaje: r.error.mensaje, mensajeEn: r.error.mensajeEn, tipo: r.error.tipo };
}

describe("analizarMetodo: árbol", () => {
  test.each([
    ["a / b x 100", "((v0 / v1) * 100)"],
    ["a + b * c", "(v0 + (v1 * v2))"],
    ["(a + b) * c", "((v0 + v1) * v2)"],
    ["a - b - c", "((v0 - v1) - v2)"],
    ["a / b / c", "((v0 / v1) / v2)"],
    ["-a + b", "((-v0) + v1)"],
    ["a * -b", "(v0 * (-v1))"],
    ["a - - b", "(v0 - (-v1))"],
    ["[(a / b) - 1] x 100", "(((v0 / v1) - 1) * 100)"],
    ["{a}", "v0"],
    ["((a / b) - 1) × 100", "(((v0 / v1) - 1) * 100)"],
  ])("%s → %s", (texto, esperado) => {
    expect(forma(analizado(texto).ast)).toBe(esperado);
  });

  test("un nombre repetido reutiliza su índice (sin mirar mayúsculas ni acentos)", () => {
    const m = analizado("(Año actual − Año anterior) / año anterior × 100");
    expect(m.variables).toEqual(["Año actual", "Año anterior"]);
    expect(forma(m.ast)).toBe("(((v0 - v1) / v1) * 100)");
  });

  test("posiciones: cada nodo abarca su texto, y un grupo sus paréntesis", () => {
    const texto = "(Docs hechos / Docs) x 100";
    const m = analizado(texto);
    const ast = m.ast;
    expect(ast).toMatchObject({ tipo: "binario", operador: "*", inicio: 0, fin: texto.length });
    if (ast.tipo !== "binario") throw new Error();
    expect(texto.slice(ast.izquierda.inicio, ast.izquierda.fin)).toBe("(Docs hechos / Docs)");
    expect(ast.derecha).toEqual({ tipo: "numero", valor: 100, inicio: 23, fin: 26 });
    const division = ast.izquierda;
    if (division.tipo !== "binario") throw new Error();
    expect(division.izquierda).toEqual({ tipo: "variable", nombre: "Docs hechos", indice: 0, inicio: 1, fin: 12 });
    expect(division.derecha).toEqual({ tipo: "variable", nombre: "Docs", indice: 1, inicio: 15, fin: 19 });
  });

  test("una etiqueta antes de «=» se ignora", () => {
    const m = analizado("Porcentaje de avance = (A / B) × 100");
    expect(m.variables).toEqual(["A", "B"]);
    expect(m.clase).toBe("porcentaje");
    // Al inicio, «=» (como «+» y «@») hace del texto una fórmula de Excel: se rechaza (issue 12).
    expect(analizarMetodo("=A1/B1*100").ok).toBe(false);
  });

  test("el texto se conserva tal cual (las posiciones se refieren a él)", () => {
    const texto = "  a / b  ";
    expect(analizado(texto).texto).toBe(texto);
  });

  test("un nombre solo, o un número solo, se analizan", () => {
    expect(analizado("Documentos entregados")).toMatchObject({ variables: ["Documentos entregados"], clase: "otro" });
    expect(analizado("100")).toMatchObject({ variables: [], clase: "otro", multiplicaPor100: false });
  });
});

describe("analizarMetodo: errores con posición (base 0) y mensaje", () => {
  test.each([
    // texto, posición, fragmento del mensaje
    ["a // b", 3, "hay dos operadores seguidos («/» y «/»)"],
    ["a /", 2, "falta un operando después de «/»"],
    ["Documentos realizados /", 22, "falta un operando después de «/»"],
    ["a / b x", 6, "falta un operando después de «x»"],
    ["(a / b) por", 8, "falta un operando después de «por»"],
    ["a / b *", 6, "falta un operando después de «*»"],
    ["/ b", 0, "falta un operando antes de «/»"],
    ["(* b)", 1, "falta un operando antes de «*»"],
    ["(a / b", 0, "el «(» no se cierra"],
    ["((a / b) x 100", 0, "el «(» no se cierra"],
    ["a / b)", 5, "sobra el «)»"],
    [")a", 0, "sobra el «)»"],
    ["(a / b] x 100", 6, "se esperaba «)» pero hay «]»"],
    ["()", 0, "los paréntesis están vacíos"],
    ["(a /)", 3, "falta un operando después de «/»"],
    ["(a)(b)", 3, "falta un operador"],
    ["(a / b) 100", 8, "falta un operador (/, ×, + o −) entre «)» y «100»"],
    ["a x 100 2000", 8, "falta un operador"],
    ["a ^ 2", 2, "el signo «^» no se admite"],
    ["a = b = c", 6, "el signo «=»"],
    ["a / b = c", 6, "el signo «=»"],
    ["Porcentaje =", 11, "falta un operando después de «=»"],
  ])("«%s» → posición %d", (texto, posicion, fragmento) => {
    const e = error(texto);
    expect(e.tipo).toBe("valor");
    expect(e.posicion).toBe(posicion);
    expect(e.mensaje).toContain(`No se entiende el método en la posición ${posicion + 1}: `);
    expect(e.mensaje).toContain(fragmento);
    expect(e.mensaje).toContain("Escriba, por ejemplo, «Documentos realizados / Documentos programados × 100».");
    expect(e.mensajeEn).toContain(`position ${posicion + 1}`);
  });

  test.each(["", "   ", "\n\t", "\u00A0"])("vacío: %j", (texto) => {
    const e = error(texto);
    expect(e).toMatchObject({ tipo: "valor", posicion: 0 });
    expect(e.mensaje).toMatch(/^El método de cálculo está vacío\. Escriba/);
    expect(e.mensajeEn).toMatch(/^The calculation method is empty/);
  });

  test.each(["xxx", "XX", "x", "___", " (poner las que correspondan) ", "N/A", "no aplica", "..."])("plantilla sin llenar: %j", (texto) => {
    const e = error(texto);
    expect(e.tipo).toBe("valor");
    expect(e.mensaje).toContain("texto de plantilla sin llenar");
    expect(e.mensajeEn).toContain("placeholder");
  });

  test("un marcador dentro de un método sí se analiza (son nombres)", () => {
    expect(analizado("(xxx / xxx) x 100").variables).toEqual(["xxx"]);
  });

  test("textos patológicos dan error, no excepción", () => {
    expect(error("(".repeat(5000) + "a" + ")".repeat(5000)).mensaje).toContain("demasiado");
    expect(error("a + ".repeat(3000) + "a").mensaje).toContain("demasiado");
    expect(analizarMetodo("-".repeat(900) + "a").ok).toBe(true);
  });
});
