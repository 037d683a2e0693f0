/** `sobrecumplimiento`: lo alcanzado pasa de la meta en un indicador ascendente (informativo). */
import { redondear2 } from "../../calculos";
import type { ReglaFila } from "./tipos";

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
          emitir("sobrecumplimiento", cAlc, { alcanzado: m.alcanzado, meta: base, comoAvance: false });
        }
      }
      return;
    }
    if (cAlc.rol === "avance") {
      if (act.alcanzado !== null && act.alcanzado > 100 + 1e-9 && !act.invalidas.includes(cAlc.clave)) {
        emitir("sobrecumplimiento", cAlc, { alcanzado: act.alcanzado, meta: 100, comoAvance: true });
      }
      return;
    }
    if (act.meta === null || !(act.meta > 0) || act.invalidas.includes(formato.porRol.meta?.clave ?? "")) return;
    const c = calc.alcanzado;
    const alcanzado = c && typeof c.valor === "number" ? redondear2(c.valor) : act.alcanzado;
    if (alcanzado !== null && alcanzado > act.meta + 1e-9 && !act.invalidas.includes(cAlc.clave)) {
      emitir("sobrecumplimiento", cAlc, { alcanzado, meta: act.meta, comoAvance: false });
    }
  },
};
