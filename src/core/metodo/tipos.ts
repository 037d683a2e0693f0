/** Tipos públicos del método de cálculo (texto de la columna MÉTODO DE CÁLCULO). */

export type ClaseMetodo = "porcentaje" | "razon" | "tasa-variacion" | "otro";

export type Operador = "+" | "-" | "*" | "/";

/**
 * Árbol del método. `inicio`/`fin` son posiciones base 0 (fin exclusivo) en el texto
 * original; un nodo entre paréntesis abarca también sus paréntesis.
 */
export type Nodo =
  /** `indice`: orden de primera aparición de ese nombre distinto (base 0). */
  | { tipo: "variable"; nombre: string; indice: number; inicio: number; fin: number }
  | { tipo: "numero"; valor: number; inicio: number; fin: number }
  | { tipo: "binario"; operador: Operador; izquierda: Nodo; derecha: Nodo; inicio: number; fin: number }
  | { tipo: "negativo"; operando: Nodo; inicio: number; fin: number };

export interface Metodo {
  /** El texto tal como se recibió (las posiciones de los nodos se refieren a él). */
  texto: string;
  ast: Nodo;
  /** Nombres distintos en orden de primera aparición, tal como se escribieron (sin espacios repetidos). */
  variables: string[];
  clase: ClaseMetodo;
  /** La expresión es (algo) × 100 en su nivel superior. */
  multiplicaPor100: boolean;
  /** La expresión termina dividiendo una razón entre 100: `(a / b)/100`, casi siempre un desliz por × 100. */
  divideEntre100: boolean;
}
