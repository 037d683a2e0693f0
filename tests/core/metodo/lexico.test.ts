import { claveVariable, escanear, tokenizar, type Token } from "../../../src/core/metodo/lexico";

/** Los tokens en forma compacta: «V:nombre», «N:100», «/», «*», «(», «)». */
function compacto(texto: string): string[] {
  return tokenizar(texto).map((t: Token) => {
    switch (t.tipo) {
      case "variable":
        return `V:${t.nombre}`;
      case "numero":
        return `N:${t.valor}`;
      case "operador":
        return t.operador;
      case "abre":
        return "(";
      case "cierra":
        return ")";
      case "igual":
        return "=";
      case "invalido":
        return "?";
    }
  });
}

describe("escanear: trozos crudos con posiciones base 0", () => {
  test("palabras, números, signos y paréntesis", () => {
    expect(escanear("(ab / c1)*100")).toEqual([
      { tipo: "abre", cierre: ")", inicio: 0, fin: 1 },
      { tipo: "palabra", texto: "ab", inicio: 1, fin: 3 },
      { tipo: "operador", operador: "/", inicio: 4, fin: 5 },
      { tipo: "palabra", texto: "c1", inicio: 6, fin: 8 },
      { tipo: "cierra", inicio: 8, fin: 9 },
      { tipo: "operador", operador: "*", inicio: 9, fin: 10 },
      { tipo: "numero", valor: 100, inicio: 10, fin: 13 },
    ]);
  });

  test("«x100» pegado se separa en x y número", () => {
    expect(escanear(")x100")).toEqual([
      { tipo: "cierra", inicio: 0, fin: 1 },
      { tipo: "palabra", texto: "x", inicio: 1, fin: 2 },
      { tipo: "numero", valor: 100, inicio: 2, fin: 5 },
    ]);
  });

  test.each([
    ["100", 100],
    ["100.0", 100],
    ["1,000", 1000],
    ["2,275,339.62", 2275339.62],
    [".5", 0.5],
    ["100.", 100],
    ["100%", 100],
  ])("número %s", (texto, valor) => {
    expect(escanear(texto)).toEqual([{ tipo: "numero", valor, inicio: 0, fin: texto.length }]);
  });

  test.each(["ISO", "54001:2019", "núm.", "“Conóceles”", "2023-2024", "político-electoral", "10días", "y/o"])(
    "«%s» es una sola palabra",
    (texto) => {
      expect(escanear(texto)).toEqual([{ tipo: "palabra", texto, inicio: 0, fin: texto.length }]);
    },
  );

  test.each([
    ["a / b", "/"],
    ["a ÷ b", "/"],
    ["a ∕ b", "/"],
    ["a * b", "*"],
    ["a × b", "*"],
    ["a · b", "*"],
    ["a + b", "+"],
    ["a - b", "-"],
    ["a – b", "-"],
    ["a − b", "-"],
    ["a—b", "-"],
  ])("signo en «%s»", (texto, operador) => {
    expect(escanear(texto)[1]).toMatchObject({ tipo: "operador", operador });
  });

  test("el guion pegado une palabras compuestas, no nombres que se restan", () => {
    const tipos = (t: string): string[] => escanear(t).map((x) => x.tipo);
    expect(tipos("político-electoral")).toEqual(["palabra"]);
    expect(tipos("teórico–práctico")).toEqual(["palabra"]);
    expect(tipos("A-B")).toEqual(["palabra", "operador", "palabra"]);
    expect(tipos("a-b")).toEqual(["palabra", "operador", "palabra"]);
    expect(tipos("Quejas recibidas-Quejas atendidas")).toEqual(["palabra", "palabra", "operador", "palabra", "palabra"]);
  });

  test("el signo menos (−) nunca une palabras; el guion entre letra y dígito tampoco", () => {
    expect(escanear("a−b").map((t) => t.tipo)).toEqual(["palabra", "operador", "palabra"]);
    expect(escanear("Quejas 2024-Quejas 2023").map((t) => t.tipo)).toEqual(["palabra", "numero", "operador", "palabra", "numero"]);
  });

  test("espacios no separables y saltos de línea separan palabras", () => {
    expect(escanear("a\u00A0b\nc\u202Fd").map((t) => (t.tipo === "palabra" ? t.texto : t.tipo))).toEqual(["a", "b", "c", "d"]);
  });

  test("«^» no se admite; «=» se marca", () => {
    expect(escanear("a ^ 2")[1]).toEqual({ tipo: "invalido", inicio: 2, fin: 3 });
    expect(escanear("P = a")[1]).toEqual({ tipo: "igual", inicio: 2, fin: 3 });
  });
});

describe("tokenizar: qué palabras son operadores", () => {
  test("«X 100» al final de un nombre multiplica", () => {
    expect(compacto("Documento realizado/ Documento presentado X 100")).toEqual([
      "V:Documento realizado",
      "/",
      "V:Documento presentado",
      "*",
      "N:100",
    ]);
  });

  test("«)x100», «) x 100», «)X 100»", () => {
    for (const t of ["(a / b)x100", "(a / b) x 100", "(a / b)X 100", "(a / b) X100"]) {
      expect(compacto(t)).toEqual(["(", "V:a", "/", "V:b", ")", "*", "N:100"]);
    }
  });

  test("«x» entre dos nombres multiplica; al final de un nombre es parte de él", () => {
    expect(compacto("Personas x Días")).toEqual(["V:Personas", "*", "V:Días"]);
    expect(compacto("Rayos X / Total")).toEqual(["V:Rayos X", "/", "V:Total"]);
    expect(compacto("x / Total")).toEqual(["V:x", "/", "V:Total"]);
  });

  test("«por» es parte del nombre salvo ante un número suelto o un paréntesis", () => {
    expect(compacto("(A / Solicitudes turnadas por la DEOE) x 100")).toEqual([
      "(", "V:A", "/", "V:Solicitudes turnadas por la DEOE", ")", "*", "N:100",
    ]);
    expect(compacto("A / B por 100")).toEqual(["V:A", "/", "V:B", "*", "N:100"]);
    expect(compacto("(A / B) por 100")).toEqual(["(", "V:A", "/", "V:B", ")", "*", "N:100"]);
    expect(compacto("Atendidas por 2 áreas / Total")).toEqual(["V:Atendidas por 2 áreas", "/", "V:Total"]);
    expect(compacto("A por (B + C)")).toEqual(["V:A", "*", "(", "V:B", "+", "V:C", ")"]);
    expect(compacto("A / B por cien")).toEqual(["V:A", "/", "V:B", "*", "N:100"]);
  });

  test("«entre» divide salvo que el texto ya use «/»", () => {
    expect(compacto("Documentos realizados entre documentos programados por 100")).toEqual([
      "V:Documentos realizados", "/", "V:documentos programados", "*", "N:100",
    ]);
    expect(compacto("Comunicación entre áreas / Total")).toEqual(["V:Comunicación entre áreas", "/", "V:Total"]);
  });

  test("«multiplicado por» y «dividido entre» son operadores", () => {
    expect(compacto("A dividido entre B multiplicado por 100")).toEqual(["V:A", "/", "V:B", "*", "N:100"]);
    expect(compacto("(A divididas por B) multiplicada x 100")).toEqual(["(", "V:A", "/", "V:B", ")", "*", "N:100"]);
  });

  test("un número dentro de un nombre es del nombre; solo, es una constante", () => {
    expect(compacto("Solicitudes en el plazo de 10 días / Total")).toEqual(["V:Solicitudes en el plazo de 10 días", "/", "V:Total"]);
    expect(compacto("Valor de cálculo 1 / Valor de cálculo 2")).toEqual(["V:Valor de cálculo 1", "/", "V:Valor de cálculo 2"]);
    expect(compacto("(a / b)/100")).toEqual(["(", "V:a", "/", "V:b", ")", "/", "N:100"]);
    expect(compacto("a - 1")).toEqual(["V:a", "-", "N:1"]);
    expect(compacto("ISO 54001:2019 / Total")).toEqual(["V:ISO 54001:2019", "/", "V:Total"]);
  });

  test("miles separados por espacio forman un número; otros números seguidos quedan sueltos", () => {
    expect(compacto("a x 1 000")).toEqual(["V:a", "*", "N:1000"]);
    expect(compacto("a x 2\u00A0275\u00A0339.62")).toEqual(["V:a", "*", "N:2275339.62"]);
    expect(compacto("a x 100 2000")).toEqual(["V:a", "*", "N:100", "N:2000"]);
  });

  test("«y/o» es parte del nombre", () => {
    expect(compacto("Solicitudes atendidas y/o resueltas / Total")).toEqual(["V:Solicitudes atendidas y/o resueltas", "/", "V:Total"]);
  });

  test("los nombres quedan sin espacios repetidos ni saltos de línea", () => {
    expect(compacto("  Documentos\n   realizados  /\tTotal ")).toEqual(["V:Documentos realizados", "/", "V:Total"]);
  });
});

describe("claveVariable", () => {
  test("ignora mayúsculas, acentos y espacios repetidos", () => {
    expect(claveVariable("Número  de Formatos")).toBe(claveVariable("numero de formatos"));
    expect(claveVariable("Documentos realizados")).not.toBe(claveVariable("Documentos programados"));
  });
});
