/**
 * Motor de validación (spec §4): lee cada actividad, emite los hallazgos del catálogo y
 * devuelve las actividades leídas. Cada regla solo emite códigos de `catalogo.ts`; cada
 * hallazgo lleva severidad, código, celda A1, fila, columna, encabezado canónico y un
 * mensaje que dice qué está mal y qué escribir en su lugar.
 *
 * Sin falsas alarmas: lo que la spec considera correcto (META 1 en `pat-organo`, PORCENTAJE
 * 0 con 0 cumplidas, UNIDADES vacías = 0, `$0`, `25%`) no produce nada.
 */
import type { Deteccion } from "../deteccion";
import { CATALOGO_ESTATUS, conservaEstatusEscrito, esEstatusManual, leerEstatus } from "../estatus";
import { vacio, type Actividad, type EstructuraHoja, type FilaHoja, type LineaMeta } from "../filas";
import type { Columna, Formato, Rol } from "../formatos";
import { calcularFila, cifra, type CalculosFila } from "../llenado/calculo";
import { evaluarAvance, type AvanceActividad } from "../avance";
import { PERFILES_SEMAFORO, type PerfilSemaforo } from "../semaforo";
import type { Metodo } from "../metodo";
import { formatear } from "../resultado";
import type { Estatus, EstatusCalculado, Hallazgo, HojaDatos, RangoCeldas, Sentido, Texto, ValorCelda } from "../tipos";
import {
  buscarMarcador, citar, FRECUENCIAS, leerCantidad, leerFrecuencia, leerMes, leerSentido, normalizar, sinPuntoFinal, textoFecha,
  type Cantidad,
} from "../valores";
import { CATALOGO } from "./catalogo";
import { direccion, letraColumna } from "./direcciones";
import { analizarMetodoEnCache } from "../metodo";
import { memorizarTexto } from "../memoria";
import { llamadaExterna, signoDeInyeccion } from "../inyeccion";
import { lineasDe } from "./reglas/lineas";
import { REGLAS_DE_FILA, type ContextoRegla, type ReglaFila } from "./reglas";
import type { CodigoHallazgo } from "./catalogo";
import type { CeldaCalculada, FilaAnalizada } from "../lectura";

/** «-5», «+3»: un número escrito con signo no es una fórmula. */
function esCifraEscrita(t: string): boolean {
  return leerCantidad(t).ok;
}

export { CATALOGO, listarTiposHallazgo, type TipoHallazgo } from "./catalogo";
export { letraColumna, direccion } from "./direcciones";

export interface OpcionesValidacion {
  readonly corte?: number | null;
  /** Perfil del semáforo (por omisión, simétrico). */
  readonly perfil?: PerfilSemaforo;
}

export interface ResultadoValidacion {
  readonly actividades: Actividad[];
  /** Avance al corte de cada actividad, en el mismo orden que `actividades`. */
  readonly avances: AvanceActividad[];
  /** Lecturas, cálculos, celdas calculadas y errores de cada actividad, en el mismo orden. */
  readonly filas: FilaAnalizada[];
  readonly hallazgos: Hallazgo[];
}

type Parametros = Record<string, string | number>;

const SUGERENCIA_REQUERIDA: Partial<Record<Rol, Texto>> = {
  actividad: { es: "Escriba la actividad o línea de acción que se realizará.", en: "Write the activity or line of action to carry out." },
  indicador: { es: "Escriba el nombre del indicador, por ejemplo «Porcentaje de informes entregados».", en: "Write the indicator's name, for example \"Porcentaje de informes entregados\"." },
  metodo: { es: "Escriba cómo se calcula, por ejemplo «Documentos realizados / Documentos programados × 100».", en: "Write how it is computed, for example \"Documentos realizados / Documentos programados × 100\"." },
  frecuencia: { es: `Escriba una de: ${FRECUENCIAS.map((f) => f.nombre).join(", ")}.`, en: `Write one of: ${FRECUENCIAS.map((f) => f.nombre).join(", ")}.` },
  unidad: { es: "Escriba la unidad de medida, por ejemplo Documento, Informe o Porcentaje.", en: "Write the unit of measure, for example Documento, Informe or Porcentaje." },
  meta: { es: "Escriba la meta: un número mayor que 0.", en: "Write the goal: a number greater than 0." },
  objetivo: { es: "Escriba el objetivo al que pertenece el indicador.", en: "Write the objective the indicator belongs to." },
  clave: { es: "Escriba la clave del proyecto, por ejemplo A001.", en: "Write the project key, for example A001." },
  mesInicial: { es: "Escriba el mes en que empieza: un número del 1 al 12 (1 = enero); sin él no se puede saber el estatus al corte.", en: "Write the month it starts: a number from 1 to 12 (1 = January); without it the status at the cut-off cannot be judged." },
  mesFinal: { es: "Escriba el mes en que termina: un número del 1 al 12 (12 = diciembre); sin él no se puede saber el estatus al corte.", en: "Write the month it ends: a number from 1 to 12 (12 = December); without it the status at the cut-off cannot be judged." },
};

const SUGERENCIA_NUMERO: Partial<Record<Rol, Texto>> = {
  valor1: { es: "Escriba la cifra medida (por ejemplo 8); el texto de la plantilla solo describe qué contar.", en: "Write the measured figure (for example 8); the template's text only describes what to count." },
  valor2: { es: "Escriba la cifra medida (por ejemplo 10); el texto de la plantilla solo describe qué contar.", en: "Write the measured figure (for example 10); the template's text only describes what to count." },
  alcanzado: { es: "Escriba cuánto se ha cumplido, solo la cifra (0 si nada).", en: "Write how much has been achieved, only the figure (0 if nothing)." },
  avance: { es: "Escriba el avance como número o porcentaje, por ejemplo 25%.", en: "Write the progress as a number or percentage, for example 25%." },
  modificado: { es: "Escriba la meta modificada, solo la cifra.", en: "Write the modified goal, only the figure." },
  presupuesto: { es: "Escriba el importe solo con cifras, por ejemplo 1,200.50 o $0.", en: "Write the amount in figures only, for example 1,200.50 or $0." },
  presupuestoAprobado: { es: "Escriba el importe solo con cifras, por ejemplo 1,200.50.", en: "Write the amount in figures only, for example 1,200.50." },
  presupuestoModificado: { es: "Escriba el importe solo con cifras, por ejemplo 1,200.50.", en: "Write the amount in figures only, for example 1,200.50." },
  presupuestoDevengado: { es: "Escriba el importe solo con cifras, por ejemplo 1,200.50.", en: "Write the amount in figures only, for example 1,200.50." },
  mujer: { es: "Escriba el número de mujeres (0 si ninguna).", en: "Write the number of women (0 if none)." },
  hombre: { es: "Escriba el número de hombres (0 si ninguno).", en: "Write the number of men (0 if none)." },
  persona: { es: "Escriba el total de personas (MUJER + HOMBRE).", en: "Write the total of people (MUJER + HOMBRE)." },
};

/** Roles numéricos que no son meta: lo alcanzado, los valores de cálculo, presupuestos, personas. */
const ROLES_NUMERICOS: ReadonlySet<Rol> = new Set<Rol>([
  "alcanzado", "valor1", "valor2", "avance", "modificado", "presupuesto", "presupuestoAprobado", "presupuestoModificado",
  "presupuestoDevengado", "mujer", "hombre", "persona",
]);

const DIMENSIONES = new Set(["eficacia", "eficiencia", "economia", "calidad"]);
const UNIDADES_PORCENTAJE = new Set(["porcentaje", "%", "porciento", "por ciento", "porcentajes"]);
const UNIDADES_DOCUMENTO = new Set(["documento", "documentos", "informe", "informes", "reporte", "reportes"]);
// Se prueban sobre el texto ya recortado (`trim`): con `\s*` a ambos lados de la cifra la
// expresión retrocedía de forma cuadrática sobre «1» + 32 765 espacios + «x».
const NUMERICO = /^\$?\s*\d+(?:[.,]\d+)?\s*%?$/;
const VARIAS_CIFRAS = /^\d+(?:\.\d+)?(?:\s+\d+(?:\.\d+)?)+$/;

// Cachés de textos repetidos (frecuencias, unidades, estatus se repiten fila tras fila).
const normal = memorizarTexto(normalizar, 20000);
// Condición necesaria de todo marcador de `buscarMarcador` («xx», «__», «(poner…»): una sola
// pasada barata antes de las expresiones de `buscarMarcador`.
const PUEDE_TENER_MARCADOR = /xx|__|\(\s*(?:poner|indicar|escribir|anotar)/i;
function marcador(t: string): string | null {
  return PUEDE_TENER_MARCADOR.test(t) ? buscarMarcador(t) : null;
}

/** Memoriza una lectura por texto (frecuencias, estatus, tendencias y meses se repiten). */
function memo<T>(leer: (v: ValorCelda | undefined) => T): (v: ValorCelda | undefined) => T {
  const enCache = memorizarTexto((t: string) => leer(t), 5000);
  return (v) => (typeof v !== "string" || v.length > 60 ? leer(v) : enCache(v));
}
const leerFrecuenciaM = memo(leerFrecuencia);
const leerEstatusM = memo(leerEstatus);
const leerSentidoM = memo(leerSentido);
const leerMesM = memo(leerMes);

const SIN_HEREDADAS: ReadonlyArray<string> = Object.freeze([]);
const SIN_ERRORES: ReadonlyArray<Hallazgo> = Object.freeze([]);

function texto(v: ValorCelda | undefined): string | null {
  if (vacio(v)) return null;
  if (v instanceof Date) return textoFecha(v);
  return String(v).trim();
}

function sinEspacioFinal(s: string): string {
  let fin = s.length;
  while (fin > 0 && s.charCodeAt(fin - 1) <= 32) fin--;
  return fin === s.length ? s : s.slice(0, fin);
}

class Emisor {
  readonly hallazgos: Hallazgo[] = [];
  /** Columna (base 0) de cada hallazgo, para ordenar. */
  readonly columnas: number[] = [];
  private readonly vistos = new Set<string>();
  /** Celdas con al menos un error (fila0 × 16384 + col0), para no encimar avisos en la misma celda. */
  readonly conError = new Set<number>();
  /** Hallazgos de severidad error por fila (base 0). */
  private readonly errores = new Map<number, Hallazgo[]>();

  erroresDe(fila0: number): ReadonlyArray<Hallazgo> {
    return this.errores.get(fila0) ?? SIN_ERRORES;
  }

  emitir(codigo: CodigoHallazgo, fila0: number, col0: number, encabezado: string, p: Parametros = {}): void {
    const tipo = CATALOGO[codigo];
    if (!tipo) throw new Error(`Código de hallazgo desconocido: ${codigo}`);
    const celda = direccion(fila0 + 1, col0);
    const parametros: Parametros = { encabezado, ...p };
    const parametrosEn: Parametros = { ...parametros };
    for (const k of Object.keys(p)) if (k.endsWith("En")) parametrosEn[k.slice(0, -2)] = p[k];
    const mensaje = sinEspacioFinal(formatear(tipo.mensaje.es, parametros));
    // El mismo hallazgo en la misma celda sale una vez; con otro texto (otra línea de meta) no.
    const llave = `${celda}|${codigo}|${mensaje}`;
    if (this.vistos.has(llave)) return;
    this.vistos.add(llave);
    if (tipo.severidad === "error") this.conError.add(fila0 * 16384 + col0);
    this.columnas.push(col0);
    const hallazgo: Hallazgo = {
      codigo, severidad: tipo.severidad, celda, fila: fila0 + 1, columna: letraColumna(col0), encabezado,
      posicion: { fila: fila0 + 1, columna: col0 + 1 },
      mensaje,
      mensajeEn: sinEspacioFinal(formatear(tipo.mensaje.en, parametrosEn)),
    };
    this.hallazgos.push(hallazgo);
    if (tipo.severidad === "error") {
      const lista = this.errores.get(fila0);
      if (lista) lista.push(hallazgo);
      else this.errores.set(fila0, [hallazgo]);
    }
  }

  tieneError(fila0: number, col0: number): boolean {
    return this.conError.size > 0 && this.conError.has(fila0 * 16384 + col0);
  }
}

interface Contexto {
  readonly hoja: HojaDatos;
  readonly det: Deteccion;
  readonly formato: Formato;
  readonly emisor: Emisor;
  readonly corte: number | null;
  readonly perfil: PerfilSemaforo;
  readonly avances: AvanceActividad[];
  readonly reglas: ReadonlySet<string>;
  readonly claves: Map<string, number>;
  /** Columnas presentes en la hoja, por rol. */
  readonly porRol: Partial<Record<Rol, Columna>>;
  /** Columnas numéricas de entrada presentes (no calculadas). */
  readonly numericas: ReadonlyArray<Columna>;
  /** Columnas calculadas numéricas presentes (de una sola meta). */
  readonly calculadasNumericas: ReadonlyArray<Columna>;
  /** Columnas del formato presentes en la hoja. */
  readonly presentes: ReadonlyArray<Columna>;
  /** Índice de hoja (base 0) por `Columna.orden`, −1 si falta. */
  readonly indices: ReadonlyArray<number>;
  /** Columna del formato por índice de hoja. */
  readonly porIndice: ReadonlyMap<number, Columna>;
  /** Columnas calculadas presentes (para revisar lo escrito). */
  readonly calculadasPresentes: ReadonlyArray<Columna>;
  readonly porMeta: ReadonlyArray<Columna>;
  /** Todas las columnas calculadas presentes (también ESTATUS), para lo escrito en ellas. */
  readonly calculadasTodas: ReadonlyArray<Columna>;
  readonly filas: FilaAnalizada[];
  /** Combinaciones que tocan alguna columna calculada (pocas: se recorren por celda). */
  readonly combinacionesCalculadas: ReadonlyArray<RangoCeldas>;
  /** Las reglas de fila que el formato activa, en orden. */
  readonly reglasDeFila: ReadonlyArray<ReglaFila>;
}

/** Valida las actividades de una hoja ya detectada y recorrida. */
export function validarHoja(hoja: HojaDatos, det: Deteccion, estructura: EstructuraHoja, opciones: OpcionesValidacion = {}): ResultadoValidacion {
  const formato = det.formato;
  const porRol: Partial<Record<Rol, Columna>> = {};
  for (const c of formato.columnas) if (det.columnas[c.clave] !== undefined && formato.porRol[c.rol] === c) porRol[c.rol] = c;
  const ctx: Contexto = {
    hoja, det, formato, emisor: new Emisor(), corte: opciones.corte ?? null,
    perfil: opciones.perfil ?? PERFILES_SEMAFORO.simetrico, avances: [],
    reglas: new Set(formato.reglas), claves: new Map(), porRol,
    numericas: [...ROLES_NUMERICOS].map((r) => porRol[r]).filter((c): c is Columna => !!c && !c.calculada),
    calculadasNumericas: formato.columnas.filter((c) => c.calculada && c.tipo !== "estatus" && det.columnas[c.clave] !== undefined && !(c.porMeta && formato.variasMetasPorCelda)),
    presentes: formato.columnas.filter((c) => det.columnas[c.clave] !== undefined),
    indices: formato.columnas.map((c) => det.columnas[c.clave] ?? -1),
    porIndice: new Map(formato.columnas.filter((c) => det.columnas[c.clave] !== undefined).map((c) => [det.columnas[c.clave], c] as [number, Columna])),
    calculadasPresentes: formato.columnas.filter((c) => c.calculada && c.tipo !== "estatus" && det.columnas[c.clave] !== undefined),
    porMeta: formato.columnas.filter((c) => c.porMeta && det.columnas[c.clave] !== undefined),
    calculadasTodas: formato.columnas.filter((c) => c.calculada && det.columnas[c.clave] !== undefined),
    filas: [],
    reglasDeFila: REGLAS_DE_FILA.filter((r) => formato.reglas.includes(r.id)),
    combinacionesCalculadas: (hoja.combinaciones ?? []).filter((r) => formato.columnas.some((c) => {
      const i = det.columnas[c.clave];
      return c.calculada && i !== undefined && i >= r.columnaInicio && i <= r.columnaFin;
    })),
  };
  const actividades: Actividad[] = [];
  for (const fila of estructura.filas) {
    if (fila.tipo !== "actividad") continue;
    actividades.push(validarFila(ctx, fila));
  }
  // Por fila y columna (y código, para un orden estable): llave numérica, sin comparar textos.
  const { hallazgos, columnas } = ctx.emisor;
  const indices = hallazgos.map((_, i) => i);
  indices.sort((a, b) => hallazgos[a].fila - hallazgos[b].fila || columnas[a] - columnas[b] || (hallazgos[a].codigo < hallazgos[b].codigo ? -1 : hallazgos[a].codigo > hallazgos[b].codigo ? 1 : 0));
  return { actividades, avances: ctx.avances, filas: ctx.filas, hallazgos: indices.map((i) => hallazgos[i]) };
}

function validarFila(ctx: Contexto, fila: FilaHoja): Actividad {
  const { formato, emisor, hoja, reglas } = ctx;
  const f0 = fila.fila0;
  const invalidas = new Set<string>();
  const formatos = hoja.formatosNumero?.[f0];
  const formulas = hoja.formulas?.[f0];

  const porRol = ctx.porRol;
  const col = (rol: Rol): Columna | undefined => porRol[rol];
  const indices = ctx.indices;
  const idx = (c: Columna): number => indices[c.orden];
  const crudo = (c: Columna | undefined): ValorCelda => (c ? fila.valores[c.orden] ?? null : null);
  const propio = (c: Columna): boolean => !fila.heredada[c.orden];
  const fmt = (c: Columna): string | null => formatos?.[idx(c)] ?? null;
  const emitir = (codigo: CodigoHallazgo, c: Columna, p: Parametros = {}): void => {
    emisor.emitir(codigo, f0, idx(c), c.encabezado, p);
  };

  // 1. Obligatorias: una celda obligatoria vacía es una lectura vacía, con la regla o sin ella.
  for (const c of ctx.presentes) {
    if (!c.obligatoria || !vacio(fila.valores[c.orden])) continue;
    invalidas.add(c.clave);
    if (reglas.has("requeridas")) {
      const s = SUGERENCIA_REQUERIDA[c.rol] ?? { es: "Escriba el dato que corresponde.", en: "Write the corresponding data." };
      emitir("celda-requerida-vacia", c, { sugerencia: s.es, sugerenciaEn: s.en });
    }
  }

  // 2. Lectura por tipo.
  const leerMesCol = (rol: Rol): number | null => {
    const c = col(rol);
    if (!c) return null;
    const r = leerMesM(crudo(c));
    if (r.ok) return r.valor;
    if (propio(c) && reglas.has("meses")) emitir("mes-invalido", c, { valor: citar(crudo(c)) });
    invalidas.add(c.clave);
    return null;
  };
  let mesInicial = leerMesCol("mesInicial");
  let mesFinal = leerMesCol("mesFinal");
  if (mesInicial !== null && mesFinal !== null && mesInicial > mesFinal) {
    const c = col("mesInicial")!;
    if (reglas.has("meses")) emitir("meses-invertidos", c, { inicial: mesInicial, final: mesFinal });
    invalidas.add(c.clave);
    invalidas.add(col("mesFinal")!.clave);
    mesInicial = mesFinal = null;
  }

  let frecuencia: string | null = null;
  let mesesFrecuencia: number | null = null;
  const cFrec = col("frecuencia");
  if (cFrec) {
    const r = leerFrecuenciaM(crudo(cFrec));
    if (r.ok) {
      frecuencia = r.valor?.nombre ?? null;
      mesesFrecuencia = r.valor?.meses ?? null;
    } else {
      if (propio(cFrec) && reglas.has("frecuencia")) emitir("frecuencia-invalida", cFrec, { detalle: `${cFrec.encabezado}: ${r.error.mensaje}`, detalleEn: `${cFrec.encabezado}: ${r.error.mensajeEn}` });
      invalidas.add(cFrec.clave);
    }
  }

  const leerNumeroCol = (c: Columna | undefined, opciones: { esMeta?: boolean } = {}): Cantidad | null => {
    if (!c || c.porMeta && formato.variasMetasPorCelda) return null;
    const v = crudo(c);
    const r = leerCantidad(v, fmt(c));
    if (!r.ok) {
      invalidas.add(c.clave);
      if (!propio(c) || c.calculada) return null;
      if (opciones.esMeta) {
        if (reglas.has("meta")) emitir("meta-no-numerica", c, { valor: citar(v), ejemplo: formato.metaEsValorIndicador ? "100%" : "6" });
      } else if (reglas.has("alcanzado")) {
        const s = SUGERENCIA_NUMERO[c.rol] ?? { es: "Escriba solo la cifra.", en: "Write only the figure." };
        emitir("valor-no-numerico", c, { valor: citar(v), sugerencia: s.es, sugerenciaEn: s.en });
      }
      return null;
    }
    const q = r.valor;
    if (q === null) return null;
    if (opciones.esMeta) {
      if (!(q.valor > 0)) {
        invalidas.add(c.clave);
        if (propio(c) && reglas.has("meta")) emitir("meta-no-positiva", c, { valor: cifra(q.valor), ejemplo: formato.metaEsValorIndicador ? "100%" : "6" });
      }
    } else if (q.valor < 0 && !c.calculada) {
      invalidas.add(c.clave);
      if (propio(c) && reglas.has("alcanzado")) emitir("valor-negativo", c, { valor: cifra(q.valor) });
    }
    return q;
  };

  const cMeta = col("meta");
  const metaQ = leerNumeroCol(cMeta, { esMeta: true });
  const numeros: Partial<Record<Rol, number | null>> = {};
  for (const c of ctx.numericas) {
    const q = leerNumeroCol(c);
    numeros[c.rol] = q && !invalidas.has(c.clave) ? q.valor : null;
  }
  // Calculadas: se leen sin emitir (la regla «calculados» las compara).
  const calculadas: Partial<Record<Rol, Cantidad | null | "texto">> = {};
  for (const c of ctx.calculadasNumericas) {
    const r = leerCantidad(crudo(c), fmt(c));
    calculadas[c.rol] = r.ok ? r.valor : "texto";
  }

  let estatus: Estatus | null = null;
  let estatusIlegible = false;
  const cEst = col("estatus");
  if (cEst) {
    const r = leerEstatusM(crudo(cEst));
    if (r.ok) estatus = r.valor;
    else {
      estatusIlegible = true;
      if (propio(cEst) && reglas.has("estatus")) emitir("estatus-invalido", cEst, { valor: citar(crudo(cEst)), lista: CATALOGO_ESTATUS.join(", ") });
    }
  }

  let sentido: Sentido = "ascendente";
  const cTend = col("tendencia");
  if (cTend) {
    const r = leerSentidoM(crudo(cTend));
    if (r.ok) sentido = r.valor;
    else {
      invalidas.add(cTend.clave);
      if (propio(cTend) && reglas.has("tendencia")) emitir("tendencia-invalida", cTend, { valor: citar(crudo(cTend)) });
    }
  }

  const cDim = col("dimension");
  const dimension = texto(crudo(cDim));
  if (cDim && dimension !== null && propio(cDim) && reglas.has("dimension") && !DIMENSIONES.has(sinPuntoFinal(normal(dimension))) && !marcador(dimension)) {
    emitir("dimension-invalida", cDim, { valor: citar(dimension) });
  }

  const cMet = col("metodo");
  const metodoTexto = texto(crudo(cMet));
  let metodo: Metodo | null = null;
  if (cMet && metodoTexto !== null) {
    const r = analizarMetodoEnCache(metodoTexto);
    if (r.ok) metodo = r.valor;
    else {
      invalidas.add(cMet.clave);
      if (propio(cMet) && reglas.has("metodo") && !marcador(metodoTexto)) {
        emitir("metodo-invalido", cMet, { detalle: `${cMet.encabezado}: ${r.error.mensaje}`, detalleEn: `${cMet.encabezado}: ${r.error.mensajeEn}` });
      }
    }
  }

  const cUni = col("unidad");
  const unidadCrudo = crudo(cUni);
  const unidad = formato.variasMetasPorCelda ? null : texto(unidadCrudo);
  if (cUni && unidad !== null && propio(cUni) && reglas.has("unidad") && (typeof unidadCrudo === "number" || NUMERICO.test(unidad.trim()))) {
    emitir("unidad-numerica", cUni, { valor: citar(unidadCrudo) });
  }

  // 3. Varias metas por celda (una por línea).
  const metas: LineaMeta[] = [];
  if (formato.variasMetasPorCelda) leerMetas(ctx, fila, metas, invalidas, col, emitir, fmt);

  const indicador = texto(crudo(col("indicador")));
  const indicadorNormal = indicador ? normal(indicador) : "";
  const unidadNormal = unidad ? normal(unidad) : "";
  const metaEnPorcentaje = metaQ?.porcentaje ?? false;
  const esPorcentaje = (metodo !== null && metodo.multiplicaPor100) || UNIDADES_PORCENTAJE.has(unidadNormal) ||
    indicadorNormal.startsWith("porcentaje") || metaEnPorcentaje;

  // 4. Reglas de la fila.
  const meta = metaQ && !invalidas.has(cMeta?.clave ?? "") ? metaQ.valor : null;

  if (cMet && metodo && propio(cMet)) {
    const sumaNota = formato.porRol.alcanzado?.calculada && esPorcentaje;
    if (metodo.divideEntre100 && reglas.has("metodo")) {
      const ast = metodo.ast;
      const izquierda = ast.tipo === "binario" ? metodo.texto.slice(ast.izquierda.inicio, ast.izquierda.fin).replace(/\s+/g, " ").trim() : "(A / B)";
      emitir("metodo-divide-entre-100", cMet, {
        correccion: `${izquierda} × 100`,
        nota: sumaNota ? " Al llenar, el «/100» se lee como «× 100»." : "",
        notaEn: sumaNota ? " When filling, the \"/100\" is read as \"× 100\"." : "",
      });
    } else if (!metodo.multiplicaPor100 && !metodo.divideEntre100 && reglas.has("porcentaje-indicador")) {
      let motivo: Texto | null = null;
      if (indicadorNormal.startsWith("porcentaje")) motivo = { es: `El indicador se llama «${citar(indicador)}»`, en: `The indicator is called "${citar(indicador)}"` };
      else if (formato.metaEsValorIndicador && metaEnPorcentaje) motivo = { es: "La meta está escrita en porcentaje", en: "The goal is written as a percentage" };
      else if (formato.metaEsValorIndicador && UNIDADES_PORCENTAJE.has(unidadNormal)) motivo = { es: "La unidad de medida es Porcentaje", en: "The unit of measure is Porcentaje" };
      if (motivo) {
        const nota = sumaNota && metodo.clase === "razon";
        emitir("porcentaje-sin-por-100", cMet, {
          motivo: motivo.es, motivoEn: motivo.en, valor: citar(metodoTexto),
          nota: nota ? " Al llenar, el resultado se multiplica por 100." : "",
          notaEn: nota ? " When filling, the result is multiplied by 100." : "",
        });
      }
    }
  }

  // Meta 1 en un indicador de porcentaje: ¿1 % o 100 %? Dudosa con la regla o sin ella.
  if (cMeta && meta !== null && formato.metaEsValorIndicador && esPorcentaje && meta === 1 && !metaEnPorcentaje) {
    invalidas.add(cMeta.clave);
    if (propio(cMeta) && reglas.has("meta-uno")) emitir("meta-porcentaje-uno", cMeta);
  }

  if (cMeta && meta !== null && reglas.has("periodos") && mesInicial !== null && mesFinal !== null && mesesFrecuencia !== null && frecuencia !== null &&
      !(formato.metaEsValorIndicador && esPorcentaje) && !metaEnPorcentaje &&
      (indicadorNormal.startsWith("informe") || UNIDADES_DOCUMENTO.has(unidadNormal))) {
    const periodos = Math.ceil((mesFinal - mesInicial + 1) / mesesFrecuencia);
    if (meta !== periodos) {
      const fr = FRECUENCIAS.find((x) => x.nombre === frecuencia);
      const en: Record<string, string> = { Mensual: "monthly", Bimestral: "bimonthly", Trimestral: "quarterly", Cuatrimestral: "four-monthly", Semestral: "half-yearly", Anual: "yearly", Bienal: "biennial" };
      emitir("meta-periodos", cMeta, { frecuencia: (fr?.nombre ?? frecuencia).toLowerCase(), frecuenciaEn: en[frecuencia] ?? frecuencia, inicial: mesInicial, final: mesFinal, periodos, meta: cifra(meta) });
    }
  }

  // Marcadores de plantilla e inyección de fórmulas.
  // Un método que aún es el texto de la plantilla no se evalúa, con la regla o sin ella.
  if (cMet && metodoTexto !== null && marcador(metodoTexto)) invalidas.add(cMet.clave);
  if (reglas.has("marcadores")) {
    for (const c of ctx.presentes) {
      const i = indices[c.orden];
      if (!propio(c)) continue;
      const v = fila.valores[c.orden];
      if (typeof v !== "string" || emisor.tieneError(f0, i)) continue;
      const m = marcador(v);
      if (m) emitir("marcador-plantilla", c, { marcador: m });
    }
  }
  if (reglas.has("inyeccion")) {
    // Toda la fila, también las columnas que el formato no conoce (ver `inyeccion.ts`).
    const filaCruda = hoja.valores[f0] ?? [];
    const n = Math.max(filaCruda.length, formulas?.length ?? 0);
    for (let i = 0; i < n; i++) {
      const c = ctx.porIndice.get(i);
      const formula = formulas?.[i];
      if (formula) {
        const llamada = c?.calculada ? null : llamadaExterna(formula);
        if (llamada) emisor.emitir("formula-externa", f0, i, c?.encabezado ?? `Columna ${letraColumna(i)}`, { llamada, valor: citar(formula), ...(c ? {} : { encabezadoEn: `Column ${letraColumna(i)}` }) });
        continue;
      }
      const v = filaCruda[i];
      const signo = signoDeInyeccion(v, esCifraEscrita);
      if (signo) emisor.emitir("inyeccion-formula", f0, i, c?.encabezado ?? `Columna ${letraColumna(i)}`, { signo: signo.nombre.es, signoEn: signo.nombre.en, valor: citar(v), ...(c ? {} : { encabezadoEn: `Column ${letraColumna(i)}` }) });
    }
  }

  // Actividad leída.
  const alcanzadoCol = col("alcanzado");
  let alcanzado: number | null = null;
  if (formato.variasMetasPorCelda) alcanzado = metas[0]?.alcanzado ?? null;
  else if (alcanzadoCol?.calculada) {
    const q = calculadas.alcanzado;
    alcanzado = q && q !== "texto" ? q.valor : null;
  } else alcanzado = numeros.alcanzado ?? numeros.avance ?? null;
  const porc = calculadas.porcentaje;
  const porA = calculadas.porAlcanzar;

  const act: Actividad = {
    fila: f0 + 1,
    numero: texto(crudo(col("numero"))),
    politicas: texto(crudo(col("politicas"))),
    programa: texto(crudo(col("programa"))),
    objetivo: texto(crudo(col("objetivo"))),
    heredadas: fila.conHerencia ? formato.columnas.filter((c) => fila.heredada[c.orden]).map((c) => c.clave) : SIN_HEREDADAS,
    actividad: texto(crudo(col("actividad"))),
    indicador,
    definicion: texto(crudo(col("definicion"))),
    dimension,
    metodo: metodoTexto,
    mesInicial, mesFinal, frecuencia, mesesFrecuencia,
    unidad: formato.variasMetasPorCelda ? metas[0]?.unidad ?? null : unidad,
    lineaBase: texto(crudo(col("lineaBase"))),
    observaciones: texto(crudo(col("observaciones"))),
    meta: formato.variasMetasPorCelda ? metas[0]?.programado ?? null : meta,
    metaEnPorcentaje,
    alcanzado,
    valor1: numeros.valor1 ?? null,
    valor2: numeros.valor2 ?? null,
    porAlcanzar: porA && porA !== "texto" ? porA.valor : null,
    porcentaje: formato.variasMetasPorCelda ? metas[0]?.porcentaje ?? null : porc && porc !== "texto" ? porc.valor : null,
    sentido,
    estatus,
    clave: texto(crudo(col("clave"))),
    presupuesto: numeros.presupuesto ?? numeros.presupuestoAprobado ?? null,
    presupuestoModificado: numeros.presupuestoModificado ?? null,
    presupuestoDevengado: numeros.presupuestoDevengado ?? null,
    mujer: numeros.mujer ?? null,
    hombre: numeros.hombre ?? null,
    persona: numeros.persona ?? null,
    metas,
    esPorcentaje,
    invalidas: [...invalidas],
  };

  const calc = calcularFila(act, formato, ctx.corte);
  // Las reglas de fila (unidades de `reglas/`) juzgan lecturas y cálculos ya hechos.
  const juicio: ContextoRegla = {
    act, formato, calc, corte: ctx.corte, col, propio, valor: crudo, formatoNumero: fmt, estatusEscrito: estatus,
    calculadasLeidas: calculadas, calculadasPresentes: ctx.calculadasPresentes, avance: null, claves: ctx.claves, emitir,
  };
  for (const r of ctx.reglasDeFila) if (!r.despuesDelAvance) r.revisar(juicio);

  // Los errores de la fila (todos los de arriba): una fila con errores no se llena, y su
  // avance no se cuenta con un estatus que el llenado no escribiría.
  const errores = emisor.erroresDe(f0);
  const escritoPropio = cEst ? propio(cEst) && !formulas?.[indices[cEst.orden]] : false;
  const avance = errores.length > 0 ? avanceConErrores(act) : conEstatusConservado(evaluarAvance(act, formato, calc, ctx.corte, ctx.perfil), estatus, calc, ctx.corte, escritoPropio);
  ctx.avances.push(avance);
  const conAvance: ContextoRegla = { ...juicio, avance };
  for (const r of ctx.reglasDeFila) if (r.despuesDelAvance) r.revisar(conAvance);

  const celdas: CeldaCalculada[] = [];
  for (const c of ctx.calculadasTodas) {
    const i = indices[c.orden];
    celdas.push({
      columna: c, fila: f0 + 1, indice: i, valor: hoja.valores[f0]?.[i] ?? null, formula: formulas?.[i] ?? null, formatoNumero: formatos?.[i] ?? null,
      combinacion: combinacionQueCubre(ctx.combinacionesCalculadas, f0, i),
    });
  }
  ctx.filas.push({
    fila: f0 + 1, valores: fila.valores, heredadas: fila.heredada, indices, invalidas: act.invalidas, calculos: calc, calculadas: celdas,
    estatusEscrito: estatusIlegible ? "ilegible" : estatus, errores,
  });
  return act;
}

/**
 * El estatus escrito que el llenado conserva (`conservaEstatusEscrito`: NO CUMPLIDA sin mes
 * de corte) es el que cuenta el resumen: el mismo que queda en la hoja.
 */
function conEstatusConservado(avance: AvanceActividad, escrito: Estatus | null, calc: CalculosFila, corte: number | null, propio: boolean): AvanceActividad {
  const e = calc.estatus;
  if (!propio || !e) return avance;
  return conservaEstatusEscrito(escrito, e.valor as EstatusCalculado, corte) ? { ...avance, estatus: escrito } : avance;
}

/** La combinación que cubre la celda (fila0, col0) sin que sea su ancla, o `null`. */
function combinacionQueCubre(rangos: ReadonlyArray<RangoCeldas>, f0: number, c0: number): RangoCeldas | null {
  for (const r of rangos) {
    if (f0 < r.filaInicio || f0 > r.filaFin || c0 < r.columnaInicio || c0 > r.columnaFin) continue;
    if (f0 === r.filaInicio && c0 === r.columnaInicio) return null;
    return r;
  }
  return null;
}

/** Avance de una fila con errores: su estatus manual si lo tiene; si no, SIN DATOS. */
function avanceConErrores(act: Actividad): AvanceActividad {
  const manual = esEstatusManual(act.estatus);
  return { estatus: manual ? act.estatus as Estatus : "SIN DATOS", manual, cumplimiento: null, alcanzado: act.alcanzado, esperado: null, semaforo: "SIN DATO" };
}

type Col = (rol: Rol) => Columna | undefined;
type Emitir = (codigo: CodigoHallazgo, c: Columna, p?: Parametros) => void;

function leerMetas(
  ctx: Contexto, fila: FilaHoja, metas: LineaMeta[], invalidas: Set<string>, col: Col, emitir: Emitir, fmt: (c: Columna) => string | null,
): void {
  const { reglas } = ctx;
  const porMeta = ctx.porMeta;
  const lineas = new Map<string, ValorCelda[]>();
  for (const c of porMeta) lineas.set(c.clave, lineasDe(fila.valores[c.orden]));
  const cUni = col("unidad");
  const cProg = col("meta");
  const referencia = cUni && (lineas.get(cUni.clave)?.length ?? 0) > 0 ? cUni : cProg;
  const esperadas = referencia ? lineas.get(referencia.clave)?.length ?? 0 : 0;
  if (esperadas === 0) return;

  const numerosDe = (c: Columna | undefined, esMeta: boolean): Array<number | null> | null => {
    if (!c) return null;
    const ls = lineas.get(c.clave) ?? [];
    if (ls.length === 0) return null;
    if (ls.length !== esperadas) {
      invalidas.add(c.clave);
      if (c.calculada) return null; // la compara «calculados»
      if (reglas.has("lineas-meta")) {
        const crudo = fila.valores[c.orden];
        const juntas = ls.length === 1 && typeof crudo === "string" && VARIAS_CIFRAS.test(crudo.trim());
        emitir("lineas-meta-desiguales", c, {
          lineas: ls.length, esperadas, referencia: referencia!.encabezado,
          detalle: juntas ? ` «${citar(crudo)}» tiene varias cifras en una sola línea.` : "",
          detalleEn: juntas ? ` "${citar(crudo)}" holds several figures on a single line.` : "",
        });
      }
      return null;
    }
    const r: Array<number | null> = [];
    for (let i = 0; i < ls.length; i++) {
      const q = leerCantidad(ls[i], fmt(c));
      if (!q.ok) {
        invalidas.add(c.clave);
        if (!c.calculada) {
          const s = SUGERENCIA_NUMERO[c.rol] ?? { es: "Escriba solo la cifra, una por línea.", en: "Write only the figure, one per line." };
          const valor = `línea ${i + 1}: ${citar(ls[i])}`;
          const valorEn = `line ${i + 1}: ${citar(ls[i])}`;
          if (esMeta && reglas.has("meta")) emitir("meta-no-numerica", c, { valor, valorEn, ejemplo: "12.00" });
          else if (reglas.has("alcanzado")) emitir("valor-no-numerico", c, { valor, valorEn, sugerencia: `${s.es} Una cifra por línea.`, sugerenciaEn: `${s.en} One figure per line.` });
        }
        return null;
      }
      const v = q.valor?.valor ?? null;
      if (v !== null && !c.calculada) {
        if (esMeta && !(v > 0)) {
          invalidas.add(c.clave);
          if (reglas.has("meta")) emitir("meta-no-positiva", c, { valor: ls.length > 1 ? `${cifra(v)} (línea ${i + 1})` : cifra(v), valorEn: ls.length > 1 ? `${cifra(v)} (line ${i + 1})` : cifra(v), ejemplo: "12.00" });
          return null;
        }
        if (!esMeta && v < 0) {
          invalidas.add(c.clave);
          if (reglas.has("alcanzado")) emitir("valor-negativo", c, { valor: ls.length > 1 ? `${cifra(v)} (línea ${i + 1})` : cifra(v), valorEn: ls.length > 1 ? `${cifra(v)} (line ${i + 1})` : cifra(v) });
          return null;
        }
      }
      r.push(v);
    }
    return r;
  };
  const unidades = cUni ? lineas.get(cUni.clave) ?? [] : [];
  const prog = numerosDe(cProg, true);
  const mod = numerosDe(col("modificado"), false);
  const alc = numerosDe(col("alcanzado"), false);
  const por = numerosDe(col("porcentaje"), false);
  for (let i = 0; i < esperadas; i++) {
    metas.push({
      linea: i + 1,
      unidad: unidades[i] !== undefined ? String(unidades[i]) : null,
      programado: prog?.[i] ?? null,
      modificado: mod?.[i] ?? null,
      alcanzado: alc?.[i] ?? null,
      porcentaje: por?.[i] ?? null,
    });
  }
}

