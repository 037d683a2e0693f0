/**
 * Método de cálculo (spec §3): el texto de la columna MÉTODO DE CÁLCULO analizado con un
 * analizador propio (nunca `eval`), clasificado y evaluado con los valores de sus variables.
 */
export type { ClaseMetodo, Metodo, Nodo, Operador } from "./tipos";
import { memorizarTexto } from "../memoria";
import { analizarMetodo } from "./analizar";

export { analizarMetodo, esPlantilla } from "./analizar";
/** `analizarMetodo` con memoria: una columna repite el mismo método en muchas filas. */
export const analizarMetodoEnCache = memorizarTexto(analizarMetodo, 5000);
export { evaluarMetodo, type OpcionesEvaluacion } from "./evaluar";
export { revisarMetodo, type Revision } from "./revisar";
export { claveVariable } from "./lexico";
export { compilarMetodo, literalExcel, type Compilacion, type OpcionesCompilacion } from "./excel";
