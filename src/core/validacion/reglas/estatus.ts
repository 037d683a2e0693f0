/** `estatus`: el ESTATUS escrito es uno del catálogo y no contradice el calculado. */
import { esEstatusManual, estatusEscritoAceptable } from "../../estatus";
import { citar } from "../../valores";
import type { EstatusCalculado } from "../../tipos";
import type { ReglaFila } from "./tipos";

export const reglaEstatus: ReglaFila = {
  id: "estatus",
  codigos: ["estatus-invalido", "estatus-contradictorio"],
  revisar({ calc, col, lectura, propio, valor, estatusEscrito, corte, emitir }) {
    const cEst = col("estatus");
    if (cEst && lectura.estatusIlegible && propio(cEst)) emitir("estatus-invalido", cEst, { valor: citar(valor(cEst)) });
    if (!cEst || estatusEscrito === null || esEstatusManual(estatusEscrito) || !propio(cEst)) return;
    const e = calc.estatus;
    if (e && !estatusEscritoAceptable(estatusEscrito, e.valor as EstatusCalculado, corte)) {
      emitir("estatus-contradictorio", cEst, { valor: estatusEscrito, esperado: e.valor as EstatusCalculado, explicacion: e });
    }
  },
};
