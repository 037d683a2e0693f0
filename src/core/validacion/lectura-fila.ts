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
import { leerCantidad, leerFrecuencia, leerMes, leerSentido, type Cantidad } from "../valores";
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

const SIN_HEREDADAS: ReadonlyArray<string> = Object.freeze([]);
const SIN_PROBLEMAS: ReadonlyArray<LecturaProblema> = Object.freeze([]);

/** ¿La unidad de medida dice que el indicador es un porcentaje? */
export function unidadEsPorcentaje(unidadNormal: string): boolean {
  return UNIDADES_PORCENTAJE.has(unidadNormal);
}

/** Lee una fila de actividad: lecturas por columna y la actividad. No emite nada. */
export function leerFila(ctx: ColumnasHoja, fila: FilaHoja): LecturaFila {
  const { formato, hoja } = ctx;
  const f0 = fila.fila0;
  const formatos = hoja.formatosNumero?.[f0];
  const col = (rol: Rol): Columna | undefined => ctx.porRol[rol];
  const crudo = (c: Columna | undefined): ValorCelda => (c ? fila.valores[c.orden] ?? null : null);
  const fmt = (c: Columna): string | null => formatos?.[ctx.indices[c.orden]] ?? null;

  // Columnas que no se leyeron (o leídas fuera de rango): `invalidas` de la actividad, en orden.
  const invalidas = new Set<string>();
  let problemas: LecturaProblema[] | null = null;
  const ilegible = (c: Columna, razon: LecturaIlegible["razon"]): void => {
    invalidas.add(c.clave);
    (problemas ??= []).push({ columna: c, lectura: { estado: "ilegible", razon } });
  };
  const fueraDeRango = (c: Columna, razon: LecturaFueraDeRango["razon"]): void => {
    invalidas.add(c.clave);
    (problemas ??= []).push({ columna: c, lectura: { estado: "fuera-de-rango", razon } });
  };

  // 1. Obligatorias: una celda obligatoria vacía es una lectura vacía que impide calcular.
  const obligatoriasVacias: Columna[] = [];
  for (const c of ctx.presentes) {
    if (!c.obligatoria || !vacio(fila.valores[c.orden])) continue;
    invalidas.add(c.clave);
    obligatoriasVacias.push(c);
  }

  // 2. Meses: un mes ilegible (13, «Trece») o un periodo invertido (fuera de rango en los dos).
  const leerMesCol = (rol: Rol): number | null => {
    const c = col(rol);
    if (!c) return null;
    const r = leerMesM(crudo(c));
    if (r.ok) return r.valor;
    ilegible(c, { motivo: "mes" });
    return null;
  };
  let mesInicial = leerMesCol("mesInicial");
  let mesFinal = leerMesCol("mesFinal");
  if (mesInicial !== null && mesFinal !== null && mesInicial > mesFinal) {
    const razon = { motivo: "meses-invertidos", inicial: mesInicial, final: mesFinal } as const;
    fueraDeRango(col("mesInicial")!, razon);
    fueraDeRango(col("mesFinal")!, razon);
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
    } else ilegible(cFrec, { motivo: "frecuencia" });
  }

  // 3. Números de una sola celda: ilegibles, o fuera de rango (meta ≤ 0, valor negativo).
  const leerNumeroCol = (c: Columna | undefined, esMeta: boolean): Cantidad | null => {
    if (!c || c.porMeta && formato.variasMetasPorCelda) return null;
    const r = leerCantidad(crudo(c), fmt(c));
    if (!r.ok) {
      ilegible(c, { motivo: "numero", linea: null });
      return null;
    }
    const q = r.valor;
    if (q === null) return null;
    if (esMeta) {
      if (!(q.valor > 0)) fueraDeRango(c, { motivo: "meta-no-positiva", valor: q.valor, linea: null });
    } else if (q.valor < 0 && !c.calculada) fueraDeRango(c, { motivo: "negativo", valor: q.valor, linea: null });
    return q;
  };
  const cMeta = col("meta");
  const metaQ = leerNumeroCol(cMeta, true);
  const numeros: Partial<Record<Rol, number | null>> = {};
  for (const c of ctx.numericas) {
    const q = leerNumeroCol(c, false);
    numeros[c.rol] = q && !invalidas.has(c.clave) ? q.valor : null;
  }
  // Lo escrito en las calculadas: se lee tal cual (la regla «calculados» lo compara).
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
      // Ilegible, pero no impide calcular: ESTATUS es lo que se calcula (o lo manual).
      estatusIlegible = true;
      (problemas ??= []).push({ columna: cEst, lectura: { estado: "ilegible", razon: { motivo: "estatus" } } });
    }
  }

  let sentido: Sentido = "ascendente";
  const cTend = col("tendencia");
  if (cTend) {
    const r = leerSentidoM(crudo(cTend));
    if (r.ok) sentido = r.valor;
    else ilegible(cTend, { motivo: "tendencia" });
  }

  const dimension = texto(crudo(col("dimension")));

  // Un método que aún es el texto de la plantilla no se evalúa.
  const cMet = col("metodo");
  const metodoTexto = texto(crudo(cMet));
  let metodo: Metodo | null = null;
  if (cMet && metodoTexto !== null) {
    const r = analizarMetodoEnCache(metodoTexto);
    if (r.ok) metodo = r.valor;
    if (marcador(metodoTexto)) ilegible(cMet, { motivo: "marcador" });
    else if (!r.ok) ilegible(cMet, { motivo: "metodo" });
  }

  const unidad = formato.variasMetasPorCelda ? null : texto(crudo(col("unidad")));

  // 4. Varias metas por celda (una por línea).
  const metas: LineaMeta[] = [];
  if (formato.variasMetasPorCelda) leerMetas(ctx, fila, metas, col, fmt, ilegible, fueraDeRango);

  const indicador = texto(crudo(col("indicador")));
  const indicadorNormal = indicador ? normal(indicador) : "";
  const unidadNormal = unidad ? normal(unidad) : "";
  const metaEnPorcentaje = metaQ?.porcentaje ?? false;
  const metodoPor100 = metodo !== null && metodo.multiplicaPor100;
  const esPorcentaje = metodoPor100 || unidadEsPorcentaje(unidadNormal) || indicadorNormal.startsWith("porcentaje") || metaEnPorcentaje;

  const meta = metaQ && !invalidas.has(cMeta?.clave ?? "") ? metaQ.valor : null;
  // META 1 en un indicador de porcentaje: ¿1 % o 100 %? Dudosa: no se calcula con ella.
  if (cMeta && meta !== null && formato.metaEsValorIndicador && esPorcentaje && meta === 1 && !metaEnPorcentaje) {
    fueraDeRango(cMeta, { motivo: "meta-uno-en-porcentaje" });
  }

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
  return {
    act, problemas: problemas ?? SIN_PROBLEMAS, obligatoriasVacias, metodo, metaLeida: meta, indicadorNormal, unidadNormal, calculadas, estatusIlegible,
  };
}

type Ilegible = (c: Columna, razon: LecturaIlegible["razon"]) => void;
type FueraDeRango = (c: Columna, razon: LecturaFueraDeRango["razon"]) => void;

/** Las metas de una celda de varias líneas: cada columna con una línea por meta, cada línea un número. */
function leerMetas(
  ctx: ColumnasHoja, fila: FilaHoja, metas: LineaMeta[], col: (rol: Rol) => Columna | undefined, fmt: (c: Columna) => string | null,
  ilegible: Ilegible, fueraDeRango: FueraDeRango,
): void {
  const lineas = new Map<string, ValorCelda[]>();
  for (const c of ctx.porMeta) lineas.set(c.clave, lineasDe(fila.valores[c.orden]));
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
      ilegible(c, { motivo: "lineas", lineas: ls.length, esperadas, referencia: referencia! });
      return null;
    }
    const r: Array<number | null> = [];
    for (let i = 0; i < ls.length; i++) {
      const linea: LineaLeida = { numero: i + 1, de: ls.length, valor: ls[i] };
      const q = leerCantidad(ls[i], fmt(c));
      if (!q.ok) {
        ilegible(c, { motivo: "numero", linea });
        return null;
      }
      const v = q.valor?.valor ?? null;
      if (v !== null && !c.calculada) {
        if (esMeta && !(v > 0)) {
          fueraDeRango(c, { motivo: "meta-no-positiva", valor: v, linea });
          return null;
        }
        if (!esMeta && v < 0) {
          fueraDeRango(c, { motivo: "negativo", valor: v, linea });
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
