import type { ErrorPat, Resultado, Texto, TipoError } from "./tipos";

/** Construye un resultado correcto. */
export function exito<T>(valor: T): Resultado<T> {
  return { ok: true, valor };
}

/** Construye un resultado fallido con un mensaje en español e inglés. */
export function falla(tipo: TipoError, mensaje: Texto, posicion?: number): { ok: false; error: ErrorPat } {
  const error: ErrorPat = posicion === undefined
    ? { tipo, mensaje: mensaje.es, mensajeEn: mensaje.en }
    : { tipo, mensaje: mensaje.es, mensajeEn: mensaje.en, posicion };
  return { ok: false, error };
}

/** Sustituye `{nombre}` en una plantilla por el valor del parámetro. */
export function formatear(plantilla: string, parametros: Readonly<Record<string, string | number>> = {}): string {
  return plantilla.replace(/\{(\w+)\}/g, (todo, clave: string) =>
    Object.prototype.hasOwnProperty.call(parametros, clave) ? String(parametros[clave]) : todo,
  );
}

/** Formatea las dos versiones de un texto con los mismos parámetros. */
export function formatearTexto(texto: Texto, parametros: Readonly<Record<string, string | number>> = {}): Texto {
  return { es: formatear(texto.es, parametros), en: formatear(texto.en, parametros) };
}
