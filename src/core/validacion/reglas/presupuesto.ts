/** `presupuesto`: lo devengado no pasa de lo modificado. */
import type { ReglaFila } from "./tipos";

export const reglaPresupuesto: ReglaFila = {
  id: "presupuesto",
  codigos: ["devengado-mayor-modificado"],
  revisar({ act, col, emitir }) {
    const cD = col("presupuestoDevengado");
    if (cD && act.presupuestoDevengado !== null && act.presupuestoModificado !== null && act.presupuestoDevengado > act.presupuestoModificado + 1e-9) {
      emitir("devengado-mayor-modificado", cD, { devengado: act.presupuestoDevengado, modificado: act.presupuestoModificado });
    }
  },
};
