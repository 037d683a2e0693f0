/**
 * Fórmulas nativas de Excel de las columnas calculadas, en sintaxis en-US (la que toman
 * `range.formulas` y el archivo), con referencias relativas a las celdas de la misma fila.
 * Solo funciones de Excel (IF, AND, OR, ISNUMBER, N, ROUND, MAX, IFERROR): la hoja se
 * recalcula sin el complemento, en Excel en cualquier idioma y en LibreOffice. Nunca `PAT.*`
 * (en un archivo no se calculan hasta que alguien las reescribe, y ningún otro programa las
 * conoce). Una sola implementación para el plan de llenado (modo «formulas») y la plantilla.
 *
 * Cada fórmula calcula exactamente lo que escribe el modo de valores (`calcularFila`):
 *
 * - PORCENTAJE: ascendente `ROUND(N(alcanzado)/meta*100,2)` (vacío = 0); descendente
 *   `100` si alcanzado ≤ 0, si no `ROUND(meta/alcanzado*100,2)`, y vacío sin medición.
 * - Meta por alcanzar: `ROUND(MAX(meta−alcanzado,0),2)` (descendente: alcanzado − meta).
 * - ESTATUS: CUMPLIDA (cumplimiento ≥ 100 con el alcanzado redondeado a 2 decimales) →
 *   NO CUMPLIDA (corte posterior al mes final) → EN PROCESO (alcanzado > 0) → PENDIENTE.
 *   El corte es un número fijo en la fórmula (el del llenado) o, en la plantilla, la celda
 *   rotulada «MES DE CORTE» (vacía: no se juzga el vencimiento, como sin `--corte`).
 * - META ALCANZADA: el método compilado (`compilarMetodo`) sobre VALOR DE CÁLCULO 1 y 2.
 * - % CUMPLIM. MODIF. (una meta en la celda): `ROUND(N(alcanzado)/modificado*100,2)`, o
 *   sobre el programado si no hay modificado.
 *
 * Todas dan "" cuando el modo de valores no escribe nada (meta vacía o ≤ 0, fila vacía,
 * división entre cero). Una celda con formato de porcentaje recibe la fracción («/100») y
 * una celda de datos con formato de porcentaje se lee en puntos («*100»), como `leerCantidad`.
 * El sentido se lee de TENDENCIA con las palabras de `leerSentido` (sin distinguir mayúsculas).
 */
import type { Actividad } from "../filas";
import type { Formato, Rol } from "../formatos";
import { compilarMetodo, type Compilacion, type Metodo } from "../metodo";
import type { HojaDatos, Sentido, Texto, ValorCelda } from "../tipos";
import type { CalculosFila } from "./calculo";
import { citar, formatoEsPorcentaje } from "../valores";
import { direccion } from "../validacion/direcciones";

/** El corte de ESTATUS: un mes fijo, ninguno, o una celda (absoluta, «$C$6») que lo contiene. */
export type CorteFormula = number | null | { readonly celda: string };

export interface EntornoFormula {
  readonly formato: Formato;
  /** Fila de la hoja, base 1. */
  readonly fila: number;
  /** Columna (base 0) de cada clave del formato presente en la hoja. */
  readonly columnas: Readonly<Record<string, number>>;
  /** Formato de número de la celda de esa clave en la fila (para leer un % en puntos). */
  readonly formatoDe?: (clave: string) => string | null;
  readonly corte: CorteFormula;
}

/** Lo que el método necesita para compilarse como lo evalúa el llenado. */
export interface MetodoFormula {
  readonly metodo: Metodo;
  readonly entre100ComoPor100: boolean;
  readonly porCien: boolean;
}

export interface OpcionesFormula {
  /** La celda destino tiene formato de porcentaje: se escribe la fracción. */
  readonly enPorcentaje?: boolean;
  /** Para META ALCANZADA. */
  readonly metodo?: MetodoFormula;
}

/** Palabras de TENDENCIA que `leerSentido` lee como descendente, con y sin acento. */
export const TENDENCIAS_DESCENDENTES: ReadonlyArray<string> = [
  "Reducción", "Reduccion", "Descendente", "Disminución", "Disminucion", "Decremento", "Reducir", "Disminuir",
];

/** El umbral de CUMPLIDA de `calcularEstatus` (100 − 1e-9). */
const UMBRAL_CUMPLIDA = "99.999999999";

function comillas(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Lecturas de las celdas de la fila: la referencia y su valor numérico en puntos. */
function lector(e: EntornoFormula) {
  const ref = (rol: Rol): string | null => {
    const c = e.formato.porRol[rol];
    if (!c) return null;
    const i = e.columnas[c.clave];
    return i === undefined ? null : direccion(e.fila, i);
  };
  const enPuntos = (rol: Rol): boolean => {
    const c = e.formato.porRol[rol];
    return !!c && formatoEsPorcentaje(e.formatoDe?.(c.clave) ?? null);
  };
  /** El número de la celda; `N()` cuando vacío cuenta como 0. */
  const num = (rol: Rol, conN: boolean): string => {
    const r = ref(rol) as string;
    const base = conN ? `N(${r})` : r;
    return enPuntos(rol) ? `(${base}*100)` : base;
  };
  /**
   * La meta: un número, o un texto entero como «100%» (así la escriben muchas hojas
   * transversales), leído en puntos como `leerCantidad`. VALUE de un entero no depende del
   * separador decimal de quien abre el libro; NUMBERVALUE sí sería exacto con decimales, pero
   * es de Excel 2013 y en el archivo tendría que ir como `_xlfn.NUMBERVALUE`. Un texto con
   * decimales o que no es número lo comprueba `motivoSinFormula` (la celda recibe el valor).
   */
  const meta = (): string => {
    const r = ref("meta") as string;
    return `IF(ISNUMBER(${r}),${num("meta", false)},VALUE(SUBSTITUTE(${r},"%","")))`;
  };
  return { ref, num, meta };
}

/** La fórmula de la columna de rol `rol` en la fila, o el motivo por el que no la hay. */
export function formulaNativa(rol: Rol, e: EntornoFormula, opciones: OpcionesFormula = {}): Compilacion {
  const no = (es: string, en: string): Compilacion => ({ ok: false, motivo: { es, en } });
  const col = e.formato.porRol[rol];
  if (!col?.calculada) return no("la columna no es calculada", "the column is not computed");
  const { ref, num, meta } = lector(e);
  const salida = (x: string): string => `ROUND(${x},2)${opciones.enPorcentaje ? "/100" : ""}`;
  const M = ref("meta");
  const A = ref("alcanzado");
  const T = ref("tendencia");
  const faltan = no("faltan columnas de datos en la hoja", "data columns are missing from the sheet");
  if ((rol === "porcentaje" || rol === "porAlcanzar" || rol === "estatus") && (!A || !M)) return faltan;
  const desc = T ? `OR(${TENDENCIAS_DESCENDENTES.map((p) => `${T}=${comillas(p)}`).join(",")})` : null;
  // Los datos que la validación da por inválidos (y con los que el llenado no calcula):
  // meta vacía o ≤ 0, alcanzado con texto o negativo (salvo si lo calcula el método).
  // AND y OR de Excel evalúan todos sus argumentos: las comparaciones con texto no dan error.
  const metaOk = M ? `IFERROR(${meta()}>0,FALSE)` : "FALSE";
  const alcanzadoOk = e.formato.porRol.alcanzado?.calculada ? `OR(${A}="",ISNUMBER(${A}))` : `OR(${A}="",AND(ISNUMBER(${A}),${A}>=0))`;
  const guarda = `AND(${metaOk},${alcanzadoOk})`;
  const metaPositiva = (X: string): string => `AND(ISNUMBER(${X}),${X}>0)`;
  const ok = (f: string): Compilacion => ({ ok: true, expresion: `=${f}` });
  const mesOk = (X: string): string => `IF(ISNUMBER(${X}),AND(${X}>=1,${X}<=12,INT(${X})=${X}),${X}="")`;

  switch (rol) {
    case "porcentaje": {
      if (e.formato.variasMetasPorCelda) {
        const Al = ref("alcanzado");
        const Mo = ref("modificado");
        if (!Al || !M) return faltan;
        const sobre = (base: Rol): string => salida(`${num("alcanzado", true)}/${num(base, false)}*100`);
        const programado = `IF(${metaPositiva(M as string)},${sobre("meta")},"")`;
        return ok(Mo ? `IF(ISNUMBER(${Mo}),IF(${Mo}>0,${sobre("modificado")},""),${programado})` : programado);
      }
      const a = num("alcanzado", true);
      const m = meta();
      const asc = salida(`${a}/${m}*100`);
      const cuerpo = desc ? `IF(${desc},IF(${A}="","",IF(${a}<=0,${salida("100")},${salida(`${m}/${a}*100`)})),${asc})` : asc;
      return ok(`IF(${guarda},${cuerpo},"")`);
    }
    case "porAlcanzar": {
      const a = num("alcanzado", true);
      const m = meta();
      const asc = salida(`MAX(${m}-${a},0)`);
      const cuerpo = desc ? `IF(${desc},IF(${A}="","",${salida(`MAX(${a}-${m},0)`)}),${asc})` : asc;
      return ok(`IF(${guarda},${cuerpo},"")`);
    }
    case "estatus": {
      const a = `ROUND(${num("alcanzado", true)},2)`;
      const m = meta();
      const ascendente = `${a}/${m}*100>=${UMBRAL_CUMPLIDA}`;
      const cumplida = desc ? `IF(${desc},IF(${A}="",FALSE,IF(${a}<=0,TRUE,${m}/${a}*100>=${UMBRAL_CUMPLIDA})),${ascendente})` : ascendente;
      const F = ref("mesFinal");
      const I = ref("mesInicial");
      // Meses vacíos o de 1 a 12, y el inicial no después del final (si no, no hay estatus).
      const meses = [I ? mesOk(I) : null, F ? mesOk(F) : null, I && F ? `OR(${I}="",${F}="",${I}<=${F})` : null].filter((x): x is string => x !== null);
      const c = e.corte;
      const vencida = F === null || c === null ? null
        : typeof c === "number" ? `AND(ISNUMBER(${F}),${c}>${F})`
        : `AND(ISNUMBER(${c.celda}),ISNUMBER(${F}),${c.celda}>${F})`;
      const resto = `IF(${a}>0,"EN PROCESO","PENDIENTE")`;
      return ok(`IF(AND(${[metaOk, alcanzadoOk, ...meses].join(",")}),IF(${cumplida},"CUMPLIDA",${vencida ? `IF(${vencida},"NO CUMPLIDA",${resto})` : resto}),"")`);
    }
    case "alcanzado": {
      const V1 = ref("valor1");
      const V2 = ref("valor2");
      const m = opciones.metodo;
      if (!V1 || !V2) return faltan;
      if (!m) return no("no hay un método de cálculo que compilar", "there is no calculation method to compile");
      const c = compilarMetodo(m.metodo, [num("valor1", false), num("valor2", false)], { entre100ComoPor100: m.entre100ComoPor100, porCien: m.porCien });
      if (!c.ok) return c;
      // Los dos valores escritos, números y no negativos, como pide el llenado; «/0» → vacío.
      return ok(`IF(AND(ISNUMBER(${V1}),ISNUMBER(${V2}),${V1}>=0,${V2}>=0),IFERROR(${salida(c.expresion)},""),"")`);
    }
    default:
      return no("la columna no se calcula con fórmula", "the column is not computed with a formula");
  }
}

// ------------------------------------------------------------ ¿la fórmula leería lo mismo?

/** Lo que una fórmula lee de una celda: un número (en puntos si tiene formato de %), vacío o texto. */
function lecturaFormula(v: ValorCelda | undefined, formatoNumero: string | null, conTexto: boolean): number | null | "otro" {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return formatoEsPorcentaje(formatoNumero) ? v * 100 : v;
  // La meta acepta un entero escrito como texto, con o sin «%» («100%»).
  if (conTexto && typeof v === "string") {
    const m = /^(\d{1,15})%?$/.exec(v);
    if (m) return Number(m[1]);
  }
  return "otro";
}

function sentidoFormula(v: ValorCelda | undefined): Sentido | "otro" {
  if (v === null || v === undefined || v === "") return "ascendente";
  if (typeof v !== "string") return "otro";
  const t = v.toLowerCase();
  return TENDENCIAS_DESCENDENTES.some((p) => p.toLowerCase() === t) ? "descendente" : "ascendente";
}

export interface CeldasFila {
  /** Valor crudo y formato de número de la celda de una clave en la fila. */
  readonly valor: (clave: string) => ValorCelda;
  readonly formatoNumero: (clave: string) => string | null;
}

/**
 * ¿Leería la fórmula de `rol` los mismos datos que leyó el núcleo? Un número escrito como
 * texto («1,234»), un mes en palabras, una tendencia con punto final o un valor heredado de
 * una celda combinada los lee el núcleo pero no una fórmula: entonces se escribe el valor.
 * `alcanzadoPropio`: META ALCANZADA la escribe este mismo llenado (no se compara).
 *
 * No es una segunda lectura de la fila (issue 8): la lectura es la del análisis (`act`); aquí
 * se mira la celda cruda solo porque es lo que la fórmula escrita referenciará, y lo que Excel
 * leerá en ella puede ser otra cosa que lo que leyó el núcleo.
 */
export function motivoSinFormula(rol: Rol, formato: Formato, act: Actividad, celdas: CeldasFila, alcanzadoPropio: boolean): Texto | null {
  const revisar: Array<[Rol, number | null]> = [];
  if (formato.variasMetasPorCelda) {
    if (act.metas.length !== 1) return { es: "la celda tiene varias metas (una por línea)", en: "the cell holds several goals (one per line)" };
    const m = act.metas[0];
    revisar.push(["meta", m.programado], ["modificado", m.modificado], ["alcanzado", m.alcanzado]);
  } else if (rol === "alcanzado") {
    revisar.push(["valor1", act.valor1], ["valor2", act.valor2]);
  } else {
    revisar.push(["meta", act.meta]);
    if (!alcanzadoPropio) revisar.push(["alcanzado", act.alcanzado]);
    if (rol === "estatus") revisar.push(["mesInicial", act.mesInicial], ["mesFinal", act.mesFinal]);
  }
  for (const [r, esperado] of revisar) {
    const c = formato.porRol[r];
    if (!c) continue;
    const v = celdas.valor(c.clave);
    const leido = lecturaFormula(v, celdas.formatoNumero(c.clave), r === "meta" && !formato.variasMetasPorCelda);
    if (leido === esperado) continue;
    return {
      es: `${c.encabezado} dice «${citar(v)}», que una fórmula de Excel no lee como ${esperado === null ? "vacío" : `el número ${esperado}`}`,
      en: `${c.encabezado} holds "${citar(v)}", which an Excel formula does not read as ${esperado === null ? "empty" : `the number ${esperado}`}`,
    };
  }
  const t = formato.porRol.tendencia;
  if (t && !formato.variasMetasPorCelda && rol !== "alcanzado") {
    const v = celdas.valor(t.clave);
    if (sentidoFormula(v) !== act.sentido) {
      return {
        es: `${t.encabezado} dice «${citar(v)}»; una fórmula solo reconoce ${TENDENCIAS_DESCENDENTES[0]}, ${TENDENCIAS_DESCENDENTES[2]}… escritas tal cual`,
        en: `${t.encabezado} holds "${citar(v)}"; a formula only recognises ${TENDENCIAS_DESCENDENTES[0]}, ${TENDENCIAS_DESCENDENTES[2]}… written exactly`,
      };
    }
  }
  return null;
}

/**
 * La fórmula que el plan de llenado escribe en la columna `rol` de la fila de `act`, o el
 * motivo por el que esa celda recibe el valor. `calc` es el cálculo de la fila (el mismo que
 * da el valor): la fórmula se arma con el método y los ajustes con que se evaluó.
 */
export function formulaDeCelda(
  hoja: HojaDatos,
  columnas: Readonly<Record<string, number>>,
  formato: Formato,
  act: Actividad,
  rol: Rol,
  calc: CalculosFila,
  opciones: { corte: number | null; enPorcentaje: boolean },
): Compilacion {
  const f0 = act.fila - 1;
  const celda = <T>(m: ReadonlyArray<ReadonlyArray<T>> | undefined, clave: string): T | null => {
    const i = columnas[clave];
    return i === undefined ? null : m?.[f0]?.[i] ?? null;
  };
  const celdas: CeldasFila = { valor: (k) => celda(hoja.valores, k), formatoNumero: (k) => celda(hoja.formatosNumero, k) };
  const motivo = motivoSinFormula(rol, formato, act, celdas, !!calc.alcanzado);
  if (motivo) return { ok: false, motivo };
  return formulaNativa(rol, { formato, fila: act.fila, columnas, formatoDe: celdas.formatoNumero, corte: opciones.corte }, {
    enPorcentaje: opciones.enPorcentaje,
    ...(calc.alcanzado?.metodo ? { metodo: calc.alcanzado.metodo } : {}),
  });
}
