/**
 * Clasificación del método por su forma (spec §3):
 *
 * - porcentaje: una razón (o expresión con una división entre variables) × 100, en cualquier
 *   orden de factores: «(A / B) × 100», «A × 100 / B», «100 × A / B».
 * - tasa-variacion: «((A / B) − 1) × 100», «((A − B) / B) × 100» o «(A / B × 100) − 100».
 * - razon: una división entre variables sin × 100: «A / B», «(A + B) / C».
 * - otro: lo demás (una suma, una sola variable, «A × 100», «A / 2»…).
 *
 * Un método que termina dividiendo una razón entre 100 («(A / B)/100») se marca con
 * `divideEntre100` y se clasifica según lo que se quiso escribir (× 100): casi siempre es un
 * desliz, el indicador se llama «Porcentaje de …» y su meta es «100%». Así la validación
 * avisa del desliz una sola vez en lugar de sumar un aviso de «no es un porcentaje».
 */
import type { ClaseMetodo, Nodo } from "./tipos";

export interface Clasificacion {
  clase: ClaseMetodo;
  multiplicaPor100: boolean;
  divideEntre100: boolean;
}

/** Un factor de la cadena de productos y cocientes del nivel superior: `nodo ^ exponente`. */
interface Factor {
  nodo: Nodo;
  exponente: 1 | -1;
}

export function clasificar(ast: Nodo): Clasificacion {
  const fs = factores(ast);
  // «100» solo no es «algo × 100».
  const i100 = fs.length > 1 ? fs.findIndex((f) => f.exponente === 1 && esCien(f.nodo)) : -1;
  const multiplicaPor100 = i100 >= 0;
  const divideEntre100 =
    ast.tipo === "binario" && ast.operador === "/" && esCien(ast.derecha) && divideEntreVariable(ast.izquierda);

  const resto = multiplicaPor100 ? fs.filter((_, k) => k !== i100) : divideEntre100 && ast.tipo === "binario" ? factores(ast.izquierda) : null;
  if (resto !== null) {
    const clase: ClaseMetodo = esTasa(resto) ? "tasa-variacion" : tieneRazon(resto) ? "porcentaje" : "otro";
    return { clase, multiplicaPor100, divideEntre100 };
  }
  // «(A / B × 100) − 100»
  if (ast.tipo === "binario" && ast.operador === "-" && esCien(ast.derecha)) {
    const izquierda = clasificar(ast.izquierda);
    if (izquierda.clase === "porcentaje" && izquierda.multiplicaPor100) {
      return { clase: "tasa-variacion", multiplicaPor100: false, divideEntre100: false };
    }
  }
  // Razón: el nivel superior divide entre algo que depende de una variable («(A / B) − 1» no lo es).
  const razon = fs.some((f) => f.exponente === -1 && contieneVariable(f.nodo));
  return { clase: razon ? "razon" : "otro", multiplicaPor100, divideEntre100 };
}

/** Aplana «A / B × C» en [A¹, B⁻¹, C¹] (también a través de paréntesis: «A / (B × C)»). */
function factores(nodo: Nodo, exponente: 1 | -1 = 1, salida: Factor[] = []): Factor[] {
  if (nodo.tipo === "binario" && nodo.operador === "*") {
    factores(nodo.izquierda, exponente, salida);
    factores(nodo.derecha, exponente, salida);
  } else if (nodo.tipo === "binario" && nodo.operador === "/") {
    factores(nodo.izquierda, exponente, salida);
    factores(nodo.derecha, exponente === 1 ? -1 : 1, salida);
  } else {
    salida.push({ nodo, exponente });
  }
  return salida;
}

function esCien(n: Nodo): boolean {
  return n.tipo === "numero" && n.valor === 100;
}

function contieneVariable(n: Nodo): boolean {
  switch (n.tipo) {
    case "variable":
      return true;
    case "numero":
      return false;
    case "negativo":
      return contieneVariable(n.operando);
    case "binario":
      return contieneVariable(n.izquierda) || contieneVariable(n.derecha);
  }
}

/** ¿Hay en algún lugar una división cuyo divisor depende de una variable? */
function divideEntreVariable(n: Nodo): boolean {
  switch (n.tipo) {
    case "variable":
    case "numero":
      return false;
    case "negativo":
      return divideEntreVariable(n.operando);
    case "binario":
      return (
        (n.operador === "/" && contieneVariable(n.derecha)) || divideEntreVariable(n.izquierda) || divideEntreVariable(n.derecha)
      );
  }
}

function tieneRazon(fs: ReadonlyArray<Factor>): boolean {
  return fs.some((f) => (f.exponente === -1 && contieneVariable(f.nodo)) || divideEntreVariable(f.nodo));
}

function esTasa(resto: ReadonlyArray<Factor>): boolean {
  // «(A / B − 1)»
  if (resto.length === 1) {
    const n = resto[0].nodo;
    return (
      resto[0].exponente === 1 &&
      n.tipo === "binario" &&
      n.operador === "-" &&
      n.derecha.tipo === "numero" &&
      n.derecha.valor === 1 &&
      tieneRazon(factores(n.izquierda))
    );
  }
  // «(A − B) / B»
  if (resto.length === 2) {
    const arriba = resto.find((f) => f.exponente === 1);
    const abajo = resto.find((f) => f.exponente === -1);
    if (!arriba || !abajo) return false;
    const n = arriba.nodo;
    return n.tipo === "binario" && n.operador === "-" && contieneVariable(abajo.nodo) && iguales(n.derecha, abajo.nodo);
  }
  return false;
}

/** Igualdad de estructura, sin mirar posiciones; las variables se comparan por su índice. */
export function iguales(a: Nodo, b: Nodo): boolean {
  switch (a.tipo) {
    case "variable":
      return b.tipo === "variable" && a.indice === b.indice;
    case "numero":
      return b.tipo === "numero" && a.valor === b.valor;
    case "negativo":
      return b.tipo === "negativo" && iguales(a.operando, b.operando);
    case "binario":
      return b.tipo === "binario" && a.operador === b.operador && iguales(a.izquierda, b.izquierda) && iguales(a.derecha, b.derecha);
  }
}
