/** Informes legibles en español (texto; color solo si la salida es una terminal). */
import pc from "picocolors";
import { escaparControles as e } from "../core/mostrar";
import { memorizarTexto } from "../core/memoria";
import { citar } from "../core/valores";
import { mostrarHallazgo } from "../core/validacion/mostrar-hallazgo";
import type { CambioCelda, ValorCelda } from "../core/tipos";
import { textoOmision, type FilaOmitida } from "../core/llenado/decision";
import { direccionDelCambio, razonDelCambio } from "../core/llenado/razon";
import type { HojaValidada, InformeValidacion } from "./validar";

type Colores = ReturnType<typeof pc.createColors>;

export function colores(activar: boolean): Colores {
  return pc.createColors(activar);
}

/** «1 error», «2 errores»: el número con la palabra en singular o plural. */
export function plural(n: number, uno: string, varios: string): string {
  return `${n} ${n === 1 ? uno : varios}`;
}

export function textoResumen(s: InformeValidacion["summary"]): string {
  return `${plural(s.errors, "error", "errores")}, ${plural(s.warnings, "aviso", "avisos")}, ${plural(s.infos, "nota", "notas")}`;
}

/**
 * Informe de validación de un archivo, agrupado por hoja y por fila. Todo texto que viene
 * del libro o de un formato (nombres de hoja, encabezados, mensajes que citan celdas) pasa
 * por `escaparControles` (`e`): un nombre de hoja con un salto de línea no imprime un
 * «Resumen» falso. El JSON (`--json`) lleva los textos exactos.
 */
export function reporteValidacion(informe: InformeValidacion, hojas: ReadonlyArray<HojaValidada>, c: Colores): string {
  const l: string[] = [];
  l.push(c.bold(e(informe.file)));
  for (const h of hojas) {
    const j = h.json;
    if (j.format === null) {
      l.push(`  Hoja «${e(j.name)}»: ${c.dim("no es una hoja PAT (no se reconoció su encabezado)")}`);
      continue;
    }
    l.push(`  Hoja «${e(j.name)}»: ${e(h.formatoNombre ?? j.format)} [${e(j.format)}], encabezado en la fila ${j.headerRow}, ${plural(j.dataRows, "fila de datos", "filas de datos")}`);
    if (h.hallazgos.length === 0) {
      l.push(`    ${c.green("✔ Sin errores ni avisos.")}`);
      continue;
    }
    let filaActual = -1;
    for (const x of h.hallazgos) {
      if (x.fila !== filaActual) {
        filaActual = x.fila;
        l.push(`    Fila ${x.fila}`);
      }
      const etiqueta =
        x.severidad === "error" ? c.red("✖ error") : x.severidad === "warning" ? c.yellow("⚠ aviso") : c.cyan("ℹ nota ");
      // El encabezado entre paréntesis solo si el mensaje no empieza ya por él.
      const mensaje = mostrarHallazgo(x, "es");
      const donde = x.encabezado && !mensaje.startsWith(x.encabezado) ? `${x.celda} (${e(x.encabezado)})` : x.celda;
      l.push(`      ${etiqueta}  ${c.bold(donde)}: ${e(mensaje)} ${c.dim(`[${x.codigo}]`)}`);
    }
  }
  const s = informe.summary;
  const resumen = `  Resumen: ${textoResumen(s)}.`;
  l.push(s.errors > 0 ? c.red(resumen) : s.warnings > 0 ? c.yellow(resumen) : c.green(resumen));
  return l.join("\n") + "\n";
}

export function citarValor(v: ValorCelda): string {
  if (v === null || v === undefined || v === "") return "(vacía)";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "string") {
    const s = citar(v);
    return `«${e(s)}»`;
  }
  return String(v);
}

export interface HojaLlenada {
  readonly nombre: string;
  readonly formato: string | null;
  readonly cambios: ReadonlyArray<CambioCelda>;
  readonly filasOmitidas: ReadonlyArray<number>;
  /** Por qué no se llenó cada fila omitida (mismo orden que `filasOmitidas`). */
  readonly motivos: ReadonlyArray<FilaOmitida>;
}

export function reporteLlenado(entrada: string, salida: string, hojas: ReadonlyArray<HojaLlenada>, c: Colores): string {
  return [...bloquesReporteLlenado(entrada, salida, hojas, c)].join("");
}

/** Líneas por bloque de `bloquesReporteLlenado`. */
const LINEAS_POR_BLOQUE = 2000;

/**
 * El reporte de `pat llenar` en bloques de texto (cada uno termina en salto de línea):
 * con 200 000 actividades son 400 000 líneas, y juntarlas en un solo texto costaba cientos
 * de MB justo en el pico de memoria; la CLI escribe cada bloque en cuanto sale.
 */
export function* bloquesReporteLlenado(entrada: string, salida: string, hojas: ReadonlyArray<HojaLlenada>, c: Colores): Generator<string> {
  let l: string[] = [c.bold(`${e(entrada)} → ${e(salida)}`)];
  let total = 0;
  for (const h of hojas) {
    if (h.formato === null) {
      l.push(`  Hoja «${e(h.nombre)}»: ${c.dim("no es una hoja PAT; sin cambios")}`);
      continue;
    }
    l.push(`  Hoja «${e(h.nombre)}» [${e(h.formato)}]: ${plural(h.cambios.length, "celda cambiada", "celdas cambiadas")}`);
    // Una hoja tiene pocas columnas calculadas y pocos valores distintos (0, «PENDIENTE»…):
    // su texto escapado o citado se arma una vez y no en cada una de las miles de líneas.
    const encabezado = memorizarTexto(e, 1000);
    const citarTexto = memorizarTexto(citarValor, 1000);
    for (const x of h.cambios) {
      const antes = x.formulaAntes ? e(x.formulaAntes) : citarValor(x.antes);
      const d = x.despues;
      const despues = typeof d === "string" ? (x.esFormula ? e(d) : citarTexto(d)) : citarValor(d);
      const marca = x.reemplaza ? c.yellow(" (reemplaza)") : "";
      l.push(`    ${c.bold(direccionDelCambio(x))} ${encabezado(x.encabezado)}: ${antes} → ${c.green(despues)}${marca}  ${c.dim(e(razonDelCambio(x, "es")))}`);
      if (l.length >= LINEAS_POR_BLOQUE) {
        yield l.join("\n") + "\n";
        l = [];
      }
    }
    if (h.filasOmitidas.length) {
      l.push(`    ${c.yellow(`Filas que no se llenaron por problemas en sus datos: ${h.filasOmitidas.join(", ")}`)} (vea «pat validar»).`);
      for (const m of h.motivos) l.push(`      Fila ${m.fila}: ${e(textoOmision(m, "es"))}`);
    }
    total += h.cambios.length;
  }
  l.push(`  Total: ${plural(total, "celda cambiada", "celdas cambiadas")}. Libro nuevo: ${e(salida)}`);
  yield l.join("\n") + "\n";
}
