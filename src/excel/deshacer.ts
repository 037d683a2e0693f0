/**
 * «Llenar cálculos» con vuelta atrás: antes de escribir se lee el contenido exacto de
 * cada celda (valor y fórmula) y se guarda EN EL DOCUMENTO en corridas verticales por
 * columna (compacto; el puerto lo reparte en varias partes si hace falta), así «Deshacer llenado»
 * funciona aunque el panel se cierre y se vuelva a abrir. Lo mismo para las marcas.
 *
 * En memoria las celdas van como números (`Posicion`); lo guardado en el documento conserva
 * su formato (corridas «columna + fila» del deshacer, direcciones A1 de las marcas), así un
 * libro guardado con una versión anterior se sigue deshaciendo y desmarcando.
 */
import type { Posicion, ValorCelda } from "../core/tipos";
import { direccionDe, esPosicion, posicionDe } from "../core/validacion/direcciones";
import { indiceColumna, leerCelda, letra } from "./direcciones";
import { ErrorLibro, ErrorMarcado, type ContenidoCelda, type EscrituraCelda, type EstadoMarca, type Marca, type PuertoLibro } from "./puerto";

export const CLAVE_DESHACER = "deshacer-llenado";
export const CLAVE_MARCAS = "marcas";

type ValorGuardado = string | number | boolean | null | { readonly fecha: string };

/**
 * Una corrida vertical de celdas consecutivas de una columna (compacto: 40 000 celdas de
 * un llenado son unas pocas corridas, no 40 000 objetos).
 */
export interface CorridaDeshacer {
  /** Columna («P»). */
  readonly c: string;
  /** Primera fila, base 1 (como en «P7»). */
  readonly f: number;
  /** Valor previo de cada celda (null donde había fórmula o estaba vacía). */
  readonly v: ReadonlyArray<ValorGuardado>;
  /** Fórmula previa de cada celda (null = ninguna); se omite si no había ninguna. */
  readonly fx?: ReadonlyArray<string | null>;
  /** Lo que escribió el llenado (valores y fórmulas): si alguien cambió la celda después, no se pisa. */
  readonly ev?: ReadonlyArray<ValorGuardado>;
  readonly efx?: ReadonlyArray<string | null>;
}

export interface RegistroDeshacer {
  readonly version: 2;
  readonly hoja: string;
  readonly fecha: string;
  readonly corridas: ReadonlyArray<CorridaDeshacer>;
}

/** Una celda del registro: su posición, contenido previo y (si se sabe) lo escrito. */
export interface CeldaDeshacer {
  readonly posicion: Posicion;
  readonly v: ValorGuardado;
  readonly f: string | null;
  readonly escrita?: { readonly v: ValorGuardado; readonly f: string | null };
}

/** Resultado de deshacer: el registro y las celdas que se dejaron porque cambiaron después del llenado. */
export interface ResultadoDeshacer {
  readonly registro: RegistroDeshacer;
  readonly restauradas: number;
  /** Direcciones A1 de las celdas respetadas (para el mensaje al usuario). */
  readonly respetadas: ReadonlyArray<string>;
  /** La hoja del registro ya no existe (renombrada o borrada): el registro se descartó sin escribir. */
  readonly hojaPerdida?: boolean;
}

/** Las marcas puestas, en memoria: cómo estaba cada celda (por su posición). */
export interface RegistroMarcas {
  readonly version: 1;
  readonly hoja: string;
  readonly previos: ReadonlyArray<EstadoMarca>;
}

/** El registro de marcas como se guarda en el documento (versión 1: cada celda por su dirección A1). */
export interface RegistroMarcasGuardado {
  readonly version: 1;
  readonly hoja: string;
  readonly previos: ReadonlyArray<{ readonly celda: string; readonly relleno: string | null; readonly nota: string | null }>;
}

/** El registro como se guarda: la dirección A1 se arma aquí, al guardar. */
export function marcasGuardadas(r: RegistroMarcas): RegistroMarcasGuardado {
  return { version: 1, hoja: r.hoja, previos: r.previos.map((p) => ({ celda: direccionDe(p.posicion), relleno: p.relleno, nota: p.nota })) };
}

const textoONulo = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** Lee un registro guardado; una entrada con una dirección que no se entiende se deja fuera. */
export function marcasDeGuardado(g: unknown): RegistroMarcas | null {
  const r = g as Partial<RegistroMarcasGuardado> | null;
  if (!r || typeof r !== "object" || r.version !== 1 || typeof r.hoja !== "string" || !Array.isArray(r.previos)) return null;
  const previos: EstadoMarca[] = [];
  for (const p of r.previos as unknown[]) {
    const e = p as { celda?: unknown; relleno?: unknown; nota?: unknown } | null;
    const posicion = e && typeof e.celda === "string" ? posicionDe(e.celda) : null;
    if (posicion) previos.push({ posicion, relleno: textoONulo(e!.relleno), nota: textoONulo(e!.nota) });
  }
  return { version: 1, hoja: r.hoja, previos };
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

/** Las celdas de un registro, corrida por corrida (una corrida fuera de la cuadrícula se deja fuera). */
export function celdasDe(r: RegistroDeshacer): CeldaDeshacer[] {
  const salida: CeldaDeshacer[] = [];
  for (const k of r.corridas) {
    const columna = typeof k.c === "string" && /^[A-Z]{1,3}$/i.test(k.c) ? indiceColumna(k.c) + 1 : 0;
    if (!Array.isArray(k.v) || !esPosicion({ fila: k.f, columna }) || !esPosicion({ fila: k.f + k.v.length - 1, columna })) continue;
    k.v.forEach((v, i) => {
      const f = k.fx?.[i] ?? null;
      const escrita = k.ev ? { v: k.ev[i] ?? null, f: k.efx?.[i] ?? null } : undefined;
      salida.push({ posicion: { fila: k.f + i, columna }, v: f ? null : v, f, ...(escrita ? { escrita } : {}) });
    });
  }
  return salida;
}

/** Llave numérica de una posición (para conjuntos y mapas). */
const llave = (p: Posicion): number => p.fila * 16_384 + p.columna;

/** Agrupa celdas (sin repetir) en corridas verticales por columna, en orden de columna y fila. */
function aCorridas(celdas: ReadonlyArray<CeldaDeshacer>): CorridaDeshacer[] {
  const ubicadas = celdas.map((c) => ({ fila: c.posicion.fila - 1, columna: c.posicion.columna - 1, c }));
  ubicadas.sort((x, y) => x.columna - y.columna || x.fila - y.fila);
  const corridas: CorridaDeshacer[] = [];
  let i = 0;
  while (i < ubicadas.length) {
    let j = i + 1;
    while (j < ubicadas.length && ubicadas[j].columna === ubicadas[i].columna && ubicadas[j].fila === ubicadas[j - 1].fila + 1) j++;
    const grupo = ubicadas.slice(i, j).map((u) => u.c);
    const fx = grupo.map((g) => g.f);
    const efx = grupo.map((g) => g.escrita?.f ?? null);
    corridas.push({
      c: letra(ubicadas[i].columna),
      f: ubicadas[i].fila + 1,
      v: grupo.map((g) => (g.f ? null : g.v)),
      ...(fx.some((f) => f !== null) ? { fx } : {}),
      ev: grupo.map((g) => (g.escrita?.f ? null : (g.escrita?.v ?? null))),
      ...(efx.some((f) => f !== null) ? { efx } : {}),
    });
    i = j;
  }
  return corridas;
}

/** Registro de la versión 1 (una entrada por celda): se convierte a corridas de una celda. */
interface RegistroV1 {
  readonly version: 1;
  readonly hoja: string;
  readonly fecha: string;
  readonly celdas: ReadonlyArray<{ readonly c: string; readonly v: ValorGuardado; readonly f: string | null }>;
  readonly escritas?: ReadonlyArray<{ readonly v: ValorGuardado; readonly f: string | null }>;
}

function desdeV1(r: RegistroV1): RegistroDeshacer | null {
  try {
    const conEscritas = r.escritas?.length === r.celdas.length;
    const corridas = r.celdas.map((c, i): CorridaDeshacer => {
      const { fila, columna } = leerCelda(c.c);
      const e = conEscritas ? r.escritas![i] : null;
      return { c: letra(columna), f: fila + 1, v: [c.v], fx: [c.f], ...(e ? { ev: [e.v], efx: [e.f] } : {}) };
    });
    return { version: 2, hoja: r.hoja, fecha: r.fecha, corridas };
  } catch {
    return null;
  }
}

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
  const previos: ContenidoCelda[] = await puerto.leerCeldas(hoja, cambios.map((c) => c.posicion));
  if (esperados) {
    const cambiada = previos.findIndex((p, i) => {
      const e = esperados[i];
      if (!e) return false;
      return e.formulaAntes ? p.formula !== e.formulaAntes : p.formula !== null || !mismo(p.valor, e.antes);
    });
    if (cambiada >= 0) throw new ErrorLibro("hoja-cambio", `La celda ${direccionDe(previos[cambiada].posicion)} cambió desde la vista previa.`, hoja);
  }
  // Una celda escrita dos veces: cuenta la última escritura (como en Excel).
  const unicas = new Map<number, CeldaDeshacer>();
  cambios.forEach((e, i) => {
    const p = previos[i];
    // La posición que devolvió la lectura (ya comprobada en la cuadrícula).
    const posicion = p.posicion;
    const escrita = e.formula ? { v: null, f: e.formula } : { v: guardarValor(e.valor ?? null), f: null };
    const clave = llave(posicion);
    const antes = unicas.get(clave);
    unicas.set(clave, { posicion, v: antes ? antes.v : guardarValor(p.valor), f: antes ? antes.f : p.formula, escrita });
  });
  const registro: RegistroDeshacer = { version: 2, hoja, fecha: new Date().toISOString(), corridas: aCorridas([...unicas.values()]) };
  // Primero el registro: si la escritura falla a medias, lo escrito se puede deshacer.
  await puerto.guardarRegistro(CLAVE_DESHACER, registro);
  await puerto.escribir(hoja, cambios);
  return registro;
}

/** El registro de deshacer guardado en el documento, si lo hay. */
export async function leerDeshacer(puerto: PuertoLibro): Promise<RegistroDeshacer | null> {
  const r = await puerto.leerRegistro<RegistroDeshacer | RegistroV1>(CLAVE_DESHACER);
  if (!r || typeof r !== "object") return null;
  if (r.version === 2 && Array.isArray(r.corridas)) return r;
  if (r.version === 1 && Array.isArray(r.celdas)) return desdeV1(r);
  return null;
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
  let celdas = celdasDe(r);
  const conEscritas = celdas.filter((c) => c.escrita);
  if (conEscritas.length > 0) {
    const actuales = await puerto.leerCeldas(r.hoja, conEscritas.map((c) => c.posicion));
    const cambiadas = new Set<number>();
    conEscritas.forEach((c, i) => {
      const escrita = c.escrita!;
      const actual = actuales[i];
      const igual = escrita.f ? actual.formula === escrita.f : actual.formula === null && mismo(actual.valor, leerValor(escrita.v));
      if (!igual) {
        respetadas.push(direccionDe(c.posicion));
        cambiadas.add(llave(c.posicion));
      }
    });
    celdas = celdas.filter((c) => !cambiadas.has(llave(c.posicion)));
  }
  await puerto.escribir(
    r.hoja,
    celdas.map((c) => (c.f ? { posicion: c.posicion, formula: c.f } : { posicion: c.posicion, valor: leerValor(c.v) })),
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
  let previos: ReadonlyArray<EstadoMarca>;
  try {
    previos = await puerto.marcar(hoja, marcas);
  } catch (e) {
    // Falló a medias (un trozo posterior): se guarda lo que ya se tocó, para que «Quitar
    // marcas» devuelva cada celda marcada, y se informa el error original.
    if (!(e instanceof ErrorMarcado)) throw e;
    if (e.previos.length > 0) await puerto.guardarRegistro(CLAVE_MARCAS, marcasGuardadas({ version: 1, hoja, previos: e.previos }));
    throw e.causa;
  }
  const registro: RegistroMarcas = { version: 1, hoja, previos };
  await puerto.guardarRegistro(CLAVE_MARCAS, marcasGuardadas(registro));
  return anterior?.hojaPerdida ? { ...registro, descartadas: anterior.hoja } : registro;
}

export async function leerMarcas(puerto: PuertoLibro): Promise<RegistroMarcas | null> {
  return marcasDeGuardado(await puerto.leerRegistro<unknown>(CLAVE_MARCAS));
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
