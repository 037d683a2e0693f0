/**
 * Desplazar una fórmula compartida de su celda maestra a otra celda: cada referencia
 * relativa (sin «$») se mueve lo mismo que la celda. Los textos entre comillas y los
 * nombres de función no se tocan. Una referencia que sale de la rejilla queda «#REF!»,
 * como la dejaría Excel.
 */
import { indiceColumna, letraColumna } from "../core/validacion/direcciones";
import { LIMITES } from "./limites";

/** Letras de columna (base 1 → «A», «AB»): las del único módulo de direcciones. */
export function letrasColumna(col1: number): string {
  return letraColumna(col1 - 1);
}

/** «AB» → 28. */
export function numeroColumna(letras: string): number {
  return indiceColumna(letras) + 1;
}

// Referencia A1 que no es parte de un nombre ni una función («LOG10(»), fuera de comillas.
const REFERENCIA = /(^|[^\w.$"'])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\w(!])/gi;

function desplazarTramo(tramo: string, dFila: number, dCol: number): string {
  return tramo.replace(REFERENCIA, (todo, antes: string, fijaCol: string, letras: string, fijaFila: string, num: string) => {
    let col = numeroColumna(letras);
    let fila = Number(num);
    if (col > LIMITES.columnas) return todo;
    if (!fijaCol) col += dCol;
    if (!fijaFila) fila += dFila;
    if (col < 1 || fila < 1 || col > LIMITES.columnas || fila > LIMITES.filas) return `${antes}#REF!`;
    return `${antes}${fijaCol}${letrasColumna(col)}${fijaFila}${fila}`;
  });
}

/** La fórmula `formula` (sin «=») escrita en la maestra, vista desde otra celda. */
export function desplazarFormula(formula: string, dFila: number, dCol: number): string {
  if (dFila === 0 && dCol === 0) return formula;
  // Tramos fuera de comillas dobles (textos) se desplazan; los textos quedan igual.
  let salida = "";
  let i = 0;
  while (i < formula.length) {
    const q = formula.indexOf('"', i);
    if (q < 0) {
      salida += desplazarTramo(formula.slice(i), dFila, dCol);
      break;
    }
    salida += desplazarTramo(formula.slice(i, q), dFila, dCol);
    let fin = q + 1;
    for (;;) {
      const c = formula.indexOf('"', fin);
      if (c < 0) {
        fin = formula.length;
        break;
      }
      if (formula[c + 1] === '"') fin = c + 2;
      else {
        fin = c + 1;
        break;
      }
    }
    salida += formula.slice(q, fin);
    i = fin;
  }
  return salida;
}
