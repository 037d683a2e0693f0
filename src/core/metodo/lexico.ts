/**
 * Análisis léxico del método de cálculo, en dos pasos:
 *
 * 1. `escanear`: corta el texto en palabras, números, signos y paréntesis.
 * 2. `resolver`: decide, por el contexto, qué palabras son operadores («x», «por», «entre»,
 *    «multiplicado por», «dividido entre») y agrupa las demás en nombres de variable:
 *    «Solicitudes turnadas por la DEOE» es un solo nombre, pero en «… por 100» «por» multiplica.
 *
 * Todas las posiciones son base 0 sobre el texto original. Nada aquí lanza excepciones.
 */
import type { Operador } from "./tipos";
import { LETRAS } from "../valores";

/** Un trozo del texto tal como aparece, antes de decidir qué palabras son operadores. */
export type TokenCrudo =
  | { tipo: "palabra"; texto: string; inicio: number; fin: number }
  | { tipo: "numero"; valor: number; inicio: number; fin: number }
  | { tipo: "operador"; operador: Operador; inicio: number; fin: number }
  | { tipo: "abre"; cierre: string; inicio: number; fin: number }
  | { tipo: "cierra"; inicio: number; fin: number }
  | { tipo: "igual"; inicio: number; fin: number }
  | { tipo: "invalido"; inicio: number; fin: number };

/** Lo que recibe el analizador sintáctico: operandos ya agrupados y operadores ya decididos. */
export type Token =
  | { tipo: "variable"; nombre: string; inicio: number; fin: number }
  | { tipo: "numero"; valor: number; inicio: number; fin: number }
  | { tipo: "operador"; operador: Operador; inicio: number; fin: number }
  | { tipo: "abre"; cierre: string; inicio: number; fin: number }
  | { tipo: "cierra"; inicio: number; fin: number }
  | { tipo: "igual"; inicio: number; fin: number }
  | { tipo: "invalido"; inicio: number; fin: number };

// ------------------------------------------------------------------------ caracteres

const OPERADORES: Readonly<Record<string, Operador>> = {
  "/": "/", "÷": "/", "∕": "/", "⁄": "/",
  "*": "*", "×": "*", "·": "*", "∙": "*", "⋅": "*", "∗": "*",
  "+": "+", "＋": "+",
  "-": "-", "–": "-", "−": "-", "—": "-", "‐": "-", "‑": "-", "－": "-",
};
/**
 * Guiones que, pegados, son parte del nombre: entre dígitos («2023-2024») o en una palabra
 * compuesta («político-electoral»: dos letras o más antes y minúscula después). Con espacios,
 * o ante mayúscula o dígito («Quejas 2024-Quejas 2023», «A-B»), restan.
 */
const GUIONES_DE_PALABRA = new Set(["-", "–", "‐", "‑"]);
const APERTURAS: Readonly<Record<string, string>> = { "(": ")", "[": "]", "{": "}", "（": "）" };
const CIERRES = new Set([")", "]", "}", "）"]);
/** Signos que no tienen sentido en un método y que, dentro de un nombre, serían una confusión. */
const NO_ADMITIDOS = new Set(["^"]);

const ESPACIO = /[\s\u200B]/;
// Rangos explícitos en vez de \p{L}: el entorno de funciones de Excel en Windows es ES2016.
const LETRA = new RegExp(`[${LETRAS}\\u0370-\\u03FF\\u0400-\\u04FF]`);

// Atajos ASCII antes de las expresiones regulares: el análisis corre una vez por fila.
function esEspacio(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k === 32) return true;
  if (k > 32 && k < 128) return false;
  return ESPACIO.test(c);
}
function esLetra(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k < 128) return (k >= 65 && k <= 90) || (k >= 97 && k <= 122);
  return LETRA.test(c);
}
function esDigito(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  return k >= 48 && k <= 57;
}
/** Letras y dígitos ASCII no cortan una palabra: la mayoría de los caracteres de un método. */
function esAlfanumericoAscii(c: string): boolean {
  const k = c.charCodeAt(0);
  return (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122);
}

/** `1,000` · `100` · `100.0` · `.5` · `100.` (punto final de frase) · `100%` (se lee «× 100%» como × 100). */
const NUMERO = /^(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\.?|\.\d+)%?$/;

function guionDePalabra(texto: string, k: number): boolean {
  if (!GUIONES_DE_PALABRA.has(texto[k])) return false;
  const antes = texto[k - 1];
  const despues = texto[k + 1];
  if (esDigito(antes) && esDigito(despues)) return true;
  return esLetra(antes) && esLetra(texto[k - 2]) && esLetra(despues) && despues === despues.toLowerCase() && despues !== despues.toUpperCase();
}

/** La barra de «y/o» es parte del nombre, no una división. */
function barraDeYO(texto: string, k: number): boolean {
  if (texto[k] !== "/") return false;
  const y = texto[k - 1];
  const o = texto[k + 1];
  if (y !== "y" && y !== "Y") return false;
  if (o !== "o" && o !== "O") return false;
  const antesDeY = texto[k - 2];
  const despuesDeO = texto[k + 2];
  return (antesDeY === undefined || esEspacio(antesDeY)) && !esLetra(despuesDeO) && !esDigito(despuesDeO);
}

function cortaPalabra(texto: string, k: number): boolean {
  const c = texto[k];
  if (esAlfanumericoAscii(c) || esLetra(c)) return false;
  if (esEspacio(c) || c in APERTURAS || CIERRES.has(c) || c === "=" || NO_ADMITIDOS.has(c)) return true;
  return c in OPERADORES && !guionDePalabra(texto, k) && !barraDeYO(texto, k);
}

// ------------------------------------------------------------------------ paso 1

/** Corta el texto en trozos; no decide todavía qué palabras son operadores. */
export function escanear(texto: string): TokenCrudo[] {
  const tokens: TokenCrudo[] = [];
  const n = texto.length;
  let i = 0;
  while (i < n) {
    const c = texto[i];
    if (esEspacio(c)) {
      i++;
    } else if (c in APERTURAS) {
      tokens.push({ tipo: "abre", cierre: APERTURAS[c], inicio: i, fin: i + 1 });
      i++;
    } else if (CIERRES.has(c)) {
      tokens.push({ tipo: "cierra", inicio: i, fin: i + 1 });
      i++;
    } else if (c === "=") {
      tokens.push({ tipo: "igual", inicio: i, fin: i + 1 });
      i++;
    } else if (NO_ADMITIDOS.has(c)) {
      tokens.push({ tipo: "invalido", inicio: i, fin: i + 1 });
      i++;
    } else if (cortaPalabra(texto, i)) {
      tokens.push({ tipo: "operador", operador: OPERADORES[c], inicio: i, fin: i + 1 });
      i++;
    } else {
      let j = i + 1;
      while (j < n && !cortaPalabra(texto, j)) j++;
      agregarPalabra(tokens, texto.slice(i, j), i);
      i = j;
    }
  }
  return tokens;
}

function agregarPalabra(tokens: TokenCrudo[], palabra: string, inicio: number): void {
  const fin = inicio + palabra.length;
  if (NUMERO.test(palabra)) {
    tokens.push({ tipo: "numero", valor: leerNumero(palabra), inicio, fin });
  } else if ((palabra[0] === "x" || palabra[0] === "X") && NUMERO.test(palabra.slice(1)) && esDigito(palabra[1])) {
    // «x100», «X100»: la x pegada a un número se separa; el contexto decide si multiplica.
    tokens.push({ tipo: "palabra", texto: palabra[0], inicio, fin: inicio + 1 });
    tokens.push({ tipo: "numero", valor: leerNumero(palabra.slice(1)), inicio: inicio + 1, fin });
  } else {
    tokens.push({ tipo: "palabra", texto: palabra, inicio, fin });
  }
}

function leerNumero(s: string): number {
  return Number(s.replace(/[,%]/g, "").replace(/\.$/, ""));
}

// ------------------------------------------------------------------------ paso 2

type Especie = "x" | "por" | "entre" | "multiplicado" | "dividido" | "cien" | "nombre";

function especie(t: TokenCrudo): Especie {
  if (t.tipo !== "palabra") return "nombre";
  const p = t.texto.toLowerCase();
  if (p === "x") return "x";
  if (p === "por") return "por";
  if (p === "entre") return "entre";
  if (p === "cien") return "cien";
  if (/^multiplicad[oa]s?$/.test(p)) return "multiplicado";
  if (/^dividid[oa]s?$/.test(p)) return "dividido";
  return "nombre";
}

const esPalabraOperadora = (t: TokenCrudo): boolean => {
  const e = especie(t);
  return e !== "nombre" && e !== "cien";
};

type Trozo = Extract<TokenCrudo, { tipo: "palabra" | "numero" }>;

/**
 * Decide qué palabras son operadores y agrupa el resto en variables y números.
 *
 * Reglas (el contexto es el trozo de palabras entre dos signos o paréntesis):
 * - «x»/«X» sola multiplica si hay un operando a cada lado («… X 100», «)x100», «A x B»);
 *   al final de un nombre («Rayos X / …») es parte del nombre, salvo al final del texto.
 * - «por» multiplica solo ante un número suelto («por 100») o un paréntesis; si no, es parte
 *   del nombre («turnadas por la DEOE», «por 2 áreas»).
 * - «entre» divide, salvo que el texto ya use «/» o «÷»: entonces es parte del nombre
 *   («Comunicación entre áreas / Total»).
 * - «multiplicado por» y «dividido entre/por» son siempre operadores.
 * - Un número dentro de un nombre es parte del nombre («plazo de 10 días», «Valor de cálculo 1»);
 *   solo, entre operadores, es una constante.
 */
export function resolver(texto: string, crudos: ReadonlyArray<TokenCrudo>): Token[] {
  const salida: Token[] = [];
  const divisionExplicita = crudos.some((t) => t.tipo === "operador" && t.operador === "/");
  let i = 0;
  while (i < crudos.length) {
    const t = crudos[i];
    if (t.tipo !== "palabra" && t.tipo !== "numero") {
      salida.push(t);
      i++;
      continue;
    }
    let j = i;
    const segmento: Trozo[] = [];
    while (j < crudos.length) {
      const u = crudos[j];
      if (u.tipo !== "palabra" && u.tipo !== "numero") break;
      segmento.push(u);
      j++;
    }
    resolverSegmento(texto, segmento, crudos[i - 1], crudos[j], divisionExplicita, salida);
    i = j;
  }
  return salida;
}

function resolverSegmento(
  texto: string,
  seg: ReadonlyArray<Trozo>,
  antes: TokenCrudo | undefined,
  despues: TokenCrudo | undefined,
  divisionExplicita: boolean,
  salida: Token[],
): void {
  const n = seg.length;
  const abreDespues = despues?.tipo === "abre";
  let inicioPieza = 0;
  for (let i = 0; i < n; i++) {
    const e = especie(seg[i]);
    if (e === "nombre" || e === "cien") continue;
    const operandoAntes = i > inicioPieza || (i === 0 && antes?.tipo === "cierra");
    // Al final del texto, «x» o «por» tras un nombre es un operador sin operando («A / B x»):
    // así el analizador lo señala en vez de aceptar un nombre «B x».
    const alFinal = i + 1 === n && despues === undefined;
    const operandoDespues = i + 1 < n || abreDespues;
    let operador: Operador | null = null;
    let largo = 1;
    if (e === "multiplicado" || e === "dividido") {
      const sig = seg[i + 1] ? especie(seg[i + 1]) : "nombre";
      if (e === "multiplicado" && (sig === "por" || sig === "x")) operador = "*";
      if (e === "dividido" && (sig === "entre" || sig === "por")) operador = "/";
      largo = 2;
    } else if (operandoAntes && alFinal && (e === "x" || e === "por")) {
      operador = "*";
    } else if (operandoAntes && operandoDespues) {
      if (e === "x") operador = "*";
      else if (e === "por" && (numeroSuelto(seg, i + 1) || (i + 1 === n && abreDespues))) operador = "*";
      else if (e === "entre" && !divisionExplicita) operador = "/";
    }
    if (operador === null) continue;
    cerrarPieza(texto, seg, inicioPieza, i, salida);
    salida.push({ tipo: "operador", operador, inicio: seg[i].inicio, fin: seg[i + largo - 1].fin });
    i += largo - 1;
    inicioPieza = i + 1;
  }
  cerrarPieza(texto, seg, inicioPieza, n, salida);
}

/** ¿Empieza en `k` un número que está solo (no seguido de más palabras del nombre)? */
function numeroSuelto(seg: ReadonlyArray<Trozo>, k: number): boolean {
  if (k >= seg.length) return false;
  let j = k;
  if (seg[j].tipo === "numero") {
    while (j < seg.length && seg[j].tipo === "numero") j++;
  } else if (especie(seg[j]) === "cien") {
    j++;
  } else {
    return false;
  }
  return j === seg.length || esPalabraOperadora(seg[j]);
}

/** Convierte las palabras y números `seg[a..b)` en un operando (o en varios números sueltos). */
function cerrarPieza(texto: string, seg: ReadonlyArray<Trozo>, a: number, b: number, salida: Token[]): void {
  if (a >= b) return;
  const pieza = seg.slice(a, b);
  const inicio = pieza[0].inicio;
  const fin = pieza[pieza.length - 1].fin;
  if (pieza.every((t) => t.tipo === "numero")) {
    const miles = unirMiles(texto, pieza);
    if (miles !== null) {
      salida.push({ tipo: "numero", valor: miles, inicio, fin });
    } else {
      // Varios números seguidos sin operador: el analizador sintáctico lo señala.
      for (const t of pieza) salida.push({ tipo: "numero", valor: (t as { valor: number }).valor, inicio: t.inicio, fin: t.fin });
    }
    return;
  }
  if (pieza.length === 1 && especie(pieza[0]) === "cien") {
    salida.push({ tipo: "numero", valor: 100, inicio, fin });
    return;
  }
  salida.push({ tipo: "variable", nombre: normalizarNombre(texto.slice(inicio, fin)), inicio, fin });
}

/** «1 000» o «2 275 339.62» (espacio, NBSP o U+202F como separador de miles). */
function unirMiles(texto: string, pieza: ReadonlyArray<Trozo>): number | null {
  if (pieza.length === 1) return (pieza[0] as { valor: number }).valor;
  let cifras = "";
  for (let k = 0; k < pieza.length; k++) {
    const s = texto.slice(pieza[k].inicio, pieza[k].fin);
    const valido = k === 0 ? /^\d{1,3}$/.test(s) : k === pieza.length - 1 ? /^\d{3}(?:\.\d+)?%?$/.test(s) : /^\d{3}$/.test(s);
    if (!valido) return null;
    if (k > 0 && !/^[ \u00A0\u202F\u2007]$/.test(texto.slice(pieza[k - 1].fin, pieza[k].inicio))) return null;
    cifras += s.replace(/%$/, "");
  }
  return Number(cifras);
}

/** El nombre tal como se escribió, sin espacios repetidos ni saltos de línea. */
export function normalizarNombre(nombre: string): string {
  return nombre.replace(/[\s\u200B]+/g, " ").trim();
}

/** Clave con la que se reconoce un nombre repetido: sin mayúsculas, acentos ni espacios repetidos. */
export function claveVariable(nombre: string): string {
  return normalizarNombre(nombre).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Las dos etapas juntas. */
export function tokenizar(texto: string): Token[] {
  return resolver(texto, escanear(texto));
}
