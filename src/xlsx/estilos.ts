/**
 * Formatos de número de `styles.xml`: el código de formato de cada estilo de celda
 * (`cellXfs`, el índice del atributo `s` de una celda). Lo usa el núcleo para reconocer
 * porcentajes, y el lector para distinguir fechas de números.
 */
import { recorrerXml } from "./xml";
import type { ArchivoZip } from "./zip";

/** Formatos integrados de Excel (ECMA-376, 18.8.30) que no se escriben en el archivo. */
const INTEGRADOS: Readonly<Record<number, string>> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** ¿Muestra una fecha u hora? (fuera de comillas y corchetes, alguna de y m d h s b). */
export function esFormatoFecha(formato: string | null): boolean {
  if (!formato) return false;
  const f = formato.replace(/\[[^[\]]*\]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(f);
}

export interface Estilos {
  /** Formato de número por índice de `cellXfs` (`null` = General). */
  readonly formatos: ReadonlyArray<string | null>;
  /** ¿El estilo muestra fecha? */
  readonly fechas: ReadonlyArray<boolean>;
}

export const SIN_ESTILOS: Estilos = { formatos: [], fechas: [] };

export function leerEstilos(zip: ArchivoZip, ruta: string | null): Estilos {
  if (!ruta) return SIN_ESTILOS;
  const propios = new Map<number, string>();
  const ids: number[] = [];
  let enXfs = false;
  recorrerXml(zip, ruta, {
    abrir(nombre, a) {
      if (nombre === "numFmt") propios.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (nombre === "cellXfs") enXfs = true;
      else if (nombre === "xf" && enXfs) ids.push(Number(a.numFmtId ?? 0));
    },
    cerrar(nombre) {
      if (nombre === "cellXfs") enXfs = false;
    },
  });
  const formatos = ids.map((id) => {
    const f = propios.get(id) ?? INTEGRADOS[id] ?? null;
    return f === "General" ? null : f;
  });
  return { formatos, fechas: formatos.map(esFormatoFecha) };
}
