/**
 * Detección del formato y de la fila de encabezado (spec §1).
 *
 * Se revisan las primeras 30 filas. Cada celda de texto se normaliza (`normalizarEncabezado`:
 * mayúsculas, acentos, espacios, saltos de línea, paréntesis y signos no cuentan) y se compara
 * con el encabezado y las variantes de cada columna de cada formato: igual (vale más) o
 * «empieza con» la variante seguida de más palabras («ESTATUS DE la actividad»,
 * «PRESUPUESTO 2023 PROYECTADO»). Cada formato se prueba en cada fila; la mejor fila se
 * completa con la de arriba o la de abajo cuando aportan columnas nuevas (encabezados en dos
 * filas, como el de Chiapas: «METAS» sobre «PROGRAM. ANUAL …»). Gana el formato con mayor
 * proporción de columnas requeridas encontradas; con menos del 60 % la hoja no es un PAT.
 */
import { normalizarEncabezadoMemo, type Formato } from "./formatos";
import type { HojaDatos, ValorCelda } from "./tipos";
import { normalizar } from "./valores";

export const FILAS_A_REVISAR = 30;
export const UMBRAL_REQUERIDAS = 0.6;

export interface Deteccion {
  formato: Formato;
  /** Primera fila del encabezado (base 1). */
  filaEncabezado: number;
  /** Última fila del encabezado (base 1); mayor que `filaEncabezado` en encabezados de dos filas. */
  filaFinEncabezado: number;
  /** Clave de columna → índice de columna (base 0). */
  columnas: Readonly<Record<string, number>>;
  /** Encabezados canónicos de las columnas requeridas que no se encontraron. */
  faltantes: string[];
  /** Proporción de columnas requeridas encontradas (0–1). */
  puntaje: number;
}

export interface Candidato {
  formato: Formato;
  coincidencias: number;
  requeridas: number;
  faltantes: string[];
  /** Fila (base 1) donde mejor coincidió, o 0 si en ninguna. */
  fila: number;
}

interface Asignacion {
  col: number;
  puntos: number;
}

/** Largo mínimo de una variante para que cuente «empieza con» («estatus de la actividad»). */
const PREFIJO_MINIMO = 5;

/**
 * Encabezados normalizados de un formato → clave de la primera columna que los tiene. Con
 * este índice una celda cuesta una búsqueda por palabra de su texto (≤ 200 caracteres), no
 * una comparación con cada variante de cada columna: un formato de 10 000 columnas contra
 * 30 × 16 384 celdas de encabezado tardaba minutos.
 */
interface IndiceEncabezados {
  readonly exactos: ReadonlyMap<string, string>;
  readonly prefijos: ReadonlyMap<string, string>;
}

const INDICES = new WeakMap<Formato, IndiceEncabezados>();

function indiceDe(formato: Formato): IndiceEncabezados {
  let indice = INDICES.get(formato);
  if (!indice) {
    const exactos = new Map<string, string>();
    const prefijos = new Map<string, string>();
    for (const col of formato.columnas) {
      for (const v of col.normalizadas) {
        if (!exactos.has(v)) exactos.set(v, col.clave);
        if (v.length >= PREFIJO_MINIMO && !prefijos.has(v)) prefijos.set(v, col.clave);
      }
    }
    indice = { exactos, prefijos };
    INDICES.set(formato, indice);
  }
  return indice;
}

/**
 * La columna que mejor coincide con un encabezado normalizado y sus puntos: igual a una
 * variante (1000 + largo) o, si no, la variante más larga con que empieza seguida de un
 * espacio (su largo). `null` si ninguna.
 */
function mejorColumna(h: string, indice: IndiceEncabezados): Asignacion & { clave: string } | null {
  const exacta = indice.exactos.get(h);
  if (exacta !== undefined) return { clave: exacta, col: -1, puntos: 1000 + h.length };
  for (let fin = h.lastIndexOf(" "); fin >= PREFIJO_MINIMO; fin = h.lastIndexOf(" ", fin - 1)) {
    const clave = indice.prefijos.get(h.slice(0, fin));
    if (clave !== undefined) return { clave, col: -1, puntos: fin };
  }
  return null;
}

/** Asigna las celdas de una fila a columnas del formato. */
function coincidirFila(celdas: ReadonlyArray<string>, formato: Formato, previas?: Map<string, Asignacion>): Map<string, Asignacion> {
  const asignadas = new Map<string, Asignacion>(previas ?? []);
  const usadas = new Set<number>([...asignadas.values()].map((a) => a.col));
  const indice = indiceDe(formato);
  for (let c = 0; c < celdas.length; c++) {
    const h = celdas[c];
    if (!h || usadas.has(c)) continue;
    const mejor = mejorColumna(h, indice);
    if (mejor === null) continue;
    const mejorClave = mejor.clave;
    const mejorPuntos = mejor.puntos;
    const previa = asignadas.get(mejorClave);
    if (previa && (previas?.has(mejorClave) || previa.puntos >= mejorPuntos)) continue;
    asignadas.set(mejorClave, { col: c, puntos: mejorPuntos });
  }
  return asignadas;
}

function contarRequeridas(formato: Formato, asignadas: Map<string, Asignacion>): number {
  let n = 0;
  for (const col of formato.columnas) if (col.requerida && asignadas.has(col.clave)) n++;
  return n;
}

/** Textos normalizados de una fila (vacío para números y celdas vacías). */
export function textosEncabezado(fila: ReadonlyArray<ValorCelda> | undefined): string[] {
  if (!fila) return [];
  const r: string[] = new Array<string>(fila.length);
  for (let c = 0; c < fila.length; c++) {
    const v = fila[c];
    r[c] = typeof v === "string" && v.length <= 200 ? normalizarEncabezadoMemo(v) : "";
  }
  return r;
}

/**
 * Cuántas celdas de una fila coinciden con encabezados del formato detectado (para saltar
 * encabezados repetidos dentro de la tabla).
 */
export function coincidenciasEncabezado(fila: ReadonlyArray<ValorCelda> | undefined, formato: Formato): number {
  if (!fila) return 0;
  // Rechazo rápido: un encabezado no tiene números ni textos largos.
  let numeros = 0;
  for (const v of fila) {
    if (typeof v === "number" && ++numeros >= 2) return 0;
  }
  const textos: string[] = new Array<string>(fila.length);
  for (let c = 0; c < fila.length; c++) {
    const v = fila[c];
    textos[c] = typeof v === "string" && v.length <= 80 ? normalizarEncabezadoMemo(v) : "";
  }
  return coincidirFila(textos, formato).size;
}

interface Mejor {
  fila: number;
  asignadas: Map<string, Asignacion>;
  requeridas: number;
}

function mejorFila(grilla: ReadonlyArray<ReadonlyArray<string>>, formato: Formato): Mejor | null {
  let mejor: Mejor | null = null;
  for (let f = 0; f < grilla.length; f++) {
    const asignadas = coincidirFila(grilla[f], formato);
    const req = contarRequeridas(formato, asignadas);
    if (req === 0) continue;
    if (!mejor || req > mejor.requeridas || (req === mejor.requeridas && asignadas.size > mejor.asignadas.size)) {
      mejor = { fila: f, asignadas, requeridas: req };
    }
  }
  return mejor;
}

export interface ResultadoDeteccion {
  deteccion: Deteccion | null;
  candidatos: Candidato[];
}

/** Detecta el formato de una hoja entre los dados. */
export function detectarFormato(hoja: HojaDatos, formatos: ReadonlyArray<Formato>): ResultadoDeteccion {
  const limite = Math.min(hoja.valores.length, FILAS_A_REVISAR);
  const grilla: string[][] = [];
  for (let f = 0; f < limite; f++) grilla.push(textosEncabezado(hoja.valores[f]));

  const evaluados: Array<{ formato: Formato; inicio: number; fin: number; asignadas: Map<string, Asignacion>; requeridas: number; total: number }> = [];
  for (const formato of formatos) {
    const total = formato.columnas.filter((c) => c.requerida).length;
    const m = mejorFila(grilla, formato);
    if (!m) {
      evaluados.push({ formato, inicio: -1, fin: -1, asignadas: new Map(), requeridas: 0, total });
      continue;
    }
    let { asignadas } = m;
    let inicio = m.fila;
    let fin = m.fila;
    // Encabezado en dos filas: la de arriba o la de abajo completan columnas que faltan.
    if (m.fila > 0) {
      const arriba = coincidirFila(grilla[m.fila - 1], formato, asignadas);
      if (contarRequeridas(formato, arriba) > contarRequeridas(formato, asignadas)) {
        asignadas = arriba;
        inicio = m.fila - 1;
      }
    }
    if (m.fila + 1 < grilla.length) {
      const abajo = coincidirFila(grilla[m.fila + 1], formato, asignadas);
      if (contarRequeridas(formato, abajo) > contarRequeridas(formato, asignadas)) {
        asignadas = abajo;
        fin = m.fila + 1;
      }
    }
    evaluados.push({ formato, inicio, fin, asignadas, requeridas: contarRequeridas(formato, asignadas), total });
  }

  const faltantesDe = (e: (typeof evaluados)[number]): string[] =>
    e.formato.columnas.filter((c) => c.requerida && !e.asignadas.has(c.clave)).map((c) => c.encabezado);

  evaluados.sort((a, b) => b.requeridas / b.total - a.requeridas / a.total || b.asignadas.size - a.asignadas.size);
  const candidatos: Candidato[] = evaluados.map((e) => ({
    formato: e.formato, coincidencias: e.requeridas, requeridas: e.total, faltantes: faltantesDe(e), fila: e.inicio + 1,
  }));
  const mejor = evaluados[0];
  if (!mejor || mejor.inicio < 0 || mejor.requeridas / mejor.total < UMBRAL_REQUERIDAS) return { deteccion: null, candidatos };

  // Sin prototipo: las claves vienen de un archivo de formato («constructor», «toString»).
  const columnas: Record<string, number> = Object.create(null);
  for (const [clave, a] of mejor.asignadas) columnas[clave] = a.col;
  return {
    deteccion: {
      formato: mejor.formato,
      filaEncabezado: mejor.inicio + 1,
      filaFinEncabezado: mejor.fin + 1,
      columnas,
      faltantes: faltantesDe(mejor),
      puntaje: mejor.requeridas / mejor.total,
    },
    candidatos,
  };
}

const PATRONES_ANIO: ReadonlyArray<RegExp> = [
  /programa anual de trabajo\b.+?\b(20\d{2})\b(?!\s*-\s*\d)/,
  /\bdel \d{1,2} de [a-z]+ al \d{1,2} de [a-z]+ (?:de |del )?(20\d{2})\b/,
  /\bejercicio (?:fiscal )?(20\d{2})\b(?!\s*-\s*\d)/,
  /\b(?:ano|anio|periodo) (20\d{2})\b(?!\s*-\s*\d)/,
  /\bal \d{1,2} de [a-z]+ (?:de |del )?(20\d{2})\b/,
];

/** Año del programa leído de las filas de título («PROGRAMA ANUAL DE TRABAJO 2024», «Del 01 de Enero al 31 de Marzo 2024»). */
export function leerAnio(hoja: HojaDatos, hastaFila0: number): number | null {
  const limite = Math.min(hoja.valores.length, Math.max(0, hastaFila0), FILAS_A_REVISAR);
  for (const patron of PATRONES_ANIO) {
    for (let f = 0; f < limite; f++) {
      const fila = hoja.valores[f];
      if (!fila) continue;
      for (const v of fila) {
        if (typeof v !== "string" || v.length > 400) continue;
        const m = patron.exec(normalizar(v));
        if (m) return Number(m[1]);
      }
    }
  }
  return null;
}
