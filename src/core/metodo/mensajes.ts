/**
 * Mensajes del método de cálculo, en español e inglés. Cada uno dice qué está mal y qué
 * escribir en su lugar. Las posiciones se muestran contando desde 1 (como las cuenta una
 * persona); el campo `posicion` de `ErrorPat` es base 0.
 */
import type { Texto } from "../tipos";
import { citar } from "../valores";

export const EJEMPLO = "Documentos realizados / Documentos programados × 100";

const SUGERENCIA: Texto = {
  es: `Escriba, por ejemplo, «${EJEMPLO}».`,
  en: `Write, for example, "${EJEMPLO}".`,
};

/** Cita breve de un fragmento del método (la misma que `citar`: solo mira el principio). */
export function citarFragmento(s: string): string {
  return citar(s);
}

/** «No se entiende el método en la posición N: <detalle>. Escriba, por ejemplo, …» */
export function noSeEntiende(posicion: number, detalle: Texto): Texto {
  return {
    es: `No se entiende el método en la posición ${posicion + 1}: ${detalle.es}. ${SUGERENCIA.es}`,
    en: `The method cannot be understood at position ${posicion + 1}: ${detalle.en}. ${SUGERENCIA.en}`,
  };
}

export const detalles = {
  faltaOperandoDespues: (op: string): Texto => ({
    es: `falta un operando después de «${op}»`,
    en: `an operand is missing after "${op}"`,
  }),
  faltaOperandoAntes: (op: string): Texto => ({
    es: `falta un operando antes de «${op}»`,
    en: `an operand is missing before "${op}"`,
  }),
  dosOperadores: (a: string, b: string): Texto => ({
    es: `hay dos operadores seguidos («${a}» y «${b}»); quite uno o escriba entre ellos el dato que falta`,
    en: `there are two operators in a row ("${a}" and "${b}"); remove one or write the missing item between them`,
  }),
  faltaOperador: (a: string, b: string): Texto => ({
    es: `falta un operador (/, ×, + o −) entre «${a}» y «${b}»`,
    en: `an operator (/, ×, + or −) is missing between "${a}" and "${b}"`,
  }),
  sinCerrar: (abre: string, cierre: string): Texto => ({
    es: `el «${abre}» no se cierra; agregue «${cierre}» donde termine el grupo`,
    en: `the "${abre}" is never closed; add "${cierre}" where the group ends`,
  }),
  cierreSobrante: (cierre: string): Texto => ({
    es: `sobra el «${cierre}»: no cierra ningún paréntesis abierto`,
    en: `the "${cierre}" is extra: it closes no open parenthesis`,
  }),
  cierreDistinto: (esperado: string, encontrado: string): Texto => ({
    es: `se esperaba «${esperado}» pero hay «${encontrado}»`,
    en: `"${esperado}" was expected but there is "${encontrado}"`,
  }),
  parentesisVacios: (): Texto => ({
    es: "los paréntesis están vacíos",
    en: "the parentheses are empty",
  }),
  noAdmitido: (signo: string): Texto => ({
    es: `el signo «${signo}» no se admite (use /, ×, + o −)`,
    en: `the sign "${signo}" is not allowed (use /, ×, + or −)`,
  }),
  igual: (): Texto => ({
    es: "el signo «=» solo puede separar un nombre del método («Porcentaje = A / B × 100»)",
    en: "the \"=\" sign can only separate a name from the method (\"Porcentaje = A / B × 100\")",
  }),
  demasiadoLargo: (): Texto => ({
    es: "el método es demasiado largo o tiene demasiados paréntesis anidados",
    en: "the method is too long or has too many nested parentheses",
  }),
};

export const mensajes = {
  vacio: (): Texto => ({
    es: `El método de cálculo está vacío. ${SUGERENCIA.es}`,
    en: `The calculation method is empty. ${SUGERENCIA.en}`,
  }),
  plantilla: (texto: string): Texto => ({
    es: `El método de cálculo es un texto de plantilla sin llenar («${citarFragmento(texto)}»). ${SUGERENCIA.es}`,
    en: `The calculation method is an unfilled template placeholder ("${citarFragmento(texto)}"). ${SUGERENCIA.en}`,
  }),
  /** Empieza con «=», «+» o «@», o tiene «|» o «!»: parece una fórmula o una llamada a otro programa. */
  pareceFormula: (signo: string, posicion: number): Texto => ({
    es: `El método de cálculo no se evalúa: ${signo === "|" || signo === "!" || signo === "｜" || signo === "！" ? `tiene «${signo}» en la posición ${posicion + 1}` : `empieza con «${signo}»`}, como una fórmula de Excel o una llamada a otro programa. Escriba el método con palabras y operadores, sin «=», «+» o «@» al inicio ni «|» o «!». ${SUGERENCIA.es}`,
    en: `The calculation method is not evaluated: ${signo === "|" || signo === "!" || signo === "｜" || signo === "！" ? `it has "${signo}" at position ${posicion + 1}` : `it starts with "${signo}"`}, like an Excel formula or a call to another program. Write the method with words and operators, without a leading "=", "+" or "@" and without "|" or "!". ${SUGERENCIA.en}`,
  }),
  interno: (): Texto => ({
    es: `No se pudo analizar el método de cálculo. ${SUGERENCIA.es}`,
    en: `The calculation method could not be analysed. ${SUGERENCIA.en}`,
  }),
  divideEntre100: (sugerido: string): Texto => ({
    es: `El método divide entre 100; para un porcentaje multiplique: «(A / B) × 100». Escriba «${sugerido}».`,
    en: `The method divides by 100; for a percentage multiply: "(A / B) × 100". Write "${sugerido}".`,
  }),
  sinVariables: (texto: string): Texto => ({
    es: `El método solo tiene números («${citarFragmento(texto)}»); escriba los nombres de los datos que se calculan. ${SUGERENCIA.es}`,
    en: `The method has only numbers ("${citarFragmento(texto)}"); write the names of the items it is computed from. ${SUGERENCIA.en}`,
  }),
  faltaValor: (nombre: string, numero: number): Texto => ({
    es: `Falta el valor de «${citarFragmento(nombre)}» (dato ${numero} del método); escriba un número.`,
    en: `The value of "${citarFragmento(nombre)}" (item ${numero} of the method) is missing; write a number.`,
  }),
  valorNoNumerico: (nombre: string, numero: number): Texto => ({
    es: `El valor de «${citarFragmento(nombre)}» (dato ${numero} del método) no es un número finito; escriba un número.`,
    en: `The value of "${citarFragmento(nombre)}" (item ${numero} of the method) is not a finite number; write a number.`,
  }),
  divisionEntreCero: (divisor: string): Texto => ({
    es: `División entre cero: «${citarFragmento(divisor)}» vale 0; el resultado se podrá calcular cuando tenga un valor distinto de 0.`,
    en: `Division by zero: "${citarFragmento(divisor)}" is 0; the result can be computed once it has a non-zero value.`,
  }),
  resultadoNoFinito: (): Texto => ({
    es: "El resultado del método no es un número finito; revise que los valores sean de un tamaño razonable.",
    en: "The result of the method is not a finite number; check that the values are of a reasonable size.",
  }),
};
