/** `unidad`: la unidad de medida no es un número (suele ser una columna corrida). */
import { citar } from "../../valores";
import type { ReglaFila } from "./tipos";

// Se prueba sobre el texto ya recortado (`trim`): con `\s*` a ambos lados de la cifra la
// expresión retrocedía de forma cuadrática sobre «1» + 32 765 espacios + «x».
const NUMERICO = /^\$?\s*\d+(?:[.,]\d+)?\s*%?$/;

export const reglaUnidad: ReglaFila = {
  id: "unidad",
  codigos: ["unidad-numerica"],
  revisar({ act, formato, col, propio, valor, emitir }) {
    const c = col("unidad");
    if (!c || formato.variasMetasPorCelda || act.unidad === null || !propio(c)) return;
    const crudo = valor(c);
    if (typeof crudo === "number" || NUMERICO.test(act.unidad.trim())) emitir("unidad-numerica", c, { valor: citar(crudo) });
  },
};
