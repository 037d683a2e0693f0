/**
 * Por qué una fila no se llena (o no se llena completa), dicho al usuario: la decisión se
 * toma una vez, en el plan, con lo que dejó el análisis (errores y lecturas de la fila). El
 * motivo es un dato (`MotivoOmision`); su texto lo arma `textoOmision` donde se muestra, en
 * el idioma que se pide (issue 8: los idiomas en el borde).
 */
import type { Formato } from "../formatos";
import { lecturaDe, lecturasProblema, type CeldaCalculada, type FilaAnalizada } from "../lectura";
import type { Hallazgo, Idioma, Posicion, RangoCeldas, ValorCelda } from "../tipos";
import { citar } from "../valores";
import { direccion, direccionDe } from "../validacion/direcciones";
import { mostrarEncabezado } from "../validacion/mostrar-hallazgo";

/** Una celda calculada que no se escribió por estar dentro de una combinación. */
export interface CeldaCombinada {
  readonly encabezado: string;
  readonly posicion: Posicion;
  readonly rango: RangoCeldas;
}

/** Una lectura de entrada vacía o no válida que impidió calcular. */
export interface LecturaQueImpide {
  readonly encabezado: string;
  readonly posicion: Posicion;
  readonly vacia: boolean;
  /** Lo que dice la celda (para citarlo). */
  readonly valor: ValorCelda;
}

export type MotivoOmision =
  /** La fila tiene errores (los del análisis): no se llenó nada. */
  | { readonly tipo: "errores"; readonly errores: ReadonlyArray<Hallazgo> }
  /** Celdas calculadas dentro de una combinación: no se pueden escribir. */
  | { readonly tipo: "combinadas"; readonly celdas: ReadonlyArray<CeldaCombinada> }
  /** `columnas` no se calcularon: el resultado no es un número que Excel pueda guardar. */
  | { readonly tipo: "no-escribible"; readonly columnas: ReadonlyArray<string> }
  /** `columnas` no se calcularon por esas lecturas. */
  | { readonly tipo: "lecturas"; readonly columnas: ReadonlyArray<string>; readonly lecturas: ReadonlyArray<LecturaQueImpide> };

export interface FilaOmitida {
  /** Fila de la hoja, base 1. */
  readonly fila: number;
  /** La fila tiene errores: no se llenó nada. Si no, se llenó lo que se pudo calcular. */
  readonly conErrores: boolean;
  readonly motivo: MotivoOmision;
}

/**
 * El motivo de una fila omitida: sus errores, si los tiene (entonces no se llena nada), o las
 * lecturas que impidieron calcular `sinCalculo` (los encabezados que quedaron sin calcular).
 */
export function motivoDeOmision(
  fila: FilaAnalizada, formato: Formato, sinCalculo: ReadonlyArray<string>, combinadas: ReadonlyArray<CeldaCalculada> = [],
): FilaOmitida {
  if (fila.errores.length > 0) return { fila: fila.fila, conErrores: true, motivo: { tipo: "errores", errores: fila.errores } };
  if (sinCalculo.length === 0 && combinadas.length > 0) {
    const celdas = combinadas.map((c) => ({ encabezado: c.columna.encabezado, posicion: { fila: c.fila, columna: c.indice + 1 }, rango: c.combinacion! }));
    return { fila: fila.fila, conErrores: false, motivo: { tipo: "combinadas", celdas } };
  }
  const lecturas: LecturaQueImpide[] = lecturasProblema(fila, formato).map((c) => ({
    encabezado: c.encabezado,
    posicion: { fila: fila.fila, columna: fila.indices[c.orden] + 1 },
    vacia: lecturaDe(fila, c)?.estado === "vacia",
    valor: fila.valores[c.orden] ?? null,
  }));
  const motivo: MotivoOmision = lecturas.length === 0
    ? { tipo: "no-escribible", columnas: sinCalculo }
    : { tipo: "lecturas", columnas: sinCalculo, lecturas };
  return { fila: fila.fila, conErrores: false, motivo };
}

/** Lista «A, B y C» / «A, B and C». */
function lista(xs: ReadonlyArray<string>, idioma: Idioma): string {
  const y = idioma === "en" ? "and" : "y";
  return xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} ${y} ${xs[xs.length - 1]}`;
}

/** «Q2:Q3» de una combinación. */
function rango(r: RangoCeldas): string {
  return `${direccion(r.filaInicio + 1, r.columnaInicio)}:${direccion(r.filaFin + 1, r.columnaFin)}`;
}

/** El motivo de una fila omitida dicho en un idioma (CLI, panel). */
export function textoOmision(m: FilaOmitida, idioma: Idioma): string {
  const en = idioma === "en";
  const motivo = m.motivo;
  switch (motivo.tipo) {
    case "errores": {
      const n = motivo.errores.length;
      const celdas = lista([...new Set(motivo.errores.map((h) => `${mostrarEncabezado(h, idioma)} (${h.celda})`))], idioma);
      return en
        ? `Not filled: the row has ${n === 1 ? "an error" : `${n} errors`} in ${celdas}. Fix ${n === 1 ? "it" : "them"} and fill again.`
        : `No se llenó: la fila tiene ${n === 1 ? "un error" : `${n} errores`} en ${celdas}. Corríjalo${n === 1 ? "" : "s"} y vuelva a llenar.`;
    }
    case "combinadas": {
      const celdas = lista(motivo.celdas.map((c) => `${c.encabezado} (${direccionDe(c.posicion)}) ${en ? "is inside the merged range" : "está dentro de la combinación"} ${rango(c.rango)}`), idioma);
      return en ? `Not written: ${celdas}. Unmerge the cells to fill it.` : `No se escribió: ${celdas}. Separe las celdas para llenarla.`;
    }
    case "no-escribible": {
      const columnas = lista(motivo.columnas, idioma);
      return en ? `${columnas} not computed: the result is not a number Excel can store.` : `No se calculó ${columnas}: el resultado no es un número que Excel pueda guardar.`;
    }
    case "lecturas": {
      const columnas = lista(motivo.columnas, idioma);
      const lecturas = lista(motivo.lecturas.map((l) => {
        const lugar = `${l.encabezado} (${direccionDe(l.posicion)})`;
        if (l.vacia) return en ? `${lugar} is empty` : `${lugar} está vacía`;
        return en ? `${lugar} is not valid: "${citar(l.valor)}"` : `${lugar} no es válida: «${citar(l.valor)}»`;
      }), idioma);
      return en ? `${columnas} not computed: ${lecturas}.` : `No se calculó ${columnas}: ${lecturas}.`;
    }
  }
}
