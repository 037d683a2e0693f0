/**
 * Estatus de una actividad (spec §3). Reglas en orden:
 * 1. cumplida la meta → CUMPLIDA; 2. corte posterior al mes final → NO CUMPLIDA;
 * 3. algo alcanzado → EN PROCESO; 4. si no → PENDIENTE.
 * CANCELADA y REPROGRAMADA son manuales: nunca se recalculan ni se sobrescriben.
 */
import { cumplimiento } from "./calculos";
import { exito, falla, formatearTexto } from "./resultado";
import type { Estatus, EstatusCalculado, EstatusManual, Resultado, Sentido, ValorCelda } from "./tipos";
import { citar, esVacio, normalizar, quitarAlFinal } from "./valores";

export const ESTATUS_CALCULADOS: ReadonlyArray<EstatusCalculado> = ["PENDIENTE", "EN PROCESO", "CUMPLIDA", "NO CUMPLIDA"];
export const ESTATUS_MANUALES: ReadonlyArray<EstatusManual> = ["CANCELADA", "REPROGRAMADA"];
export const CATALOGO_ESTATUS: ReadonlyArray<Estatus> = [...ESTATUS_CALCULADOS, ...ESTATUS_MANUALES];

// Variantes que la gente escribe y que significan lo mismo.
const SINONIMOS: ReadonlyMap<string, Estatus> = new Map<string, Estatus>([
  ...CATALOGO_ESTATUS.map((e) => [normalizar(e), e] as [string, Estatus]),
  ["cumplido", "CUMPLIDA"], ["no cumplido", "NO CUMPLIDA"], ["en progreso", "EN PROCESO"],
  ["en curso", "EN PROCESO"], ["cancelado", "CANCELADA"], ["reprogramado", "REPROGRAMADA"],
]);

/** Espacio o «. , ; : !» (tras `normalizar` los espacios ya son « »). */
function esPuntuacionFinal(k: number): boolean {
  return k === 32 || k === 46 || k === 44 || k === 59 || k === 58 || k === 33;
}

export function esEstatusManual(e: Estatus | null): e is EstatusManual {
  return e !== null && (ESTATUS_MANUALES as ReadonlyArray<string>).includes(e);
}

/**
 * Lee un estatus escrito en la hoja; `null` si está vacío. Se ignora la puntuación final
 * («CANCELADA.»); un texto que empieza con «cancelad…» o «reprogramad…» («Cancelada por
 * oficio») es el estatus manual, para que nunca se sobrescriba.
 */
export function leerEstatus(v: ValorCelda | undefined): Resultado<Estatus | null> {
  if (esVacio(v)) return exito(null);
  const t = quitarAlFinal(normalizar(String(v)), esPuntuacionFinal);
  const e = SINONIMOS.get(t) ?? (t.startsWith("cancelad") ? "CANCELADA" : t.startsWith("reprogramad") ? "REPROGRAMADA" : undefined);
  if (e) return exito(e);
  return falla("valor", formatearTexto(
    {
      es: "«{texto}» no es un estatus del catálogo. Escriba uno de: {lista}.",
      en: "\"{texto}\" is not a catalogue status. Write one of: {lista}.",
    },
    { texto: citar(v ?? null), lista: CATALOGO_ESTATUS.join(", ") },
  ));
}

/**
 * ¿El estatus escrito es aceptable frente al calculado? Igual al calculado, o NO CUMPLIDA
 * sin mes de corte cuando el calculado no es CUMPLIDA (sin corte no se puede saber si el
 * periodo ya terminó). La validación no lo señala y el llenado no lo sobrescribe.
 */
export function estatusEscritoAceptable(escrito: Estatus, calculado: EstatusCalculado, corte: number | null | undefined): boolean {
  if (escrito === calculado) return true;
  return escrito === "NO CUMPLIDA" && corte == null && calculado !== "CUMPLIDA";
}

/**
 * ¿El llenado conserva el estatus escrito en lugar del calculado? Cuando es legible, no es
 * manual (esos se conservan siempre), difiere del calculado y aun así es aceptable (NO
 * CUMPLIDA sin mes de corte). Lo usan el plan (no escribe) y el avance del resumen (cuenta
 * el que queda en la hoja), para que los dos digan lo mismo.
 */
export function conservaEstatusEscrito(escrito: Estatus | null, calculado: EstatusCalculado, corte: number | null | undefined): escrito is Estatus {
  return escrito !== null && escrito !== calculado && !esEstatusManual(escrito) && estatusEscritoAceptable(escrito, calculado, corte);
}

export interface DatosEstatus {
  readonly meta: number | null;
  /** Vacío = nada reportado (cuenta como 0). */
  readonly alcanzado: number | null;
  readonly mesInicial?: number | null;
  readonly mesFinal?: number | null;
  readonly corte?: number | null;
  readonly sentido?: Sentido;
}

/** Calcula el estatus; `null` si meta y alcanzado están vacíos (fila sin llenar). */
export function calcularEstatus(d: DatosEstatus): Resultado<EstatusCalculado | null> {
  if (d.meta === null && d.alcanzado === null) return exito(null);
  if (d.meta === null) {
    return falla("na", { es: "Falta la meta. Escriba la meta para calcular el estatus.", en: "The goal is missing. Write the goal to compute the status." });
  }
  if (!(d.meta > 0)) {
    return falla("valor", formatearTexto(
      { es: "La meta debe ser mayor que 0 y es {meta}.", en: "The goal must be greater than 0 and is {meta}." },
      { meta: d.meta },
    ));
  }
  const sentido = d.sentido ?? "ascendente";
  // En un indicador descendente, «nada reportado» no es «reducido a cero»: solo un valor
  // medido puede dar CUMPLIDA (si no, toda fila de «Reducción» vacía saldría cumplida).
  if (d.alcanzado !== null || sentido === "ascendente") {
    const c = cumplimiento(d.alcanzado ?? 0, d.meta, sentido);
    if (c.ok && c.valor !== null && c.valor >= 100 - 1e-9) return exito("CUMPLIDA");
  }
  if (d.corte != null && d.mesFinal != null && d.corte > d.mesFinal) return exito("NO CUMPLIDA");
  if ((d.alcanzado ?? 0) > 0) return exito("EN PROCESO");
  return exito("PENDIENTE");
}
