/**
 * `estatus`: el ESTATUS escrito (legible) no contradice el calculado. El estatus ilegible
 * (`estatus-invalido`) lo señala la lectura de la fila con esta misma regla.
 */
import { esEstatusManual, estatusEscritoAceptable } from "../../estatus";
import { explicar } from "../../llenado/calculo";
import type { EstatusCalculado } from "../../tipos";
import type { ReglaFila } from "./tipos";

export const reglaEstatus: ReglaFila = {
  id: "estatus",
  codigos: ["estatus-contradictorio"],
  revisar({ calc, col, propio, estatusEscrito, corte, emitir }) {
    const cEst = col("estatus");
    if (!cEst || estatusEscrito === null || esEstatusManual(estatusEscrito) || !propio(cEst)) return;
    const e = calc.estatus;
    if (e && !estatusEscritoAceptable(estatusEscrito, e.valor as EstatusCalculado, corte)) {
      emitir("estatus-contradictorio", cEst, { valor: estatusEscrito, motivo: explicar(e).es, motivoEn: explicar(e).en, esperado: String(e.valor) });
    }
  },
};
