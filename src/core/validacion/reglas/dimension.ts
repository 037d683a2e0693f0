/** `dimension`: la dimensión del indicador es Eficacia, Eficiencia, Economía o Calidad (aviso). */
import { citar, sinPuntoFinal } from "../../valores";
import { marcador, normal } from "../textos";
import type { ReglaFila } from "./tipos";

const DIMENSIONES = new Set(["eficacia", "eficiencia", "economia", "calidad"]);

export const reglaDimension: ReglaFila = {
  id: "dimension",
  codigos: ["dimension-invalida"],
  revisar({ act, col, propio, emitir }) {
    const c = col("dimension");
    const d = act.dimension;
    // Un marcador de plantilla lo señala «marcadores».
    if (c && d !== null && propio(c) && !DIMENSIONES.has(sinPuntoFinal(normal(d))) && !marcador(d)) emitir("dimension-invalida", c, { valor: citar(d) });
  },
};
