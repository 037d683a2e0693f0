/**
 * Conversión de los valores de celda de exceljs a `ValorCelda` y texto de fórmula.
 * Sin dependencias de Node: la usan el lector completo (Node y navegador) y el lector
 * rápido de la CLI.
 */
import type { ValorCelda } from "../core/tipos";
import { leerDireccion, letraColumna } from "../core/validacion/direcciones";

/** Texto plano de un valor de texto enriquecido de exceljs (`{ richText: [{ text }] }`). */
export function textoPlano(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((t) => (t && typeof t === "object" ? String((t as { text?: unknown }).text ?? "") : "")).join("");
    if ("text" in o) return textoPlano(o.text);
  }
  return null;
}

/** Valor simple (el que se ve en la celda) de un valor de exceljs. */
export function valorSimple(v: unknown): ValorCelda {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return valorSimple(o.result);
    if (Array.isArray(o.richText)) return textoPlano(o);
    if ("error" in o) return String(o.error);
    if ("hyperlink" in o || "text" in o) return textoPlano(o.text);
    if ("sharedString" in o) return null;
  }
  return String(v);
}

/** Texto de la fórmula con «=» o `null`. `traducida` es la fórmula compartida ya desplazada. */
export function textoFormula(v: unknown, traducida?: string | null): string | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const f = typeof o.formula === "string" && o.formula !== "" ? o.formula : traducida ?? null;
  if (f) return f.startsWith("=") ? f : `=${f}`;
  return null;
}

/** Números de columna (base 1) → letras («A», «AB»). */
export function letra(col1: number): string {
  return letraColumna(col1 - 1);
}

/** «AB12» → { fila: 12, columna: 28 } (base 1). */
export function decodificarDireccion(dir: string): { fila: number; columna: number } | null {
  const d = leerDireccion(dir);
  return d ? { fila: d.fila1, columna: d.col0 + 1 } : null;
}

/**
 * Acumula celdas en matrices densas desde A1. Crece por filas; al final `cerrar` iguala
 * el ancho de todas las filas hasta la última con datos.
 */
export class Acumulador {
  readonly valores: ValorCelda[][] = [];
  readonly formulas: (string | null)[][] = [];
  readonly formatos: (string | null)[][] = [];
  private hayFormulas = false;
  private hayFormatos = false;
  private maxCol = 0;

  poner(fila0: number, col0: number, valor: ValorCelda, formula: string | null, formato: string | null): void {
    if (valor === null && formula === null && formato === null) return;
    while (this.valores.length <= fila0) {
      this.valores.push([]);
      this.formulas.push([]);
      this.formatos.push([]);
    }
    const fv = this.valores[fila0];
    while (fv.length < col0) fv.push(null);
    fv[col0] = valor;
    if (formula !== null) {
      const ff = this.formulas[fila0];
      while (ff.length < col0) ff.push(null);
      ff[col0] = formula;
      this.hayFormulas = true;
    }
    if (formato !== null) {
      const fn = this.formatos[fila0];
      while (fn.length < col0) fn.push(null);
      fn[col0] = formato;
      this.hayFormatos = true;
    }
    if (col0 + 1 > this.maxCol) this.maxCol = col0 + 1;
  }

  /** Matrices rectangulares (filas × columnas usadas). */
  cerrar(): { valores: ValorCelda[][]; formulas?: (string | null)[][]; formatosNumero?: (string | null)[][] } {
    // Quita filas finales sin ningún valor (las que solo tenían formato).
    let filas = this.valores.length;
    while (filas > 0 && !this.valores[filas - 1].some((v) => v !== null) && !(this.formulas[filas - 1] ?? []).some((f) => f !== null)) filas--;
    const ancho = this.maxCol;
    const rellenar = <T>(m: T[][]): T[][] => {
      m.length = filas;
      for (const fila of m) while (fila.length < ancho) fila.push(null as T);
      return m;
    };
    return {
      valores: rellenar(this.valores),
      ...(this.hayFormulas ? { formulas: rellenar(this.formulas) } : {}),
      ...(this.hayFormatos ? { formatosNumero: rellenar(this.formatos) } : {}),
    };
  }
}
