/**
 * Descripción de la plantilla de un formato, como datos: la CLI (exceljs) y el panel
 * (Office.js) la dibujan. Filas de título, fila de encabezado (y de etiquetas), anchos,
 * listas desplegables, formatos de número, fórmulas `PAT.*` en las columnas calculadas para
 * N filas (las mismas que el plan de llenado en modo «formulas») y formato condicional del
 * ESTATUS y del semáforo.
 */
import { CATALOGO_ESTATUS } from "./estatus";
import type { Formato, Rol } from "./formatos";
import { construirFormula } from "./llenado/formulas";
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

export interface Plantilla {
  readonly formato: string;
  readonly nombreHoja: string;
  /** Filas de título, de la 1 en adelante. */
  readonly titulos: ReadonlyArray<string>;
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

/** Describe la plantilla de un formato con `filas` filas de datos (50 por omisión). */
export function describirPlantilla(formato: Formato, opciones: { anio?: number | null; filas?: number } = {}): Plantilla {
  const anio = opciones.anio ?? new Date().getFullYear();
  const n = Math.max(1, Math.min(opciones.filas ?? 50, 10000));
  const titulos = formato.titulo.map((t) => t.replace(/\{anio\}/g, String(anio)));
  const filaEncabezado = titulos.length + 1;
  const tieneEtiquetas = Object.keys(formato.etiquetas).length > 0;
  const filaEtiquetas = tieneEtiquetas ? filaEncabezado + 1 : null;
  const primera = (filaEtiquetas ?? filaEncabezado) + 1;
  const ultima = primera + n - 1;

  const columnasIndice: Record<string, number> = Object.create(null);
  formato.columnas.forEach((c, i) => (columnasIndice[c.clave] = i));
  const columnas: ColumnaPlantilla[] = formato.columnas.map((c, i) => ({
    clave: c.clave, letra: letraColumna(i), indice: i, encabezado: c.encabezado, etiqueta: formato.etiquetas[c.clave] ?? null,
    ancho: c.ancho, calculada: c.calculada, lista: listaDe(c.lista), formatoNumero: c.formatoNumero ?? null,
  }));

  const formulas: FormulaPlantilla[] = [];
  if (!formato.variasMetasPorCelda) {
    for (const c of formato.columnas) {
      if (!c.calculada) continue;
      const i = columnasIndice[c.clave];
      for (let f = primera; f <= ultima; f++) {
        const formula = construirFormula(formato, c.rol as Rol, f, columnasIndice, { corte: null, enPorcentaje: formatoEsPorcentaje(c.formatoNumero) });
        if (formula) formulas.push({ celda: direccion(f, i), fila: f, columna: letraColumna(i), formula });
      }
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
    // Nombre corto y único: «pat-transversal 2025» (Excel admite 31 caracteres sin \ / ? * [ ] :).
    nombreHoja: `${formato.id} ${anio}`.replace(/[\\/?*[\]:]/g, " ").replace(/\s+/g, " ").slice(0, 31),
    titulos, filaEncabezado, filaEtiquetas, primeraFilaDatos: primera, ultimaFilaDatos: ultima,
    columnas, formulas, condicionales, semaforo: COLORES_SEMAFORO,
  };
}
