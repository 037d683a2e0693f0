/**
 * `pat consolidar`: el informe trimestral de un instituto. Lee cada libro con el lector de
 * `pat validar` (`leerHojas`), analiza cada hoja con el núcleo y consolida una unidad por
 * hoja PAT (`src/core/consolidado.ts`). Un archivo ilegible se lista con su motivo y un
 * libro sin hoja PAT se cuenta como omitido: nunca terminan la orden.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  analizarHoja, consolidarHoja, leerPerfil, ORDEN_ESTATUS_AVANCE, ORDEN_SEMAFORO_AVANCE, totalizar,
  type Conteos, type Formato, type PerfilSemaforo, type UnidadConsolidada,
} from "../core";
import { leerArchivo, mensajeSistema } from "./archivos";
import { ErrorCli, SALIDA_USO, unaLinea } from "./errores";
import { leerHojas } from "./validar";

export type EstadoArchivo = "listo" | "con errores" | "ilegible" | "sin PAT";

/** Cada archivo leído y cómo quedó (hoja «Archivos» del informe). */
export interface ArchivoConsolidado {
  readonly archivo: string;
  readonly estado: EstadoArchivo;
  readonly hojasPat: number;
  readonly hallazgos: { error: number; warning: number; info: number };
  /** Motivo (ilegible o sin PAT). */
  readonly motivo: string | null;
}

export interface Consolidado {
  readonly corte: number | null;
  readonly unidades: UnidadConsolidada[];
  readonly total: Conteos;
  readonly archivos: ArchivoConsolidado[];
}

export interface OpcionesConsolidar {
  readonly corte?: number | null;
  readonly perfil?: string | null;
  readonly formatos?: ReadonlyArray<Formato>;
}

const EXTENSIONES = /\.xls[xm]$/i;

/** Los libros de las rutas: los archivos tal cual y, en las carpetas, los .xlsx/.xlsm (recursivo, en orden). */
export async function buscarLibros(rutas: ReadonlyArray<string>): Promise<{ libros: string[]; inexistentes: Array<{ archivo: string; mensaje: string }> }> {
  const libros: string[] = [];
  const inexistentes: Array<{ archivo: string; mensaje: string }> = [];
  const recorrer = async (dir: string): Promise<void> => {
    const entradas = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entradas) {
      const ruta = path.join(dir, e.name);
      if (e.isDirectory()) await recorrer(ruta);
      // «~$libro.xlsx» es el candado de Excel de un libro abierto, no un libro.
      else if (e.isFile() && EXTENSIONES.test(e.name) && !e.name.startsWith("~$")) libros.push(ruta);
    }
  };
  for (const r of rutas) {
    try {
      const st = await fs.stat(r);
      if (st.isDirectory()) await recorrer(r);
      else libros.push(r);
    } catch (e) {
      inexistentes.push({ archivo: r, mensaje: mensajeSistema(e, r) });
    }
  }
  return { libros, inexistentes };
}

function perfilDe(nombre: string | null | undefined): PerfilSemaforo {
  const p = leerPerfil(nombre ?? null);
  if (!p.ok) throw new ErrorCli(`--perfil: ${p.error.mensaje}`, SALIDA_USO);
  return p.valor;
}

/** Consolida un libro ya leído en bytes (las pruebas y la orden). */
export async function consolidarBytes(datos: Uint8Array, archivo: string, opciones: OpcionesConsolidar & { perfilSemaforo?: PerfilSemaforo }): Promise<{ unidades: UnidadConsolidada[]; archivo: ArchivoConsolidado }> {
  const vacio = { error: 0, warning: 0, info: 0 };
  let hojas;
  try {
    hojas = await leerHojas(datos, archivo);
  } catch (e) {
    if (!(e instanceof ErrorCli)) throw e;
    const motivo = unaLinea(e.message);
    return { unidades: [], archivo: { archivo, estado: "ilegible", hojasPat: 0, hallazgos: vacio, motivo: motivo.startsWith(`${archivo}: `) ? motivo.slice(archivo.length + 2) : motivo } };
  }
  const unidades: UnidadConsolidada[] = [];
  const nombreArchivo = path.basename(archivo).replace(/\.[^.]+$/, "");
  const perfil = opciones.perfilSemaforo ?? perfilDe(opciones.perfil);
  for (const hoja of hojas) {
    const analisis = analizarHoja(hoja, { corte: opciones.corte ?? null, perfil, ...(opciones.formatos ? { formatos: opciones.formatos } : {}) });
    if (!analisis.deteccion) continue;
    unidades.push(consolidarHoja(analisis, { archivo, nombreArchivo }));
  }
  if (unidades.length === 0) {
    const motivo = `Ninguna de sus ${hojas.length} hoja(s) tiene un encabezado PAT reconocido (vea «pat formatos»).`;
    return { unidades, archivo: { archivo, estado: "sin PAT", hojasPat: 0, hallazgos: vacio, motivo } };
  }
  const hallazgos = { error: 0, warning: 0, info: 0 };
  for (const u of unidades) for (const s of ["error", "warning", "info"] as const) hallazgos[s] += u.hallazgos[s];
  return { unidades, archivo: { archivo, estado: hallazgos.error > 0 ? "con errores" : "listo", hojasPat: unidades.length, hallazgos, motivo: null } };
}

/**
 * Consolida las rutas (archivos o carpetas). `avance(hechos, total)` se llama después de
 * cada libro (barra de progreso). Un libro a la vez: en memoria solo quedan los conteos.
 */
export async function consolidarRutas(rutas: ReadonlyArray<string>, opciones: OpcionesConsolidar, avance?: (hechos: number, total: number) => void): Promise<Consolidado> {
  const perfilSemaforo = perfilDe(opciones.perfil);
  const { libros, inexistentes } = await buscarLibros(rutas);
  if (libros.length === 0 && inexistentes.length === 0) {
    throw new ErrorCli(`No hay libros .xlsx en ${rutas.map((r) => `«${r}»`).join(", ")}. Indique los libros o la carpeta donde están.`, SALIDA_USO);
  }
  const unidades: UnidadConsolidada[] = [];
  const archivos: ArchivoConsolidado[] = inexistentes.map((x) => ({ archivo: x.archivo, estado: "ilegible", hojasPat: 0, hallazgos: { error: 0, warning: 0, info: 0 }, motivo: x.mensaje }));
  for (const [i, ruta] of libros.entries()) {
    let datos: Uint8Array | null = null;
    try {
      datos = await leerArchivo(ruta);
    } catch (e) {
      if (!(e instanceof ErrorCli)) throw e;
      archivos.push({ archivo: ruta, estado: "ilegible", hojasPat: 0, hallazgos: { error: 0, warning: 0, info: 0 }, motivo: unaLinea(e.message) });
    }
    if (datos) {
      const r = await consolidarBytes(datos, ruta, { ...opciones, perfilSemaforo });
      unidades.push(...r.unidades);
      archivos.push(r.archivo);
    }
    avance?.(i + 1, libros.length);
  }
  return { corte: opciones.corte ?? null, unidades, total: totalizar(unidades), archivos };
}

// ---------------------------------------------------------------- JSON (claves en inglés)

type Cuenta = Record<string, number>;
const porClaves = (orden: ReadonlyArray<string>, valores: Readonly<Record<string, number>>): Cuenta => Object.fromEntries(orden.map((k) => [k, valores[k]]));

export function consolidadoJson(c: Consolidado): unknown {
  return {
    corte: c.corte,
    units: c.unidades.map((u) => ({
      file: u.archivo,
      sheet: u.hoja,
      format: u.formato,
      unit: u.unidad,
      activities: u.actividades,
      byStatus: porClaves(ORDEN_ESTATUS_AVANCE, u.porEstatus),
      byLight: porClaves(ORDEN_SEMAFORO_AVANCE, u.porSemaforo),
      progress: u.avance,
      findings: { error: u.hallazgos.error, warning: u.hallazgos.warning, info: u.hallazgos.info },
      offTrack: u.desviadas.map((d) => ({ row: d.fila, cell: d.celda, activity: d.actividad, status: d.estatus, light: d.semaforo, justification: d.justificacion })),
    })),
    total: { activities: c.total.actividades, byStatus: porClaves(ORDEN_ESTATUS_AVANCE, c.total.porEstatus), byLight: porClaves(ORDEN_SEMAFORO_AVANCE, c.total.porSemaforo), progress: c.total.avance },
    skipped: c.archivos.filter((a) => a.estado === "sin PAT").map((a) => ({ file: a.archivo, reason: a.motivo })),
    unreadable: c.archivos.filter((a) => a.estado === "ilegible").map((a) => ({ file: a.archivo, message: a.motivo })),
  };
}

// ---------------------------------------------------------------- texto

const pct = (x: number | null): string => (x === null ? "—" : `${x.toFixed(1)} %`);

/** Informe de texto (terminal): una línea por unidad, el total y los archivos con problema. */
export function reporteConsolidado(c: Consolidado): string {
  const lineas: string[] = [];
  lineas.push(`Consolidado${c.corte ? ` al corte del mes ${c.corte}` : " (sin mes de corte)"}: ${c.unidades.length} unidad(es), ${c.total.actividades} actividades, avance ${pct(c.total.avance)}.`);
  lineas.push("");
  for (const u of c.unidades) {
    const e = u.porEstatus;
    const s = u.porSemaforo;
    lineas.push(`${u.unidad} — ${u.archivo} («${u.hoja}», ${u.formato})`);
    lineas.push(`  ${u.actividades} actividades: ${e.CUMPLIDA} cumplidas, ${e["EN PROCESO"]} en proceso, ${e.PENDIENTE} pendientes, ${e["NO CUMPLIDA"]} no cumplidas, ${e.CANCELADA} canceladas, ${e.REPROGRAMADA} reprogramadas, ${e["SIN DATOS"]} sin datos.`);
    lineas.push(`  Semáforo: ${s.VERDE} verde, ${s.AMARILLO} amarillo, ${s.ROJO} rojo, ${s["SIN DATO"]} sin dato. Avance: ${pct(u.avance)}. Hallazgos: ${u.hallazgos.error} errores, ${u.hallazgos.warning} avisos.`);
    for (const d of u.desviadas) {
      lineas.push(`  • ${d.celda} ${(d.actividad ?? "").replace(/\s+/g, " ").slice(0, 80)} — ${d.estatus}, ${d.semaforo}: ${d.justificacion ? d.justificacion.replace(/\s+/g, " ").slice(0, 100) : "sin justificar"}`);
    }
    lineas.push("");
  }
  const problemas = c.archivos.filter((a) => a.estado === "ilegible" || a.estado === "sin PAT");
  if (problemas.length) {
    lineas.push("Archivos no consolidados:");
    for (const a of problemas) lineas.push(`  ${a.archivo}: ${a.estado === "ilegible" ? "ilegible" : "sin PAT"} — ${a.motivo}`);
  }
  return lineas.join("\n") + "\n";
}
