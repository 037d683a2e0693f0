/** `meses`: MES INICIAL y MES FINAL son meses (1–12 o su nombre) y el periodo no está invertido. */
import { citar } from "../../valores";
import type { Columna } from "../../formatos";
import type { ContextoRegla, ReglaFila } from "./tipos";

/** Un mes ilegible en la celda propia de la columna: «mes-invalido». */
function revisarMes(ctx: ContextoRegla, c: Columna | undefined): void {
  const l = c && ctx.lecturaDe(c);
  if (c && l?.estado === "ilegible" && l.razon.motivo === "mes" && ctx.propio(c)) ctx.emitir("mes-invalido", c, { valor: citar(ctx.valor(c)) });
}

export const reglaMeses: ReglaFila = {
  id: "meses",
  codigos: ["mes-invalido", "meses-invertidos"],
  revisar(ctx) {
    const { col, lecturaDe, emitir } = ctx;
    const cIni = col("mesInicial");
    // Una columna tras otra, sin armar un arreglo por fila.
    revisarMes(ctx, cIni);
    revisarMes(ctx, col("mesFinal"));
    const l = cIni && lecturaDe(cIni);
    if (cIni && l?.estado === "fuera-de-rango" && l.razon.motivo === "meses-invertidos") {
      emitir("meses-invertidos", cIni, { inicial: l.razon.inicial, final: l.razon.final });
    }
  },
};
