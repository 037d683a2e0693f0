/** `analizarMetodo`: del texto de MÉTODO DE CÁLCULO a un `Metodo` (árbol, variables y clase). */
import { signoPeligrosoEnMetodo } from "../inyeccion";
import { exito, falla } from "../resultado";
import type { Resultado } from "../tipos";
import { clasificar } from "./clasificar";
import { tokenizar } from "./lexico";
import { mensajes } from "./mensajes";
import { analizarSintaxis } from "./sintaxis";
import type { Metodo } from "./tipos";

/**
 * Textos que ocupan la celda sin ser un método: marcadores de plantilla (spec §2) y «no aplica».
 * Un marcador dentro de un método («xxx / xxx») sí se analiza: son nombres de variable.
 */
const PLANTILLA =
  /^(?:x+|_{2,}|\.{3,}|…+|[-–—]+|n\s*\/\s*a|n\.?\s*a\.?|no\s+aplica|s\s*\/\s*d|por\s+definir|\(\s*(?:poner|indicar|escribir|anotar)\s+(?:las?|los?|el)\s+que\s+correspond\w*\s*\))$/i;

export function esPlantilla(texto: string): boolean {
  return PLANTILLA.test(texto.trim());
}

/** Analiza el texto del método. Nunca lanza: un texto que no se entiende da un error con su posición. */
export function analizarMetodo(texto: string): Resultado<Metodo> {
  try {
    const t = typeof texto === "string" ? texto : texto === null || texto === undefined ? "" : String(texto);
    if (!/[^\s\u200B]/.test(t)) return falla("valor", mensajes.vacio(), 0);
    if (esPlantilla(t)) return falla("valor", mensajes.plantilla(t), t.length - t.replace(/^\s+/, "").length);
    // Un método nunca necesita un signo de fórmula al inicio ni «|»/«!» (DDE, otra hoja).
    const peligro = signoPeligrosoEnMetodo(t);
    if (peligro) return falla("valor", mensajes.pareceFormula(peligro.caracter, peligro.posicion), peligro.posicion);
    const sintaxis = analizarSintaxis(t, tokenizar(t));
    if (!sintaxis.ok) return sintaxis;
    const { ast, variables } = sintaxis.valor;
    return exito({ texto: t, ast, variables, ...clasificar(ast) });
  } catch {
    return falla("valor", mensajes.interno(), 0);
  }
}
