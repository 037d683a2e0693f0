/** Caché de métodos analizados: las filas repiten el mismo texto de método. */
import { analizarMetodo, type Metodo } from "../metodo";
import type { Resultado } from "../tipos";

const CACHE = new Map<string, Resultado<Metodo>>();
const MAXIMO = 5000;

export function metodoEnCache(texto: string): Resultado<Metodo> {
  let r = CACHE.get(texto);
  if (r === undefined) {
    r = analizarMetodo(texto);
    if (CACHE.size >= MAXIMO) CACHE.clear();
    CACHE.set(texto, r);
  }
  return r;
}
