/**
 * La lectura de una fila de datos (issue 8, «leer y después juzgar»): cada columna del formato
 * queda `ok`, `vacia`, `ilegible` (con su motivo) o `fuera-de-rango` (con su motivo), y de las
 * lecturas sale la `Actividad`. Leer no emite nada y no depende de qué reglas active el
 * formato: las reglas (`reglas/`) juzgan después estas lecturas.
 */
import { leerEstatus } from "../estatus";
import { vacio, type Actividad, type FilaHoja, type LineaMeta } from "../filas";
import type { Columna, Formato, Rol } from "../formatos";
import type { LecturaFueraDeRango, LecturaIlegible, LecturaProblema, LineaLeida } from "../lectura";
import { memorizarTexto } from "../memoria";
import { analizarMetodoEnCache, type Metodo } from "../metodo";
import type { Estatus, HojaDatos, Sentido, ValorCelda } from "../tipos";
import { cantidadDe, leerFrecuencia, leerMes, leerSentido, type Cantidad } from "../valores";
import { lineasDe } from "./reglas/lineas";
import { marcador, normal, texto } from "./textos";

/** Las columnas del formato presentes en la hoja, ya agrupadas (las comparten todas las filas). */
export interface ColumnasHoja {
  readonly formato: Formato;
  readonly hoja: HojaDatos;
  /** Columnas presentes en la hoja, por rol. */
  readonly porRol: Partial<Record<Rol, Columna>>;
  /** Columnas numéricas de entrada presentes (no calculadas, sin la meta). */
  readonly numericas: ReadonlyArray<Columna>;
  /** Columnas calculadas numéricas presentes (de una sola meta). */
  readonly calculadasNumericas: ReadonlyArray<Columna>;
  /** Columnas del formato presentes en la hoja. */
  readonly presentes: ReadonlyArray<Columna>;
  /** Índice de hoja (base 0) por `Columna.orden`, −1 si falta. */
  readonly indices: ReadonlyArray<number>;
  /** Columnas de varias metas por celda presentes. */
  readonly porMeta: ReadonlyArray<Columna>;
}

/** Lo que deja la lectura de una fila: la actividad y lo leído que las reglas juzgan. */
export interface LecturaFila {
  readonly act: Actividad;
  /** Lecturas ilegibles o fuera de rango, en el orden en que se leyeron. */
  readonly problemas: ReadonlyArray<LecturaProblema>;
  /** Obligatorias vacías, en el orden del formato. */
  readonly obligatoriasVacias: ReadonlyArray<Columna>;
  /** El método analizado, si se pudo (aunque tenga un marcador: entonces su lectura es ilegible y no se evalúa). */
  readonly metodo: Metodo | null;
  /** La meta de una sola celda, leída y mayor que 0 (antes de dudar de una META 1), o `null`. */
  readonly metaLeida: number | null;
  /** Indicador y unidad normalizados (para reconocer porcentajes e informes). */
  readonly indicadorNormal: string;
  readonly unidadNormal: string;
  /** Lo escrito en las columnas calculadas numéricas de una sola meta («texto» si no es un número). */
  readonly calculadas: Partial<Record<Rol, Cantidad | null | "texto">>;
  /** El ESTATUS escrito no se entiende. */
  readonly estatusIlegible: boolean;
}

const UNIDADES_PORCENTAJE = new Set(["porcentaje", "%", "porciento", "por ciento", "porcentajes"]);

/** Memoriza una lectura por texto (frecuencias, estatus, tendencias y meses se repiten). */
function memo<T>(leer: (v: ValorCelda | undefined) => T): (v: ValorCelda | undefined) => T {
  const enCache = memorizarTexto((t: string) => leer(t), 5000);
  return (v) => (typeof v !== "string" || v.length > 60 ? leer(v) : enCache(v));
}
const leerFrecuenciaM = memo(leerFrecuencia);
const leerEstatusM = memo(leerEstatus);
const leerSentidoM = memo(leerSentido);
const leerMesM = memo(leerMes);

// Vacíos compartidos por las filas sin herencia o sin problemas (casi todas). No se congelan:
// en V8 (Node 20) recorrer o indexar un arreglo congelado va por la vía lenta (≈ 5 × más
// lento que uno normal), y estos se recorren en cada fila; el tipo de solo lectura basta.
const SIN_HEREDADAS: ReadonlyArray<string> = [];
const SIN_PROBLEMAS: ReadonlyArray<LecturaProblema> = [];
const SIN_INVALIDAS: ReadonlyArray<string> = [];
const SIN_OBLIGATORIAS: ReadonlyArray<Columna> = [];
const SIN_METAS: ReadonlyArray<LineaMeta> = [];

/** ¿La unidad de medida dice que el indicador es un porcentaje? */
export function unidadEsPorcentaje(unidadNormal: string): boolean {
  return UNIDADES_PORCENTAJE.has(unidadNormal);
}

/**
 * Lo que la lectura de una fila va dejando: las columnas que no se leyeron (`invalidas`, en
 * orden y sin repetir) y sus lecturas con problema. Un objeto por fila con métodos, no
 * cierres: casi ninguna fila tiene problemas, y entonces no crea ningún arreglo.
 */
class LectorFila {
  invalidas: string[] | null = null;
  problemas: LecturaProblema[] | null = null;

  constructor(
    readonly ctx: ColumnasHoja,
    readonly fila: FilaHoja,
    private readonly formatos: ReadonlyArray<string | null> | undefined,
  ) {}

  crudo(c: Columna | undefined): ValorCelda {
    return c ? this.fila.valores[c.orden] ?? null : null;
  }

  fmt(c: Columna): string | null {
    return this.formatos?.[this.ctx.indices[c.orden]] ?? null;
  }

  invalida(c: Columna): boolean {
    return this.invalidas !== null && this.invalidas.includes(c.clave);
  }

  marcarInvalida(c: Columna): void {
    if (this.invalidas === null) this.invalidas = [c.clave];
    else if (!this.invalidas.includes(c.clave)) this.invalidas.push(c.clave);
  }

  ilegible(c: Columna, razon: LecturaIlegible["razon"]): void {
    this.marcarInvalida(c);
    (this.problemas ??= []).push({ columna: c, lectura: { estado: "ilegible", razon } });
  }

  fueraDeRango(c: Columna, razon: LecturaFueraDeRango["razon"]): void {
    this.marcarInvalida(c);
    (this.problemas ??= []).push({ columna: c, lectura: { estado: "fuera-de-rango", razon } });
  }

  /** Un mes ilegible (13, «Trece») deja la columna sin leer. */
  leerMes(c: Columna | undefined): number | null {
    if (!c) return null;
    const r = leerMesM(this.crudo(c));
    if (r.ok) return r.valor;
    this.ilegible(c, { motivo: "mes" });
    return null;
  }

  /** Un número de una sola celda: ilegible, o fuera de rango (meta ≤ 0, valor negativo). */
  leerNumero(c: Columna | undefined, esMeta: boolean): Cantidad | null {
    if (!c || c.porMeta && this.ctx.formato.variasMetasPorCelda) return null;
    const q = cantidadDe(this.crudo(c), this.fmt(c));
    if (q === undefined) {
      this.ilegible(c, { motivo: "numero", linea: null });
      return null;
    }
    if (q === null) return null;
    if (esMeta) {
      if (!(q.valor > 0)) this.fueraDeRango(c, { motivo: "meta-no-positiva", valor: q.valor, linea: null });
    } else if (q.valor < 0 && !c.calculada) this.fueraDeRango(c, { motivo: "negativo", valor: q.valor, linea: null });
    return q;
  }
}

/** Lee una fila de actividad: lecturas por columna y la actividad. No emite nada. */
export function leerFila(ctx: ColumnasHoja, fila: FilaHoja): LecturaFila {
  // Columnas por nombre de rol (`porRol.meta`), no `porRol[rol]`: con el rol fijo en el código
  // V8 lee la propiedad directo; con un rol variable la busca en cada llamada.
  const { formato, porRol } = ctx;
  const f0 = fila.fila0;
  const l = new LectorFila(ctx, fila, ctx.hoja.formatosNumero?.[f0]);

  // 1. Obligatorias: una celda obligatoria vacía es una lectura vacía que impide calcular.
  let obligatoriasVacias: Columna[] | null = null;
  for (const c of ctx.presentes) {
    if (!c.obligatoria || !vacio(fila.valores[c.orden])) continue;
    l.marcarInvalida(c);
    (obligatoriasVacias ??= []).push(c);
  }

  // 2. Meses: un mes ilegible (13, «Trece») o un periodo invertido (fuera de rango en los dos).
  let mesInicial = l.leerMes(porRol.mesInicial);
  let mesFinal = l.leerMes(porRol.mesFinal);
  if (mesInicial !== null && mesFinal !== null && mesInicial > mesFinal) {
    const razon = { motivo: "meses-invertidos", inicial: mesInicial, final: mesFinal } as const;
    l.fueraDeRango(porRol.mesInicial!, razon);
    l.fueraDeRango(porRol.mesFinal!, razon);
    mesInicial = mesFinal = null;
  }

  let frecuencia: string | null = null;
  let mesesFrecuencia: number | null = null;
  const cFrec = porRol.frecuencia;
  if (cFrec) {
    const r = leerFrecuenciaM(l.crudo(cFrec));
    if (r.ok) {
      frecuencia = r.valor?.nombre ?? null;
      mesesFrecuencia = r.valor?.meses ?? null;
    } else l.ilegible(cFrec, { motivo: "frecuencia" });
  }

  // 3. Números de una sola celda: ilegibles, o fuera de rango (meta ≤ 0, valor negativo).
  const cMeta = porRol.meta;
  const metaQ = l.leerNumero(cMeta, true);
  const numeros: Partial<Record<Rol, number | null>> = {};
  for (const c of ctx.numericas) {
    const q = l.leerNumero(c, false);
    numeros[c.rol] = q && !l.invalida(c) ? q.valor : null;
  }
  // Lo escrito en las calculadas: se lee tal cual (la regla «calculados» lo compara).
  const calculadas: Partial<Record<Rol, Cantidad | null | "texto">> = {};
  for (const c of ctx.calculadasNumericas) {
    const q = cantidadDe(l.crudo(c), l.fmt(c));
    calculadas[c.rol] = q === undefined ? "texto" : q;
  }

  let estatus: Estatus | null = null;
  let estatusIlegible = false;
  const cEst = porRol.estatus;
  if (cEst) {
    const r = leerEstatusM(l.crudo(cEst));
    if (r.ok) estatus = r.valor;
    else {
      // Ilegible, pero no impide calcular: ESTATUS es lo que se calcula (o lo manual).
      estatusIlegible = true;
      (l.problemas ??= []).push({ columna: cEst, lectura: { estado: "ilegible", razon: { motivo: "estatus" } } });
    }
  }

  let sentido: Sentido = "ascendente";
  const cTend = porRol.tendencia;
  if (cTend) {
    const r = leerSentidoM(l.crudo(cTend));
    if (r.ok) sentido = r.valor;
    else l.ilegible(cTend, { motivo: "tendencia" });
  }

  const dimension = texto(l.crudo(porRol.dimension));

  // Un método que aún es el texto de la plantilla no se evalúa.
  const cMet = porRol.metodo;
  const metodoTexto = texto(l.crudo(cMet));
  let metodo: Metodo | null = null;
  if (cMet && metodoTexto !== null) {
    const r = analizarMetodoEnCache(metodoTexto);
    if (r.ok) metodo = r.valor;
    if (marcador(metodoTexto)) l.ilegible(cMet, { motivo: "marcador" });
    else if (!r.ok) l.ilegible(cMet, { motivo: "metodo" });
  }

  const unidad = formato.variasMetasPorCelda ? null : texto(l.crudo(porRol.unidad));

  // 4. Varias metas por celda (una por línea).
  const metas = formato.variasMetasPorCelda ? leerMetas(l) : SIN_METAS;

  const indicador = texto(l.crudo(porRol.indicador));
  const indicadorNormal = indicador ? normal(indicador) : "";
  const unidadNormal = unidad ? normal(unidad) : "";
  const metaEnPorcentaje = metaQ?.porcentaje ?? false;
  const metodoPor100 = metodo !== null && metodo.multiplicaPor100;
  const esPorcentaje = metodoPor100 || unidadEsPorcentaje(unidadNormal) || indicadorNormal.startsWith("porcentaje") || metaEnPorcentaje;

  const meta = metaQ && cMeta && !l.invalida(cMeta) ? metaQ.valor : null;
  // META 1 en un indicador de porcentaje: ¿1 % o 100 %? Dudosa: no se calcula con ella.
  if (cMeta && meta !== null && formato.metaEsValorIndicador && esPorcentaje && meta === 1 && !metaEnPorcentaje) {
    l.fueraDeRango(cMeta, { motivo: "meta-uno-en-porcentaje" });
  }

  const alcanzadoCol = porRol.alcanzado;
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
    numero: texto(l.crudo(porRol.numero)),
    politicas: texto(l.crudo(porRol.politicas)),
    programa: texto(l.crudo(porRol.programa)),
    objetivo: texto(l.crudo(porRol.objetivo)),
    heredadas: fila.conHerencia ? formato.columnas.filter((c) => fila.heredada[c.orden]).map((c) => c.clave) : SIN_HEREDADAS,
    actividad: texto(l.crudo(porRol.actividad)),
    indicador,
    definicion: texto(l.crudo(porRol.definicion)),
    dimension,
    metodo: metodoTexto,
    mesInicial, mesFinal, frecuencia, mesesFrecuencia,
    unidad: formato.variasMetasPorCelda ? metas[0]?.unidad ?? null : unidad,
    lineaBase: texto(l.crudo(porRol.lineaBase)),
    observaciones: texto(l.crudo(porRol.observaciones)),
    meta: formato.variasMetasPorCelda ? metas[0]?.programado ?? null : meta,
    metaEnPorcentaje,
    alcanzado,
    valor1: numeros.valor1 ?? null,
    valor2: numeros.valor2 ?? null,
    porAlcanzar: porA && porA !== "texto" ? porA.valor : null,
    porcentaje: formato.variasMetasPorCelda ? metas[0]?.porcentaje ?? null : porc && porc !== "texto" ? porc.valor : null,
    sentido,
    estatus,
    clave: texto(l.crudo(porRol.clave)),
    presupuesto: numeros.presupuesto ?? numeros.presupuestoAprobado ?? null,
    presupuestoModificado: numeros.presupuestoModificado ?? null,
    presupuestoDevengado: numeros.presupuestoDevengado ?? null,
    mujer: numeros.mujer ?? null,
    hombre: numeros.hombre ?? null,
    persona: numeros.persona ?? null,
    metas,
    esPorcentaje,
    invalidas: l.invalidas ?? SIN_INVALIDAS,
  };
  return {
    act, problemas: l.problemas ?? SIN_PROBLEMAS, obligatoriasVacias: obligatoriasVacias ?? SIN_OBLIGATORIAS, metodo, metaLeida: meta, indicadorNormal, unidadNormal, calculadas, estatusIlegible,
  };
}

/** Las metas de una celda de varias líneas: cada columna con una línea por meta, cada línea un número. */
function leerMetas(l: LectorFila): LineaMeta[] {
  const { ctx, fila } = l;
  const { porRol } = ctx;
  const metas: LineaMeta[] = [];
  const lineas = new Map<string, ValorCelda[]>();
  for (const c of ctx.porMeta) lineas.set(c.clave, lineasDe(fila.valores[c.orden]));
  const cUni = porRol.unidad;
  const cProg = porRol.meta;
  const referencia = cUni && (lineas.get(cUni.clave)?.length ?? 0) > 0 ? cUni : cProg;
  const esperadas = referencia ? lineas.get(referencia.clave)?.length ?? 0 : 0;
  if (esperadas === 0) return metas;

  const numerosDe = (c: Columna | undefined, esMeta: boolean): Array<number | null> | null => {
    if (!c) return null;
    const ls = lineas.get(c.clave) ?? [];
    if (ls.length === 0) return null;
    if (ls.length !== esperadas) {
      l.ilegible(c, { motivo: "lineas", lineas: ls.length, esperadas, referencia: referencia! });
      return null;
    }
    const r: Array<number | null> = [];
    for (let i = 0; i < ls.length; i++) {
      const linea: LineaLeida = { numero: i + 1, de: ls.length, valor: ls[i] };
      const q = cantidadDe(ls[i], l.fmt(c));
      if (q === undefined) {
        l.ilegible(c, { motivo: "numero", linea });
        return null;
      }
      const v = q?.valor ?? null;
      if (v !== null && !c.calculada) {
        if (esMeta && !(v > 0)) {
          l.fueraDeRango(c, { motivo: "meta-no-positiva", valor: v, linea });
          return null;
        }
        if (!esMeta && v < 0) {
          l.fueraDeRango(c, { motivo: "negativo", valor: v, linea });
          return null;
        }
      }
      r.push(v);
    }
    return r;
  };
  const unidades = cUni ? lineas.get(cUni.clave) ?? [] : [];
  const prog = numerosDe(cProg, true);
  const mod = numerosDe(porRol.modificado, false);
  const alc = numerosDe(porRol.alcanzado, false);
  const por = numerosDe(porRol.porcentaje, false);
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
  return metas;
}
