/**
 * El método de cálculo compilado a una expresión nativa de Excel (sintaxis en-US), para que
 * META ALCANZADA se recalcule sola sin el complemento y en cualquier hoja de cálculo.
 *
 * Cada variable se sustituye por la celda de su orden de primera aparición (la primera
 * variable distinta → VALOR DE CÁLCULO 1, la segunda → VALOR DE CÁLCULO 2), como evalúa
 * `evaluarMetodo`. La expresión conserva el orden y la agrupación de las operaciones del
 * texto (los paréntesis que la precedencia no da se escriben), así que Excel hace las mismas
 * operaciones de punto flotante que el núcleo. Con `entre100ComoPor100` el «/ 100» final de
 * un método con `divideEntre100` se escribe «* 100», como lo lee el llenado de un indicador
 * de porcentaje; con `porCien` el resultado se multiplica por 100 (razón sin «× 100» en un
 * indicador de porcentaje).
 */
import type { Texto } from "../tipos";
import { citarFragmento } from "./mensajes";
import type { Metodo, Nodo } from "./tipos";

export type Compilacion = { readonly ok: true; readonly expresion: string } | { readonly ok: false; readonly motivo: Texto };

export interface OpcionesCompilacion {
  readonly entre100ComoPor100?: boolean;
  readonly porCien?: boolean;
}

/** Un número como literal de Excel: «0.5», «1E-7», «1E+21» (Excel no acepta «1e-7» en minúscula en todas las versiones). */
export function literalExcel(n: number): string {
  return String(n).toUpperCase();
}

const PRECEDENCIA = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;

function precedencia(n: Nodo): number {
  return n.tipo === "binario" ? PRECEDENCIA[n.operador] : 3;
}

function expresion(n: Nodo, celdas: ReadonlyArray<string>): string {
  switch (n.tipo) {
    case "numero":
      return literalExcel(n.valor);
    case "variable":
      return celdas[n.indice];
    case "negativo": {
      const x = expresion(n.operando, celdas);
      return n.operando.tipo === "binario" ? `-(${x})` : `-${x}`;
    }
    case "binario": {
      const p = PRECEDENCIA[n.operador];
      let a = expresion(n.izquierda, celdas);
      let b = expresion(n.derecha, celdas);
      // Izquierda: paréntesis si liga menos. Derecha: también con la misma precedencia
      // («a − (b − c)», y «a + (b + c)» para no cambiar el orden de las sumas).
      // Un negativo como operando va entre paréntesis («A1*(-B1)»): más legible y sin «--».
      if (precedencia(n.izquierda) < p) a = `(${a})`;
      if (precedencia(n.derecha) <= p || n.derecha.tipo === "negativo") b = `(${b})`;
      if (n.izquierda.tipo === "negativo" && n.izquierda.operando.tipo !== "binario") a = `(${a})`;
      return `${a}${n.operador}${b}`;
    }
  }
}

/**
 * Compila el método sobre las celdas dadas (`celdas[k]` es la referencia de la variable k).
 * No se puede si el método tiene más variables distintas que celdas de valor.
 */
export function compilarMetodo(metodo: Metodo, celdas: ReadonlyArray<string>, opciones: OpcionesCompilacion = {}): Compilacion {
  const n = metodo.variables.length;
  if (n > celdas.length) {
    const nombres = metodo.variables.map((v) => `«${citarFragmento(v)}»`).join(", ");
    return {
      ok: false,
      motivo: {
        es: `el método usa ${n} datos distintos (${nombres}) y la fila tiene ${celdas.length} columnas de valor`,
        en: `the method uses ${n} different items (${nombres}) and the row has ${celdas.length} value columns`,
      },
    };
  }
  let raiz = metodo.ast;
  if (opciones.entre100ComoPor100 && metodo.divideEntre100 && raiz.tipo === "binario" && raiz.operador === "/") {
    raiz = { ...raiz, operador: "*" };
  }
  let texto = expresion(raiz, celdas);
  if (opciones.porCien) texto = `${precedencia(raiz) < 2 ? `(${texto})` : texto}*100`;
  return { ok: true, expresion: texto };
}
