/**
 * Evaluación de un método ya analizado con los valores de sus variables, enlazados por
 * `indice` (orden de primera aparición; un nombre repetido reutiliza su valor).
 */
import { exito, falla } from "../resultado";
import type { ErrorPat, Resultado } from "../tipos";
import { mensajes } from "./mensajes";
import type { Metodo, Nodo } from "./tipos";

export interface OpcionesEvaluacion {
  /**
   * Lee el «/ 100» final de un método con `divideEntre100` como «× 100». Lo usa el llenado de
   * indicadores de porcentaje (spec §3) para que la hoja reciba 80 y no 0.008; la función
   * del método evalúa el texto tal como está escrito.
   */
  entre100ComoPor100?: boolean;
}

export function evaluarMetodo(
  metodo: Metodo,
  valores: ReadonlyArray<number | null>,
  opciones?: OpcionesEvaluacion,
): Resultado<number> {
  try {
    for (let k = 0; k < metodo.variables.length; k++) {
      const v = valores[k];
      if (v === null || v === undefined) return falla("na", mensajes.faltaValor(metodo.variables[k], k + 1));
      if (typeof v !== "number" || !Number.isFinite(v)) return falla("valor", mensajes.valorNoNumerico(metodo.variables[k], k + 1));
    }
    let raiz = metodo.ast;
    if (opciones?.entre100ComoPor100 && metodo.divideEntre100 && raiz.tipo === "binario" && raiz.operador === "/") {
      raiz = { ...raiz, operador: "*" };
    }
    const estado: { fallo: ErrorPat | null } = { fallo: null };
    const resultado = calcular(raiz, valores as ReadonlyArray<number>, metodo.texto, estado);
    if (estado.fallo) return { ok: false, error: estado.fallo };
    if (!Number.isFinite(resultado)) return falla("valor", mensajes.resultadoNoFinito());
    return exito(resultado);
  } catch {
    return falla("valor", mensajes.interno());
  }
}

function calcular(n: Nodo, valores: ReadonlyArray<number>, texto: string, estado: { fallo: ErrorPat | null }): number {
  switch (n.tipo) {
    case "numero":
      return n.valor;
    case "variable":
      return valores[n.indice];
    case "negativo":
      return -calcular(n.operando, valores, texto, estado);
    case "binario": {
      const a = calcular(n.izquierda, valores, texto, estado);
      const b = calcular(n.derecha, valores, texto, estado);
      switch (n.operador) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          if (b === 0) {
            // Se informa la primera división entre cero, citando el divisor como se escribió.
            estado.fallo ??= falla("div0", mensajes.divisionEntreCero(texto.slice(n.derecha.inicio, n.derecha.fin))).error;
            return Number.NaN;
          }
          return a / b;
      }
    }
  }
}
