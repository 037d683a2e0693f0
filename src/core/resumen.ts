/**
 * Resumen de un PAT (puro): cuántas actividades hay por estatus y por semáforo al mes de
 * corte, y el avance de cada objetivo. El avance de un objetivo es el promedio del
 * cumplimiento de sus actividades con meta, cada uno topado en 100 % (sobrecumplir una
 * actividad no compensa otra atrasada). Los estatus manuales (CANCELADA, REPROGRAMADA)
 * se respetan y esas actividades no cuentan para el avance ni el semáforo.
 */
import { cumplimiento, metaAlCorte } from "./calculos";
import { calcularEstatus, esEstatusManual, leerEstatus } from "./estatus";
import { calcularSemaforo, type PerfilSemaforo } from "./semaforo";
import type { Estatus, Semaforo, Sentido, ValorCelda } from "./tipos";

/** Lo que el resumen necesita de cada actividad (ya leído de la hoja). */
export interface EntradaResumen {
  readonly objetivo: string | null;
  readonly meta: number | null;
  readonly alcanzado: number | null;
  readonly mesInicial: number | null;
  readonly mesFinal: number | null;
  readonly sentido?: Sentido;
  /** El estatus escrito en la hoja (para respetar CANCELADA / REPROGRAMADA). */
  readonly estatusEscrito?: ValorCelda;
}

export type EstatusResumen = Estatus | "SIN DATOS";

export interface AvanceObjetivo {
  readonly objetivo: string | null;
  readonly actividades: number;
  /** 0–100, con 2 decimales; null si ninguna actividad tiene meta. */
  readonly avance: number | null;
}

export interface Resumen {
  readonly total: number;
  readonly porEstatus: Readonly<Record<EstatusResumen, number>>;
  readonly porSemaforo: Readonly<Record<Semaforo, number>>;
  readonly porObjetivo: ReadonlyArray<AvanceObjetivo>;
}

export const ORDEN_ESTATUS: ReadonlyArray<EstatusResumen> = ["CUMPLIDA", "EN PROCESO", "PENDIENTE", "NO CUMPLIDA", "CANCELADA", "REPROGRAMADA", "SIN DATOS"];
export const ORDEN_SEMAFORO: ReadonlyArray<Semaforo> = ["VERDE", "AMARILLO", "ROJO", "SIN DATO"];

const r2 = (x: number): number => Math.round(x * 100) / 100;

export function resumir(
  actividades: ReadonlyArray<EntradaResumen>,
  opciones: { readonly corte?: number | null; readonly perfil?: PerfilSemaforo | string | null } = {},
): Resumen {
  const corte = opciones.corte ?? null;
  const porEstatus = Object.fromEntries(ORDEN_ESTATUS.map((e) => [e, 0])) as Record<EstatusResumen, number>;
  const porSemaforo = Object.fromEntries(ORDEN_SEMAFORO.map((s) => [s, 0])) as Record<Semaforo, number>;
  const objetivos = new Map<string, { objetivo: string | null; n: number; suma: number; conMeta: number }>();

  for (const a of actividades) {
    const escrito = leerEstatus(a.estatusEscrito ?? null);
    const manual = escrito.ok && esEstatusManual(escrito.valor) ? escrito.valor : null;
    let estatus: EstatusResumen = "SIN DATOS";
    if (manual) estatus = manual;
    else {
      const e = calcularEstatus({ meta: a.meta, alcanzado: a.alcanzado, mesInicial: a.mesInicial, mesFinal: a.mesFinal, corte, sentido: a.sentido });
      if (e.ok && e.valor) estatus = e.valor;
    }
    porEstatus[estatus]++;

    let semaforo: Semaforo = "SIN DATO";
    if (!manual) {
      const programado = metaAlCorte(a.meta, a.mesInicial ?? 1, a.mesFinal ?? 12, corte ?? 12);
      const s = calcularSemaforo(a.alcanzado, programado.ok ? programado.valor : null, opciones.perfil ?? null);
      if (s.ok) semaforo = s.valor;
    }
    porSemaforo[semaforo]++;

    const claveObj = (a.objetivo ?? "").trim();
    let o = objetivos.get(claveObj);
    if (!o) objetivos.set(claveObj, (o = { objetivo: claveObj || null, n: 0, suma: 0, conMeta: 0 }));
    o.n++;
    if (!manual && a.meta !== null && a.meta > 0) {
      const c = cumplimiento(a.alcanzado ?? 0, a.meta, a.sentido ?? "ascendente");
      if (c.ok && c.valor !== null) {
        o.suma += Math.min(100, Math.max(0, c.valor));
        o.conMeta++;
      }
    }
  }

  return {
    total: actividades.length,
    porEstatus,
    porSemaforo,
    porObjetivo: [...objetivos.values()].map((o) => ({ objetivo: o.objetivo, actividades: o.n, avance: o.conMeta ? r2(o.suma / o.conMeta) : null })),
  };
}
