/**
 * Lectura de los valores que la gente escribe en un PAT (spec §2): números escritos como
 * texto, porcentajes, meses, frecuencias, sentido del indicador y marcadores de plantilla.
 * Nada aquí lanza excepciones: todo devuelve un `Resultado` con un mensaje que dice qué
 * escribir en su lugar.
 */
import { distance } from "fastest-levenshtein";
import { acortar } from "./mostrar";
import { exito, falla, formatearTexto } from "./resultado";
import type { Resultado, Sentido, ValorCelda } from "./tipos";

/** Minúsculas, sin acentos, sin espacios repetidos ni saltos de línea. */
export function normalizar(texto: string): string {
  return texto
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Vacío: nulo, indefinido o texto solo con espacios. */
export function esVacio(v: ValorCelda | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Quita del final los caracteres que cumplen `quitar` («CANCELADA...» → «CANCELADA»). Un
 * bucle y no `/[…]+$/`: esa expresión prueba cada posición de inicio y es cuadrática sobre
 * una celda de 32 767 puntos seguidos de una letra.
 */
export function quitarAlFinal(texto: string, quitar: (codigo: number) => boolean): string {
  let fin = texto.length;
  while (fin > 0 && quitar(texto.charCodeAt(fin - 1))) fin--;
  return fin === texto.length ? texto : texto.slice(0, fin);
}

/** Separa los miles de un entero escrito en cifras con comas («1234567» → «1,234,567»). */
export function agruparMiles(cifras: string): string {
  if (!/^\d+$/.test(cifras)) return cifras; // «1e+21» y otras formas exponenciales, tal cual
  let r = "";
  for (let fin = cifras.length; fin > 0; fin -= 3) r = (fin > 3 ? "," : "") + cifras.slice(Math.max(0, fin - 3), fin) + r;
  return r;
}

/** Quita un punto final («Trimestral.» → «Trimestral») antes de buscar en un catálogo. */
export function sinPuntoFinal(texto: string): string {
  return texto.replace(/\.$/, "");
}

/** Fecha como AAAA-MM-DD; una fecha inválida (`new Date(NaN)`) no lanza: da «fecha inválida». */
export function textoFecha(d: Date): string {
  return Number.isNaN(d.getTime()) ? "fecha inválida" : d.toISOString().slice(0, 10);
}

/** Caracteres de un valor citado en un mensaje (con «…» si se corta). */
const LARGO_CITAR = 40;
/** Lo que se mira de un texto largo para citarlo: el resto se corta de todos modos. */
const LEER_CITAR = 400;

/**
 * Texto breve de un valor para citarlo en un mensaje: espacios y saltos seguidos como uno,
 * 40 caracteres como mucho. Solo se recorre el principio de un texto largo (32 767
 * caracteres por celda y varias citas por fila).
 */
export function citar(v: ValorCelda | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return textoFecha(v);
  const completo = String(v).replace(/^\s+/, "");
  const trozo = completo.length > LEER_CITAR ? completo.slice(0, LEER_CITAR) : completo;
  const s = trozo.replace(/\s+/g, " ").trim();
  if (s.length > LARGO_CITAR) return acortar(s, LARGO_CITAR - 2);
  return trozo.length < completo.length ? `${s}…` : s;
}

/** Un número leído: su valor y si venía como porcentaje (`25%` o formato de %). */
export interface Cantidad {
  /** En puntos porcentuales si `porcentaje` (25 % → 25). */
  readonly valor: number;
  readonly porcentaje: boolean;
}

/** Verdadero si un formato de número de Excel muestra porcentaje («0%», «0.00 %»). */
export function formatoEsPorcentaje(formato: string | null | undefined): boolean {
  if (!formato) return false;
  // Quita lo literal entre comillas y lo escapado con «\» antes de buscar el %.
  return /%/.test(formato.replace(/"[^"]*"/g, "").replace(/\\./g, ""));
}

const ESPACIOS = /[\u00A0\u202F\u2007]/g;
// Miles con coma o espacio («1,234.50», «2 275 339.62»), o sin separador («1234.5»).
const CON_MILES = /^\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?$/;
const SIMPLE = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
// Coma decimal de una o dos cifras («83,33»): en México la coma separa miles, pero quien
// tiene Excel en español de España escribe así; con tres cifras («1,234») se leen miles.
const COMA_DECIMAL = /^\d+,\d{1,2}$/;

const MENSAJE_NO_NUMERO = {
  es: "«{texto}» no es un número. Escriba solo la cifra, por ejemplo 6, 1,234.50 o 25%.",
  en: "\"{texto}\" is not a number. Write only the figure, for example 6, 1,234.50 or 25%.",
};

/**
 * Lee una cantidad. `null` si la celda está vacía. Un número con formato de porcentaje
 * (0.25 mostrado como 25 %) y el texto «25%» valen 25 puntos.
 */
export function leerCantidad(v: ValorCelda | undefined, formatoNumero?: string | null): Resultado<Cantidad | null> {
  const q = cantidadDe(v, formatoNumero);
  if (q !== undefined) return exito(q);
  const texto = typeof v === "number" ? String(v) : citar(v ?? null);
  return falla("valor", formatearTexto(MENSAJE_NO_NUMERO, { texto }));
}

/**
 * Lo mismo que `leerCantidad` sin el `Resultado` ni el mensaje: `undefined` si no es un número.
 * Para la lectura de filas, que lee varias cantidades por actividad y solo pregunta si se leyó
 * (el mensaje lo arma el hallazgo).
 */
export function cantidadDe(v: ValorCelda | undefined, formatoNumero?: string | null): Cantidad | null | undefined {
  if (esVacio(v)) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return undefined;
    return formatoEsPorcentaje(formatoNumero) ? { valor: v * 100, porcentaje: true } : { valor: v, porcentaje: false };
  }
  if (typeof v !== "string") return undefined;

  let t = v.replace(ESPACIOS, " ").trim();
  let porcentaje = false;
  if (t.endsWith("%")) {
    porcentaje = true;
    t = t.slice(0, -1).trim();
  }
  let signo = 1;
  if (t.startsWith("+") || t.startsWith("-")) {
    signo = t[0] === "-" ? -1 : 1;
    t = t.slice(1).replace(/^\s+/, "");
  }
  if (t.startsWith("$")) t = t.slice(1).replace(/^\s+/, "");
  let numero: number;
  if (CON_MILES.test(t)) numero = Number(t.replace(/[, ]/g, ""));
  else if (SIMPLE.test(t)) numero = Number(t);
  else if (COMA_DECIMAL.test(t)) numero = Number(t.replace(",", "."));
  else return undefined;
  return { valor: signo * numero, porcentaje };
}

/** Lee un número (ver `leerCantidad`); `null` si la celda está vacía. */
export function leerNumero(v: ValorCelda | undefined, formatoNumero?: string | null): Resultado<number | null> {
  const r = leerCantidad(v, formatoNumero);
  return r.ok ? exito(r.valor === null ? null : r.valor.valor) : r;
}

// ---------------------------------------------------------------- meses

export const NOMBRES_MES = [
  "enero", "febrero", "marzo", "abril", "mayo", "junio",
  "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
] as const;

const MESES_POR_NOMBRE: ReadonlyMap<string, number> = new Map<string, number>([
  ...NOMBRES_MES.map((n, i) => [n, i + 1] as [string, number]),
  ...NOMBRES_MES.map((n, i) => [n.slice(0, 3), i + 1] as [string, number]),
  ["setiembre", 9], ["sept", 9], ["set", 9],
]);

const MENSAJE_MES = {
  es: "«{texto}» no es un mes. Escriba un número del 1 al 12 o el nombre del mes (enero… diciembre).",
  en: "\"{texto}\" is not a month. Write a number from 1 to 12 or the month's Spanish name (enero… diciembre).",
};

/** Lee un mes: 1–12, «enero»…«diciembre» o «ene»…«dic». `null` si está vacío. */
export function leerMes(v: ValorCelda | undefined): Resultado<number | null> {
  if (esVacio(v)) return exito(null);
  let n: number | undefined;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const t = sinPuntoFinal(normalizar(v));
    n = /^\d+(?:\.0+)?$/.test(t) ? Number(t) : MESES_POR_NOMBRE.get(t);
  }
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 12) {
    return falla("valor", formatearTexto(MENSAJE_MES, { texto: citar(v ?? null) }));
  }
  return exito(n);
}

// ---------------------------------------------------------------- frecuencias

export interface Frecuencia {
  /** Nombre canónico («Trimestral»). */
  readonly nombre: string;
  /** Meses entre dos mediciones. */
  readonly meses: number;
}

export const FRECUENCIAS: ReadonlyArray<Frecuencia> = [
  { nombre: "Mensual", meses: 1 },
  { nombre: "Bimestral", meses: 2 },
  { nombre: "Trimestral", meses: 3 },
  { nombre: "Cuatrimestral", meses: 4 },
  { nombre: "Semestral", meses: 6 },
  { nombre: "Anual", meses: 12 },
  { nombre: "Bienal", meses: 24 },
];

/** La frecuencia del catálogo más parecida a un texto mal escrito, si hay una cercana. */
export function sugerirFrecuencia(texto: string): Frecuencia | null {
  const t = normalizar(texto);
  let mejor: Frecuencia | null = null;
  let mejorDistancia = Infinity;
  for (const f of FRECUENCIAS) {
    const d = distance(t, normalizar(f.nombre));
    if (d < mejorDistancia) {
      mejor = f;
      mejorDistancia = d;
    }
  }
  // Hasta 3 ediciones y menos de la mitad de la palabra: «Trimestal», «Semestrall», «anuel».
  return mejor && mejorDistancia <= 3 && mejorDistancia * 2 < t.length ? mejor : null;
}

/** Lee una frecuencia de medición del catálogo; sugiere la más parecida si hay una errata. */
export function leerFrecuencia(v: ValorCelda | undefined): Resultado<Frecuencia | null> {
  if (esVacio(v)) return exito(null);
  const texto = typeof v === "string" ? v : citar(v ?? null);
  const t = sinPuntoFinal(normalizar(texto));
  const exacta = FRECUENCIAS.find((f) => normalizar(f.nombre) === t);
  if (exacta) return exito(exacta);
  const sugerida = sugerirFrecuencia(texto);
  const lista = FRECUENCIAS.map((f) => f.nombre).join(", ");
  if (sugerida) {
    return falla("valor", formatearTexto(
      {
        es: "«{texto}» no es una frecuencia del catálogo. ¿Quiso decir «{sugerida}»? Escriba una de: {lista}.",
        en: "\"{texto}\" is not a catalogue frequency. Did you mean \"{sugerida}\"? Write one of: {lista}.",
      },
      { texto: citar(texto), sugerida: sugerida.nombre, lista },
    ));
  }
  return falla("valor", formatearTexto(
    {
      es: "«{texto}» no es una frecuencia del catálogo. Escriba una de: {lista}.",
      en: "\"{texto}\" is not a catalogue frequency. Write one of: {lista}.",
    },
    { texto: citar(texto), lista },
  ));
}

// ---------------------------------------------------------------- sentido

const DESCENDENTES = new Set(["reduccion", "descendente", "disminucion", "decremento", "reducir", "disminuir"]);
const ASCENDENTES = new Set(["incremento", "ascendente", "aumento", "constante", "incrementar", "aumentar", "mantener"]);

/** Lee la tendencia o sentido del indicador. Vacío → ascendente. */
export function leerSentido(v: ValorCelda | undefined): Resultado<Sentido> {
  if (esVacio(v)) return exito("ascendente");
  const t = sinPuntoFinal(normalizar(String(v)));
  if (DESCENDENTES.has(t)) return exito("descendente");
  if (ASCENDENTES.has(t)) return exito("ascendente");
  return falla("valor", formatearTexto(
    {
      es: "«{texto}» no es un sentido. Escriba «Incremento», «Constante» o «Reducción» (o «Ascendente»/«Descendente»).",
      en: "\"{texto}\" is not a direction. Write \"Incremento\", \"Constante\" or \"Reducción\" (or \"Ascendente\"/\"Descendente\").",
    },
    { texto: citar(v ?? null) },
  ));
}

// ---------------------------------------------------------------- marcadores de plantilla

/**
 * Letras del español y del latín extendido, para clases de regex. Se escriben como rangos
 * y no como `\p{L}` porque el entorno de funciones personalizadas de Excel de escritorio
 * en Windows solo entiende ECMAScript 2016 (sin escapes Unicode ni lookbehind).
 */
export const LETRAS = "A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF\u0300-\u036F\u1E00-\u1EFF";

// «xxx», «xx», «___», «(poner las que correspondan)». «XX» y «XXX» en mayúsculas pueden
// ser números romanos («fracción XXX»): cuentan solo si no siguen a una palabra de
// referencia legal; cuatro o más X siempre cuentan.
// eslint-disable-next-line no-misleading-character-class, regexp/no-misleading-unicode-character, regexp/no-obscure-range -- LETRAS incluye a propósito los acentos combinables (U+0300–U+036F) y los rangos de letras latinas
const EQUIS = new RegExp(`(^|[^${LETRAS}\\d])([xX]{2,})(?![${LETRAS}\\d])`, "g");
const REFERENCIA_LEGAL = /(?:fracci[oó]n(?:es)?|art[ií]culos?|cap[ií]tulo|t[ií]tulo|numeral|inciso|secci[oó]n|apartado|base)\s+$/i;
const OTROS_MARCADORES: ReadonlyArray<RegExp> = [
  /_{2,}/,
  /\(\s*(?:poner|indicar|escribir|anotar)\s+(?:las?|los?|el)\s+que\s+correspond\w*\s*\)/i,
];

/** La palabra de referencia legal más larga con sus espacios cabe aquí: no se mira más atrás. */
const ANTES_MAXIMO = 40;

function esEquisDeMarcador(equis: string, antes: string): boolean {
  if (equis.indexOf("x") !== equis.lastIndexOf("x")) return true; // dos o más minúsculas: «xx», «xxx», «Xxx»
  if (equis.length >= 4) return true;
  // Solo el final de lo anterior: probar la expresión sobre todo el texto por cada «XXX»
  // sería cuadrático en una celda llena de «fracción XXX».
  return equis.length === 3 && !REFERENCIA_LEGAL.test(antes.slice(-ANTES_MAXIMO));
}

/** Devuelve el marcador de plantilla que contiene el texto (`xxx`, `___`…) o `null`. */
export function buscarMarcador(v: ValorCelda | undefined): string | null {
  if (typeof v !== "string") return null;
  EQUIS.lastIndex = 0;
  for (let m = EQUIS.exec(v); m !== null; m = EQUIS.exec(v)) {
    const inicio = m.index + m[1].length;
    if (esEquisDeMarcador(m[2], v.slice(Math.max(0, inicio - ANTES_MAXIMO), inicio))) return m[2];
  }
  for (const patron of OTROS_MARCADORES) {
    const m = patron.exec(v);
    if (m) return m[0];
  }
  return null;
}
