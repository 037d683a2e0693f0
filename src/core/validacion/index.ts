/**
 * Motor de validación (spec §4), en dos tiempos por fila: leer (`lectura-fila.ts`: lecturas y
 * actividad, sin emitir nada) y juzgar (las reglas de `reglas/` que el formato activa, sobre
 * las lecturas y los cálculos). Cada hallazgo lleva su código del catálogo y sus parámetros
 * tipados; el mensaje se arma en el borde (`mostrar-hallazgo.ts`).
 *
 * Sin falsas alarmas: lo que la spec considera correcto (META 1 en `pat-organo`, PORCENTAJE
 * 0 con 0 cumplidas, UNIDADES vacías = 0, `$0`, `25%`) no produce nada.
 */
import type { Deteccion } from "../deteccion";
import { conservaEstatusEscrito, esEstatusManual } from "../estatus";
import type { Actividad, EstructuraHoja, FilaHoja } from "../filas";
import type { Columna, Rol } from "../formatos";
import { calcularFila, type CalculosFila } from "../llenado/calculo";
import { evaluarAvance, type AvanceActividad } from "../avance";
import { PERFILES_SEMAFORO, type PerfilSemaforo } from "../semaforo";
import type { Estatus, EstatusCalculado, Hallazgo, HojaDatos, RangoCeldas, ValorCelda } from "../tipos";
import { CATALOGO, type CodigoHallazgo, type ParametrosHallazgo } from "./catalogo";
import { direccion, letraColumna } from "./direcciones";
import { REGLAS_DE_FILA, type ContextoRegla, type ReglaFila } from "./reglas";
import { leerFila, type ColumnasHoja, type LecturaFila } from "./lectura-fila";
import { lecturaDe, type CeldaCalculada, type FilaAnalizada, type LecturaProblema } from "../lectura";

export { CATALOGO, listarTiposHallazgo, type TipoHallazgo, type CodigoHallazgo, type ParametrosHallazgo } from "./catalogo";
export { letraColumna, direccion } from "./direcciones";
export { mostrarHallazgo, mostrarEncabezado } from "./mostrar-hallazgo";

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

/** Roles numéricos que no son meta: lo alcanzado, los valores de cálculo, presupuestos, personas. */
const ROLES_NUMERICOS: ReadonlySet<Rol> = new Set<Rol>([
  "alcanzado", "valor1", "valor2", "avance", "modificado", "presupuesto", "presupuestoAprobado", "presupuestoModificado",
  "presupuestoDevengado", "mujer", "hombre", "persona",
]);

// Compartido por las filas sin errores; sin congelar (ver SIN_PROBLEMAS en lectura-fila.ts).
const SIN_ERRORES: ReadonlyArray<Hallazgo> = [];
const SIN_CALCULADAS: ReadonlyArray<CeldaCalculada> = [];

class Emisor {
  readonly hallazgos: Hallazgo[] = [];
  /** Columna (base 0) de cada hallazgo, para ordenar. */
  readonly columnas: number[] = [];
  /** Hallazgos ya emitidos por celda (fila0 × 16384 + col0), para no repetir uno idéntico (mismo código y parámetros). */
  private readonly vistos = new Map<number, Hallazgo[]>();
  /** Celdas con al menos un error (fila0 × 16384 + col0), para no encimar avisos en la misma celda. */
  readonly conError = new Set<number>();
  /** Hallazgos de severidad error por fila (base 0). */
  private readonly errores = new Map<number, Hallazgo[]>();

  erroresDe(fila0: number): ReadonlyArray<Hallazgo> {
    return this.errores.get(fila0) ?? SIN_ERRORES;
  }

  emitir<C extends CodigoHallazgo>(codigo: C, fila0: number, col0: number, encabezado: string, parametros: ParametrosHallazgo[C]): void {
    const tipo = CATALOGO[codigo];
    if (!tipo) throw new Error(`Código de hallazgo desconocido: ${codigo}`);
    // El mismo hallazgo (código y parámetros) en la misma celda sale una vez; con otros
    // parámetros (otra línea de meta) no. Casi nunca hay otro del mismo código en la celda:
    // solo entonces se comparan los parámetros.
    const llave = fila0 * 16384 + col0;
    const previos = this.vistos.get(llave);
    if (previos) {
      let estos: string | undefined;
      for (const h of previos) if (h.codigo === codigo && JSON.stringify(h.parametros) === (estos ??= JSON.stringify(parametros))) return;
    }
    const celda = direccion(fila0 + 1, col0);
    if (tipo.severidad === "error") this.conError.add(fila0 * 16384 + col0);
    this.columnas.push(col0);
    const hallazgo = {
      codigo, severidad: tipo.severidad, celda, fila: fila0 + 1, columna: letraColumna(col0), encabezado,
      posicion: { fila: fila0 + 1, columna: col0 + 1 }, parametros,
    } as Hallazgo;
    if (previos) previos.push(hallazgo);
    else this.vistos.set(llave, [hallazgo]);
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

interface Contexto extends ColumnasHoja {
  readonly det: Deteccion;
  readonly emisor: Emisor;
  readonly corte: number | null;
  readonly perfil: PerfilSemaforo;
  readonly avances: AvanceActividad[];
  readonly claves: Map<string, number>;
  /** Columna del formato por índice de hoja. */
  readonly porIndice: ReadonlyMap<number, Columna>;
  /** Columnas calculadas presentes (para revisar lo escrito). */
  readonly calculadasPresentes: ReadonlyArray<Columna>;
  /** Todas las columnas calculadas presentes (también ESTATUS), para lo escrito en ellas. */
  readonly calculadasTodas: ReadonlyArray<Columna>;
  readonly filas: FilaAnalizada[];
  /** Combinaciones que tocan alguna columna calculada (pocas: se recorren por celda). */
  readonly combinacionesCalculadas: ReadonlyArray<RangoCeldas>;
  /** Las reglas de fila que el formato activa, por momento, en orden. */
  readonly reglasLecturas: ReadonlyArray<ReglaFila>;
  readonly reglasAlFinal: ReadonlyArray<ReglaFila>;
  readonly reglasAvance: ReadonlyArray<ReglaFila>;
}

/** Valida las actividades de una hoja ya detectada y recorrida. */
export function validarHoja(hoja: HojaDatos, det: Deteccion, estructura: EstructuraHoja, opciones: OpcionesValidacion = {}): ResultadoValidacion {
  const formato = det.formato;
  const porRol: Partial<Record<Rol, Columna>> = {};
  for (const c of formato.columnas) if (det.columnas[c.clave] !== undefined && formato.porRol[c.rol] === c) porRol[c.rol] = c;
  const activas = REGLAS_DE_FILA.filter((r) => formato.reglas.includes(r.id));
  const ctx: Contexto = {
    hoja, det, formato, emisor: new Emisor(), corte: opciones.corte ?? null,
    perfil: opciones.perfil ?? PERFILES_SEMAFORO.simetrico, avances: [],
    claves: new Map(), porRol,
    numericas: [...ROLES_NUMERICOS].map((r) => porRol[r]).filter((c): c is Columna => !!c && !c.calculada),
    calculadasNumericas: formato.columnas.filter((c) => c.calculada && c.tipo !== "estatus" && det.columnas[c.clave] !== undefined && !(c.porMeta && formato.variasMetasPorCelda)),
    presentes: formato.columnas.filter((c) => det.columnas[c.clave] !== undefined),
    indices: formato.columnas.map((c) => det.columnas[c.clave] ?? -1),
    porIndice: new Map(formato.columnas.filter((c) => det.columnas[c.clave] !== undefined).map((c) => [det.columnas[c.clave], c] as [number, Columna])),
    calculadasPresentes: formato.columnas.filter((c) => c.calculada && c.tipo !== "estatus" && det.columnas[c.clave] !== undefined),
    porMeta: formato.columnas.filter((c) => c.porMeta && det.columnas[c.clave] !== undefined),
    calculadasTodas: formato.columnas.filter((c) => c.calculada && det.columnas[c.clave] !== undefined),
    filas: [],
    reglasLecturas: activas.filter((r) => (r.momento ?? "lecturas") === "lecturas"),
    reglasAlFinal: activas.filter((r) => r.momento === "al-final"),
    reglasAvance: activas.filter((r) => r.momento === "avance"),
    combinacionesCalculadas: (hoja.combinaciones ?? []).filter((r) => formato.columnas.some((c) => {
      const i = det.columnas[c.clave];
      return c.calculada && i !== undefined && i >= r.columnaInicio && i <= r.columnaFin;
    })),
  };
  const enCurso: FilaEnCurso = { f0: 0, valores: [], heredada: [], indices: ctx.indices, formatos: undefined, problemas: [] };
  const juicio = armarJuicio(ctx, enCurso);
  const actividades: Actividad[] = [];
  for (const fila of estructura.filas) {
    if (fila.tipo !== "actividad") continue;
    actividades.push(validarFila(ctx, juicio, enCurso, fila));
  }
  // Por fila y columna (y código, para un orden estable): llave numérica, sin comparar textos.
  const { hallazgos, columnas } = ctx.emisor;
  const indices = hallazgos.map((_, i) => i);
  indices.sort((a, b) => hallazgos[a].fila - hallazgos[b].fila || columnas[a] - columnas[b] || (hallazgos[a].codigo < hallazgos[b].codigo ? -1 : hallazgos[a].codigo > hallazgos[b].codigo ? 1 : 0));
  return { actividades, avances: ctx.avances, filas: ctx.filas, hallazgos: indices.map((i) => hallazgos[i]) };
}

/**
 * La fila que se juzga. El contexto de las reglas (`armarJuicio`) se arma una vez por hoja y
 * sus funciones leen la fila de aquí: armarlo por fila eran nueve cierres y dos objetos por
 * actividad, basura al terminar la fila.
 */
interface FilaEnCurso {
  f0: number;
  valores: ReadonlyArray<ValorCelda>;
  heredada: ReadonlyArray<boolean>;
  /** Compartido por las filas (ver `ColumnasHoja.indices`). */
  readonly indices: ReadonlyArray<number>;
  formatos: ReadonlyArray<string | null> | undefined;
  problemas: ReadonlyArray<LecturaProblema>;
}

/** El contexto que reciben las reglas, con lo de cada fila por escribir (lo pone `validarFila`). */
type Juicio = { -readonly [K in keyof ContextoRegla]: ContextoRegla[K] };

/** El contexto de las reglas de una hoja: lo que no cambia de fila en fila y funciones que leen `enCurso`. */
function armarJuicio(ctx: Contexto, enCurso: FilaEnCurso): Juicio {
  const { emisor, indices } = ctx;
  return {
    // Lo de cada fila: `validarFila` lo pone antes de juzgarla.
    act: null as unknown as Actividad, calc: null as unknown as CalculosFila, lectura: null as unknown as LecturaFila,
    filaCruda: [], formulas: undefined, estatusEscrito: null, calculadasLeidas: {}, avance: null,
    // Lo de la hoja.
    formato: ctx.formato, corte: ctx.corte, presentes: ctx.presentes, calculadasPresentes: ctx.calculadasPresentes, claves: ctx.claves,
    lecturaDe: (c) => lecturaDe(enCurso, c),
    col: (rol) => ctx.porRol[rol],
    propio: (c) => !enCurso.heredada[c.orden],
    valor: (c) => enCurso.valores[c.orden] ?? null,
    formatoNumero: (c) => enCurso.formatos?.[indices[c.orden]] ?? null,
    columnaEn: (i) => ctx.porIndice.get(i),
    tieneError: (c) => emisor.tieneError(enCurso.f0, indices[c.orden]),
    emitir: (codigo, c, p) => emisor.emitir(codigo, enCurso.f0, indices[c.orden], c.encabezado, p),
    emitirEnIndice: (codigo, i, p) => {
      const c = ctx.porIndice.get(i);
      emisor.emitir(codigo, enCurso.f0, i, c?.encabezado ?? `Columna ${letraColumna(i)}`, p);
    },
  };
}

/** Lee la fila (sin emitir), calcula con sus lecturas y la juzga con las reglas activas. */
function validarFila(ctx: Contexto, juicio: Juicio, enCurso: FilaEnCurso, fila: FilaHoja): Actividad {
  const { formato, emisor, hoja } = ctx;
  const f0 = fila.fila0;
  const formatos = hoja.formatosNumero?.[f0];
  const formulas = hoja.formulas?.[f0];
  const indices = ctx.indices;

  // 1. Leer: lecturas por columna y la actividad. Nada se emite aquí.
  const lectura = leerFila(ctx, fila);
  const act = lectura.act;
  // 2. Calcular: solo con las lecturas (lo mismo con cualquier conjunto de reglas).
  const calc = calcularFila(act, formato, ctx.corte);

  const problemas = lectura.problemas;
  const cEst = ctx.porRol.estatus;
  const estatus = act.estatus;
  enCurso.f0 = f0;
  enCurso.valores = fila.valores;
  enCurso.heredada = fila.heredada;
  enCurso.formatos = formatos;
  enCurso.problemas = problemas;
  juicio.act = act;
  juicio.calc = calc;
  juicio.lectura = lectura;
  juicio.filaCruda = hoja.valores[f0] ?? [];
  juicio.formulas = formulas;
  juicio.estatusEscrito = estatus;
  juicio.calculadasLeidas = lectura.calculadas;
  // Las reglas de avance lo reciben con `avance` puesto (más abajo).
  juicio.avance = null;
  // 3. Juzgar: las reglas de fila que el formato activa (unidades de `reglas/`).
  for (const r of ctx.reglasLecturas) r.revisar(juicio);
  for (const r of ctx.reglasAlFinal) r.revisar(juicio);

  // Los errores de la fila, en el orden en que se leyeron sus columnas: una fila con errores
  // no se llena, y su avance no se cuenta con un estatus que el llenado no escribiría.
  const errores = enOrdenDeLectura(emisor.erroresDe(f0), lectura.obligatoriasVacias, problemas, indices);
  const escritoPropio = cEst ? !fila.heredada[cEst.orden] && !formulas?.[indices[cEst.orden]] : false;
  const avance = errores.length > 0 ? avanceConErrores(act) : conEstatusConservado(evaluarAvance(act, formato, calc, ctx.corte, ctx.perfil), estatus, calc, ctx.corte, escritoPropio);
  ctx.avances.push(avance);
  if (ctx.reglasAvance.length > 0) {
    juicio.avance = avance;
    for (const r of ctx.reglasAvance) r.revisar(juicio);
  }

  // Con `map`, un arreglo de la medida justa: con `push` desde `[]` V8 reserva 17 lugares
  // (≈ 120 bytes de más por actividad, 24 MB con 200 000).
  const celdas: ReadonlyArray<CeldaCalculada> = ctx.calculadasTodas.length === 0 ? SIN_CALCULADAS : ctx.calculadasTodas.map((c) => {
    const i = indices[c.orden];
    return {
      columna: c, fila: f0 + 1, indice: i, valor: hoja.valores[f0]?.[i] ?? null, formula: formulas?.[i] ?? null, formatoNumero: formatos?.[i] ?? null,
      combinacion: combinacionQueCubre(ctx.combinacionesCalculadas, f0, i),
    };
  });
  ctx.filas.push({
    fila: f0 + 1, valores: fila.valores, heredadas: fila.heredada, indices, problemas, calculos: calc, calculadas: celdas,
    estatusEscrito: lectura.estatusIlegible ? "ilegible" : estatus, errores,
  });
  return act;
}

/**
 * Los errores de una fila en el orden en que se leyeron sus columnas (obligatorias vacías,
 * luego cada lectura con problema): el mismo orden en que se le dicen al usuario. Los que no
 * vienen de una lectura (PERSONA ≠ MUJER + HOMBRE) van al final.
 */
function enOrdenDeLectura(
  errores: ReadonlyArray<Hallazgo>, vacias: ReadonlyArray<Columna>, problemas: FilaAnalizada["problemas"], indices: ReadonlyArray<number>,
): ReadonlyArray<Hallazgo> {
  if (errores.length < 2) return errores;
  const rango = new Map<number, number>();
  for (const c of vacias) if (!rango.has(indices[c.orden] + 1)) rango.set(indices[c.orden] + 1, rango.size);
  for (const p of problemas) if (!rango.has(indices[p.columna.orden] + 1)) rango.set(indices[p.columna.orden] + 1, rango.size);
  const de = (h: Hallazgo): number => rango.get(h.posicion.columna) ?? Number.MAX_SAFE_INTEGER;
  return errores.map((h, i) => ({ h, i, r: de(h) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.h);
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

