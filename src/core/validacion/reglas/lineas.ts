/** Las líneas de una celda de varias metas (sin líneas vacías). */
import { vacio } from "../../filas";
import type { ValorCelda } from "../../tipos";

export function lineasDe(v: ValorCelda | undefined): ValorCelda[] {
  if (vacio(v)) return [];
  if (typeof v !== "string") return [v ?? null];
  return v.split(/\r?\n/).map((s) => s.trim()).filter((s) => s.length > 0);
}
