/**
 * `pat comparar <anterior> <actual>`: lo que cambió entre dos trimestres de un PAT sin
 * explicación (`src/core/comparacion.ts`). Los libros se leen con el lector de `pat validar`.
 */
import { actividadesComparables, analizarHoja, compararTrimestres, type Cambio, type Formato } from "../core";
import { ErrorCli, SALIDA_HALLAZGOS, SALIDA_OK } from "./errores";
import { plural } from "./reporte";
import { leerHojas } from "./validar";

export interface Comparacion {
  readonly anterior: string;
  readonly actual: string;
  readonly cambios: ReadonlyArray<Cambio>;
}

async function actividadesDeLibro(datos: Uint8Array, archivo: string, formatos?: ReadonlyArray<Formato>) {
  const hojas = await leerHojas(datos, archivo);
  const analisis = hojas.map((h) => analizarHoja(h, formatos ? { formatos } : {}));
  if (!analisis.some((a) => a.deteccion)) {
    throw new ErrorCli(`${archivo}: ninguna hoja es un PAT reconocido; no hay nada que comparar. Revise el encabezado (vea «pat formatos»).`, SALIDA_HALLAZGOS);
  }
  return actividadesComparables(analisis);
}

export async function compararBytes(anterior: { datos: Uint8Array; archivo: string }, actual: { datos: Uint8Array; archivo: string }, formatos?: ReadonlyArray<Formato>): Promise<Comparacion> {
  const antes = await actividadesDeLibro(anterior.datos, anterior.archivo, formatos);
  const despues = await actividadesDeLibro(actual.datos, actual.archivo, formatos);
  return { anterior: anterior.archivo, actual: actual.archivo, cambios: compararTrimestres(antes, despues) };
}

export function comparacionJson(c: Comparacion): unknown {
  return { changes: c.cambios.map((x) => ({ code: x.codigo, severity: x.severidad, activity: x.actividad, cell: x.celda, before: x.antes, after: x.despues, message: x.mensaje })) };
}

export function codigoDeComparacion(c: Comparacion): number {
  return c.cambios.some((x) => x.severidad === "error") ? SALIDA_HALLAZGOS : SALIDA_OK;
}

const ETIQUETA = { error: "error", warning: "aviso", info: "nota" } as const;

export function reporteComparacion(c: Comparacion): string {
  if (c.cambios.length === 0) return `Sin cambios que explicar entre «${c.anterior}» y «${c.actual}»: solo avance normal.\n`;
  const errores = c.cambios.filter((x) => x.severidad === "error").length;
  const lineas = [`${plural(c.cambios.length, "cambio", "cambios")} entre «${c.anterior}» y «${c.actual}» (${plural(errores, "error", "errores")}):`];
  for (const x of c.cambios) lineas.push(`  ${x.celda.padEnd(6)} ${ETIQUETA[x.severidad]} [${x.codigo}] ${x.actividad.slice(0, 70)}: ${x.mensaje}`);
  return lineas.join("\n") + "\n";
}
