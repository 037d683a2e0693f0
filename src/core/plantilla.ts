/**
 * Descripción de la plantilla de un formato, como datos: la CLI (exceljs) y el panel
 * (Office.js) la dibujan. Filas de título, la celda rotulada MES DE CORTE (si el formato
 * calcula ESTATUS), fila de encabezado (y de etiquetas) con su alto para que cada encabezado
 * se lea entero a su ancho, anchos, listas desplegables, formatos de número, fórmulas nativas
 * de Excel en las columnas calculadas para N filas (las de `formulaNativa`, las mismas del
 * plan de llenado en modo «formulas») y formato condicional del ESTATUS y del semáforo.
 *
 * META ALCANZADA (pat-transversal) no lleva fórmula en la plantilla: depende del texto del
 * método, que aún no está escrito; «Llenar» (valores o fórmulas) la calcula después.
 */
import { CATALOGO_ESTATUS } from "./estatus";
import type { Formato, Rol } from "./formatos";
import { formulaNativa } from "./llenado/formulas";
import type { Estatus, Semaforo } from "./tipos";
import { direccion, letraColumna } from "./validacion/direcciones";
import { formatoEsPorcentaje, FRECUENCIAS, NOMBRES_MES } from "./valores";

export const LISTA_MESES: ReadonlyArray<string> = Array.from({ length: 12 }, (_, i) => String(i + 1));
export const LISTA_NOMBRES_MES: ReadonlyArray<string> = NOMBRES_MES.map((m) => m[0].toUpperCase() + m.slice(1));
export const LISTA_DIMENSIONES: ReadonlyArray<string> = ["Eficacia", "Eficiencia", "Economía", "Calidad"];
export const LISTA_TENDENCIAS: ReadonlyArray<string> = ["Incremento", "Constante", "Reducción"];

/** Colores (hex, sin «#») de fondo y texto por estatus. */
export const COLORES_ESTATUS: Readonly<Record<Estatus, { fondo: string; texto: string }>> = {
  PENDIENTE: { fondo: "EDEDED", texto: "404040" },
  "EN PROCESO": { fondo: "FFF2CC", texto: "7F6000" },
  CUMPLIDA: { fondo: "C6EFCE", texto: "006100" },
  "NO CUMPLIDA": { fondo: "FFC7CE", texto: "9C0006" },
  CANCELADA: { fondo: "D9D9D9", texto: "595959" },
  REPROGRAMADA: { fondo: "DDEBF7", texto: "1F4E78" },
};

export const COLORES_SEMAFORO: Readonly<Record<Semaforo, { fondo: string; texto: string }>> = {
  VERDE: { fondo: "C6EFCE", texto: "006100" },
  AMARILLO: { fondo: "FFEB9C", texto: "9C5700" },
  ROJO: { fondo: "FFC7CE", texto: "9C0006" },
  "SIN DATO": { fondo: "EDEDED", texto: "595959" },
};

export interface ColumnaPlantilla {
  readonly clave: string;
  readonly letra: string;
  readonly indice: number;
  readonly encabezado: string;
  /** Texto de la fila de etiquetas bajo el encabezado, si el formato la tiene. */
  readonly etiqueta: string | null;
  readonly ancho: number;
  readonly calculada: boolean;
  /** Valores de la lista desplegable (validación de datos), o `null`. */
  readonly lista: ReadonlyArray<string> | null;
  readonly formatoNumero: string | null;
}

export interface ReglaCondicional {
  /** Rango A1 al que se aplica («Q8:Q57»). */
  readonly rango: string;
  /** La celda es igual a este texto. */
  readonly texto: string;
  readonly colorFondo: string;
  readonly colorTexto: string;
}

export interface FormulaPlantilla {
  readonly celda: string;
  readonly fila: number;
  readonly columna: string;
  readonly formula: string;
}

/** La celda del mes de corte a la que se refieren las fórmulas de ESTATUS. */
export interface CortePlantilla {
  readonly fila: number;
  /** Rótulo, en la columna A (combinada con B). */
  readonly etiqueta: string;
  readonly celdaEtiqueta: string;
  readonly combinacionEtiqueta: string;
  /** Celda del valor (C), vacía al crear la plantilla; con la lista de meses. */
  readonly celda: string;
  /** Referencia absoluta que usan las fórmulas («$C$6»). */
  readonly referencia: string;
  readonly ayuda: string;
  readonly celdaAyuda: string;
}

export interface Plantilla {
  readonly formato: string;
  readonly nombreHoja: string;
  /** Filas de título, de la 1 en adelante. */
  readonly titulos: ReadonlyArray<string>;
  /** Mes de corte de ESTATUS, en la fila siguiente a los títulos; `null` si no hay ESTATUS calculado. */
  readonly corte: CortePlantilla | null;
  /** Alto (puntos) de la fila de encabezado: el encabezado más largo, ajustado a su ancho, cabe entero. */
  readonly altoEncabezado: number;
  /** Fila del encabezado (base 1). */
  readonly filaEncabezado: number;
  /** Fila de etiquetas (base 1) o `null`. */
  readonly filaEtiquetas: number | null;
  /** Primera y última fila de datos (base 1). */
  readonly primeraFilaDatos: number;
  readonly ultimaFilaDatos: number;
  readonly columnas: ReadonlyArray<ColumnaPlantilla>;
  readonly formulas: ReadonlyArray<FormulaPlantilla>;
  readonly condicionales: ReadonlyArray<ReglaCondicional>;
  /** Colores del semáforo, para la columna que la muestre (PAT.SEMAFORO). */
  readonly semaforo: Readonly<Record<Semaforo, { fondo: string; texto: string }>>;
}

function listaDe(lista: Formato["columnas"][number]["lista"]): ReadonlyArray<string> | null {
  if (!lista) return null;
  if (Array.isArray(lista)) return lista;
  switch (lista) {
    case "meses": return LISTA_MESES;
    case "frecuencias": return FRECUENCIAS.map((f) => f.nombre);
    case "estatus": return CATALOGO_ESTATUS;
    case "dimensiones": return LISTA_DIMENSIONES;
    case "tendencias": return LISTA_TENDENCIAS;
    default: return null;
  }
}

/**
 * Ancho y alto de los encabezados: en negrita y mayúsculas una letra ocupa ≈ 1.25 unidades
 * de ancho de Excel (la unidad es el ancho de un «0»), y una palabra que no cabe se parte
 * («PORCENTAJ E»): la columna se ensancha hasta que quepa su palabra más larga, y la fila de
 * encabezado toma el alto de las líneas del encabezado más largo.
 */
const ANCHO_LETRA = 1.25;
const PUNTOS_POR_LINEA = 15;

function anchoLegible(encabezado: string, ancho: number): number {
  const palabra = Math.max(...encabezado.split(/\s+/).map((p) => p.length));
  return Math.max(ancho, Math.ceil(palabra * ANCHO_LETRA) + 2);
}

function lineasEncabezado(encabezado: string, ancho: number): number {
  const cabe = Math.max(1, Math.floor((ancho - 1) / ANCHO_LETRA));
  let lineas = 1;
  let usado = 0;
  for (const p of encabezado.split(/\s+/).filter(Boolean)) {
    if (usado === 0) usado = p.length;
    else if (usado + 1 + p.length <= cabe) usado += 1 + p.length;
    else {
      lineas++;
      usado = p.length;
    }
  }
  return lineas;
}

/** Describe la plantilla de un formato con `filas` filas de datos (50 por omisión). */
export function describirPlantilla(formato: Formato, opciones: { anio?: number | null; filas?: number } = {}): Plantilla {
  const anio = opciones.anio ?? new Date().getFullYear();
  const n = Math.max(1, Math.min(opciones.filas ?? 50, 10000));
  const titulos = formato.titulo.map((t) => t.replace(/\{anio\}/g, String(anio)));
  const conCorte = !!formato.porRol.estatus?.calculada;
  const filaCorte = titulos.length + 1;
  const corte: CortePlantilla | null = conCorte
    ? {
      fila: filaCorte, etiqueta: "MES DE CORTE", celdaEtiqueta: `A${filaCorte}`, combinacionEtiqueta: `A${filaCorte}:B${filaCorte}`,
      celda: `C${filaCorte}`, referencia: `$C$${filaCorte}`, celdaAyuda: `D${filaCorte}`,
      ayuda: "Escriba el número del mes (1 a 12) al que se informa. Vacío: ESTATUS no marca NO CUMPLIDA.",
    }
    : null;
  const filaEncabezado = titulos.length + (conCorte ? 2 : 1);
  const tieneEtiquetas = Object.keys(formato.etiquetas).length > 0;
  const filaEtiquetas = tieneEtiquetas ? filaEncabezado + 1 : null;
  const primera = (filaEtiquetas ?? filaEncabezado) + 1;
  const ultima = primera + n - 1;

  const columnasIndice: Record<string, number> = Object.create(null);
  formato.columnas.forEach((c, i) => (columnasIndice[c.clave] = i));
  const columnas: ColumnaPlantilla[] = formato.columnas.map((c, i) => ({
    clave: c.clave, letra: letraColumna(i), indice: i, encabezado: c.encabezado, etiqueta: formato.etiquetas[c.clave] ?? null,
    ancho: anchoLegible(c.encabezado, c.ancho), calculada: c.calculada, lista: listaDe(c.lista), formatoNumero: c.formatoNumero ?? null,
  }));
  const altoEncabezado = Math.max(30, ...columnas.map((c) => lineasEncabezado(c.encabezado, c.ancho) * PUNTOS_POR_LINEA + 6));

  const formulas: FormulaPlantilla[] = [];
  const formatoDe = (clave: string): string | null => formato.porClave[clave]?.formatoNumero ?? null;
  for (const c of formato.columnas) {
    if (!c.calculada) continue;
    const i = columnasIndice[c.clave];
    for (let f = primera; f <= ultima; f++) {
      const r = formulaNativa(c.rol as Rol, { formato, fila: f, columnas: columnasIndice, formatoDe, corte: corte ? { celda: corte.referencia } : null }, { enPorcentaje: formatoEsPorcentaje(c.formatoNumero) });
      if (!r.ok) break; // la columna no tiene fórmula de plantilla (META ALCANZADA sin método)
      formulas.push({ celda: direccion(f, i), fila: f, columna: letraColumna(i), formula: r.expresion });
    }
  }

  const condicionales: ReglaCondicional[] = [];
  const est = formato.porRol.estatus;
  if (est) {
    const letra = letraColumna(columnasIndice[est.clave]);
    for (const e of CATALOGO_ESTATUS) {
      condicionales.push({ rango: `${letra}${primera}:${letra}${ultima}`, texto: e, colorFondo: COLORES_ESTATUS[e].fondo, colorTexto: COLORES_ESTATUS[e].texto });
    }
  }
  return {
    formato: formato.id,
    // Nombre en palabras y con el año: «PAT órgano 2025» (Excel admite 31 caracteres sin \ / ? * [ ] :).
    nombreHoja: `${formato.nombreHoja.slice(0, 26)} ${anio}`.replace(/[\\/?*[\]:]/g, " ").replace(/\s+/g, " ").trim().slice(0, 31),
    titulos, corte, altoEncabezado, filaEncabezado, filaEtiquetas, primeraFilaDatos: primera, ultimaFilaDatos: ultima,
    columnas, formulas, condicionales, semaforo: COLORES_SEMAFORO,
  };
}
