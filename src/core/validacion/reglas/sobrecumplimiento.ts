/** `sobrecumplimiento`: lo alcanzado pasa de la meta en un indicador ascendente (informativo). */
import { redondear2 } from "../../calculos";
import { cifra } from "../../llenado/calculo";
import type { ReglaFila } from "./tipos";

/** Un porcentaje para un mensaje; uno que desborda (1e308 de una meta mínima) no dice «Infinity». */
function cifraPorcentaje(x: number, idioma: "es" | "en" = "es"): string {
  return Number.isFinite(x) ? cifra(x) : `${idioma === "en" ? "more than" : "más de"} ${cifra(Number.MAX_VALUE)}`;
}

export const reglaSobrecumplimiento: ReglaFila = {
  id: "sobrecumplimiento",
  codigos: ["sobrecumplimiento"],
  revisar({ act, formato, calc, col, emitir }) {
    if (act.sentido !== "ascendente") return;
    const cAlc = col("alcanzado") ?? col("avance");
    if (!cAlc) return;
    if (formato.variasMetasPorCelda) {
      for (const m of act.metas) {
        const base = m.modificado ?? m.programado;
        if (m.alcanzado !== null && base !== null && base > 0 && m.alcanzado > base + 1e-9) {
          // Una nota por línea de meta: cada meta sobrecumplida se explica por separado.
          emitir("sobrecumplimiento", cAlc, { alcanzado: cifra(m.alcanzado), meta: cifra(base), porcentaje: cifraPorcentaje((m.alcanzado / base) * 100), porcentajeEn: cifraPorcentaje((m.alcanzado / base) * 100, "en") });
        }
      }
      return;
    }
    if (cAlc.rol === "avance") {
      if (act.alcanzado !== null && act.alcanzado > 100 + 1e-9 && !act.invalidas.includes(cAlc.clave)) {
        emitir("sobrecumplimiento", cAlc, { alcanzado: `${cifra(act.alcanzado)} %`, meta: "100 %", porcentaje: cifra(act.alcanzado) });
      }
      return;
    }
    if (act.meta === null || !(act.meta > 0) || act.invalidas.includes(formato.porRol.meta?.clave ?? "")) return;
    const c = calc.alcanzado;
    const alcanzado = c && typeof c.valor === "number" ? redondear2(c.valor) : act.alcanzado;
    if (alcanzado !== null && alcanzado > act.meta + 1e-9 && !act.invalidas.includes(cAlc.clave)) {
      emitir("sobrecumplimiento", cAlc, { alcanzado: cifra(alcanzado), meta: cifra(act.meta), porcentaje: cifraPorcentaje((alcanzado / act.meta) * 100), porcentajeEn: cifraPorcentaje((alcanzado / act.meta) * 100, "en") });
    }
  },
};
