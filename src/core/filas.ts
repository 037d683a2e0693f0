/**
 * Modelo de filas de una hoja PAT (spec §1, «Row structure»).
 *
 * Bajo el encabezado detectado, cada fila es una de:
 * - `vacia`: sin nada en las columnas del formato → se salta;
 * - `etiqueta`: segunda fila de encabezado («Características del Indicador … Dato … Fórmula
 *   … Tabla») → se salta;
 * - `encabezado`: encabezado repetido dentro de la tabla (la tabla de Chiapas lo repite al
 *   cambiar de página) → se salta;
 * - `seccion`: solo NÚMERO lleno (a menudo combinada a lo ancho, «1») → abre un objetivo;
 * - `grupo`: fila de grupo o de totales («ORGANIZACIÓN DE PROCESOS ELECTORALES», «PROYECTOS
 *   DE GASTO CORRIENTE:») → no es un proyecto;
 * - `total`: fila de totales («TOTAL», «TOTALES», «SUBTOTAL», «SUMA», «GRAN TOTAL» en su
 *   primer texto, con INDICADOR, MÉTODO y FRECUENCIA vacíos; suele tener sumas bajo las
 *   columnas numéricas) → ni actividad ni error: no se valida ni se llena;
 * - `nota`: texto suelto con menos de dos columnas llenas → no es una actividad;
 * - `actividad`: el resto. Las columnas marcadas `hereda` (NÚMERO, POLÍTICAS, PROGRAMA,
 *   OBJETIVO) vacías toman el valor de arriba: 6.1 y 6.2 son dos actividades del objetivo 6.
 *   Una celda dentro de una combinación (vertical, horizontal o en bloque) toma el valor del
 *   ancla en cualquier columna no calculada (`leerCombinaciones`).
 *
 * Fin de la tabla: la tabla termina en la primera fila cuyo primer texto empieza con una
 * palabra de cierre (`JUSTIFICACIONES`, `Atentamente`, `Elaboró`, `Revisó`, `Autorizó`,
 * `Vo. Bo.`, `Firma`, `Notas`, `Fuente`), sin NÚMERO propio y con a lo sumo una columna del
 * formato llena, o en la primera fila que solo tiene palabras de cierre (el bloque de firmas
 * «ELABORÓ | REVISÓ | AUTORIZÓ | Vo. Bo.», en tantas columnas como sea). Lo que sigue
 * (justificaciones, firmas, los nombres y cargos bajo ellas) no es dato.
 * Las notas sueltas (una sola columna con texto) tampoco lo son, ni antes ni después.
 */
import { coincidenciasEncabezado, type Deteccion } from "./deteccion";
import type { Columna } from "./formatos";
import { normalizarEncabezado, normalizarEncabezadoMemo } from "./formatos";
import type { Estatus, HojaDatos, Sentido, ValorCelda } from "./tipos";
import { esVacio } from "./valores";

export type TipoFila = "vacia" | "etiqueta" | "encabezado" | "seccion" | "grupo" | "total" | "nota" | "actividad";

export interface FilaHoja {
  /** Índice base 0 en `hoja.valores`. */
  readonly fila0: number;
  readonly tipo: TipoFila;
  /**
   * Valor efectivo de cada columna del formato, por `Columna.orden` (con herencia y
   * combinaciones); solo en actividades (vacío en las demás filas). Cuando la hoja tiene las
   * columnas en el orden del formato y la fila no hereda nada ni tiene textos en blanco, es
   * la fila de la hoja misma, sin copia (con 200 000 actividades, una copia por fila pesaba
   * ≈ 35 MB): puede ser más corta (una celda que falta da `undefined`: léase con `?? null`
   * o `vacio`) o más larga que el formato.
   */
  readonly valores: ReadonlyArray<ValorCelda>;
  /** `heredada[orden]`: el valor vino de una fila anterior o de una combinación (sin herencia, un arreglo vacío compartido). */
  readonly heredada: ReadonlyArray<boolean>;
  /** Hay al menos una columna heredada. */
  readonly conHerencia: boolean;
}

export interface EstructuraHoja {
  readonly filas: ReadonlyArray<FilaHoja>;
  /** Primera fila de datos (base 0). */
  readonly inicio: number;
  /** Fila (base 0) donde termina la tabla (exclusiva). */
  readonly fin: number;
}

const CIERRES = ["justificaciones", "justificacion", "atentamente", "elaboro", "reviso", "autorizo", "vo bo", "visto bueno", "firma", "firmas", "notas", "nota", "fuente"];
const CODIGO = /^[A-Z]{1,4}-?\d{1,5}$/i;
// Primer texto de una fila de totales, ya normalizado (minúsculas, sin acentos).
const TOTALES = ["total", "totales", "subtotal", "subtotales", "sub total", "suma", "sumas", "gran total", "total general"];
/** Columnas que toda actividad llena y una fila de totales no: si alguna tiene algo, no es un total. */
const ROLES_NO_TOTAL = new Set(["indicador", "metodo", "frecuencia"]);

function esTotal(texto: string): boolean {
  if (texto.length > 80) return false;
  const t = normalizarEncabezadoMemo(texto);
  for (const x of TOTALES) if (t === x || t.startsWith(x + " ")) return true;
  return false;
}
const SECCION = /^\d{1,3}(?:\.\d{1,3})*\.?$/;

/** `esVacio` con vía rápida para el caso común (texto que empieza con un carácter visible). */
export function vacio(v: ValorCelda | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  if (v.length === 0) return true;
  const k = v.charCodeAt(0);
  if (k > 32 && k !== 160 && k !== 0x202f && k !== 0x2007 && k !== 0x2028 && k !== 0x2029 && k !== 0x3000 && k !== 0x1680 && !(k >= 0x2000 && k <= 0x200a) && k !== 0x205f && k !== 0x85 && k !== 0xfeff) return false;
  return esVacio(v);
}

function esCierre(texto: string): boolean {
  // Los primeros textos de fila se repiten (números, encabezados): los cortos, con caché.
  const t = texto.length <= 80 ? normalizarEncabezadoMemo(texto) : normalizarEncabezado(texto);
  for (const c of CIERRES) if (t === c || t.startsWith(c + " ")) return true;
  return false;
}

/**
 * Una combinación que da su valor a las celdas que cubre: el valor de su ancla y las
 * columnas del formato (índices de hoja) que recibe, ya recortadas.
 */
interface CombinacionLeida {
  readonly filaInicio: number;
  readonly filaFin: number;
  readonly columnaAncla: number;
  readonly ancla: ValorCelda;
  /** Columnas mapeadas y no calculadas dentro de la combinación (sin la del ancla en su fila). */
  readonly columnas: ReadonlyArray<number>;
}

/**
 * Combinaciones de celdas (spec §1): el valor del ancla (la celda de arriba a la izquierda,
 * la única que Excel guarda) vale en CADA celda que la combinación cubre, todas sus filas y
 * todas sus columnas, y se marca heredado (`heredada`): los hallazgos se dicen en el ancla.
 * - Se recorta a la tabla: solo las columnas mapeadas del formato (una combinación más ancha
 *   que la tabla no da nada fuera de ella) y solo las filas que el recorrido visita (termina
 *   en el fin de la tabla). Se guarda una entrada por combinación, nunca una por celda: una
 *   combinación sobre toda la cuadrícula cuesta lo mismo que una de dos celdas.
 * - Las columnas calculadas no reciben nada, ni dan nada si el ancla está en una de ellas:
 *   son lo que el llenado escribe, no datos (una celda calculada cubierta por una combinación
 *   no se escribe: `CeldaCalculada.combinacion`, y el plan lo dice).
 * - Solo cuentan las combinaciones cuya ancla está en una fila de datos (desde
 *   `primeraFila`): un título combinado a lo ancho sobre el encabezado no se vuelve dato.
 * - La clase de cada fila se decide con sus celdas propias: una fila de sección combinada a
 *   lo ancho («1» sobre A:Q) sigue siendo sección, y una fila cubierta entera por una
 *   combinación de arriba queda vacía (no repite la actividad del ancla).
 */
function leerCombinaciones(hoja: HojaDatos, primeraFila: number, columnas: ReadonlyArray<number>, calculadas: ReadonlySet<number>): CombinacionLeida[] {
  const leidas: CombinacionLeida[] = [];
  for (const r of hoja.combinaciones ?? []) {
    const { filaInicio, filaFin, columnaInicio, columnaFin } = r;
    if (![filaInicio, filaFin, columnaInicio, columnaFin].every(Number.isSafeInteger)) continue;
    if (filaInicio < primeraFila || columnaInicio < 0 || filaFin < filaInicio || columnaFin < columnaInicio) continue;
    if (filaFin === filaInicio && columnaFin === columnaInicio) continue;
    if (calculadas.has(columnaInicio)) continue;
    const ancla = hoja.valores[filaInicio]?.[columnaInicio] ?? null;
    if (vacio(ancla)) continue;
    const cubiertas = columnas.filter((c) => c >= columnaInicio && c <= columnaFin && !calculadas.has(c));
    if (cubiertas.length === 0 || (filaFin === filaInicio && cubiertas.every((c) => c === columnaInicio))) continue;
    leidas.push({ filaInicio, filaFin, columnaAncla: columnaInicio, ancla, columnas: cubiertas });
  }
  return leidas.sort((a, b) => a.filaInicio - b.filaInicio);
}

/**
 * Las combinaciones que cubren cada fila, en orden de filas: `en(f)` (con `f` creciente)
 * da el valor combinado de cada columna de la fila `f`, o `undefined` si ninguna la cubre.
 * Memoria: las combinaciones activas y un mapa de a lo sumo las columnas del formato.
 */
function barridoCombinaciones(combinaciones: ReadonlyArray<CombinacionLeida>): (f: number) => ReadonlyMap<number, ValorCelda> | undefined {
  let siguiente = 0;
  let activas: CombinacionLeida[] = [];
  return (f) => {
    while (siguiente < combinaciones.length && combinaciones[siguiente].filaInicio <= f) activas.push(combinaciones[siguiente++]);
    if (activas.length === 0) return undefined;
    if (activas.some((k) => k.filaFin < f)) activas = activas.filter((k) => k.filaFin >= f);
    if (activas.length === 0) return undefined;
    const m = new Map<number, ValorCelda>();
    for (const k of activas) {
      for (const c of k.columnas) {
        if (f === k.filaInicio && c === k.columnaAncla) continue; // el ancla es la celda misma
        if (!m.has(c)) m.set(c, k.ancla); // combinaciones encimadas (un libro dañado): la primera
      }
    }
    return m.size > 0 ? m : undefined;
  };
}

// Compartidos por las filas que no los necesitan; sin congelar: en V8 (Node 20) leer fuera
// de rango en un arreglo congelado (`heredada[orden]`, en cada columna de cada fila) va por
// la vía lenta.
const VACIO: ReadonlyArray<ValorCelda> = [];
const SIN_HERENCIA: ReadonlyArray<boolean> = [];

/** Una fila que no es actividad: sin valores ni herencia. */
function filaSinDatos(f: number, tipo: TipoFila): FilaHoja {
  return { fila0: f, tipo, valores: VACIO, heredada: SIN_HERENCIA, conHerencia: false };
}

/** Los valores de una fila de la hoja en el orden del formato (ya el mismo): lo que falta, `null`. */
function copiaDeFila(fila: ReadonlyArray<ValorCelda>, nCol: number): ValorCelda[] {
  const celdas = new Array<ValorCelda>(nCol).fill(null);
  for (let i = 0; i < nCol && i < fila.length; i++) celdas[i] = fila[i] ?? null;
  return celdas;
}

/** La fila solo tiene palabras de cierre (el bloque de firmas «ELABORÓ | REVISÓ | AUTORIZÓ»). */
function soloCierres(fila: ReadonlyArray<ValorCelda>): boolean {
  return fila.every((v) => vacio(v) || (typeof v === "string" && esCierre(v)));
}

/** Recorre las filas bajo el encabezado y las clasifica. */
export function recorrerFilas(hoja: HojaDatos, det: Deteccion): EstructuraHoja {
  const formato = det.formato;
  const mapeadas: Array<{ col: Columna; indice: number }> = [];
  for (const col of formato.columnas) {
    const i = det.columnas[col.clave];
    if (i !== undefined) mapeadas.push({ col, indice: i });
  }
  const calculadas = new Set(mapeadas.filter((m) => m.col.calculada).map((m) => m.indice));
  const combinadaEn = barridoCombinaciones(leerCombinaciones(hoja, det.filaFinEncabezado, mapeadas.map((m) => m.indice), calculadas));
  const numeroCol = formato.porRol.numero && det.columnas[formato.porRol.numero.clave] !== undefined ? det.columnas[formato.porRol.numero.clave] : null;
  const indicesMapeados = new Set(mapeadas.map((m) => m.indice));
  const etiquetas = new Set<string>();
  for (const fila of formato.filasEtiqueta) for (const e of fila) etiquetas.add(e);
  const umbralEncabezado = Math.max(3, Math.ceil(mapeadas.length * 0.4));
  const hayGrupos = formato.marcadoresGrupo.length > 0 || formato.variasMetasPorCelda;
  const columnasMeta = mapeadas.filter((m) => m.col.porMeta || m.col.rol === "meta" || m.col.rol === "alcanzado");
  // Columnas que solo llena una actividad (una fila de sección no las tiene).
  const ROLES_ACTIVIDAD = new Set(["mesInicial", "mesFinal", "indicador", "metodo", "frecuencia", "unidad", "meta", "alcanzado", "porcentaje", "estatus", "valor1", "valor2", "avance", "modificado", "clave"]);
  const columnasActividad = new Set(mapeadas.filter((m) => ROLES_ACTIVIDAD.has(m.col.rol)).map((m) => m.indice));
  const columnasHereda = new Set(mapeadas.filter((m) => m.col.hereda).map((m) => m.indice));
  const columnaTextoActividad = mapeadas.find((m) => m.col.rol === "actividad")?.indice ?? -1;
  const columnasNoTotal = mapeadas.filter((m) => ROLES_NO_TOTAL.has(m.col.rol)).map((m) => m.indice);

  const nCol = formato.columnas.length;
  // Todas las columnas del formato en la hoja, cada una en la posición de su `orden` (A, B, C…
  // como el formato): entonces la fila de la hoja ya está por `Columna.orden` (ver `valores`).
  const mismoOrden = mapeadas.length === nCol && mapeadas.every((m) => m.indice === m.col.orden);
  const filas: FilaHoja[] = [];
  let contexto: Record<string, ValorCelda> = Object.create(null); // claves de un archivo de formato
  let inicio = det.filaFinEncabezado; // base 0 de la fila siguiente al encabezado
  let fin = hoja.valores.length;

  for (let f = det.filaFinEncabezado; f < hoja.valores.length; f++) {
    const fila = hoja.valores[f] ?? [];

    // Celdas no vacías (propias, no heredadas de combinaciones).
    let llenas = 0;
    let llenasMapeadas = 0;
    let primerTexto: string | null = null;
    // Sin filas de etiqueta en el formato no hace falta normalizar el texto de cada fila.
    let soloEtiquetas = etiquetas.size > 0;
    for (let c = 0; c < fila.length; c++) {
      const v = fila[c];
      if (vacio(v)) continue;
      llenas++;
      if (indicesMapeados.has(c)) llenasMapeadas++;
      if (primerTexto === null && typeof v === "string") primerTexto = v;
      if (soloEtiquetas && (typeof v !== "string" || v.length > 60 || !etiquetas.has(normalizarEncabezadoMemo(v)))) soloEtiquetas = false;
    }

    if (llenas === 0) {
      filas.push(filaSinDatos(f, "vacia"));
      continue;
    }
    // Una fila con NÚMERO propio («2 | Notas informativas semanales») es una actividad, no el cierre.
    const numeroPropio = numeroCol !== null ? fila[numeroCol] : null;
    const sinNumero = vacio(numeroPropio) || numeroPropio === primerTexto;
    if (primerTexto !== null && sinNumero && esCierre(primerTexto) && ((llenas <= 2 && llenasMapeadas <= 1) || soloCierres(fila))) {
      fin = f;
      break;
    }
    if (etiquetas.size > 0 && soloEtiquetas) {
      filas.push(filaSinDatos(f, "etiqueta"));
      if (filas.length === 1) inicio = f + 1;
      continue;
    }
    if (llenas >= 3 && llenas <= mapeadas.length + 2 && typeof primerTexto === "string" && coincidenciasEncabezado(fila, formato) >= umbralEncabezado) {
      filas.push(filaSinDatos(f, "encabezado"));
      continue;
    }
    if (primerTexto !== null && esTotal(primerTexto) && columnasNoTotal.every((i) => vacio(fila[i]))) {
      filas.push(filaSinDatos(f, "total"));
      continue;
    }
    // Sección: solo NÚMERO (o la primera columna) con un número.
    const colSeccion = numeroCol ?? mapeadas[0]?.indice ?? 0;
    const vs = fila[colSeccion];
    // También «1 | Título del objetivo» (número y un solo texto, sin datos de actividad).
    if (llenas <= 2 && !vacio(vs) && (typeof vs === "number" || SECCION.test(String(vs).trim()))) {
      let titulo: { texto: string; col: number } | null = null;
      let esSeccion = true;
      if (llenas === 2) {
        for (let c = 0; c < fila.length; c++) {
          const v = fila[c];
          if (c === colSeccion || vacio(v)) continue;
          // El título va junto al número o en una columna heredable (POLÍTICAS, PROGRAMA,
          // OBJETIVO); un texto en ACTIVIDAD u otra columna es una actividad incompleta.
          const deTitulo = c === colSeccion + 1 || columnasHereda.has(c);
          if (typeof v !== "string" || columnasActividad.has(c) || !deTitulo || c === columnaTextoActividad) esSeccion = false;
          else titulo = { texto: v, col: c };
        }
      }
      if (esSeccion) {
        contexto = numeroCol !== null ? { [formato.porRol.numero!.clave]: vs } : {};
        if (titulo) {
          // El título (a menudo combinado a lo ancho) es el objetivo de la sección.
          const objetivo = formato.porRol.objetivo;
          const destino = objetivo?.hereda ? objetivo : mapeadas.find((m) => m.indice === titulo!.col && m.col.hereda)?.col;
          if (destino) contexto[destino.clave] = titulo.texto;
        }
        filas.push(filaSinDatos(f, "seccion"));
        continue;
      }
    }
    if (hayGrupos && columnasMeta.length > 0 && columnasMeta.every((m) => vacio(fila[m.indice]))) {
      const textos = fila.filter((v): v is string => typeof v === "string" && !vacio(v));
      const esGrupo = textos.length > 0 && !textos.some((t) => CODIGO.test(t.trim())) && textos.every((t) => {
        const n = t.length <= 80 ? normalizarEncabezadoMemo(t) : "";
        return t.trim().endsWith(":") || t === t.toUpperCase() || formato.marcadoresGrupo.some((m) => n === m || n.startsWith(m + " "));
      });
      if (esGrupo) {
        filas.push(filaSinDatos(f, "grupo"));
        continue;
      }
    }
    if (hayGrupos && primerTexto !== null && primerTexto.length <= 80 && formato.marcadoresGrupo.some((m) => { const n = normalizarEncabezadoMemo(primerTexto!); return n === m || n.startsWith(m + " "); }) && columnasMeta.every((m) => vacio(fila[m.indice]))) {
      filas.push(filaSinDatos(f, "grupo"));
      continue;
    }
    if (llenasMapeadas < 2) {
      filas.push(filaSinDatos(f, "nota"));
      continue;
    }

    // Actividad: herencia de NÚMERO/POLÍTICAS/PROGRAMA/OBJETIVO.
    // En el orden del formato, la fila de la hoja sirve tal cual mientras cada valor efectivo
    // sea el propio; la copia se hace con el primero que no lo es (heredado, combinado o un
    // texto en blanco, que vale `null`).
    let celdas: ValorCelda[] | null = mismoOrden ? null : new Array<ValorCelda>(nCol).fill(null);
    // El arreglo de heredadas se crea con la primera columna heredada (casi ninguna fila hereda).
    let heredadas: boolean[] | null = null;
    // Lo que dan las combinaciones a esta fila: se pide con su primera celda vacía (en orden de filas).
    let combinada: ReadonlyMap<number, ValorCelda> | undefined | null = null;
    const numeroClave = formato.porRol.numero?.clave;
    if (numeroClave && numeroCol !== null) {
      const propio = fila[numeroCol];
      if (!vacio(propio) && String(propio).trim() !== String(contexto[numeroClave] ?? "").trim()) contexto = Object.create(null);
    }
    // Con índice: este bucle corre una vez por actividad dentro del de filas, y un `for…of`
    // ahí creaba un objeto de iteración por columna mientras el bucle externo no se optimizaba.
    for (let k = 0; k < mapeadas.length; k++) {
      const { col, indice } = mapeadas[k];
      const propio = fila[indice] ?? null;
      let v = propio;
      if (vacio(propio)) {
        // Una celda vacía toma el valor de la combinación que la cubre; si no hay, la que
        // hereda toma el de arriba. Lo que no es propio se marca heredado.
        if (combinada === null) combinada = combinadaEn(f);
        v = combinada?.get(indice) ?? null;
        if (col.hereda && vacio(v)) v = contexto[col.clave] ?? null;
        if (!vacio(v)) (heredadas ??= new Array<boolean>(nCol).fill(false))[col.orden] = true;
      } else if (col.hereda) contexto[col.clave] = propio;
      if (celdas === null && v !== propio) celdas = copiaDeFila(fila, nCol);
      if (celdas !== null) celdas[col.orden] = v;
    }
    // Sin herencia, la fila comparte el arreglo vacío (`heredada[orden]` da undefined, falso):
    // uno de booleanos por actividad pesaba ≈ 30 MB con 200 000.
    filas.push({ fila0: f, tipo: "actividad", valores: celdas ?? fila, heredada: heredadas ?? SIN_HERENCIA, conHerencia: heredadas !== null });
  }
  return { filas, inicio, fin };
}

// ---------------------------------------------------------------- actividad (datos leídos)

/** Una meta de un proyecto con varias metas en la misma celda (una por línea, `avance-metas`). */
export interface LineaMeta {
  /** Línea dentro de la celda, base 1. */
  readonly linea: number;
  readonly unidad: string | null;
  readonly programado: number | null;
  readonly modificado: number | null;
  readonly alcanzado: number | null;
  /** % CUMPLIM. MODIF. escrito en la hoja, en puntos. */
  readonly porcentaje: number | null;
}

/**
 * Una actividad (fila de datos) leída. Los textos se conservan como se escribieron; los
 * números ya leídos (`25%` → 25, `2 275 339.62` → 2275339.62); `null` = vacío o ilegible
 * (si es ilegible, hay un hallazgo y su clave está en `invalidas`).
 */
export interface Actividad {
  /** Fila de la hoja, base 1. */
  readonly fila: number;
  /** NÚMERO del objetivo (heredado de la sección o de la fila de arriba si estaba vacío). */
  readonly numero: string | null;
  readonly politicas: string | null;
  readonly programa: string | null;
  readonly objetivo: string | null;
  /** Claves de columna cuyo valor se heredó (continuación o celda combinada). */
  readonly heredadas: ReadonlyArray<string>;
  /** ACTIVIDAD / LÍNEA DE ACCIÓN / PROYECTO. */
  readonly actividad: string | null;
  readonly indicador: string | null;
  readonly definicion: string | null;
  readonly dimension: string | null;
  /** Texto de MÉTODO DE CÁLCULO. */
  readonly metodo: string | null;
  readonly mesInicial: number | null;
  readonly mesFinal: number | null;
  /** Frecuencia canónica («Trimestral») y sus meses. */
  readonly frecuencia: string | null;
  readonly mesesFrecuencia: number | null;
  readonly unidad: string | null;
  readonly lineaBase: string | null;
  /** OBSERVACIONES (la justificación de una desviación), o `null` si está vacía. */
  readonly observaciones: string | null;
  /** META / META PROPUESTA / PROGRAM. ANUAL (primera línea si hay varias). */
  readonly meta: number | null;
  /** La meta se escribió como porcentaje («100%» o con formato de %). */
  readonly metaEnPorcentaje: boolean;
  /** Lo alcanzado tal como está en la hoja (UNIDADES CUMPLIDAS, META ALCANZADA, ALCANZ., Avance). */
  readonly alcanzado: number | null;
  readonly valor1: number | null;
  readonly valor2: number | null;
  readonly porAlcanzar: number | null;
  /** Porcentaje cumplido escrito en la hoja, en puntos. */
  readonly porcentaje: number | null;
  readonly sentido: Sentido;
  readonly estatus: Estatus | null;
  readonly clave: string | null;
  readonly presupuesto: number | null;
  readonly presupuestoModificado: number | null;
  readonly presupuestoDevengado: number | null;
  readonly mujer: number | null;
  readonly hombre: number | null;
  readonly persona: number | null;
  /** Metas de la celda, una por línea (en formatos con `variasMetasPorCelda`; si no, vacío). */
  readonly metas: ReadonlyArray<LineaMeta>;
  /** Indicador de porcentaje: método × 100, unidad Porcentaje/%, nombre «Porcentaje…» o meta en %. */
  readonly esPorcentaje: boolean;
  /** Claves de columna con un error o un dato dudoso: no se calcula nada que dependa de ellas. */
  readonly invalidas: ReadonlyArray<string>;
}
