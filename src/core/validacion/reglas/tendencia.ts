/** `tendencia`: la tendencia es Incremento, Constante o Reducción. */
import { citar } from "../../valores";
import type { ReglaFila } from "./tipos";

export const reglaTendencia: ReglaFila = {
  id: "tendencia",
  codigos: ["tendencia-invalida"],
  revisar({ col, lecturaDe, propio, valor, emitir }) {
    const c = col("tendencia");
    if (c && lecturaDe(c)?.estado === "ilegible" && propio(c)) emitir("tendencia-invalida", c, { valor: citar(valor(c)) });
  },
};
