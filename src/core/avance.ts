/**
 * Avance de una actividad al corte (spec §3): el estatus que escribe el llenado, el
 * cumplimiento, lo esperado al corte y el semáforo. Se calcula UNA vez por fila, dentro del
 * análisis (con los cálculos de la fila que usa el llenado), y lo consumen la regla
 * `desviacion-sin-justificar`, el resumen del panel y los informes de `pat consolidar`.
 *
 * Lo esperado al corte depende de qué cuenta la meta (`Formato.metaProrrateada`):
 * - metas que cuentan unidades (pat-organo, avance-metas): la meta prorrateada por meses,
 *   meta × clamp((corte − inicial + 1) / (final − inicial + 1), 0, 1);
 * - metas que son el valor del indicador (pat-transversal, indicadores-resultados): la meta
 *   misma (un 90 % de solicitudes atendidas en junio no es «sobrecumplir» un 45 % esperado).
 */
import { cumplimiento, metaAlCorte, redondear2 } from "./calculos";
import { calcularEstatus, esEstatusManual } from "./estatus";
import type { Actividad } from "./filas";
import type { Formato } from "./formatos";
import type { CalculosFila } from "./llenado/calculo";
import { clasificarAvance, type PerfilSemaforo } from "./semaforo";
import type { Estatus, Semaforo } from "./tipos";

/** Estatus de una actividad en un resumen: el calculado, el manual o SIN DATOS. */
export type EstatusAvance = Estatus | "SIN DATOS";

export interface AvanceActividad {
  /** Estatus que escribe el llenado al corte; el manual si lo hay; SIN DATOS si no se puede calcular. */
  readonly estatus: EstatusAvance;
  /** La actividad tiene un estatus manual (CANCELADA, REPROGRAMADA): fuera del avance y del semáforo. */
  readonly manual: boolean;
  /** Cumplimiento en puntos (sin topar), o `null` si no hay meta o sus datos tienen errores. */
  readonly cumplimiento: number | null;
  /** Lo alcanzado que usa el cálculo (META ALCANZADA calculada con el método, si la hay). */
  readonly alcanzado: number | null;
  /** Lo esperado al corte (2 decimales), o `null` si no se puede saber. */
  readonly esperado: number | null;
  readonly semaforo: Semaforo;
}

/** Meta de referencia: en formatos de varias metas, la primera línea (modificada si la hay). */
function metaDe(act: Actividad, formato: Formato): number | null {
  if (formato.variasMetasPorCelda) {
    const m = act.metas[0];
    return m ? m.modificado ?? m.programado : null;
  }
  return act.meta;
}

/** Lo esperado al corte según el formato (ver arriba). `null` sin meta válida. */
export function esperadoAlCorte(meta: number | null, formato: Formato, mesInicial: number | null, mesFinal: number | null, corte: number): number | null {
  if (meta === null || !(meta > 0)) return null;
  if (!formato.metaProrrateada) return meta;
  // Sin meses (avance-metas no los tiene): la meta es del año.
  const r = metaAlCorte(meta, mesInicial ?? 1, mesFinal ?? 12, corte);
  return r.ok ? r.valor : null;
}

/** La columna del rol no se leyó (error o dato dudoso): no se calcula con ella. */
function invalida(act: Actividad, formato: Formato, rol: keyof Formato["porRol"]): boolean {
  const c = formato.porRol[rol];
  return !!c && act.invalidas.includes(c.clave);
}

/**
 * Evalúa el avance de una actividad ya leída con los cálculos de su fila. `corte` null:
 * estatus sin vencimiento y semáforo con lo esperado a fin de año.
 */
export function evaluarAvance(act: Actividad, formato: Formato, calc: CalculosFila, corte: number | null, perfil: PerfilSemaforo): AvanceActividad {
  const manual = esEstatusManual(act.estatus);
  const alcanzado = typeof calc.alcanzado?.valor === "number" ? calc.alcanzado.valor : act.alcanzado;
  const meta = metaDe(act, formato);
  const datosValidos = meta !== null && meta > 0 && !invalida(act, formato, "meta") && !invalida(act, formato, "alcanzado") && !invalida(act, formato, "modificado") && !invalida(act, formato, "tendencia");
  const mesesValidos = !invalida(act, formato, "mesInicial") && !invalida(act, formato, "mesFinal");

  let estatus: EstatusAvance = "SIN DATOS";
  if (manual) estatus = act.estatus as Estatus;
  else if (calc.estatus) estatus = calc.estatus.valor as Estatus;
  else if (!formato.porRol.estatus?.calculada && datosValidos && mesesValidos) {
    // El formato no tiene ESTATUS calculado (avance-metas): el mismo cálculo que el llenado.
    const e = calcularEstatus({ meta, alcanzado: alcanzado === null ? null : redondear2(alcanzado), mesInicial: act.mesInicial, mesFinal: act.mesFinal, corte, sentido: act.sentido });
    if (e.ok && e.valor) estatus = e.valor;
  }

  let cumplido: number | null = null;
  if (!manual) {
    if (typeof calc.porcentaje?.valor === "number") cumplido = calc.porcentaje.valor;
    else if (!formato.porRol.porcentaje?.calculada && datosValidos && (alcanzado !== null || act.sentido === "ascendente")) {
      const c = cumplimiento(alcanzado ?? 0, meta as number, act.sentido);
      if (c.ok && c.valor !== null) cumplido = c.valor;
    }
  }

  let esperado: number | null = null;
  let semaforo: Semaforo = "SIN DATO";
  if (!manual && datosValidos && mesesValidos) {
    esperado = esperadoAlCorte(meta, formato, act.mesInicial, act.mesFinal, corte ?? 12);
    if (esperado !== null && esperado > 0 && alcanzado !== null) {
      const r = cumplimiento(alcanzado, esperado, act.sentido);
      if (r.ok && r.valor !== null) semaforo = clasificarAvance(r.valor, perfil);
    }
    if (esperado !== null) esperado = redondear2(esperado);
  }
  return { estatus, manual, cumplimiento: cumplido, alcanzado, esperado, semaforo };
}

/** Actividad fuera de ruta: semáforo ROJO o AMARILLO, o NO CUMPLIDA. */
export function fueraDeRuta(a: AvanceActividad): boolean {
  return a.semaforo === "ROJO" || a.semaforo === "AMARILLO" || a.estatus === "NO CUMPLIDA";
}
