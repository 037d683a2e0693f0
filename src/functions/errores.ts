/**
 * De `Resultado` del núcleo a lo que Excel muestra en una celda. Sin Office: el error de
 * Excel lo fabrica quien llama (`CustomFunctions.Error` en el runtime, un objeto simple en
 * las pruebas), así este módulo se prueba en Node.
 */
import type { ErrorPat, Resultado, TipoError } from "../core/tipos";
import { agruparMiles } from "../core/valores";

/** Los errores de Excel que devuelven las funciones PAT. */
export type CodigoErrorExcel = "#DIV/0!" | "#VALUE!" | "#N/A";

/**
 * Fabrica el error que Excel muestra. Excel solo enseña el mensaje de `#VALUE!` y `#N/A`;
 * `#DIV/0!` no lleva mensaje.
 */
export type CrearError = (codigo: CodigoErrorExcel, mensaje?: string) => unknown;

/** Lo que puede ir en una celda de resultado (además de un error). */
export type ValorSalida = number | string | boolean;

const CODIGOS: Readonly<Record<TipoError, CodigoErrorExcel>> = {
  div0: "#DIV/0!",
  valor: "#VALUE!",
  na: "#N/A",
};

/** El código de Excel de una clase de error del núcleo. */
export function codigoExcel(tipo: TipoError): CodigoErrorExcel {
  return CODIGOS[tipo] ?? "#VALUE!";
}

/** El error de Excel de un `ErrorPat`: `#DIV/0!` sin mensaje; los demás con el mensaje en español. */
export function errorExcel(e: ErrorPat, crear: CrearError): unknown {
  const codigo = codigoExcel(e.tipo);
  return codigo === "#DIV/0!" ? crear(codigo) : crear(codigo, e.mensaje);
}

/**
 * El valor de celda de un resultado: vacío (`""`) si el resultado es `null` (fila sin
 * llenar), el valor si es correcto, el error de Excel si falló. Un número no finito (que
 * Excel no puede guardar) se vuelve `#VALUE!`.
 */
export function valorCelda(r: Resultado<ValorSalida | null>, crear: CrearError): unknown {
  if (!r.ok) return errorExcel(r.error, crear);
  const v = r.valor;
  if (v === null) return "";
  if (typeof v === "number" && !Number.isFinite(v)) {
    return crear("#VALUE!", "El resultado no es un número finito. Revise que los valores no sean enormes ni casi cero.");
  }
  return v;
}

/** Error para una excepción inesperada: nunca dejamos escapar una excepción hacia Excel. */
export function errorInterno(e: unknown, crear: CrearError): unknown {
  let detalle = "";
  try {
    detalle = e instanceof Error ? e.message : String(e);
  } catch {
    detalle = "";
  }
  detalle = detalle.replace(/\s+/g, " ").trim().slice(0, 120);
  return crear(
    "#VALUE!",
    `Error interno de PAT${detalle ? ` (${detalle})` : ""}. Revise los argumentos; si persiste, informe al área de sistemas.`,
  );
}

/** Un argumento que no es una celda (lista anidada, objeto ilegible). */
export function errorCeldaNoLegible(crear: CrearError): unknown {
  return crear(
    "#VALUE!",
    "Un argumento no es una celda: es una lista dentro de otra o un valor que no se puede leer. Pase una celda o un rango con números o textos.",
  );
}

/** El resultado tendría demasiadas celdas (rangos enteros que se cruzan). */
export function errorDemasiadasCeldas(filas: number, columnas: number, maximo: number, crear: CrearError): unknown {
  return crear(
    "#VALUE!",
    `El resultado tendría ${filas} × ${columnas} celdas y el máximo es ${agruparMiles(String(maximo))}. Use rangos del mismo tamaño (una columna con otra columna) o más pequeños.`,
  );
}

/** Error de un elemento que no existe porque los rangos tienen tamaños distintos (como Excel). */
export function errorTamanos(crear: CrearError): unknown {
  return crear(
    "#N/A",
    "Los rangos tienen tamaños distintos. Use rangos con el mismo número de filas y columnas, o una sola celda.",
  );
}
