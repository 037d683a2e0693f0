/**
 * Por qué una fila no se llena (o no se llena completa), dicho al usuario: la decisión se
 * toma una vez, en el plan, con lo que dejó el análisis (errores y lecturas de la fila).
 */
import type { Actividad } from "../filas";
import type { Formato } from "../formatos";
import { lecturaDe, lecturasProblema, type CeldaCalculada, type FilaAnalizada } from "../lectura";
import type { Texto } from "../tipos";
import { citar } from "../valores";
import { direccion } from "../validacion/direcciones";

export interface FilaOmitida {
  /** Fila de la hoja, base 1. */
  readonly fila: number;
  /** La fila tiene errores: no se llenó nada. Si no, se llenó lo que se pudo calcular. */
  readonly conErrores: boolean;
  readonly razon: Texto;
}

/** Lista «A, B y C» / «A, B and C». */
function lista(xs: ReadonlyArray<string>, y: string): string {
  return xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} ${y} ${xs[xs.length - 1]}`;
}

/**
 * El motivo de una fila omitida: sus errores, si los tiene (entonces no se llena nada), o las
 * lecturas que impidieron calcular `sinCalculo` (los encabezados que quedaron sin calcular).
 */
export function motivoDeOmision(
  fila: FilaAnalizada, formato: Formato, act: Actividad, sinCalculo: ReadonlyArray<string>, combinadas: ReadonlyArray<CeldaCalculada> = [],
): FilaOmitida {
  if (fila.errores.length > 0) {
    const celdas = [...new Set(fila.errores.map((h) => `${h.encabezado} (${h.celda})`))];
    return {
      fila: fila.fila,
      conErrores: true,
      razon: {
        es: `No se llenó: la fila tiene ${fila.errores.length === 1 ? "un error" : `${fila.errores.length} errores`} en ${lista(celdas, "y")}. Corríjalo${fila.errores.length === 1 ? "" : "s"} y vuelva a llenar.`,
        en: `Not filled: the row has ${fila.errores.length === 1 ? "an error" : `${fila.errores.length} errors`} in ${lista(celdas, "and")}. Fix ${fila.errores.length === 1 ? "it" : "them"} and fill again.`,
      },
    };
  }
  if (sinCalculo.length === 0 && combinadas.length > 0) {
    const es = combinadas.map((c) => `${c.columna.encabezado} (${direccion(c.fila, c.indice)}) está dentro de la combinación ${rango(c)}`);
    const en = combinadas.map((c) => `${c.columna.encabezado} (${direccion(c.fila, c.indice)}) is inside the merged range ${rango(c)}`);
    return {
      fila: fila.fila,
      conErrores: false,
      razon: { es: `No se escribió: ${lista(es, "y")}. Separe las celdas para llenarla.`, en: `Not written: ${lista(en, "and")}. Unmerge the cells to fill it.` },
    };
  }
  const problemas = lecturasProblema(fila, formato).filter((c) => act.invalidas.includes(c.clave));
  const es: string[] = [];
  const en: string[] = [];
  for (const c of problemas) {
    const lugar = `${c.encabezado} (${direccion(fila.fila, fila.indices[c.orden])})`;
    const v = fila.valores[c.orden];
    if (lecturaDe(fila, c)?.estado === "vacia") {
      es.push(`${lugar} está vacía`);
      en.push(`${lugar} is empty`);
    } else {
      es.push(`${lugar} no es válida: «${citar(v)}»`);
      en.push(`${lugar} is not valid: "${citar(v)}"`);
    }
  }
  const columnas = lista([...sinCalculo], "y");
  const columnasEn = lista([...sinCalculo], "and");
  if (es.length === 0) {
    return {
      fila: fila.fila,
      conErrores: false,
      razon: { es: `No se calculó ${columnas}: el resultado no es un número que Excel pueda guardar.`, en: `${columnasEn} not computed: the result is not a number Excel can store.` },
    };
  }
  return { fila: fila.fila, conErrores: false, razon: { es: `No se calculó ${columnas}: ${lista(es, "y")}.`, en: `${columnasEn} not computed: ${lista(en, "and")}.` } };
}

/** «Q2:Q3» de la combinación que cubre una celda calculada. */
function rango(c: CeldaCalculada): string {
  const r = c.combinacion!;
  return `${direccion(r.filaInicio + 1, r.columnaInicio)}:${direccion(r.filaFin + 1, r.columnaFin)}`;
}
