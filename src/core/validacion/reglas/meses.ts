/** `meses`: MES INICIAL y MES FINAL son meses (1–12 o su nombre) y el periodo no está invertido. */
import { citar } from "../../valores";
import type { ReglaFila } from "./tipos";

export const reglaMeses: ReglaFila = {
  id: "meses",
  codigos: ["mes-invalido", "meses-invertidos"],
  revisar({ col, lecturaDe, propio, valor, emitir }) {
    const cIni = col("mesInicial");
    for (const c of [cIni, col("mesFinal")]) {
      const l = c && lecturaDe(c);
      if (c && l?.estado === "ilegible" && l.razon.motivo === "mes" && propio(c)) emitir("mes-invalido", c, { valor: citar(valor(c)) });
    }
    const l = cIni && lecturaDe(cIni);
    if (cIni && l?.estado === "fuera-de-rango" && l.razon.motivo === "meses-invertidos") {
      emitir("meses-invertidos", cIni, { inicial: l.razon.inicial, final: l.razon.final });
    }
  },
};
