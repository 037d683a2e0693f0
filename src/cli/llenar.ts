/**
 * `pat llenar`: lector completo (conserva todo el libro), plan de llenado del núcleo por
 * hoja, escritura solo de las celdas calculadas y bytes del libro nuevo.
 */
import { analizarHoja, planificarLlenado, type Formato } from "../core";
import type { CambioCelda, ValorCelda } from "../core/tipos";
import { aplicarCambios, libroABytes, pedirRecalculo } from "../xlsx/escribir";
import { leerLibro } from "../xlsx/leer";
import { ErrorCli, SALIDA_USO } from "./errores";
import type { HojaLlenada } from "./reporte";
import { elegirHojas, ordenarHallazgos } from "./validar";

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

export async function llenarBytes(datos: Uint8Array, archivo: string, opciones: OpcionesLlenar = {}): Promise<ResultadoLlenado> {
  const leido = await leerLibro(datos);
  if (!leido.ok) throw new ErrorCli(`${archivo}: ${leido.error.mensaje}`, SALIDA_USO);
  const { libro, hojas } = leido.valor;
  const pares = libro.worksheets.map((ws, i) => ({ nombre: ws.name, ws, hoja: hojas[i] }));
  const elegidas = elegirHojas(pares, opciones.hoja, archivo);
  const salida: HojaLlenada[] = [];
  let errores = 0;
  let reconocidas = 0;
  let hayFormulas = false;
  for (const p of elegidas) {
    const analisis = analizarHoja(p.hoja, { corte: opciones.corte ?? null, ...(opciones.formatos ? { formatos: opciones.formatos } : {}) });
    if (!analisis.deteccion) {
      salida.push({ nombre: p.nombre, formato: null, cambios: [], filasOmitidas: [] });
      continue;
    }
    reconocidas++;
    errores += ordenarHallazgos(analisis.hallazgos).filter((h) => h.severidad === "error").length;
    const plan = planificarLlenado(p.hoja, analisis, { corte: opciones.corte ?? null, modo: opciones.formulas ? "formulas" : "valores" });
    aplicarCambios(p.ws, plan.cambios);
    if (plan.cambios.some((c) => c.esFormula)) hayFormulas = true;
    salida.push({ nombre: p.nombre, formato: plan.formato ?? analisis.deteccion.formato.id, cambios: plan.cambios, filasOmitidas: plan.filasOmitidas });
  }
  if (hayFormulas) pedirRecalculo(libro);
  const bytes = await libroABytes(libro);
  return { bytes, hojas: salida, errores, reconocidas };
}

function valorJson(v: ValorCelda): string | number | boolean | null {
  if (v instanceof Date) return v.toISOString();
  return v ?? null;
}

export function cambioJson(c: CambioCelda) {
  return {
    cell: c.celda,
    row: c.fila,
    column: c.columna,
    header: c.encabezado,
    before: valorJson(c.antes),
    formulaBefore: c.formulaAntes,
    after: valorJson(c.despues),
    formula: c.esFormula,
    replaces: c.reemplaza,
    reason: c.razon.es,
  };
}

export function llenadoJson(entrada: string, salida: string, r: ResultadoLlenado) {
  return {
    file: entrada,
    output: salida,
    sheets: r.hojas.map((h) => ({
      name: h.nombre,
      format: h.formato,
      changes: h.cambios.map(cambioJson),
      skippedRows: [...h.filasOmitidas],
    })),
    summary: { changes: r.hojas.reduce((n, h) => n + h.cambios.length, 0), errors: r.errores },
  };
}
