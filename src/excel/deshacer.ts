/**
 * «Llenar cálculos» con vuelta atrás: antes de escribir se lee el contenido exacto de
 * cada celda (valor y fórmula) y se guarda EN EL DOCUMENTO, así «Deshacer llenado»
 * funciona aunque el panel se cierre y se vuelva a abrir. Lo mismo para las marcas.
 */
import type { ValorCelda } from "../core/tipos";
import type { ContenidoCelda, EscrituraCelda, EstadoMarca, Marca, PuertoLibro } from "./puerto";

export const CLAVE_DESHACER = "deshacer-llenado";
export const CLAVE_MARCAS = "marcas";

type ValorGuardado = string | number | boolean | null | { readonly fecha: string };

export interface RegistroDeshacer {
  readonly version: 1;
  readonly hoja: string;
  readonly fecha: string;
  /** celda, valor y fórmula previos. */
  readonly celdas: ReadonlyArray<{ readonly c: string; readonly v: ValorGuardado; readonly f: string | null }>;
  /** Lo que escribió el llenado (mismo orden): si alguien cambió la celda después, no se pisa. */
  readonly escritas?: ReadonlyArray<{ readonly v: ValorGuardado; readonly f: string | null }>;
}

/** Resultado de deshacer: el registro y las celdas que se dejaron porque cambiaron después del llenado. */
export interface ResultadoDeshacer {
  readonly registro: RegistroDeshacer;
  readonly restauradas: number;
  readonly respetadas: ReadonlyArray<string>;
}

export interface RegistroMarcas {
  readonly version: 1;
  readonly hoja: string;
  readonly previos: ReadonlyArray<EstadoMarca>;
}

const guardarValor = (v: ValorCelda): ValorGuardado => (v instanceof Date ? { fecha: v.toISOString() } : v);
const leerValor = (v: ValorGuardado): ValorCelda => (v !== null && typeof v === "object" ? new Date(v.fecha) : v);

/** Escribe los cambios guardando antes en el documento cómo estaba cada celda. */
export async function escribirConDeshacer(puerto: PuertoLibro, hoja: string, cambios: ReadonlyArray<EscrituraCelda>): Promise<RegistroDeshacer> {
  const previos: ContenidoCelda[] = await puerto.leerCeldas(hoja, cambios.map((c) => c.celda));
  const registro: RegistroDeshacer = {
    version: 1,
    hoja,
    fecha: new Date().toISOString(),
    celdas: previos.map((p) => ({ c: p.celda, v: guardarValor(p.valor), f: p.formula })),
    escritas: cambios.map((e) => (e.formula ? { v: null, f: e.formula } : { v: guardarValor(e.valor ?? null), f: null })),
  };
  // Primero el registro: si la escritura falla a medias, lo escrito se puede deshacer.
  await puerto.guardarRegistro(CLAVE_DESHACER, registro);
  await puerto.escribir(hoja, cambios);
  return registro;
}

/** El registro de deshacer guardado en el documento, si lo hay. */
export async function leerDeshacer(puerto: PuertoLibro): Promise<RegistroDeshacer | null> {
  const r = await puerto.leerRegistro<RegistroDeshacer>(CLAVE_DESHACER);
  return r && r.version === 1 && Array.isArray(r.celdas) ? r : null;
}

const mismo = (a: ValorCelda, b: ValorCelda): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a === "" ? null : a) === (b === "" ? null : b);

/**
 * Devuelve cada celda a su contenido exacto previo y borra el registro. Una celda que
 * alguien cambió después del llenado (ya no tiene lo que se escribió) se respeta.
 */
export async function deshacerLlenado(puerto: PuertoLibro): Promise<ResultadoDeshacer | null> {
  const r = await leerDeshacer(puerto);
  if (!r) return null;
  const respetadas: string[] = [];
  let celdas = r.celdas;
  if (r.escritas && r.escritas.length === r.celdas.length) {
    const actuales = await puerto.leerCeldas(r.hoja, r.celdas.map((c) => c.c));
    celdas = r.celdas.filter((c, i) => {
      const escrita = r.escritas![i];
      const actual = actuales[i];
      const igual = escrita.f ? actual.formula === escrita.f : actual.formula === null && mismo(actual.valor, leerValor(escrita.v));
      if (!igual) respetadas.push(c.c);
      return igual;
    });
  }
  await puerto.escribir(
    r.hoja,
    celdas.map((c) => (c.f ? { celda: c.c, formula: c.f } : { celda: c.c, valor: leerValor(c.v) })),
  );
  await puerto.guardarRegistro(CLAVE_DESHACER, null);
  return { registro: r, restauradas: celdas.length, respetadas };
}

/** Marca celdas; si ya había marcas guardadas, primero las quita (para no perder el estado original). */
export async function marcarConRegistro(puerto: PuertoLibro, hoja: string, marcas: ReadonlyArray<Marca>): Promise<RegistroMarcas> {
  await quitarMarcas(puerto);
  const previos = await puerto.marcar(hoja, marcas);
  const registro: RegistroMarcas = { version: 1, hoja, previos };
  await puerto.guardarRegistro(CLAVE_MARCAS, registro);
  return registro;
}

export async function leerMarcas(puerto: PuertoLibro): Promise<RegistroMarcas | null> {
  const r = await puerto.leerRegistro<RegistroMarcas>(CLAVE_MARCAS);
  return r && r.version === 1 && Array.isArray(r.previos) ? r : null;
}

/** Devuelve relleno y nota de cada celda marcada a como estaban; null si no había marcas. */
export async function quitarMarcas(puerto: PuertoLibro): Promise<RegistroMarcas | null> {
  const r = await leerMarcas(puerto);
  if (!r) return null;
  await puerto.restaurarMarcas(r.hoja, r.previos);
  await puerto.guardarRegistro(CLAVE_MARCAS, null);
  return r;
}
