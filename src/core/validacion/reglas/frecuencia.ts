/** `frecuencia`: la frecuencia de medición es una del catálogo. */
import { citar } from "../../valores";
import type { ReglaFila } from "./tipos";

export const reglaFrecuencia: ReglaFila = {
  id: "frecuencia",
  codigos: ["frecuencia-invalida"],
  revisar({ col, lecturaDe, propio, valor, emitir }) {
    const c = col("frecuencia");
    const l = c && lecturaDe(c);
    if (!c || l?.estado !== "ilegible" || !propio(c)) return;
    const v = valor(c);
    emitir("frecuencia-invalida", c, { valor: typeof v === "string" ? v : citar(v) });
  },
};
