/** `revisarMetodo` (PAT.VALIDAR_METODO): los problemas de un método, cada uno con qué escribir en su lugar. */
import type { Texto } from "../tipos";
import { analizarMetodo } from "./analizar";
import { mensajes } from "./mensajes";
import type { Metodo } from "./tipos";

export interface Revision {
  ok: boolean;
  problemas: Texto[];
}

export function revisarMetodo(texto: string): Revision {
  try {
    const r = analizarMetodo(texto);
    if (!r.ok) return { ok: false, problemas: [{ es: r.error.mensaje, en: r.error.mensajeEn }] };
    const metodo = r.valor;
    const problemas: Texto[] = [];
    if (metodo.variables.length === 0) problemas.push(mensajes.sinVariables(metodo.texto));
    if (metodo.divideEntre100) problemas.push(mensajes.divideEntre100(corregirEntre100(metodo)));
    return { ok: problemas.length === 0, problemas };
  } catch {
    return { ok: false, problemas: [mensajes.interno()] };
  }
}

/** «(A / B)/100» → «(A / B) × 100», conservando lo escrito antes del «/». */
function corregirEntre100(metodo: Metodo): string {
  const ast = metodo.ast;
  if (ast.tipo !== "binario") return "(A / B) × 100";
  const izquierda = metodo.texto.slice(ast.izquierda.inicio, ast.izquierda.fin).replace(/\s+/g, " ").trim();
  return `${izquierda} × 100`;
}
