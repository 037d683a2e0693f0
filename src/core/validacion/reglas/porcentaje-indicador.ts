/**
 * `porcentaje-indicador`: un indicador de porcentaje (por su nombre, su meta en % o su unidad)
 * tiene un método que multiplica por 100.
 */
import type { MotivoPorcentaje } from "../catalogo";
import { unidadEsPorcentaje } from "../lectura-fila";
import { citar } from "../../valores";
import type { ReglaFila } from "./tipos";

export const reglaPorcentajeIndicador: ReglaFila = {
  id: "porcentaje-indicador",
  codigos: ["porcentaje-sin-por-100"],
  revisar({ act, formato, lectura, col, propio, emitir }) {
    const c = col("metodo");
    const m = lectura.metodo;
    if (!c || !m || !propio(c) || m.multiplicaPor100 || m.divideEntre100) return;
    let motivo: MotivoPorcentaje | null = null;
    if (lectura.indicadorNormal.startsWith("porcentaje")) motivo = { por: "nombre", indicador: citar(act.indicador) };
    else if (formato.metaEsValorIndicador && act.metaEnPorcentaje) motivo = { por: "meta-en-porcentaje" };
    else if (formato.metaEsValorIndicador && unidadEsPorcentaje(lectura.unidadNormal)) motivo = { por: "unidad-porcentaje" };
    if (!motivo) return;
    const nota = !!formato.porRol.alcanzado?.calculada && act.esPorcentaje && m.clase === "razon";
    emitir("porcentaje-sin-por-100", c, { motivo, valor: citar(act.metodo), nota });
  },
};
