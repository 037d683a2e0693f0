/**
 * `periodos`: en un indicador que cuenta informes o documentos, la meta suele ser el número de
 * periodos de la frecuencia entre el mes inicial y el final (informativo).
 */
import type { ReglaFila } from "./tipos";

const UNIDADES_DOCUMENTO = new Set(["documento", "documentos", "informe", "informes", "reporte", "reportes"]);

export const reglaPeriodos: ReglaFila = {
  id: "periodos",
  codigos: ["meta-periodos"],
  revisar({ act, formato, lectura, col, emitir }) {
    const c = col("meta");
    const meta = lectura.metaLeida;
    const { mesInicial, mesFinal, mesesFrecuencia, frecuencia } = act;
    if (!c || meta === null || mesInicial === null || mesFinal === null || mesesFrecuencia === null || frecuencia === null) return;
    if ((formato.metaEsValorIndicador && act.esPorcentaje) || act.metaEnPorcentaje) return;
    if (!lectura.indicadorNormal.startsWith("informe") && !UNIDADES_DOCUMENTO.has(lectura.unidadNormal)) return;
    const periodos = Math.ceil((mesFinal - mesInicial + 1) / mesesFrecuencia);
    if (meta !== periodos) emitir("meta-periodos", c, { frecuencia, inicial: mesInicial, final: mesFinal, periodos, meta });
  },
};
