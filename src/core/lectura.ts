/**
 * La lectura de una fila de datos, la parte del análisis que consumen el plan de llenado y
 * los informes: qué se leyó en cada columna (bien, vacía, ilegible, fuera de rango), lo calculado a partir
 * de esas lecturas, lo escrito en las celdas calculadas y los errores de la fila. Nadie
 * después del análisis vuelve a leer celdas ni a calcular.
 */
import type { Columna, Formato } from "./formatos";
import type { CalculosFila } from "./llenado/calculo";
import type { Estatus, Hallazgo, RangoCeldas, ValorCelda } from "./tipos";
import { vacio } from "./filas";

/**
 * Por qué no se pudo leer una celda. Un mes 13 es ilegible, no fuera de rango: un mes es uno
 * de doce nombres (1 = enero … 12 = diciembre), no una magnitud; «13» no nombra ningún mes.
 * `linea`: en un formato de varias metas por celda, la línea que no se leyó (de cuántas).
 */
export type MotivoIlegible =
  | { readonly motivo: "mes" }
  | { readonly motivo: "frecuencia" }
  | { readonly motivo: "numero"; readonly linea: LineaLeida | null }
  | { readonly motivo: "estatus" }
  | { readonly motivo: "tendencia" }
  | { readonly motivo: "metodo" }
  /** El texto es aún el marcador de la plantilla («xxx»): no se evalúa. */
  | { readonly motivo: "marcador" }
  /** Varias metas por celda: la celda no tiene una línea por meta. */
  | { readonly motivo: "lineas"; readonly lineas: number; readonly esperadas: number; readonly referencia: Columna };

/**
 * Se leyó un valor, pero no es uno que se pueda usar: meta cero o negativa, valor negativo,
 * mes inicial posterior al final (en las dos columnas de mes), META 1 en un indicador de
 * porcentaje (¿1 % o 100 %?).
 */
export type MotivoFueraDeRango =
  | { readonly motivo: "meta-no-positiva"; readonly valor: number; readonly linea: LineaLeida | null }
  | { readonly motivo: "negativo"; readonly valor: number; readonly linea: LineaLeida | null }
  | { readonly motivo: "meses-invertidos"; readonly inicial: number; readonly final: number }
  | { readonly motivo: "meta-uno-en-porcentaje" };

/** Una línea de una celda de varias metas: su número (base 1), cuántas tiene la celda y su valor. */
export interface LineaLeida {
  readonly numero: number;
  readonly de: number;
  readonly valor: ValorCelda;
}

/**
 * La lectura de una columna de la fila: `ok` (se leyó), `vacia`, `ilegible` (con su motivo) o
 * `fuera-de-rango` (con su motivo). De una lectura ilegible o fuera de rango (o de una
 * obligatoria vacía) no se calcula nada que dependa de ella.
 */
export type LecturaIlegible = { readonly estado: "ilegible"; readonly razon: MotivoIlegible };
export type LecturaFueraDeRango = { readonly estado: "fuera-de-rango"; readonly razon: MotivoFueraDeRango };
export type Lectura = { readonly estado: "ok" } | { readonly estado: "vacia" } | LecturaIlegible | LecturaFueraDeRango;
export type EstadoLectura = Lectura["estado"];

/** Una lectura que no es `ok` ni `vacia`, con su columna. */
export interface LecturaProblema {
  readonly columna: Columna;
  readonly lectura: LecturaIlegible | LecturaFueraDeRango;
}

const OK: Lectura = Object.freeze({ estado: "ok" });
const VACIA: Lectura = Object.freeze({ estado: "vacia" });

/** Lo que dice una celda calculada antes de llenar. */
export interface CeldaCalculada {
  readonly columna: Columna;
  /** Fila base 1, columna base 0. */
  readonly fila: number;
  readonly indice: number;
  readonly valor: ValorCelda;
  readonly formula: string | null;
  readonly formatoNumero: string | null;
  /** La combinación que cubre la celda sin ser su ancla (no se puede escribir en ella), o `null`. */
  readonly combinacion: RangoCeldas | null;
}

export interface FilaAnalizada {
  /** Fila de la hoja, base 1. */
  readonly fila: number;
  /**
   * Valor efectivo de cada columna del formato (con herencia y combinaciones), por `Columna.orden`.
   * Puede ser la fila de la hoja misma (`FilaHoja.valores`): léase con `?? null` o `vacio`.
   */
  readonly valores: ReadonlyArray<ValorCelda>;
  /** `heredadas[orden]`: el valor vino de la fila de arriba o de una combinación (sin herencia, un arreglo vacío compartido). */
  readonly heredadas: ReadonlyArray<boolean>;
  /** Índice de hoja (base 0) de cada columna del formato, por `Columna.orden` (−1 si falta); compartido por las filas. */
  readonly indices: ReadonlyArray<number>;
  /**
   * Las lecturas ilegibles o fuera de rango, en el orden en que se leyeron (pocas): con
   * `valores`, de ellas sale la lectura de cada columna (`lecturaDe`) sin guardar una por celda.
   */
  readonly problemas: ReadonlyArray<LecturaProblema>;
  /** Lo calculado con las lecturas (lo mismo con cualquier conjunto de reglas). */
  readonly calculos: CalculosFila;
  /** Las celdas calculadas presentes, con lo que tienen escrito. */
  readonly calculadas: ReadonlyArray<CeldaCalculada>;
  /**
   * Lo escrito en ESTATUS, leído una vez: el estatus, `null` si está vacía (o no hay columna) o
   * `"ilegible"` si no se entiende (tiene su hallazgo y el llenado no la pisa).
   */
  readonly estatusEscrito: Estatus | null | "ilegible";
  /** Hallazgos de severidad error de la fila: una fila con errores no se llena. */
  readonly errores: ReadonlyArray<Hallazgo>;
}

/** La lectura de una columna de la fila; `undefined` si la columna falta en la hoja. */
export function lecturaDe(fila: Pick<FilaAnalizada, "indices" | "valores" | "problemas">, c: Columna): Lectura | undefined {
  if ((fila.indices[c.orden] ?? -1) < 0) return undefined;
  for (const p of fila.problemas) if (p.columna === c) return p.lectura;
  return vacio(fila.valores[c.orden]) ? VACIA : OK;
}

/**
 * Columnas de entrada (no calculadas) presentes cuya lectura es ilegible o fuera de rango, o
 * que están vacías siendo obligatorias, en el orden del formato.
 */
export function lecturasProblema(fila: FilaAnalizada, formato: Formato): Columna[] {
  return formato.columnas.filter((c) => {
    if (c.calculada) return false;
    const e = lecturaDe(fila, c)?.estado;
    return e === "ilegible" || e === "fuera-de-rango" || (e === "vacia" && c.obligatoria === true);
  });
}
