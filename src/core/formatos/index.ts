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
import type * as z from "zod";
import { exito, falla } from "../resultado";
import type { Resultado, Texto } from "../tipos";
import { memorizarTexto } from "../memoria";
import { acortar, textoLegible } from "../mostrar";
import { normalizar } from "../valores";
import type { ColumnaArchivo, FormatoArchivo } from "./esquema";
import { REGLAS } from "./vocabulario";
import patOrgano from "./pat-organo.json";
import patTransversal from "./pat-transversal.json";
import indicadoresResultados from "./indicadores-resultados.json";
import avanceMetas from "./avance-metas.json";

export { ROLES, TIPOS, LISTAS, REGLAS } from "./vocabulario";

/**
 * El esquema (y zod, ≈ 40 ms de arranque) se carga la primera vez que se valida un formato
 * propio; los formatos incluidos no lo necesitan (ver `INCLUIDOS`).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const esquema = (): typeof import("./esquema") => require("./esquema");

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
  /** Nombre corto de la hoja de la plantilla, en palabras («PAT órgano»). */
  readonly nombreHoja: string;
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

/** Una parte de la ruta de un campo, acortada y sin controles (una clave puede ser enorme). */
function parteRuta(p: PropertyKey): string {
  return textoLegible(String(p), 40);
}

function describirRuta(ruta: ReadonlyArray<PropertyKey>): string {
  let s = "";
  for (const p of ruta) s += typeof p === "number" ? `[${p}]` : s ? `.${parteRuta(p)}` : parteRuta(p);
  return s || "(formato)";
}

/** El tipo que zod esperaba, dicho como lo escribe quien edita el JSON. */
const TIPOS_JSON: Readonly<Record<string, Texto>> = {
  number: { es: "un número", en: "a number" },
  int: { es: "un número entero", en: "a whole number" },
  string: { es: "un texto entre comillas", en: "a quoted text" },
  boolean: { es: "true o false", en: "true or false" },
  array: { es: "una lista entre [ ]", en: "a list in [ ]" },
  object: { es: "un objeto entre { }", en: "an object in { }" },
  record: { es: "un objeto entre { }", en: "an object in { }" },
};

function tipoJson(tipo: string): Texto {
  return TIPOS_JSON[tipo] ?? { es: `un valor de tipo ${tipo}`, en: `a ${tipo} value` };
}

/** ¿Está el campo en el JSON? zod v4 no dice en el issue si faltaba o tenía otro tipo. */
function presente(json: unknown, ruta: ReadonlyArray<PropertyKey>): boolean {
  let v: unknown = json;
  for (const p of ruta) {
    if (typeof v !== "object" || v === null || !Object.prototype.hasOwnProperty.call(v, p)) return false;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v !== undefined;
}

/** Mensaje propio en español e inglés para cada clase de issue de zod (nunca el inglés de zod). */
function mensajeIssue(issue: z.core.$ZodIssue, json: unknown): { es: string; en: string } {
  const ruta = describirRuta(issue.path);
  switch (issue.code) {
    case "invalid_type": {
      const t = tipoJson(issue.expected);
      return presente(json, issue.path)
        ? { es: `${ruta}: debe ser ${t.es}; corrija el valor.`, en: `${ruta}: must be ${t.en}; fix the value.` }
        : { es: `${ruta}: falta el campo; escriba ${t.es}.`, en: `${ruta}: the field is missing; write ${t.en}.` };
    }
    case "invalid_value": {
      const opciones = acortar(issue.values.map(String).join(", "), 400);
      return { es: `${ruta}: valor no válido; escriba uno de: ${opciones}.`, en: `${ruta}: invalid value; write one of: ${opciones}.` };
    }
    case "too_small":
      return issue.origin === "string" || issue.origin === "array"
        ? { es: `${ruta}: está vacío; escriba al menos ${String(issue.minimum)} ${issue.origin === "string" ? "carácter(es)" : "elemento(s)"}.`, en: `${ruta}: it is empty; write at least ${String(issue.minimum)} ${issue.origin === "string" ? "character(s)" : "item(s)"}.` }
        : { es: `${ruta}: es muy pequeño; debe ser mayor${issue.inclusive ? " o igual" : ""} que ${String(issue.minimum)}.`, en: `${ruta}: too small; it must be greater than${issue.inclusive ? " or equal to" : ""} ${String(issue.minimum)}.` };
    case "too_big":
      return issue.origin === "string" || issue.origin === "array"
        ? { es: `${ruta}: es demasiado largo; como mucho ${String(issue.maximum)} ${issue.origin === "string" ? "caracteres" : "elementos"}.`, en: `${ruta}: too long; at most ${String(issue.maximum)} ${issue.origin === "string" ? "characters" : "items"}.` }
        : { es: `${ruta}: es demasiado grande; debe ser menor${issue.inclusive ? " o igual" : ""} que ${String(issue.maximum)}.`, en: `${ruta}: too large; it must be less than${issue.inclusive ? " or equal to" : ""} ${String(issue.maximum)}.` };
    case "invalid_union":
      return { es: `${ruta}: valor no válido; revise el tipo (vea la documentación del campo).`, en: `${ruta}: invalid value; check its type (see the field's documentation).` };
    case "unrecognized_keys":
      return { es: `${ruta}: campos desconocidos: ${issue.keys.map((k) => textoLegible(k, 40)).join(", ")}.`, en: `${ruta}: unknown fields: ${issue.keys.map((k) => textoLegible(k, 40)).join(", ")}.` };
    default:
      // Los mensajes propios del esquema (regex, superRefine) ya están en español; los de
      // zod salen en español por `z.config(z.locales.es())` (ver esquema.ts).
      return { es: `${ruta}: ${textoLegible(issue.message, 200)}.`, en: `${ruta}: ${textoLegible(issue.message, 200)}.` };
  }
}

function construir(f: FormatoArchivo): Formato {
  const columnas: Columna[] = f.columnas.map((c, orden) => {
    const normalizadas = [...new Set([c.encabezado, ...c.variantes].map(normalizarEncabezado).filter((s) => s.length > 0))];
    return { ...c, variantes: c.variantes, normalizadas, orden };
  });
  // Sin prototipo: las claves vienen del archivo («constructor», «toString», «hasOwnProperty»).
  const porClave: Record<string, Columna> = Object.create(null);
  const porRol: Partial<Record<Rol, Columna>> = Object.create(null);
  const etiquetas: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(f.etiquetas)) etiquetas[k] = v;
  for (const c of columnas) {
    porClave[c.clave] = c;
    if (!porRol[c.rol]) porRol[c.rol] = c;
  }
  return {
    id: f.id, version: f.version, nombre: f.nombre, descripcion: f.descripcion, titulo: f.titulo,
    nombreHoja: f.nombreHoja ?? f.nombre.es.slice(0, 26).trim(),
    metaEsValorIndicador: f.metaEsValorIndicador, metaProrrateada: f.metaProrrateada ?? !f.metaEsValorIndicador, variasMetasPorCelda: f.variasMetasPorCelda,
    marcadoresGrupo: f.marcadoresGrupo.map(normalizarEncabezado),
    filasEtiqueta: f.filasEtiqueta.map((fila) => fila.map(normalizarEncabezado)),
    etiquetas, reglas: f.reglas, columnas, porClave, porRol,
  };
}

/** Valida y prepara un formato leído de un archivo JSON. */
export function cargarFormato(json: unknown): Resultado<Formato> {
  const r = esquema().esquemaFormato.safeParse(json);
  if (r.success) return exito(construir(r.data));
  const mensajes = r.error.issues.slice(0, 5).map((i) => mensajeIssue(i, json));
  // El id se cita acortado y sin controles: un id de 100 000 espacios no llena la pantalla.
  const idCrudo = typeof json === "object" && json !== null && typeof (json as { id?: unknown }).id === "string" ? (json as { id: string }).id : "?";
  const id = textoLegible(idCrudo.trim() || "?");
  return falla("valor", {
    es: `El formato «${id}» no es válido: ${mensajes.map((m) => m.es).join(" ")}`,
    en: `Format "${id}" is not valid: ${mensajes.map((m) => m.en).join(" ")}`,
  });
}

/**
 * Los valores por omisión del esquema (los `.default(…)` de esquema.ts), para completar los
 * formatos incluidos sin cargar zod al arrancar. tests/core/formatos/incluidos.test.ts
 * comprueba que cada incluido pasa el esquema y que completarlo aquí da lo mismo que el
 * esquema (también para un formato mínimo, que toma todos los valores por omisión).
 */
function porOmisionFormato() {
  return {
    version: 1, titulo: [], metaEsValorIndicador: false, variasMetasPorCelda: false,
    marcadoresGrupo: [], filasEtiqueta: [], etiquetas: {}, reglas: [...REGLAS],
  } satisfies Partial<FormatoArchivo>;
}
function porOmisionColumna() {
  return { variantes: [], requerida: false, obligatoria: false, calculada: false, hereda: false, porMeta: false, ancho: 12 } satisfies Partial<ColumnaArchivo>;
}

/** Un formato incluido (ya validado por las pruebas) con los valores por omisión del esquema. */
export function completarIncluido(json: object): FormatoArchivo {
  const f = json as { columnas: ReadonlyArray<object> };
  return { ...porOmisionFormato(), ...f, columnas: f.columnas.map((c) => ({ ...porOmisionColumna(), ...c })) } as unknown as FormatoArchivo;
}

/** Los JSON de los formatos incluidos, tal como están en src/core/formatos/. */
export const JSON_INCLUIDOS: ReadonlyArray<object> = [patOrgano, patTransversal, indicadoresResultados, avanceMetas];

const INCLUIDOS: ReadonlyArray<Formato> = JSON_INCLUIDOS.map((j) => construir(completarIncluido(j)));
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
