/**
 * «Llenar cálculos» con vuelta atrás: antes de escribir se lee el contenido exacto de
 * cada celda (valor y fórmula) y se guarda EN EL DOCUMENTO, así «Deshacer llenado»
 * funciona aunque el panel se cierre y se vuelva a abrir. Lo mismo para las marcas.
 */
import type { ValorCelda } from "../core/tipos";
import { ErrorLibro, type ContenidoCelda, type EscrituraCelda, type EstadoMarca, type Marca, type PuertoLibro } from "./puerto";

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
  /** La hoja del registro ya no existe (renombrada o borrada): el registro se descartó sin escribir. */
  readonly hojaPerdida?: boolean;
}

export interface RegistroMarcas {
  readonly version: 1;
  readonly hoja: string;
  readonly previos: ReadonlyArray<EstadoMarca>;
}

/** Marcas quitadas; `hojaPerdida` si su hoja ya no existía y el registro solo se descartó. */
export type ResultadoQuitarMarcas = RegistroMarcas & { readonly hojaPerdida?: boolean };

/** Marcas puestas; `descartadas` es la hoja de un registro anterior cuya hoja ya no existía. */
export type ResultadoMarcar = RegistroMarcas & { readonly descartadas?: string };

/** Lo que tenía cada celda en la vista previa (mismo orden que los cambios). */
export interface ContenidoEsperado {
  readonly antes: ValorCelda;
  readonly formulaAntes: string | null;
}

const esHojaPerdida = (e: unknown): boolean =>
  (e instanceof ErrorLibro || (e as { name?: string } | null)?.name === "ErrorLibro") && (e as ErrorLibro).codigo === "hoja-no-existe";

const guardarValor = (v: ValorCelda): ValorGuardado => (v instanceof Date ? { fecha: v.toISOString() } : v);
const leerValor = (v: ValorGuardado): ValorCelda => (v !== null && typeof v === "object" ? new Date(v.fecha) : v);

const mismo = (a: ValorCelda, b: ValorCelda): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a === "" ? null : a) === (b === "" ? null : b);

/**
 * Escribe los cambios guardando antes en el documento cómo estaba cada celda. Con
 * `esperados` (lo que mostró la vista previa) aborta sin tocar nada si alguna celda cambió.
 * Comprueba la protección ANTES de guardar el registro: una hoja protegida no debe
 * reemplazar el registro de deshacer anterior.
 */
export async function escribirConDeshacer(
  puerto: PuertoLibro,
  hoja: string,
  cambios: ReadonlyArray<EscrituraCelda>,
  esperados?: ReadonlyArray<ContenidoEsperado>,
): Promise<RegistroDeshacer> {
  const info = (await puerto.listarHojas()).find((h) => h.nombre === hoja);
  if (info?.protegida) throw new ErrorLibro("hoja-protegida", `La hoja «${hoja}» está protegida.`, hoja);
  const previos: ContenidoCelda[] = await puerto.leerCeldas(hoja, cambios.map((c) => c.celda));
  if (esperados) {
    const cambiada = previos.findIndex((p, i) => {
      const e = esperados[i];
      if (!e) return false;
      return e.formulaAntes ? p.formula !== e.formulaAntes : p.formula !== null || !mismo(p.valor, e.antes);
    });
    if (cambiada >= 0) throw new ErrorLibro("hoja-cambio", `La celda ${previos[cambiada].celda} cambió desde la vista previa.`, hoja);
  }
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

/**
 * Devuelve cada celda a su contenido exacto previo y borra el registro. Una celda que
 * alguien cambió después del llenado (ya no tiene lo que se escribió) se respeta.
 */
export async function deshacerLlenado(puerto: PuertoLibro): Promise<ResultadoDeshacer | null> {
  const r = await leerDeshacer(puerto);
  if (!r) return null;
  try {
    return await restaurarLlenado(puerto, r);
  } catch (e) {
    if (!esHojaPerdida(e)) throw e;
    // La hoja se renombró o se borró: el registro no sirve y no debe bloquear nada.
    await puerto.guardarRegistro(CLAVE_DESHACER, null);
    return { registro: r, restauradas: 0, respetadas: [], hojaPerdida: true };
  }
}

async function restaurarLlenado(puerto: PuertoLibro, r: RegistroDeshacer): Promise<ResultadoDeshacer> {
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

/**
 * Marca celdas; si ya había marcas guardadas, primero las quita (para no perder el estado
 * original). Si la hoja de esas marcas ya no existe, su registro se descarta y se marca igual.
 */
export async function marcarConRegistro(puerto: PuertoLibro, hoja: string, marcas: ReadonlyArray<Marca>): Promise<ResultadoMarcar> {
  const anterior = await quitarMarcas(puerto);
  const previos = await puerto.marcar(hoja, marcas);
  const registro: RegistroMarcas = { version: 1, hoja, previos };
  await puerto.guardarRegistro(CLAVE_MARCAS, registro);
  return anterior?.hojaPerdida ? { ...registro, descartadas: anterior.hoja } : registro;
}

export async function leerMarcas(puerto: PuertoLibro): Promise<RegistroMarcas | null> {
  const r = await puerto.leerRegistro<RegistroMarcas>(CLAVE_MARCAS);
  return r && r.version === 1 && Array.isArray(r.previos) ? r : null;
}

/**
 * Devuelve relleno y nota de cada celda marcada a como estaban; null si no había marcas.
 * Si la hoja ya no existe (renombrada o borrada), descarta el registro (`hojaPerdida`).
 */
export async function quitarMarcas(puerto: PuertoLibro): Promise<ResultadoQuitarMarcas | null> {
  const r = await leerMarcas(puerto);
  if (!r) return null;
  let hojaPerdida = false;
  try {
    await puerto.restaurarMarcas(r.hoja, r.previos);
  } catch (e) {
    if (!esHojaPerdida(e)) throw e;
    hojaPerdida = true;
  }
  await puerto.guardarRegistro(CLAVE_MARCAS, null);
  return hojaPerdida ? { ...r, hojaPerdida } : r;
}
