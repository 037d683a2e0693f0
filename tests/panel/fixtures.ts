import { LibroMemoria, PuertoMemoria, type ExtrasHoja } from "../../src/excel/memoria";
import type { HojaDatos, ValorCelda } from "../../src/core/tipos";
import { hojaEjemplo, hojaNotas } from "../../src/preview/ejemplo";

/** Hoy fijo: 2025, así el PAT 2024 es de un año pasado (corte por defecto: diciembre). */
export const HOY = new Date(2025, 2, 15);

export function libroEjemplo(extras: ExtrasHoja = {}, hojas: ReadonlyArray<HojaDatos & ExtrasHoja> = []): { libro: LibroMemoria; puerto: PuertoMemoria } {
  const libro = LibroMemoria.desde([{ ...hojaEjemplo(), ...extras }, hojaNotas(), ...hojas]);
  return { libro, puerto: new PuertoMemoria(libro) };
}

/** Valor de una celda del libro en memoria («P7»). */
export function celda(libro: LibroMemoria, hoja: string, dir: string): { valor: ValorCelda; formula: string | null; relleno: string | null; nota: string | null } {
  const m = /^([A-Z]+)(\d+)$/.exec(dir)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const c = libro.celda(libro.hoja(hoja), Number(m[2]) - 1, col - 1);
  return { valor: c?.valor ?? null, formula: c?.formula ?? null, relleno: c?.relleno ?? null, nota: c?.nota ?? null };
}

/** Una hoja pat-organo grande (n actividades) para probar que el panel no se congela. */
export function hojaGrande(n: number): HojaDatos {
  const base = hojaEjemplo();
  const valores: ValorCelda[][] = base.valores.slice(0, 6).map((f) => [...f]);
  for (let i = 0; i < n; i++) {
    valores.push([i + 1, "Política", "Programa", `Objetivo ${1 + (i % 4)}`, `Actividad ${i + 1}`, 1, 12, "Documentos", "Documentos entregados / Documentos programados X 100", "Mensual", "Documento", 12, 0, "", (i % 12) + 1, null, null]);
  }
  return { nombre: "Grande", valores };
}
