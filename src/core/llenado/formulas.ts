/**
 * Fórmulas vivas `PAT.*` de las columnas calculadas, en sintaxis en-US (separador «,»),
 * con referencias a las celdas de la misma fila. Una sola implementación para el plan de
 * llenado (modo «formulas») y la plantilla.
 *
 * - PORCENTAJE: `=PAT.CUMPLIMIENTO(alcanzado,meta[,tendencia])` — y no PAT.PORCENTAJE, que
 *   da #N/A con el numerador vacío: aquí «nada reportado» cuenta como 0 (0 %), como en el llenado por valores.
 * - Meta por alcanzar: `=PAT.POR_ALCANZAR(meta,alcanzado,tendencia)`
 * - META ALCANZADA: `=PAT.METODO(método,valor1,valor2)`
 * - ESTATUS: `=PAT.ESTATUS(meta,alcanzado,mesInicial,mesFinal[,corte][,tendencia])`
 * - % CUMPLIM. MODIF. (una meta): `=PAT.CUMPLIMIENTO(alcanzado,modificado)`
 * En una celda con formato de porcentaje, los números se dividen entre 100 («…/100»).
 */
import type { Formato, Rol } from "../formatos";
import { direccion } from "../validacion/direcciones";

/** Fórmula de la columna de rol `rol` en la fila `fila1`, o `null` si el formato no la calcula con fórmula. */
export function construirFormula(
  formato: Formato,
  rol: Rol,
  fila1: number,
  columnas: Readonly<Record<string, number>>,
  opciones: { corte?: number | null; enPorcentaje?: boolean } = {},
): string | null {
  const ref = (r: Rol): string | null => {
    const c = formato.porRol[r];
    if (!c) return null;
    const i = columnas[c.clave];
    return i === undefined ? null : direccion(fila1, i);
  };
  const col = formato.porRol[rol];
  if (!col?.calculada) return null;
  const meta = ref("meta");
  const alcanzado = ref("alcanzado");
  const tendencia = ref("tendencia");
  const entre100 = opciones.enPorcentaje ? "/100" : "";
  switch (rol) {
    case "porcentaje": {
      if (formato.variasMetasPorCelda) {
        const base = ref("modificado") ?? meta;
        return alcanzado && base ? `=PAT.CUMPLIMIENTO(${alcanzado},${base})${entre100}` : null;
      }
      if (!alcanzado || !meta) return null;
      return `=PAT.CUMPLIMIENTO(${alcanzado},${meta}${tendencia ? `,${tendencia}` : ""})${entre100}`;
    }
    case "porAlcanzar":
      return meta && alcanzado ? `=PAT.POR_ALCANZAR(${meta},${alcanzado}${tendencia ? `,${tendencia}` : ""})${entre100}` : null;
    case "alcanzado": {
      const metodo = ref("metodo");
      const v1 = ref("valor1");
      const v2 = ref("valor2");
      return metodo && v1 && v2 ? `=PAT.METODO(${metodo},${v1},${v2})${entre100}` : null;
    }
    case "estatus": {
      const ini = ref("mesInicial");
      const fin = ref("mesFinal");
      if (!meta || !alcanzado || !ini || !fin) return null;
      const corte = opciones.corte ?? null;
      const args = [meta, alcanzado, ini, fin];
      if (tendencia) args.push(corte === null ? "" : String(corte), tendencia);
      else if (corte !== null) args.push(String(corte));
      return `=PAT.ESTATUS(${args.join(",")})`;
    }
    default:
      return null;
  }
}
