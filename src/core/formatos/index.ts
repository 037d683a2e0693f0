/**
 * Formatos de PAT como datos.
 *
 * ## Cómo agregar un formato (sin tocar código)
 *
 * 1. Copie uno de los archivos de `src/core/formatos/*.json` (por ejemplo `pat-organo.json`)
 *    con un `id` nuevo en kebab-case («pat-organo-sonora»).
 * 2. Para cada columna escriba:
 *    - `clave`: nombre interno único («meta», «mesInicial»);
 *    - `encabezado`: el encabezado canónico, como aparece en la plantilla;
 *    - `variantes`: otras formas del encabezado. No hace falta repetir mayúsculas, acentos,
 *      espacios, saltos de línea ni las aclaraciones entre paréntesis: se ignoran al comparar
 *      («DIMENSIÓN DEL INDICADOR (Eficacia, …)» = «dimension del indicador»). Un encabezado
 *      que *empieza* con una variante también coincide («ESTATUS DE la actividad»);
 *    - `rol`: qué significa la columna para las reglas (`meta`, `alcanzado`, `metodo`,
 *      `frecuencia`, `mesInicial`, `estatus`, `porcentaje`…; lista en `esquema.ts`, `ROLES`);
 *    - `tipo`: `texto`, `numero`, `entero`, `moneda`, `mes`, `frecuencia`, `porcentaje`,
 *      `estatus`, `dimension`, `tendencia` o `metodo`;
 *    - `requerida` (el encabezado debe existir para reconocer el formato: con menos del 60 %
 *      de las requeridas la hoja no es de ese formato), `obligatoria` (la celda no puede
 *      quedar vacía), `calculada` (la llena el complemento), `hereda` (las filas de
 *      continuación toman el valor de arriba), `porMeta` (una línea por meta en la celda);
 *    - para la plantilla: `ancho`, `lista` (`meses`, `frecuencias`, `estatus`, `dimensiones`,
 *      `tendencias` o una lista propia de textos) y `formatoNumero`.
 * 3. En el formato: `metaEsValorIndicador` (la meta es el valor del indicador, p. ej. 100 %,
 *    y no un número de unidades), `metaProrrateada` (lo esperado al corte es la meta
 *    prorrateada por meses; si no, la meta misma), `variasMetasPorCelda`, `marcadoresGrupo` (textos de filas
 *    de grupo o totales), `filasEtiqueta` (segundas filas de encabezado que no son datos) y
 *    `reglas` (qué reglas de validación aplican; lista en `esquema.ts`, `REGLAS`).
 * 4. Cárguelo: `cargarFormato(JSON.parse(texto))` devuelve el formato o un mensaje que nombra
 *    el campo equivocado; páselo en `opciones.formatos` de `analizarHoja` o regístrelo para
 *    todo el programa con `registrarFormato(formato)`.
 */
import * as z from "zod";
import { exito, falla } from "../resultado";
import type { Resultado, Texto } from "../tipos";
import { memorizarTexto } from "../memoria";
import { normalizar } from "../valores";
import { esquemaFormato, type ColumnaArchivo, type FormatoArchivo } from "./esquema";
import patOrgano from "./pat-organo.json";
import patTransversal from "./pat-transversal.json";
import indicadoresResultados from "./indicadores-resultados.json";
import avanceMetas from "./avance-metas.json";

export { ROLES, TIPOS, LISTAS, REGLAS } from "./esquema";

export type Rol = ColumnaArchivo["rol"];
export type TipoColumna = ColumnaArchivo["tipo"];
export type ReglaFormato = FormatoArchivo["reglas"][number];

export interface Columna extends Readonly<Omit<ColumnaArchivo, "variantes">> {
  readonly variantes: ReadonlyArray<string>;
  /** Encabezado y variantes normalizados para comparar (sin acentos, paréntesis ni signos). */
  readonly normalizadas: ReadonlyArray<string>;
  /** Posición de la columna en `Formato.columnas` (base 0). */
  readonly orden: number;
}

export interface Formato {
  readonly id: string;
  readonly version: number;
  readonly nombre: Texto;
  readonly descripcion: Texto;
  readonly titulo: ReadonlyArray<string>;
  readonly metaEsValorIndicador: boolean;
  /** Lo esperado al corte es la meta prorrateada por meses (si no, la meta misma). */
  readonly metaProrrateada: boolean;
  readonly variasMetasPorCelda: boolean;
  readonly marcadoresGrupo: ReadonlyArray<string>;
  readonly filasEtiqueta: ReadonlyArray<ReadonlyArray<string>>;
  readonly etiquetas: Readonly<Record<string, string>>;
  readonly reglas: ReadonlyArray<ReglaFormato>;
  readonly columnas: ReadonlyArray<Columna>;
  /** Columnas por clave. */
  readonly porClave: Readonly<Record<string, Columna>>;
  /** Primera columna de cada rol. */
  readonly porRol: Readonly<Partial<Record<Rol, Columna>>>;
}

/**
 * Normaliza un encabezado para compararlo: minúsculas, sin acentos, sin lo que está entre
 * paréntesis, sin signos (salvo «%»), con espacios sencillos.
 */
export function normalizarEncabezado(texto: string): string {
  let t = normalizar(texto);
  // Quita paréntesis (también anidados o sin cerrar al final).
  for (let i = 0; i < 3 && t.includes("("); i++) t = t.replace(/\([^()]*\)?/g, " ");
  return t.replace(/[^a-z0-9%ñ]+/g, " ").trim();
}

/** `normalizarEncabezado` con memoria (los textos cortos se repiten fila tras fila). */
export const normalizarEncabezadoMemo = memorizarTexto(normalizarEncabezado, 20000);

function describirRuta(ruta: ReadonlyArray<PropertyKey>): string {
  let s = "";
  for (const p of ruta) s += typeof p === "number" ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || "(formato)";
}

function mensajeIssue(issue: z.core.$ZodIssue): { es: string; en: string } {
  const ruta = describirRuta(issue.path);
  if (issue.code === "invalid_type") {
    const falta = issue.input === undefined;
    return falta
      ? { es: `${ruta}: falta el campo; escriba un valor de tipo ${issue.expected}.`, en: `${ruta}: the field is missing; write a ${issue.expected} value.` }
      : { es: `${ruta}: se esperaba ${issue.expected}; corrija el valor.`, en: `${ruta}: expected ${issue.expected}; fix the value.` };
  }
  if (issue.code === "invalid_value") {
    const opciones = issue.values.map(String).join(", ");
    return { es: `${ruta}: valor no válido; escriba uno de: ${opciones}.`, en: `${ruta}: invalid value; write one of: ${opciones}.` };
  }
  if (issue.code === "too_small") {
    return { es: `${ruta}: está vacío o es muy pequeño (mínimo ${String(issue.minimum)}).`, en: `${ruta}: empty or too small (minimum ${String(issue.minimum)}).` };
  }
  return { es: `${ruta}: ${issue.message}.`, en: `${ruta}: ${issue.message}.` };
}

function construir(f: FormatoArchivo): Formato {
  const columnas: Columna[] = f.columnas.map((c, orden) => {
    const normalizadas = [...new Set([c.encabezado, ...c.variantes].map(normalizarEncabezado).filter((s) => s.length > 0))];
    return { ...c, variantes: c.variantes, normalizadas, orden };
  });
  const porClave: Record<string, Columna> = {};
  const porRol: Partial<Record<Rol, Columna>> = {};
  for (const c of columnas) {
    porClave[c.clave] = c;
    if (!porRol[c.rol]) porRol[c.rol] = c;
  }
  return {
    id: f.id, version: f.version, nombre: f.nombre, descripcion: f.descripcion, titulo: f.titulo,
    metaEsValorIndicador: f.metaEsValorIndicador, metaProrrateada: f.metaProrrateada ?? !f.metaEsValorIndicador, variasMetasPorCelda: f.variasMetasPorCelda,
    marcadoresGrupo: f.marcadoresGrupo.map(normalizarEncabezado),
    filasEtiqueta: f.filasEtiqueta.map((fila) => fila.map(normalizarEncabezado)),
    etiquetas: f.etiquetas, reglas: f.reglas, columnas, porClave, porRol,
  };
}

/** Valida y prepara un formato leído de un archivo JSON. */
export function cargarFormato(json: unknown): Resultado<Formato> {
  const r = esquemaFormato.safeParse(json);
  if (r.success) return exito(construir(r.data));
  const mensajes = r.error.issues.slice(0, 5).map((i) => mensajeIssue(i));
  const id = typeof json === "object" && json !== null && typeof (json as { id?: unknown }).id === "string" ? (json as { id: string }).id : "?";
  return falla("valor", {
    es: `El formato «${id}» no es válido: ${mensajes.map((m) => m.es).join(" ")}`,
    en: `Format "${id}" is not valid: ${mensajes.map((m) => m.en).join(" ")}`,
  });
}

function cargarIncluido(json: unknown): Formato {
  const r = cargarFormato(json);
  if (!r.ok) throw new Error(r.error.mensaje);
  return r.valor;
}

const INCLUIDOS: ReadonlyArray<Formato> = [patOrgano, patTransversal, indicadoresResultados, avanceMetas].map(cargarIncluido);
const registrados = new Map<string, Formato>(INCLUIDOS.map((f) => [f.id, f]));

/** Los formatos conocidos: los incluidos y los registrados. */
export function listarFormatos(): ReadonlyArray<Formato> {
  return [...registrados.values()];
}

/** Busca un formato por id. */
export function obtenerFormato(id: string): Formato | null {
  return registrados.get(id) ?? null;
}

/**
 * Registra un formato (un objeto ya cargado o el JSON sin validar). Uno con el mismo id
 * reemplaza al anterior. Devuelve el formato o el error de validación.
 */
export function registrarFormato(formato: Formato | unknown): Resultado<Formato> {
  const r = esFormato(formato) ? exito(formato) : cargarFormato(formato);
  if (r.ok) registrados.set(r.valor.id, r.valor);
  return r;
}

/** Quita un formato registrado; los incluidos vuelven a su versión original. */
export function quitarFormato(id: string): void {
  registrados.delete(id);
  const incluido = INCLUIDOS.find((f) => f.id === id);
  if (incluido) registrados.set(id, incluido);
}

export function esFormato(x: unknown): x is Formato {
  return typeof x === "object" && x !== null && "porClave" in x && "porRol" in x && Array.isArray((x as Formato).columnas);
}
