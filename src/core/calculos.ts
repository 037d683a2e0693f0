/**
 * Los cálculos de la spec §3. Entradas ya leídas (números o `null` = vacío); salidas
 * `Resultado`, nunca excepciones. «Ambos vacíos → vacío» para que las filas sin llenar
 * queden limpias.
 */
import { exito, falla, formatearTexto } from "./resultado";
import type { Resultado, Sentido, Texto } from "./tipos";

const DIV0 = (que: string, queEn: string): Texto => ({
  es: `No se puede dividir entre cero: ${que} vale 0. Escriba un valor mayor que 0 o deje la fila vacía.`,
  en: `Cannot divide by zero: ${queEn} is 0. Write a value greater than 0 or leave the row empty.`,
});

const FALTA = (que: string, queEn: string): Texto => ({
  es: `Falta ${que}. Escriba el valor para poder calcular.`,
  en: `${queEn} is missing. Write the value so it can be calculated.`,
});

/** Redondea a 2 decimales (lo que se escribe en la hoja). */
export function redondear2(x: number): number {
  // Más allá de 1e15 un número no tiene centésimos que redondear, y x × 100 desbordaría a
  // Infinity (1e308 se mostraba «Infinity»): se devuelve igual. NaN e Infinity también.
  if (!Number.isFinite(x) || Math.abs(x) >= 1e15) return x;
  const r = Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

function cociente(
  n: number | null,
  d: number | null,
  nombres: { n: [string, string]; d: [string, string] },
): Resultado<number | null> {
  if (n === null && d === null) return exito(null);
  if (d === null) return falla("na", FALTA(nombres.d[0], nombres.d[1]));
  if (n === null) return falla("na", FALTA(nombres.n[0], nombres.n[1]));
  if (d === 0) return falla("div0", DIV0(nombres.d[0], nombres.d[1]));
  return exito(n / d);
}

/** n / d × 100. */
export function porcentaje(n: number | null, d: number | null): Resultado<number | null> {
  const r = cociente(n, d, { n: ["el numerador", "The numerator"], d: ["el denominador", "the denominator"] });
  return r.ok && r.valor !== null ? exito(r.valor * 100) : r;
}

/** n / d. */
export function razon(n: number | null, d: number | null): Resultado<number | null> {
  return cociente(n, d, { n: ["el numerador", "The numerator"], d: ["el denominador", "the denominator"] });
}

/** (actual / anterior − 1) × 100. */
export function tasaVariacion(actual: number | null, anterior: number | null): Resultado<number | null> {
  const r = cociente(actual, anterior, { n: ["el valor actual", "The current value"], d: ["el valor anterior", "the previous value"] });
  return r.ok && r.valor !== null ? exito((r.valor - 1) * 100) : r;
}

/**
 * Porcentaje de cumplimiento de la meta. Ascendente: alcanzado / meta × 100.
 * Descendente (tendencia «Reducción»): meta / alcanzado × 100, y 100 cuando alcanzado ≤ 0
 * (no hubo nada que reducir: la meta se cumplió).
 */
export function cumplimiento(alcanzado: number | null, meta: number | null, sentido: Sentido = "ascendente"): Resultado<number | null> {
  if (alcanzado === null && meta === null) return exito(null);
  if (meta === null) return falla("na", FALTA("la meta", "The goal"));
  if (sentido === "descendente") {
    const a = alcanzado ?? 0;
    return a <= 0 ? exito(100) : exito((meta / a) * 100);
  }
  if (meta === 0) return falla("div0", DIV0("la meta", "the goal"));
  return exito(((alcanzado ?? 0) / meta) * 100);
}

/** Meta por alcanzar, nunca negativa. Ascendente: meta − alcanzado; descendente: alcanzado − meta. */
export function porAlcanzar(meta: number | null, alcanzado: number | null, sentido: Sentido = "ascendente"): Resultado<number | null> {
  if (meta === null && alcanzado === null) return exito(null);
  if (meta === null) return falla("na", FALTA("la meta", "The goal"));
  const a = alcanzado ?? 0;
  return exito(Math.max(sentido === "descendente" ? a - meta : meta - a, 0));
}

function revisarMes(mes: number, que: string, queEn: string): Resultado<number> {
  if (!Number.isInteger(mes) || mes < 1 || mes > 12) {
    return falla("valor", formatearTexto(
      { es: "{que} debe ser un mes del 1 al 12 y es «{mes}».", en: "{queEn} must be a month from 1 to 12 and is \"{mes}\"." },
      { que, queEn, mes },
    ));
  }
  return exito(mes);
}

function revisarPeriodo(inicial: number, final: number): Resultado<true> {
  for (const r of [revisarMes(inicial, "El mes inicial", "The start month"), revisarMes(final, "El mes final", "The end month")]) {
    if (!r.ok) return r;
  }
  if (inicial > final) {
    return falla("valor", formatearTexto(
      {
        es: "El mes inicial ({inicial}) es posterior al mes final ({final}). Corrija las fechas: el inicial debe ser menor o igual que el final.",
        en: "The start month ({inicial}) is after the end month ({final}). Fix the dates: the start must not be after the end.",
      },
      { inicial, final },
    ));
  }
  return exito(true);
}

/** Meta programada al corte: meta × clamp((corte − inicial + 1) / (final − inicial + 1), 0, 1). */
export function metaAlCorte(meta: number | null, inicial: number | null, final: number | null, corte: number | null): Resultado<number | null> {
  if (meta === null) return exito(null);
  if (inicial === null || final === null || corte === null) {
    return falla("na", FALTA("el mes inicial, el mes final o el mes de corte", "The start, end or cut-off month"));
  }
  const periodo = revisarPeriodo(inicial, final);
  if (!periodo.ok) return periodo;
  const c = revisarMes(corte, "El mes de corte", "The cut-off month");
  if (!c.ok) return c;
  const avance = (corte - inicial + 1) / (final - inicial + 1);
  return exito(meta * Math.min(Math.max(avance, 0), 1));
}

/** Periodos de informe de una frecuencia dentro de [inicial, final]: ceil(meses / meses de la frecuencia). */
export function periodos(inicial: number | null, final: number | null, mesesFrecuencia: number | null): Resultado<number | null> {
  if (inicial === null && final === null) return exito(null);
  if (inicial === null || final === null || mesesFrecuencia === null) {
    return falla("na", FALTA("el mes inicial, el mes final o la frecuencia", "The start month, end month or frequency"));
  }
  const periodo = revisarPeriodo(inicial, final);
  if (!periodo.ok) return periodo;
  if (!(mesesFrecuencia > 0)) {
    return falla("valor", { es: "La frecuencia debe ser de al menos un mes.", en: "The frequency must be at least one month." });
  }
  return exito(Math.ceil((final - inicial + 1) / mesesFrecuencia));
}
