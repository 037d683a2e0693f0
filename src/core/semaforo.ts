/**
 * Semáforo (spec §3): si el avance es sano. r = alcanzado / meta programada al corte × 100.
 * Perfil «simetrico» (PbR de Nuevo León): VERDE 95–105, AMARILLO 85–95 o 105–115, ROJO fuera.
 * Perfil «ascendente»: igual abajo, pero todo r > 105 es VERDE (sin castigo por sobrecumplir).
 * Cada instituto puede definir sus umbrales con un perfil propio.
 */
import { exito, falla, formatearTexto } from "./resultado";
import type { Resultado, Semaforo } from "./tipos";
import { normalizar } from "./valores";

export interface PerfilSemaforo {
  readonly id: string;
  /** VERDE cuando verdeMinimo ≤ r ≤ verdeMaximo. */
  readonly verdeMinimo: number;
  readonly verdeMaximo: number;
  /** AMARILLO cuando amarilloMinimo ≤ r < verdeMinimo o verdeMaximo < r ≤ amarilloMaximo. */
  readonly amarilloMinimo: number;
  readonly amarilloMaximo: number;
  /** Si es verdadero, todo r > verdeMaximo es VERDE. */
  readonly sobrecumplirEsVerde: boolean;
}

export const PERFILES_SEMAFORO: Readonly<Record<string, PerfilSemaforo>> = {
  simetrico: { id: "simetrico", verdeMinimo: 95, verdeMaximo: 105, amarilloMinimo: 85, amarilloMaximo: 115, sobrecumplirEsVerde: false },
  ascendente: { id: "ascendente", verdeMinimo: 95, verdeMaximo: 105, amarilloMinimo: 85, amarilloMaximo: 115, sobrecumplirEsVerde: true },
};

/** Busca un perfil por nombre («Simétrico», «ascendente»); vacío → simétrico. */
export function leerPerfil(nombre: string | null | undefined): Resultado<PerfilSemaforo> {
  const clave = normalizar(nombre ?? "") || "simetrico";
  // hasOwnProperty: «constructor» o «__proto__» no son perfiles.
  if (Object.prototype.hasOwnProperty.call(PERFILES_SEMAFORO, clave)) return exito(PERFILES_SEMAFORO[clave]);
  return falla("valor", formatearTexto(
    { es: "«{nombre}» no es un perfil de semáforo. Escriba uno de: {lista}.", en: "\"{nombre}\" is not a traffic-light profile. Write one of: {lista}." },
    { nombre: String(nombre), lista: Object.keys(PERFILES_SEMAFORO).join(", ") },
  ));
}

/** Clasifica un avance r (en % de lo programado al corte). */
export function clasificarAvance(r: number, perfil: PerfilSemaforo): Exclude<Semaforo, "SIN DATO"> {
  if (r >= perfil.verdeMinimo && r <= perfil.verdeMaximo) return "VERDE";
  if (r > perfil.verdeMaximo && perfil.sobrecumplirEsVerde) return "VERDE";
  if ((r >= perfil.amarilloMinimo && r < perfil.verdeMinimo) || (r > perfil.verdeMaximo && r <= perfil.amarilloMaximo)) return "AMARILLO";
  return "ROJO";
}

/**
 * Semáforo de un avance. SIN DATO cuando no se puede calcular: nada reportado o nada
 * programado todavía al corte.
 */
export function calcularSemaforo(
  alcanzado: number | null,
  programado: number | null,
  perfil: PerfilSemaforo | string | null = null,
): Resultado<Semaforo> {
  const p = typeof perfil === "object" && perfil !== null ? exito(perfil) : leerPerfil(perfil);
  if (!p.ok) return p;
  if (alcanzado === null || programado === null || !(programado > 0)) return exito("SIN DATO");
  return exito(clasificarAvance((alcanzado / programado) * 100, p.valor));
}
