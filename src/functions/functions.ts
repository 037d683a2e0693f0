/* eslint-disable @typescript-eslint/no-explicit-any -- Excel entrega los rangos como any[][] */
/**
 * Funciones personalizadas PAT.* (espacio de nombres `PAT`, definido en manifest.xml).
 *
 * Corren en el runtime «solo JavaScript» de funciones personalizadas, no en el runtime
 * compartido: son cálculos puros (no leen ni escriben el libro, no usan el DOM ni el
 * panel), así que aprovechan el runtime optimizado para recalcular miles de celdas, se
 * cargan sin abrir el panel y no dependen de la página del panel. Ese runtime admite
 * ECMAScript 2016 (respuesta de Microsoft en OfficeDev/office-js-docs-pr#4496): el paquete
 * se compila a ES2016 y la compilación lo comprueba (scripts/compilacion/comprobaciones.js).
 *
 * Reglas del generador de metadatos (custom-functions-metadata): los tipos de los
 * parámetros van escritos (sin alias), `any[][]` = rango, el último `any[][][]` = argumento
 * repetido, los opcionales llegan como `null`. Cada función acepta celdas o rangos y
 * devuelve un resultado de la misma forma (una celda se difunde contra una columna).
 *
 * Los ID (en inglés) son los mismos en todos los idiomas; los nombres en español están aquí
 * y los ingleses en `localization/en.json`.
 */
import { ejecutar } from "./ejecutar";
import type { CodigoErrorExcel } from "./errores";
import * as op from "./operaciones";

/** Fabrica el error de Excel con el API del runtime de funciones personalizadas. */
function crearError(codigo: CodigoErrorExcel, mensaje?: string): unknown {
  const cf = CustomFunctions;
  const codigos = (cf.ErrorCode || {}) as Partial<Record<string, CustomFunctions.ErrorCode>>;
  const clave = codigo === "#DIV/0!" ? "divisionByZero" : codigo === "#N/A" ? "notAvailable" : "invalidValue";
  const valor = (codigos[clave] || codigo) as CustomFunctions.ErrorCode;
  return mensaje === undefined ? new cf.Error(valor) : new cf.Error(valor, mensaje);
}

function correr(operacion: op.Operacion, argumentos: ReadonlyArray<unknown>): any[][] {
  return ejecutar(operacion, argumentos, crearError);
}

/**
 * Porcentaje: numerador entre denominador por 100. Acepta números escritos como texto (1,234.50; 25%) y rangos completos.
 * @customfunction PERCENTAGE PORCENTAJE
 * @param numerador Lo logrado o la parte: número, número escrito como texto, o un rango.
 * @param denominador El total o lo programado. Si vale 0 el resultado es #¡DIV/0!.
 * @returns numerador / denominador × 100, con la forma de los rangos dados.
 */
export function porcentaje(numerador: any[][], denominador: any[][]): any[][] {
  return correr(op.PORCENTAJE, [numerador, denominador]);
}

/**
 * Razón: numerador entre denominador. Acepta números escritos como texto y rangos completos.
 * @customfunction RATIO RAZON
 * @param numerador La parte: número, número escrito como texto, o un rango.
 * @param denominador El total. Si vale 0 el resultado es #¡DIV/0!.
 * @returns numerador / denominador.
 */
export function razon(numerador: any[][], denominador: any[][]): any[][] {
  return correr(op.RAZON, [numerador, denominador]);
}

/**
 * Tasa de variación en por ciento: (actual / anterior − 1) × 100.
 * @customfunction CHANGE_RATE TASA_VARIACION
 * @param actual Valor del periodo actual: número, número escrito como texto, o un rango.
 * @param anterior Valor del periodo anterior. Si vale 0 el resultado es #¡DIV/0!.
 * @returns (actual / anterior − 1) × 100.
 */
export function tasaVariacion(actual: any[][], anterior: any[][]): any[][] {
  return correr(op.TASA_VARIACION, [actual, anterior]);
}

/**
 * Evalúa el método de cálculo escrito en palabras (por ejemplo «Documentos realizados / Documentos programados X 100») con los valores dados, en orden de aparición.
 * @customfunction METHOD METODO
 * @param metodo Texto del MÉTODO DE CÁLCULO, o la celda que lo contiene.
 * @param valor Valores de las variables del método en el orden en que aparecen (VALOR DE CÁLCULO 1, 2…).
 * @returns El resultado del método.
 */
export function evaluarMetodo(metodo: any[][], valor: any[][][]): any[][] {
  const valores = Array.isArray(valor) ? valor : [];
  return correr(op.METODO, [metodo, ...valores]);
}

/**
 * Revisa un método de cálculo: devuelve «OK» o el problema encontrado, en español.
 * @customfunction CHECK_METHOD VALIDAR_METODO
 * @param metodo Texto del MÉTODO DE CÁLCULO, o la celda o el rango que lo contiene.
 * @returns «OK» o la descripción del problema.
 */
export function validarMetodo(metodo: any[][]): any[][] {
  return correr(op.VALIDAR_METODO, [metodo]);
}

/**
 * Porcentaje de cumplimiento de la meta. Ascendente: alcanzado / meta × 100; descendente (Reducción): meta / alcanzado × 100.
 * @customfunction ATTAINMENT CUMPLIMIENTO
 * @param alcanzado Lo alcanzado (META ALCANZADA o UNIDADES CUMPLIDAS): número, texto con número o rango.
 * @param meta La meta (META o META PROPUESTA).
 * @param sentido Incremento/Ascendente (predeterminado) o Reducción/Descendente.
 * @returns El porcentaje de la meta cumplido.
 */
export function cumplimiento(alcanzado: any[][], meta: any[][], sentido?: any[][]): any[][] {
  return correr(op.CUMPLIMIENTO, [alcanzado, meta, sentido]);
}

/**
 * Meta por alcanzar, nunca negativa. Ascendente: meta − alcanzado; descendente: alcanzado − meta.
 * @customfunction REMAINING POR_ALCANZAR
 * @param meta La meta (META PROPUESTA): número, texto con número o rango.
 * @param alcanzado Lo alcanzado (META ALCANZADA). Vacío cuenta como 0.
 * @param sentido Incremento/Ascendente (predeterminado) o Reducción/Descendente.
 * @returns Lo que falta para la meta (0 si ya se cumplió).
 */
export function porAlcanzar(meta: any[][], alcanzado: any[][], sentido?: any[][]): any[][] {
  return correr(op.POR_ALCANZAR, [meta, alcanzado, sentido]);
}

/**
 * Meta programada al mes de corte, con avance lineal entre el mes inicial y el final (metas que cuentan unidades; si la meta es el valor del indicador, lo programado es la meta).
 * @customfunction TARGET_AT_CUTOFF META_AL_CORTE
 * @param meta La meta anual de la actividad.
 * @param mes_inicial MES INICIAL: 1 a 12, «enero»… o «ene»….
 * @param mes_final MES FINAL: 1 a 12, «enero»… o «ene»….
 * @param mes_corte Mes de corte del informe: 1 a 12, «enero»… o «ene»….
 * @returns meta × (corte − inicial + 1) / (final − inicial + 1), entre 0 y la meta.
 */
export function metaAlCorte(meta: any[][], mes_inicial: any[][], mes_final: any[][], mes_corte: any[][]): any[][] {
  return correr(op.META_AL_CORTE, [meta, mes_inicial, mes_final, mes_corte]);
}

/**
 * Número de periodos de informe de una frecuencia entre el mes inicial y el final (Mensual de 1 a 6 → 6).
 * @customfunction PERIODS PERIODOS
 * @param mes_inicial MES INICIAL: 1 a 12, «enero»… o «ene»….
 * @param mes_final MES FINAL: 1 a 12, «enero»… o «ene»….
 * @param frecuencia FRECUENCIA DE MEDICIÓN: Mensual, Bimestral, Trimestral, Cuatrimestral, Semestral, Anual o Bienal (o el número de meses).
 * @returns El número de periodos de informe.
 */
export function periodos(mes_inicial: any[][], mes_final: any[][], frecuencia: any[][]): any[][] {
  return correr(op.PERIODOS, [mes_inicial, mes_final, frecuencia]);
}

/**
 * Estatus de la actividad: PENDIENTE, EN PROCESO, CUMPLIDA o NO CUMPLIDA.
 * @customfunction STATUS ESTATUS
 * @param meta La meta (mayor que 0).
 * @param alcanzado Lo alcanzado; vacío cuenta como 0.
 * @param mes_inicial MES INICIAL: 1 a 12 o el nombre del mes.
 * @param mes_final MES FINAL: con un mes de corte posterior, la meta no cumplida es NO CUMPLIDA.
 * @param mes_corte Mes de corte del informe: 1 a 12 o el nombre del mes.
 * @param sentido Incremento/Ascendente (predeterminado) o Reducción/Descendente.
 * @returns El estatus calculado.
 */
export function estatus(
  meta: any[][],
  alcanzado: any[][],
  mes_inicial?: any[][],
  mes_final?: any[][],
  mes_corte?: any[][],
  sentido?: any[][],
): any[][] {
  return correr(op.ESTATUS, [meta, alcanzado, mes_inicial, mes_final, mes_corte, sentido]);
}

/**
 * Semáforo del avance: VERDE, AMARILLO, ROJO o SIN DATO, según alcanzado / programado al corte × 100.
 * @customfunction TRAFFIC_LIGHT SEMAFORO
 * @param alcanzado Lo alcanzado al corte.
 * @param programado Lo esperado al corte: PAT.META_AL_CORTE si la meta cuenta unidades (pat-organo, avance-metas); la meta misma si es el valor del indicador (pat-transversal, indicadores-resultados).
 * @param perfil simetrico (predeterminado: verde de 95 a 105) o ascendente (sobrecumplir también es verde).
 * @returns VERDE, AMARILLO, ROJO o SIN DATO.
 */
export function semaforo(alcanzado: any[][], programado: any[][], perfil?: any[][]): any[][] {
  return correr(op.SEMAFORO, [alcanzado, programado, perfil]);
}

/**
 * El número que la persona quiso escribir: «2 275 339.62», «1,234.50», «$ 1,200», «25%» (= 25).
 * @customfunction NUMBER NUMERO
 * @param texto Texto o celda con el número.
 * @returns El número.
 */
export function numero(texto: any[][]): any[][] {
  return correr(op.NUMERO, [texto]);
}
