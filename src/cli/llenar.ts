/**
 * `pat llenar`: el lector del paquete (el mismo de `pat validar`), plan de llenado del
 * núcleo por hoja y el escritor por parche: solo cambian las celdas calculadas, el resto
 * del libro queda byte a byte como estaba.
 */
import { analizarHoja, direccionDelCambio, letraColumna, planificarLlenado, razonDelCambio, textoOmision, type Formato } from "../core";
import type { CambioCelda, ValorCelda } from "../core/tipos";
import { leerLibro } from "../xlsx/lector";
import { ErrorPaquete } from "../xlsx/limites";
import { ErrorEscritura, parcharLibro, type CeldaEscrita } from "../xlsx/parche";
import { problema } from "../xlsx/diagnostico";
import { PLATAFORMA_NODE } from "./inflador";
import { ErrorCli, SALIDA_USO } from "./errores";
import { EnBloques, jsonEnBloques } from "./json-en-bloques";
import type { HojaLlenada } from "./reporte";
import { elegirHojas } from "./validar";

export interface OpcionesLlenar {
  readonly corte?: number | null;
  readonly hoja?: string | null;
  readonly formulas?: boolean;
  /** Formatos a probar (por omisión, los registrados); `--formatos` agrega los propios. */
  readonly formatos?: ReadonlyArray<Formato>;
}

export interface ResultadoLlenado {
  readonly bytes: Uint8Array;
  readonly hojas: HojaLlenada[];
  /** Errores de validación que quedan en las hojas reconocidas. */
  readonly errores: number;
  readonly reconocidas: number;
}

/** Serie de fecha de Excel (sistema 1900) de una fecha. */
function serieExcel(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

/** La celda del escritor (fila y columna base 1) es la posición del cambio: sin pasar por «A1». */
export function celdaEscrita(c: CambioCelda): CeldaEscrita {
  const { fila, columna } = c.posicion;
  const v = c.despues;
  if (c.esFormula && typeof v === "string") return { fila, columna, valor: null, formula: v };
  return { fila, columna, valor: v instanceof Date ? serieExcel(v) : v };
}

interface Planes {
  readonly salida: HojaLlenada[];
  readonly errores: number;
  readonly reconocidas: number;
}

/**
 * Lee y planifica. Va en su propia función para que las hojas leídas y su análisis (la mayor
 * parte de la memoria con 200 000 actividades) queden libres antes de escribir.
 */
function planificar(datos: Uint8Array, archivo: string, opciones: OpcionesLlenar): Planes {
  const leido = leerLibro(datos, { inflador: PLATAFORMA_NODE.inflador, ...(opciones.hoja ? { leerHoja: (n: string) => n === opciones.hoja } : {}) });
  if (!leido.ok) throw new ErrorCli(`${archivo}: ${leido.error.mensaje}`, SALIDA_USO);
  const { hojas, info } = leido.valor;
  elegirHojas(info.hojas, opciones.hoja, archivo);
  const elegidas = hojas.map((hoja) => ({ nombre: hoja.nombre, hoja }));
  const salida: HojaLlenada[] = [];
  let errores = 0;
  let reconocidas = 0;
  for (const p of elegidas) {
    const analisis = analizarHoja(p.hoja, { corte: opciones.corte ?? null, ...(opciones.formatos ? { formatos: opciones.formatos } : {}) });
    if (!analisis.deteccion) {
      salida.push({ nombre: p.nombre, formato: null, cambios: [], filasOmitidas: [], motivos: [] });
      continue;
    }
    reconocidas++;
    for (const h of analisis.hallazgos) if (h.severidad === "error") errores++;
    const plan = planificarLlenado(p.hoja, analisis, { corte: opciones.corte ?? null, modo: opciones.formulas ? "formulas" : "valores" });
    salida.push({ nombre: p.nombre, formato: plan.formato ?? analisis.deteccion.formato.id, cambios: plan.cambios, filasOmitidas: plan.filasOmitidas, motivos: plan.motivos });
  }
  return { salida, errores, reconocidas };
}

export async function llenarBytes(datos: Uint8Array, archivo: string, opciones: OpcionesLlenar = {}): Promise<ResultadoLlenado> {
  const { salida, errores, reconocidas } = planificar(datos, archivo, opciones);
  // Las celdas del escritor se arman ya sin la hoja leída ni el análisis en memoria (no suman al pico).
  const escritas = new Map<string, CeldaEscrita[]>();
  for (const h of salida) if (h.formato !== null) escritas.set(h.nombre, h.cambios.map(celdaEscrita));
  let bytes: Uint8Array;
  try {
    bytes = parcharLibro(datos, { hojas: escritas }, PLATAFORMA_NODE);
  } catch (e) {
    if (e instanceof ErrorEscritura) throw new ErrorCli(`${archivo}: ${e.message}`, SALIDA_USO);
    if (e instanceof ErrorPaquete) throw new ErrorCli(`${archivo}: ${problema(e.clase).mensaje}`, SALIDA_USO);
    throw e;
  }
  return { bytes, hojas: salida, errores, reconocidas };
}

function valorJson(v: ValorCelda): string | number | boolean | null {
  if (v instanceof Date) return v.toISOString();
  return v ?? null;
}

export function cambioJson(c: CambioCelda) {
  return {
    cell: direccionDelCambio(c),
    row: c.posicion.fila,
    column: letraColumna(c.posicion.columna - 1),
    header: c.encabezado,
    before: valorJson(c.antes),
    formulaBefore: c.formulaAntes,
    after: valorJson(c.despues),
    formula: c.esFormula,
    replaces: c.reemplaza,
    reason: razonDelCambio(c, "es"),
  };
}

/** El informe JSON de `pat llenar`; `lista` arma la lista de cambios de cada hoja. */
function informeLlenado<L>(entrada: string, salida: string, r: ResultadoLlenado, lista: (cambios: ReadonlyArray<CambioCelda>) => L) {
  return {
    file: entrada,
    output: salida,
    sheets: r.hojas.map((h) => ({
      name: h.nombre,
      format: h.formato,
      changes: lista(h.cambios),
      skippedRows: [...h.filasOmitidas],
      skipped: h.motivos.map((m) => ({ row: m.fila, withErrors: m.conErrores, reason: textoOmision(m, "es"), reasonEn: textoOmision(m, "en") })),
    })),
    summary: { changes: r.hojas.reduce((n, h) => n + h.cambios.length, 0), errors: r.errores },
  };
}

export function llenadoJson(entrada: string, salida: string, r: ResultadoLlenado) {
  return informeLlenado(entrada, salida, r, (cambios) => cambios.map(cambioJson));
}

/** `JSON.stringify(llenadoJson(…), null, 2) + "\n"` en bloques: los cambios se convierten al escribirse. */
export function bloquesLlenadoJson(entrada: string, salida: string, r: ResultadoLlenado): Generator<string> {
  return jsonEnBloques(informeLlenado(entrada, salida, r, (cambios) => new EnBloques(cambios, cambioJson)));
}
