/**
 * Tipos del dominio compartidos por todo el núcleo (`src/core`) y por sus capas
 * (funciones personalizadas, panel, CLI). Solo tipos: sin lógica, sin Office, sin DOM.
 */
import type { CodigoHallazgo, ParametrosHallazgo } from "./validacion/catalogo";
import type { Calculado } from "./llenado/calculo";

/** Un texto que el usuario lee, en español (primero) y en inglés. */
export interface Texto {
  readonly es: string;
  readonly en: string;
}

export type Idioma = "es" | "en";

/** Lo que puede haber en una celda, tal como lo entregan Excel u exceljs. */
export type ValorCelda = string | number | boolean | Date | null;

/**
 * Clase de error de un cálculo. Se traduce a un error de Excel en las funciones
 * (`div0` → #DIV/0!, `valor` → #VALUE!, `na` → #N/A) y a un hallazgo en la validación.
 */
export type TipoError = "div0" | "valor" | "na";

export interface ErrorPat {
  readonly tipo: TipoError;
  /** Mensaje en español que dice qué está mal y qué escribir en su lugar. */
  readonly mensaje: string;
  /** El mismo mensaje en inglés. */
  readonly mensajeEn: string;
  /** Posición (base 0) en el texto analizado, cuando el error viene de un texto. */
  readonly posicion?: number;
}

/** Resultado de una operación que puede fallar sin lanzar excepciones. */
export type Resultado<T> = { readonly ok: true; readonly valor: T } | { readonly ok: false; readonly error: ErrorPat };

/** Sentido del indicador: ascendente (más es mejor) o descendente (tendencia «Reducción»). */
export type Sentido = "ascendente" | "descendente";

/** Estatus calculables y manuales de una actividad (spec §3). */
export type EstatusCalculado = "PENDIENTE" | "EN PROCESO" | "CUMPLIDA" | "NO CUMPLIDA";
export type EstatusManual = "CANCELADA" | "REPROGRAMADA";
export type Estatus = EstatusCalculado | EstatusManual;

export type Semaforo = "VERDE" | "AMARILLO" | "ROJO" | "SIN DATO";

export type Severidad = "error" | "warning" | "info";

/**
 * Una hoja leída, independiente de su origen (Excel, exceljs, memoria).
 * Las matrices empiezan en A1: `valores[0][0]` es A1. Filas y columnas sin datos
 * pueden faltar o ser `null`.
 */
export interface HojaDatos {
  readonly nombre: string;
  readonly valores: ReadonlyArray<ReadonlyArray<ValorCelda>>;
  /** Texto de la fórmula (sintaxis en-US, empieza con «=») o `null` si la celda no tiene fórmula. */
  readonly formulas?: ReadonlyArray<ReadonlyArray<string | null>>;
  /** Formato de número de cada celda (`"0%"`, `"0.00"`, `"General"`…). */
  readonly formatosNumero?: ReadonlyArray<ReadonlyArray<string | null>>;
  /** Celdas combinadas, en coordenadas base 0 e inclusivas. */
  readonly combinaciones?: ReadonlyArray<RangoCeldas>;
  /** Filas (base 0) ocultas o filtradas. */
  readonly filasOcultas?: ReadonlyArray<number>;
}

export interface RangoCeldas {
  readonly filaInicio: number;
  readonly columnaInicio: number;
  readonly filaFin: number;
  readonly columnaFin: number;
}

/**
 * Una celda como números: fila y columna base 1 (R1C1, como las escribe el parche del libro).
 * La dirección A1 («I12») se arma solo para mostrarla o donde una API de Office pide texto
 * (`validacion/direcciones.ts`).
 */
export interface Posicion {
  readonly fila: number;
  readonly columna: number;
}

/**
 * Un hallazgo de validación en una celda: su código del catálogo (`validacion/catalogo.ts`) y
 * sus parámetros tipados, datos sin idioma (números, texto citado de la celda, un rol, una
 * línea). El mensaje se arma en el borde, en el idioma de quien lo lee, con
 * `mostrarHallazgo(h, idioma)` (`validacion/mostrar.ts`). Lleva también la celda como texto
 * («I12»), su fila y su letra de columna: son para mostrarla y para las API de Office que
 * piden una dirección; la fuente es `posicion`.
 */
export type Hallazgo = { readonly [C in CodigoHallazgo]: HallazgoDe<C> }[CodigoHallazgo];

export interface HallazgoDe<C extends CodigoHallazgo> {
  readonly codigo: C;
  readonly severidad: Severidad;
  /** Dirección A1 de la celda («I12»). */
  readonly celda: string;
  /** Fila de la hoja, base 1. */
  readonly fila: number;
  /** Letra de la columna («I»). */
  readonly columna: string;
  /** Encabezado canónico de la columna («MÉTODO DE CÁLCULO»), o «Columna K» si el formato no la conoce. */
  readonly encabezado: string;
  /** La celda como números (la fuente de `celda`, `fila` y `columna`). */
  readonly posicion: Posicion;
  readonly parametros: ParametrosHallazgo[C];
}

/**
 * Un cambio que el plan de llenado haría en una celda. Solo datos, compactos (con 200 000
 * actividades son 400 000 cambios): la celda como números (`posicion`; la dirección A1 se
 * arma al mostrarla, `direccionDe`) y el porqué como datos (`calculo`, `sinFormula`): el texto
 * lo arma `razonDelCambio(cambio, idioma)` donde se muestra (CLI, panel).
 */
export interface CambioCelda {
  /** La celda: fila y columna base 1. */
  readonly posicion: Posicion;
  readonly encabezado: string;
  /** Valor que tenía la celda (el valor mostrado si tenía fórmula). */
  readonly antes: ValorCelda;
  /** Fórmula que tenía la celda, si la tenía. */
  readonly formulaAntes: string | null;
  /** Nuevo valor (número redondeado a 2 decimales o texto de estatus) o, en modo fórmulas, el texto de la fórmula. */
  readonly despues: ValorCelda;
  readonly esFormula: boolean;
  /** Verdadero si la celda tenía un valor no vacío distinto que el plan reemplaza. */
  readonly reemplaza: boolean;
  /** Lo calculado que se escribe (el del análisis): de él sale el porqué («PORCENTAJE = 5 / 6 × 100»). */
  readonly calculo: Calculado;
  /** En modo fórmulas, por qué la celda recibe el valor y no la fórmula; si no, `null`. */
  readonly sinFormula: Texto | null;
}
