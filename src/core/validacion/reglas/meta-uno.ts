/** `meta-uno`: META 1 en un indicador de porcentaje (¿1 % o 100 %?) se pregunta. */
import type { ReglaFila } from "./tipos";

export const reglaMetaUno: ReglaFila = {
  id: "meta-uno",
  codigos: ["meta-porcentaje-uno"],
  revisar({ col, lecturaDe, propio, emitir }) {
    const c = col("meta");
    const l = c && lecturaDe(c);
    if (c && l?.estado === "fuera-de-rango" && l.razon.motivo === "meta-uno-en-porcentaje" && propio(c)) emitir("meta-porcentaje-uno", c, {});
  },
};
