/**
 * Lógica del panel en funciones puras (sin React, sin Office): mes de corte por defecto,
 * agrupación y filtro de hallazgos, marcas, avisos de la hoja leída y textos de valores.
 */
import { escaparControles } from "../core/mostrar";
import type { CambioCelda, Hallazgo, HojaDatos, Severidad, ValorCelda } from "../core/tipos";
import { direccion } from "../core/validacion/direcciones";
import type { EscrituraCelda, LecturaHoja, Marca } from "../excel/puerto";
import type { ClaveTexto, Traductor } from "../localization";

export const FILAS_GRANDES = 10_000;
/** Cuántas filas de hallazgos o cambios se dibujan de una vez (la lista completa no congela el panel). */
export const PAGINA = 100;

/** Diciembre para un programa de un año pasado; el mes actual para el año en curso; enero para uno futuro. */
export function mesCortePorDefecto(anio: number | null, hoy: Date = new Date()): number {
  const actual = hoy.getFullYear();
  if (anio === null || anio === actual) return hoy.getMonth() + 1;
  return anio < actual ? 12 : 1;
}

export interface GrupoFila {
  readonly fila: number;
  readonly hallazgos: ReadonlyArray<Hallazgo>;
  /** La severidad más grave de la fila. */
  readonly severidad: Severidad;
}

const PESO: Readonly<Record<Severidad, number>> = { error: 0, warning: 1, info: 2 };

export function masGrave(a: Severidad, b: Severidad): Severidad {
  return PESO[a] <= PESO[b] ? a : b;
}

export type FiltroSeveridad = "todas" | Severidad;

/** Hallazgos filtrados y agrupados por fila (en orden de fila; dentro, por gravedad y columna). */
export function agruparPorFila(hallazgos: ReadonlyArray<Hallazgo>, filtro: FiltroSeveridad = "todas"): GrupoFila[] {
  const porFila = new Map<number, Hallazgo[]>();
  for (const h of hallazgos) {
    if (filtro !== "todas" && h.severidad !== filtro) continue;
    let l = porFila.get(h.fila);
    if (!l) porFila.set(h.fila, (l = []));
    l.push(h);
  }
  return [...porFila.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([fila, lista]) => {
      const ordenada = [...lista].sort((x, y) => PESO[x.severidad] - PESO[y.severidad] || x.columna.length - y.columna.length || x.columna.localeCompare(y.columna));
      return { fila, hallazgos: ordenada, severidad: ordenada.reduce<Severidad>((s, h) => masGrave(s, h.severidad), "info") };
    });
}

export function contarPorSeveridad(hallazgos: ReadonlyArray<Hallazgo>): Record<Severidad, number> {
  const c: Record<Severidad, number> = { error: 0, warning: 0, info: 0 };
  for (const h of hallazgos) c[h.severidad]++;
  return c;
}

export const COLOR_MARCA: Readonly<Record<Severidad, string>> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

/** Una marca por celda: color de la severidad más grave, nota con todos sus mensajes. */
export function marcasDe(hallazgos: ReadonlyArray<Hallazgo>, t: Traductor): Marca[] {
  const porCelda = new Map<string, Hallazgo[]>();
  for (const h of hallazgos) {
    const k = h.celda.toUpperCase();
    let l = porCelda.get(k);
    if (!l) porCelda.set(k, (l = []));
    l.push(h);
  }
  return [...porCelda.entries()].map(([celda, lista]) => {
    const sev = lista.reduce<Severidad>((s, h) => masGrave(s, h.severidad), "info");
    const nota = lista
      .map((h) => t("marcas.nota", { severidad: t(`severidad.${h.severidad}` as ClaveTexto), mensaje: t.idioma === "en" ? h.mensajeEn : h.mensaje }))
      .join("\n");
    return { celda, color: COLOR_MARCA[sev], nota };
  });
}

/** Un valor de celda como texto corto para la vista previa. */
export function textoValor(v: ValorCelda | undefined, t: Traductor): string {
  if (v === null || v === undefined || v === "") return t("llenar.vacio");
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return new Intl.NumberFormat(t.idioma === "en" ? "en-US" : "es-MX", { maximumFractionDigits: 2 }).format(v);
  // Sin caracteres de control a la vista (ver core/mostrar.ts); se corta antes de recorrer todo.
  const s = String(v).slice(0, 400).replace(/\s+/g, " ").trim();
  return escaparControles(s.length > 60 ? `${s.slice(0, 57)}…` : s);
}

const ERROR_EXCEL = /^#(?:REF!|DIV\/0!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BUSY!|GETTING_DATA|UNKNOWN!|BLOCKED!|CONNECT!|EXTERNAL!)$/;

export function esErrorExcel(v: ValorCelda | undefined): v is string {
  return typeof v === "string" && ERROR_EXCEL.test(v.trim());
}

export interface ErroresExcel {
  readonly total: number;
  readonly primera: { readonly celda: string; readonly error: string } | null;
}

export function buscarErroresExcel(hoja: HojaDatos): ErroresExcel {
  let total = 0;
  let primera: ErroresExcel["primera"] = null;
  hoja.valores.forEach((fila, r) =>
    fila?.forEach((v, c) => {
      if (!esErrorExcel(v)) return;
      total++;
      if (!primera) primera = { celda: direccion(r + 1, c), error: v };
    }),
  );
  return { total, primera };
}

export type IntencionAviso = "info" | "warning" | "error" | "success";

export interface Aviso {
  readonly id: string;
  readonly intencion: IntencionAviso;
  readonly texto: string;
}

/** Lo que hay que decirle al usuario de una hoja recién leída. */
export function avisosDeLectura(l: LecturaHoja, t: Traductor): Aviso[] {
  const avisos: Aviso[] = [];
  const hoja = l.datos.nombre;
  if (l.protegida) avisos.push({ id: "protegida", intencion: "warning", texto: t("hoja.protegida", { hoja }) });
  if (l.filas >= FILAS_GRANDES) avisos.push({ id: "grande", intencion: "info", texto: t("hoja.grande", { filas: l.filas.toLocaleString(t.idioma === "en" ? "en-US" : "es-MX") }) });
  const ocultas = l.datos.filasOcultas?.length ?? 0;
  if (ocultas > 0) avisos.push({ id: "ocultas", intencion: "info", texto: t("hoja.ocultas", { n: ocultas }) });
  const combinadas = l.datos.combinaciones?.length ?? 0;
  if (combinadas > 0) avisos.push({ id: "combinadas", intencion: "info", texto: t("hoja.combinadas", { n: combinadas }) });
  const errores = buscarErroresExcel(l.datos);
  if (errores.total > 0 && errores.primera) {
    avisos.push({ id: "errores", intencion: "warning", texto: t("hoja.erroresExcel", { n: errores.total, celda: errores.primera.celda, error: errores.primera.error }) });
  }
  return avisos;
}

/** Un cambio del plan como escritura del puerto (que pide la dirección A1). */
export function escrituraDe(c: Pick<CambioCelda, "posicion" | "despues" | "esFormula">): EscrituraCelda {
  const celda = direccion(c.posicion.fila, c.posicion.columna - 1);
  if (c.esFormula && typeof c.despues === "string") {
    return { celda, formula: c.despues.startsWith("=") ? c.despues : `=${c.despues}` };
  }
  return { celda, valor: c.despues };
}
