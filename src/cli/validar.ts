/**
 * `pat validar`: lee el libro con el lector del paquete (el mismo de `pat llenar`), analiza cada hoja con el núcleo y
 * arma el informe. `validarBytes` es la misma función que usa `--json` (y las pruebas).
 */
import { analizarHoja, mostrarHallazgo, type Formato } from "../core";
import type { Hallazgo, HojaDatos, Severidad } from "../core/tipos";
import { PLATAFORMA_NODE } from "./inflador";
import { ErrorCli, SALIDA_HALLAZGOS, SALIDA_OK, SALIDA_USO } from "./errores";
import { leerLibro } from "../xlsx/lector";

export interface IssueJson {
  readonly severity: Severidad;
  readonly code: string;
  readonly cell: string;
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export interface SheetJson {
  readonly name: string;
  readonly format: string | null;
  readonly headerRow: number | null;
  readonly dataRows: number;
  readonly issues: IssueJson[];
}

export interface InformeValidacion {
  readonly file: string;
  readonly sheets: SheetJson[];
  readonly summary: { errors: number; warnings: number; infos: number };
}

/** Lo que la salida de texto necesita además del JSON (encabezado de columna). */
export interface HojaValidada {
  readonly json: SheetJson;
  readonly hallazgos: ReadonlyArray<Hallazgo>;
  readonly formatoNombre: string | null;
}

export interface OpcionesValidar {
  readonly corte?: number | null;
  readonly hoja?: string | null;
  /** Formatos a probar (por omisión, los registrados); `--formatos` agrega los propios. */
  readonly formatos?: ReadonlyArray<Formato>;
}

function columnaNumero(h: Hallazgo): number {
  return h.posicion.columna;
}

/** Orden estable: fila, columna; dentro de una celda, el orden del núcleo. */
export function ordenarHallazgos(hs: ReadonlyArray<Hallazgo>): Hallazgo[] {
  // La columna de cada hallazgo se decodifica una vez, no en cada comparación.
  return hs
    .map((h, i) => ({ h, i, columna: columnaNumero(h) }))
    .sort((a, b) => a.h.fila - b.h.fila || a.columna - b.columna || a.i - b.i)
    .map((x) => x.h);
}

export function validarHoja(hoja: HojaDatos, opciones: OpcionesValidar = {}): HojaValidada {
  const analisis = analizarHoja(hoja, { corte: opciones.corte ?? null, ...(opciones.formatos ? { formatos: opciones.formatos } : {}) });
  const det = analisis.deteccion;
  const hallazgos = ordenarHallazgos(analisis.hallazgos);
  return {
    json: {
      name: hoja.nombre,
      format: det ? det.formato.id : null,
      headerRow: det ? det.filaEncabezado : null,
      dataRows: det ? analisis.filasDatos : 0,
      issues: hallazgos.map((h) => ({
        severity: h.severidad,
        code: h.codigo,
        cell: h.celda,
        row: h.fila,
        column: h.columna,
        message: mostrarHallazgo(h, "es"),
      })),
    },
    hallazgos,
    formatoNombre: det ? det.formato.nombre.es : null,
  };
}

export function resumir(hojas: ReadonlyArray<SheetJson>): InformeValidacion["summary"] {
  const s = { errors: 0, warnings: 0, infos: 0 };
  for (const h of hojas) {
    for (const i of h.issues) {
      if (i.severity === "error") s.errors++;
      else if (i.severity === "warning") s.warnings++;
      else s.infos++;
    }
  }
  return s;
}

/** Hojas elegidas por `--hoja` (error de uso si no existe). */
export function elegirHojas<T extends { nombre: string }>(hojas: ReadonlyArray<T>, nombre: string | null | undefined, archivo: string): T[] {
  if (!nombre) return [...hojas];
  const h = hojas.filter((x) => x.nombre === nombre);
  if (h.length === 0) {
    throw new ErrorCli(`La hoja «${nombre}» no existe en «${archivo}». Hojas del libro: ${hojas.map((x) => `«${x.nombre}»`).join(", ") || "(ninguna)"}.`, SALIDA_USO);
  }
  return h;
}

export interface ValidacionArchivo {
  readonly informe: InformeValidacion;
  readonly hojas: ReadonlyArray<HojaValidada>;
}

/**
 * Las hojas de un libro, con el lector de `pat validar` (el único lugar que lo elige: lo
 * usan también `pat consolidar` y `pat comparar`). Lanza `ErrorCli` (código 2) si el
 * archivo no se puede leer.
 */
export async function leerHojas(datos: Uint8Array, archivo: string): Promise<HojaDatos[]> {
  const leido = leerLibro(datos, { inflador: PLATAFORMA_NODE.inflador });
  if (!leido.ok) throw new ErrorCli(`${archivo}: ${leido.error.mensaje}`, SALIDA_USO);
  return [...leido.valor.hojas];
}

/**
 * Valida los bytes de un libro. Lanza `ErrorCli` (código 2) si el archivo no se puede
 * leer o la hoja pedida no existe.
 */
export async function validarBytes(datos: Uint8Array, archivo: string, opciones: OpcionesValidar = {}): Promise<ValidacionArchivo> {
  const leido = leerLibro(datos, { inflador: PLATAFORMA_NODE.inflador, ...(opciones.hoja ? { leerHoja: (n: string) => n === opciones.hoja } : {}) });
  if (!leido.ok) throw new ErrorCli(`${archivo}: ${leido.error.mensaje}`, SALIDA_USO);
  elegirHojas(leido.valor.info.hojas, opciones.hoja, archivo);
  const hojas = leido.valor.hojas.map((h) => validarHoja(h, opciones));
  const sheets = hojas.map((h) => h.json);
  return { informe: { file: archivo, sheets, summary: resumir(sheets) }, hojas };
}

/** Código de salida de un informe: 1 si hay errores o ninguna hoja PAT reconocida. */
export function codigoDeInforme(informe: InformeValidacion): number {
  if (informe.summary.errors > 0) return SALIDA_HALLAZGOS;
  if (!informe.sheets.some((s) => s.format !== null)) return SALIDA_HALLAZGOS;
  return SALIDA_OK;
}
