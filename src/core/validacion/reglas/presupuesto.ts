/** `presupuesto`: lo devengado no pasa de lo modificado. */
import { redondear2 } from "../../calculos";
import { agruparMiles } from "../../valores";
import type { ReglaFila } from "./tipos";

function montos(x: number): string {
  // Sin Intl (el entorno de funciones de Excel solo garantiza ES2016): 1234567.5 → «1,234,567.50».
  const [entero, decimales] = Math.abs(redondear2(x)).toFixed(2).split(".");
  return `${x < 0 ? "-" : ""}${agruparMiles(entero)}.${decimales}`;
}

export const reglaPresupuesto: ReglaFila = {
  id: "presupuesto",
  codigos: ["devengado-mayor-modificado"],
  revisar({ act, col, emitir }) {
    const cD = col("presupuestoDevengado");
    if (cD && act.presupuestoDevengado !== null && act.presupuestoModificado !== null && act.presupuestoDevengado > act.presupuestoModificado + 1e-9) {
      emitir("devengado-mayor-modificado", cD, { devengado: montos(act.presupuestoDevengado), modificado: montos(act.presupuestoModificado) });
    }
  },
};
