/**
 * Textos de la interfaz (estilo Script Lab: un archivo por idioma, mismas claves).
 * Español primero; inglés cuando el idioma de Office empieza con «en».
 */
import { createContext, useContext } from "react";
import type { Idioma } from "../core/tipos";
import { en } from "./en";
import { es, type ClaveTexto } from "./es";

export type { ClaveTexto };
export { es, en };

export type Traductor = ((clave: ClaveTexto, parametros?: Readonly<Record<string, string | number>>) => string) & {
  readonly idioma: Idioma;
};

/** «en-US», «en-GB» → inglés; todo lo demás (es-MX, es-ES, fr…) → español. */
export function idiomaDe(displayLanguage: string | null | undefined): Idioma {
  return (displayLanguage ?? "").toLowerCase().startsWith("en") ? "en" : "es";
}

/** Idioma de Office si está disponible; fuera de Office, el del navegador. */
export function idiomaDeOffice(): Idioma {
  try {
    if (typeof Office !== "undefined" && Office.context?.displayLanguage) return idiomaDe(Office.context.displayLanguage);
  } catch {
    /* fuera de Office */
  }
  return "es";
}

export function crearTraductor(idioma: Idioma): Traductor {
  const tabla: Readonly<Record<ClaveTexto, string>> = idioma === "en" ? en : es;
  const t = (clave: ClaveTexto, parametros: Readonly<Record<string, string | number>> = {}): string =>
    tabla[clave]
      // Plurales: «{n|celda|celdas}» elige según el número (1 → singular).
      .replace(/\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g, (m, p: string, uno: string, varios: string) => (p in parametros ? (Number(parametros[p]) === 1 ? uno : varios) : m))
      .replace(/\{(\w+)\}/g, (m, p: string) => (p in parametros ? String(parametros[p]) : m));
  return Object.assign(t, { idioma });
}

export const ContextoTextos = createContext<Traductor>(crearTraductor("es"));

export function useTextos(): Traductor {
  return useContext(ContextoTextos);
}
