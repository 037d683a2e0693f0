/**
 * Inyección de fórmulas (CSV/DDE): qué textos y qué fórmulas de una hoja pueden ejecutar algo
 * al exportar o abrir el libro. Funciones puras; la validación las llama celda por celda y el
 * análisis del método rechaza los mismos signos.
 *
 * - Un texto que empieza con «=», «+», «-», «@» (o sus formas de ancho completo «＝＋－＠»,
 *   que Excel con un IME asiático toma como los mismos signos), con un tabulador o un salto
 *   de línea se toma como fórmula en un CSV abierto por Excel u otra hoja de cálculo.
 * - Una fórmula real fuera de las columnas calculadas que llama a otro programa (DDE,
 *   `=cmd|' /C calc'!A0`) o a la red (HYPERLINK, WEBSERVICE, CALL, REGISTER) no la puso el
 *   complemento y puede ejecutar o filtrar algo al abrir el libro.
 */
import type { Texto, ValorCelda } from "./tipos";

/** El signo con que empieza un texto peligroso: el carácter y cómo nombrarlo en un mensaje. */
export interface SignoInicial {
  readonly caracter: string;
  readonly nombre: Texto;
}

const NOMBRE_CONTROL: Readonly<Record<number, Texto>> = {
  9: { es: "un tabulador", en: "a tab" },
  10: { es: "un salto de línea", en: "a line feed" },
  13: { es: "un retorno de carro", en: "a carriage return" },
};

/** = + - @ y sus formas de ancho completo (U+FF1D, U+FF0B, U+FF0D, U+FF20). */
const SIGNOS = new Set([0x3d, 0x2b, 0x2d, 0x40, 0xff1d, 0xff0b, 0xff0d, 0xff20]);

/**
 * Signo de fórmula con que empieza el texto, o `null`. No cuentan los textos que son un número
 * escrito («-5», «+3»: `esNumero` los reconoce) ni las rayas de relleno («-», «---», «===»).
 */
export function signoDeInyeccion(v: ValorCelda | undefined, esNumero: (texto: string) => boolean): SignoInicial | null {
  if (typeof v !== "string" || v.length === 0) return null;
  const k = v.charCodeAt(0);
  const control = NOMBRE_CONTROL[k];
  if (control) {
    // Un tabulador o un salto seguido solo de espacios no esconde nada.
    return v.trim().length > 0 ? { caracter: v[0], nombre: control } : null;
  }
  if (!SIGNOS.has(k) || v.length < 2) return null;
  if (esRelleno(v) || esNumero(v)) return null;
  return { caracter: v[0], nombre: nombreDelSigno(v[0]) };
}

/** Cómo nombrar en un mensaje el carácter con que empieza un texto peligroso. */
export function nombreDelSigno(caracter: string): Texto {
  return NOMBRE_CONTROL[caracter.charCodeAt(0)] ?? { es: `«${caracter}»`, en: `"${caracter}"` };
}

/** «-», «---», «=__=»: solo rayas, iguales o guiones bajos (con espacios alrededor). */
function esRelleno(v: string): boolean {
  const t = v.trim();
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const k = t.charCodeAt(i);
    if (k !== 0x2d && k !== 0x3d && k !== 0x5f) return false;
  }
  return true;
}

/** Funciones de Excel que llaman a otro programa o a la red. */
const FUNCIONES_EXTERNAS = ["HYPERLINK", "WEBSERVICE", "CALL", "REGISTER", "REGISTER.ID"];

/** Quita de una fórmula las cadenas entre comillas dobles («"a|b"» no es DDE). */
function sinCadenas(formula: string): string {
  let r = "";
  let enCadena = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') enCadena = !enCadena; // «""» dentro de una cadena cambia dos veces
    else if (!enCadena) r += ch;
  }
  return r;
}

function esDeNombre(k: number): boolean {
  return (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || k === 95 || k === 46; // 0-9 A-Z a-z _ .
}

/**
 * Qué llamada externa hace una fórmula (con o sin «=» inicial): «DDE (|)», «HYPERLINK»… o
 * `null`. Se leen los nombres de función fuera de las cadenas; una pasada, sin retroceso.
 */
export function llamadaExterna(formula: string | null | undefined): string | null {
  if (!formula) return null;
  const f = sinCadenas(formula);
  if (f.includes("|")) return "DDE (|)";
  const mayus = f.toUpperCase();
  let i = 0;
  while (i < mayus.length) {
    if (!esDeNombre(mayus.charCodeAt(i))) {
      i++;
      continue;
    }
    const inicio = i;
    while (i < mayus.length && esDeNombre(mayus.charCodeAt(i))) i++;
    let j = i;
    while (j < mayus.length && mayus[j] === " ") j++;
    if (mayus[j] !== "(") continue;
    const nombre = mayus.slice(inicio, i).replace(/^_XLFN\./, "");
    if (FUNCIONES_EXTERNAS.includes(nombre)) return nombre;
  }
  return null;
}

/**
 * Por qué un texto de método de cálculo parece una fórmula o una llamada externa: empieza
 * con «=», «+» o «@» (también de ancho completo, tras espacios) o contiene «|» o «!».
 * Devuelve el carácter y su posición (base 0), o `null`. Un método no necesita ninguno.
 */
export function signoPeligrosoEnMetodo(texto: string): { caracter: string; posicion: number } | null {
  let i = 0;
  while (i < texto.length && texto.charCodeAt(i) <= 32) i++;
  const k = texto.charCodeAt(i);
  if (k === 0x3d || k === 0x2b || k === 0x40 || k === 0xff1d || k === 0xff0b || k === 0xff20) return { caracter: texto[i], posicion: i };
  for (let j = 0; j < texto.length; j++) {
    const c = texto[j];
    if (c === "|" || c === "!" || c === "｜" || c === "！") return { caracter: c, posicion: j };
  }
  return null;
}
