/**
 * El puerto sobre Office.js. Es el ÚNICO código del proyecto que llama a `Excel.run`.
 *
 * Toda acción corre con `Excel.run({ delayForCellEdit: true }, …)`: si el usuario está
 * editando una celda, Excel espera a que salga en vez de fallar con `InvalidOperation`.
 *
 * E/S por lotes: cada operación hace un número fijo de `context.sync()` por trozo, sea cual
 * sea el número de filas:
 * - leer una hoja: 1 sync de metadatos (rango usado con `valuesOnly`, dónde hay constantes
 *   y fórmulas, protección, combinaciones —sus rangos; las filas que cubren sin datos no se
 *   leen—, filas visibles) + 2 por trozo (fórmulas; luego
 *   valores de las celdas con fórmula y formatos de las numéricas). Solo se leen las filas
 *   con datos (bandas; un valor suelto en la fila 1 048 576 es una banda de una fila, no un
 *   millón de filas vacías). Los trozos se miden en BYTES: el primero es de
 *   `CELDAS_PRIMER_TROZO` celdas, los siguientes de las filas que caben en
 *   `BYTES_POR_RESPUESTA` según lo que pesó el anterior; si Excel rechaza la carga
 *   (`…PayloadSizeLimitExceeded`, ≈ 5 MB en Excel en la web) el trozo se parte a la mitad
 *   y se vuelve a pedir.
 * - escribir: 1 sync (protección, solo lectura) + 1 por trozo de `celdasPorLote` celdas o
 *   `BYTES_POR_SOLICITUD` bytes, contando ≈ `BYTES_POR_RANGO` por rango. Las celdas van en
 *   tramos verticales de una sola clase: fórmulas por `formulas`, textos por `valuesAsJson`
 *   (ExcelApi 1.16; si no, por `values` con apóstrofo) y números/booleanos por `values`.
 * - marcar / quitar marcas: 1 + 2 por trozo de `marcasPorLote`; leer celdas: 1 por trozo.
 * - registros: 1 + 1 por parte XML (una sola si cabe en BYTES_POR_PARTE).
 *
 * Las celdas llegan como números (`Posicion`) y van por `getRangeByIndexes`; el texto A1 se
 * arma solo donde la API no tiene otra forma (notas por dirección, posición de un gráfico,
 * las direcciones de una plantilla).
 */
import type { HojaDatos, Posicion, ValorCelda } from "../core/tipos";
import { MAX_COLUMNAS } from "../core/validacion/direcciones";
import { a1, indicesDe, leerAreas, leerRango, posicionEn, type Rango } from "./direcciones";
import { aPartesXml, dePartesXml, espacioDe } from "./registros";
import {
  ErrorLibro,
  ErrorMarcado,
  formulaVinculo,
  type CodigoErrorLibro,
  type ContenidoCelda,
  type EscrituraCelda,
  type EstadoMarca,
  type GraficoResumen,
  type InfoHoja,
  type LecturaHoja,
  type Marca,
  type PlantillaHoja,
  type PuertoLibro,
  type TablaHoja,
} from "./puerto";

/** Cómo correr un lote: en el contexto de otro (eventos) o esperando la edición de celda. */
export interface OpcionesLote {
  readonly contexto?: unknown;
  readonly delayForCellEdit?: boolean;
}

/** Corre un lote contra Excel (por defecto `Excel.run`; las pruebas pasan un simulacro). */
export type Ejecutor = <T>(lote: (context: Excel.RequestContext) => Promise<T>, opciones?: OpcionesLote) => Promise<T>;

export interface OpcionesOffice {
  /** Celdas por solicitud al escribir (≈ 5 MB de límite de carga en Excel en la web). */
  readonly celdasPorLote?: number;
  /** Marcas por trozo (notas celda por celda). */
  readonly marcasPorLote?: number;
  /** Celdas del PRIMER trozo al leer una hoja (los siguientes se miden en bytes). */
  readonly celdasPorLectura?: number;
  /** Bytes de respuesta a los que apunta cada trozo de lectura. */
  readonly bytesPorRespuesta?: number;
  /** Usar notas (ExcelApi 1.18); si no, solo relleno. */
  readonly notas?: boolean;
  /** Leer celdas combinadas (`getMergedAreasOrNullObject`, ExcelApi 1.13); si no, ninguna. */
  readonly combinaciones?: boolean;
  /** Escribir textos por `valuesAsJson` (ExcelApi 1.16); si no, por `values` con apóstrofo. */
  readonly textoComoJson?: boolean;
}

/**
 * Celdas por solicitud al escribir celdas sueltas: van en tramos verticales (un rango n×1
 * por tramo), así la carga es de valores, no de operaciones. Además se corta en
 * `BYTES_POR_SOLICITUD` estimados (textos largos y ≈ 300 bytes por rango).
 */
export const CELDAS_POR_LOTE = 10_000;
/** Bytes estimados por solicitud de escritura (≈ 5 MB de límite en Excel en la web). */
export const BYTES_POR_SOLICITUD = 2_000_000;
/** Lo que cuesta cada rango de un lote en la solicitud, además de su contenido. */
export const BYTES_POR_RANGO = 300;
/** Marcas por trozo: las notas no tienen API por rango, van celda por celda. */
export const MARCAS_POR_LOTE = 1000;
/**
 * Primer trozo de lectura: 16 000 celdas son ≈ 0.6–0.9 MB en un PAT típico (34–56 bytes
 * por celda en JSON) y ≈ 2 MB en una hoja de puro texto (125 bytes por celda): holgado
 * bajo los ≈ 5 MB de Excel en la web aunque la hoja sea de textos largos.
 */
export const CELDAS_PRIMER_TROZO = 16_000;
/** Bytes de respuesta a los que apunta cada trozo siguiente (medidos en el anterior). */
export const BYTES_POR_RESPUESTA = 2_000_000;
/** Tope de celdas de un trozo aunque pesen poco (una hoja casi vacía). */
export const CELDAS_POR_LECTURA = 100_000;
/** Filas vacías entre dos bandas con datos que todavía se leen juntas (≈ 70 bytes cada una). */
export const HUECO_MAXIMO = 2_000;
/** Un cambio de contenido hasta este tiempo después de una corrida propia es su eco (Excel sin `triggerSource`). */
const ECO_PROPIO_MS = 1_500;

const ejecutorExcel: Ejecutor = (lote, opciones) =>
  opciones?.contexto
    ? Excel.run(opciones.contexto as Excel.RequestContext, lote)
    : Excel.run({ delayForCellEdit: opciones?.delayForCellEdit ?? true }, lote);

/** El manifiesto exige ExcelApi 1.9; lo más nuevo se pregunta antes de usarlo. */
function excelApiSoportada(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

interface Ubicada {
  readonly fila: number;
  readonly columna: number;
}

/**
 * Trozos de una solicitud: celdas ordenadas por columna y fila, cortadas en `maxCeldas`
 * celdas o `maxBytes` bytes estimados (lo que llegue antes).
 */
function lotes<T extends Ubicada>(celdas: ReadonlyArray<T>, maxCeldas: number, maxBytes: number, peso: (c: T) => number): T[][] {
  const orden = [...celdas].sort((a, b) => a.columna - b.columna || a.fila - b.fila);
  const r: T[][] = [];
  let actual: T[] = [];
  let bytes = 0;
  for (const c of orden) {
    const b = peso(c);
    if (actual.length > 0 && (actual.length >= maxCeldas || bytes + b > maxBytes)) {
      r.push(actual);
      actual = [];
      bytes = 0;
    }
    actual.push(c);
    bytes += b;
  }
  if (actual.length > 0) r.push(actual);
  return r;
}

/**
 * Una entrada por celda (la última gana, en el orden de la primera vez que aparece), ya en
 * índices base 0; lanza `celda-invalida` si una posición está fuera de la cuadrícula.
 */
function unaPorCelda<E, T extends Ubicada>(entradas: ReadonlyArray<E>, posicion: (e: E) => Posicion, ubicar: (u: Ubicada, e: E) => T): T[] {
  const porCelda = new Map<number, T>();
  for (const e of entradas) {
    const u = indicesDe(posicion(e));
    porCelda.set(u.fila * MAX_COLUMNAS + u.columna, ubicar(u, e));
  }
  return [...porCelda.values()];
}

/** Corridas verticales (filas consecutivas de una misma columna) de celdas ya ordenadas. */
function corridas<T extends Ubicada>(orden: ReadonlyArray<T>): T[][] {
  const r: T[][] = [];
  for (const c of orden) {
    const k = r[r.length - 1];
    const u = k?.[k.length - 1];
    if (u && u.columna === c.columna && u.fila + 1 === c.fila) k.push(c);
    else r.push([c]);
  }
  return r;
}

/** Qué API escribe una celda: fórmula, texto (nunca interpretado) u otro valor. */
type Clase = "formula" | "texto" | "valor";

/** Una celda por escribir, ya ubicada y clasificada. */
interface PorEscribir extends Ubicada {
  readonly clase: Clase;
  readonly contenido: string | number | boolean;
}

/** Un tramo vertical de celdas de una misma clase: un rango n×1 en la solicitud. */
interface Tramo {
  readonly fila: number;
  readonly columna: number;
  readonly clase: Clase;
  readonly contenidos: Array<string | number | boolean>;
}

/** Bytes aproximados de un contenido dentro del JSON de la solicitud. */
const pesoJson = (v: string | number | boolean): number => (typeof v === "string" ? v.length * 2 + 8 : 24);
/** `{"type":"String","basicValue":…}` cuesta ≈ 40 bytes más que el texto solo. */
const pesoCelda = (c: PorEscribir): number => pesoJson(c.contenido) + (c.clase === "texto" ? 40 : 0);

/**
 * Tramos verticales de una sola clase, agrupados en lotes de a lo más `maxCeldas` celdas y
 * `maxBytes` bytes, contando `BYTES_POR_RANGO` por tramo. Un tramo que no cabe se parte en
 * el borde del lote (así los lotes van llenos).
 */
function lotesDeTramos(celdas: ReadonlyArray<PorEscribir>, maxCeldas: number, maxBytes: number): Tramo[][] {
  const orden = [...celdas].sort((a, b) => a.columna - b.columna || a.fila - b.fila);
  const r: Tramo[][] = [];
  let actual: Tramo[] = [];
  let celdasLote = 0;
  let bytesLote = 0;
  for (const c of orden) {
    const u = actual[actual.length - 1];
    const sigue = u !== undefined && u.columna === c.columna && u.clase === c.clase && u.fila + u.contenidos.length === c.fila;
    const costo = pesoCelda(c) + (sigue ? 0 : BYTES_POR_RANGO);
    if (actual.length > 0 && (celdasLote >= maxCeldas || bytesLote + costo > maxBytes)) {
      r.push(actual);
      actual = [];
      celdasLote = 0;
      bytesLote = 0;
    }
    const ultimo = actual[actual.length - 1];
    if (ultimo !== undefined && sigue && ultimo === u) ultimo.contenidos.push(c.contenido);
    else actual.push({ fila: c.fila, columna: c.columna, clase: c.clase, contenidos: [c.contenido] });
    celdasLote++;
    bytesLote += pesoCelda(c) + (actual[actual.length - 1].contenidos.length === 1 ? BYTES_POR_RANGO : 0);
  }
  if (actual.length > 0) r.push(actual);
  return r;
}

/**
 * Sin `valuesAsJson`, `values` interpreta lo escrito como si se tecleara: «=…», «+…», «-…»
 * son fórmulas y «12/03/2024», «25%», «0012» se vuelven fecha o número. El apóstrofo
 * inicial (el mismo que se teclea en Excel) lo deja como texto y no forma parte del valor.
 */
export function textoSeguro(texto: string): string {
  return /^[=+\-@']/.test(texto) || /\d/.test(texto) ? `'${texto}` : texto;
}

const vacio = (v: unknown): boolean => v === "" || v === null || v === undefined;

/** Excel guarda las fechas como número de serie. */
function aExcel(v: ValorCelda | undefined): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  return v;
}

/** Una celda del puerto como celda por escribir. */
function porEscribir(fila: number, columna: number, formula: string | null | undefined, valor: ValorCelda | undefined): PorEscribir {
  if (formula) return { fila, columna, clase: "formula", contenido: formula };
  const contenido = aExcel(valor);
  if (typeof contenido === "string" && contenido !== "") return { fila, columna, clase: "texto", contenido };
  // Un número o una celda vacía valen igual por `formulas`: van en el mismo tramo que las
  // fórmulas vecinas (menos rangos). Un booleano, por `values`.
  return { fila, columna, clase: typeof contenido === "boolean" ? "valor" : "formula", contenido };
}

/** Excel rechazó la solicitud o la respuesta por su tamaño (≈ 5 MB en Excel en la web). */
function esCargaExcesiva(e: unknown): boolean {
  const codigo = String((e as { code?: string } | null)?.code ?? "");
  return /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(codigo);
}

/** Traduce los errores de Office a ErrorLibro cuando se sabe qué pasó. */
function traducirError(e: unknown, hoja?: string): unknown {
  if (e instanceof ErrorMarcado) return new ErrorMarcado(traducirError(e.causa, hoja), e.previos);
  const codigo = (e as { code?: string })?.code;
  const mensaje = (e as Error)?.message ?? String(e);
  if (codigo === "ItemNotFound" && hoja) return new ErrorLibro("hoja-no-existe", `La hoja «${hoja}» no existe.`, hoja);
  if (codigo === "InvalidOperationInCellEditMode") return new ErrorLibro("edicion-celda", mensaje, hoja);
  if (codigo === "InvalidOperation") return new ErrorLibro("operacion-invalida", mensaje, hoja);
  return e;
}

/** Rangos de filas (base 0, inclusivos) que tienen datos, juntando huecos de menos de `hueco` filas. */
export function bandasDeFilas(areas: ReadonlyArray<Rango>, hueco: number): Array<{ inicio: number; fin: number }> {
  const orden = [...areas].sort((a, b) => a.filaInicio - b.filaInicio);
  const bandas: Array<{ inicio: number; fin: number }> = [];
  for (const a of orden) {
    const u = bandas[bandas.length - 1];
    if (u && a.filaInicio <= u.fin + hueco + 1) u.fin = Math.max(u.fin, a.filaFin);
    else bandas.push({ inicio: a.filaInicio, fin: a.filaFin });
  }
  return bandas;
}

export class PuertoOffice implements PuertoLibro {
  private readonly ejecutar: Ejecutor;
  private readonly celdasPorLote: number;
  private readonly celdasPorLectura: number;
  private readonly bytesPorRespuesta: number;
  private readonly marcasPorLote: number;
  private readonly notas: boolean;
  private readonly combinaciones: boolean;
  private readonly textoComoJson: boolean;
  /** Cuándo terminó la última corrida propia (para reconocer el eco de sus cambios). */
  private finUltimaCorrida = 0;
  /** Tamaño (celdas) de cada trozo de lectura pedido, en orden (las pruebas lo revisan). */
  readonly trozosLeidos: number[] = [];

  constructor(ejecutar: Ejecutor = ejecutorExcel, opciones: OpcionesOffice = {}) {
    this.ejecutar = ejecutar;
    this.celdasPorLote = opciones.celdasPorLote ?? CELDAS_POR_LOTE;
    this.celdasPorLectura = opciones.celdasPorLectura ?? CELDAS_PRIMER_TROZO;
    this.bytesPorRespuesta = opciones.bytesPorRespuesta ?? BYTES_POR_RESPUESTA;
    this.marcasPorLote = opciones.marcasPorLote ?? MARCAS_POR_LOTE;
    this.notas = opciones.notas ?? excelApiSoportada("1.18");
    this.combinaciones = opciones.combinaciones ?? excelApiSoportada("1.13");
    this.textoComoJson = opciones.textoComoJson ?? excelApiSoportada("1.16");
  }

  /**
   * Corre una acción del usuario (esperando a que termine de editar una celda) y traduce
   * el error. Un «AccessDenied» se diagnostica con una lectura aparte: hoja protegida,
   * libro de solo lectura o estructura protegida no se arreglan igual.
   */
  private async correr<T>(hoja: string | undefined, lote: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.ejecutar(lote, { delayForCellEdit: true });
    } catch (e) {
      const causa = e instanceof ErrorMarcado ? e.causa : e;
      if ((causa as { code?: string } | null)?.code === "AccessDenied") {
        const traducido = await this.diagnosticarAcceso(hoja, causa);
        throw e instanceof ErrorMarcado ? new ErrorMarcado(traducido, e.previos) : traducido;
      }
      throw traducirError(e, hoja);
    } finally {
      this.finUltimaCorrida = Date.now();
    }
  }

  private async diagnosticarAcceso(hoja: string | undefined, causa: unknown): Promise<ErrorLibro> {
    const mensaje = (causa as Error)?.message ?? String(causa);
    let codigo: CodigoErrorLibro = "acceso-denegado";
    try {
      codigo = await this.ejecutar(async (context) => {
        const libro = context.workbook;
        libro.load("readOnly");
        libro.protection.load("protected");
        const ws = hoja ? libro.worksheets.getItemOrNullObject(hoja) : null;
        ws?.protection.load("protected");
        await context.sync();
        if (libro.readOnly) return "libro-solo-lectura";
        if (ws && !ws.isNullObject && ws.protection.protected) return "hoja-protegida";
        if (libro.protection.protected) return "estructura-protegida";
        return "acceso-denegado";
      });
    } catch {
      /* sin diagnóstico: queda «acceso-denegado» */
    }
    return new ErrorLibro(codigo, mensaje, hoja);
  }

  private hoja(context: Excel.RequestContext, nombre?: string): Excel.Worksheet {
    return nombre ? context.workbook.worksheets.getItem(nombre) : context.workbook.worksheets.getActiveWorksheet();
  }

  async listarHojas(): Promise<InfoHoja[]> {
    return this.correr(undefined, async (context) => {
      const hojas = context.workbook.worksheets;
      hojas.load("items/name,items/visibility,items/protection/protected");
      await context.sync();
      return hojas.items
        .filter((h) => h.visibility === "Visible")
        .map((h) => ({ nombre: h.name, protegida: h.protection.protected }));
    });
  }

  async hojaActiva(): Promise<string> {
    return this.correr(undefined, async (context) => {
      const h = context.workbook.worksheets.getActiveWorksheet();
      h.load("name");
      await context.sync();
      return h.name;
    });
  }

  async leerHoja(nombre?: string): Promise<LecturaHoja> {
    return this.correr(nombre, async (context) => {
      const ws = this.hoja(context, nombre);
      ws.load("name");
      ws.protection.load("protected");
      // valuesOnly: las celdas solo con formato (a veces hasta la fila 1 048 576) no son datos.
      const usado = ws.getUsedRangeOrNullObject(true);
      usado.load("rowIndex,columnIndex,rowCount,columnCount");
      // Dónde hay datos de verdad: un valor suelto al final de la hoja no obliga a leer
      // todas las filas vacías de en medio.
      const constantes = usado.getSpecialCellsOrNullObject("Constants");
      constantes.load("address");
      const conFormulas = usado.getSpecialCellsOrNullObject("Formulas");
      conFormulas.load("address");
      const visibles = usado.getSpecialCellsOrNullObject("Visible");
      visibles.load("address");
      // ExcelApi 1.13: en un Excel más viejo la lectura sigue, sin combinaciones.
      const combinadas = this.combinaciones ? usado.getMergedAreasOrNullObject() : null;
      combinadas?.load("address");
      await context.sync(); // 1: metadatos

      const protegida = ws.protection.protected;
      if (usado.isNullObject) {
        return { datos: { nombre: ws.name, valores: [], formulas: [], formatosNumero: [], combinaciones: [], filasOcultas: [] }, protegida, filas: 0, columnas: 0, filasConDatos: 0 };
      }
      // Todo se normaliza a A1: el rango usado puede empezar en C5. Las matrices son
      // dispersas: solo existen las filas de las bandas leídas.
      const filas = usado.rowIndex + usado.rowCount;
      const columnas = usado.columnIndex + usado.columnCount;
      const valores: ValorCelda[][] = [];
      const formulas: (string | null)[][] = [];
      const formatos: (string | null)[][] = [];
      const areasDatos = [
        ...(constantes.isNullObject ? [] : leerAreas(constantes.address)),
        ...(conFormulas.isNullObject ? [] : leerAreas(conFormulas.address)),
      ];
      const bandas = bandasDeFilas(areasDatos, HUECO_MAXIMO);
      // Las combinaciones van al núcleo como rangos (una entrada cada una): el núcleo da el
      // valor del ancla a las celdas cubiertas (core/filas.ts), las de Excel como las del .xlsx.
      // No agregan filas por leer: una fila cubierta sin datos propios no tiene nada que leer
      // (el núcleo la ve vacía), y una combinación sobre toda la hoja no obliga a leer un
      // millón de filas.
      const combinaciones: Rango[] = !combinadas || combinadas.isNullObject ? [] : leerAreas(combinadas.address);

      const ancho = usado.columnCount;
      const maxFilas = Math.max(1, Math.floor(CELDAS_POR_LECTURA / ancho));
      let filasPorTrozo = Math.min(maxFilas, Math.max(1, Math.floor(this.celdasPorLectura / ancho)));
      // Tras un rechazo por tamaño, ningún trozo vuelve a pasar del que sí cupo.
      let techo = maxFilas;
      let filasLeidas = 0;
      for (const banda of bandas) {
        let f0 = banda.inicio;
        while (f0 <= banda.fin) {
          const n = Math.min(filasPorTrozo, banda.fin - f0 + 1);
          let bytes: number;
          try {
            this.trozosLeidos.push(n * ancho);
            bytes = await this.leerTrozo(context, ws, f0, n, usado.columnIndex, ancho, { valores, formulas, formatos });
          } catch (e) {
            // Excel rechazó el tamaño de la respuesta: el mismo trozo, partido a la mitad.
            if (!esCargaExcesiva(e) || n === 1) throw e;
            techo = Math.max(1, Math.floor(n / 2));
            filasPorTrozo = techo;
            continue;
          }
          filasLeidas += n;
          f0 += n;
          // El trozo siguiente: las filas que caben en el presupuesto según lo que pesó este.
          const porFila = Math.max(1, bytes / n);
          filasPorTrozo = Math.min(techo, Math.max(1, Math.floor(this.bytesPorRespuesta / porFila)));
        }
      }

      const filasOcultas: number[] = [];
      const vis = new Set<number>();
      if (!visibles.isNullObject) for (const r of leerAreas(visibles.address)) for (let i = r.filaInicio; i <= r.filaFin; i++) if (valores[i]) vis.add(i);
      for (const b of bandas) for (let r = b.inicio; r <= b.fin; r++) if (!vis.has(r)) filasOcultas.push(r);
      const datos: HojaDatos = { nombre: ws.name, valores, formulas, formatosNumero: formatos, combinaciones, filasOcultas };
      return { datos, protegida, filas, columnas, filasConDatos: filasLeidas };
    });
  }

  /**
   * Un trozo de `n` filas desde `f0` (base 0): 2 syncs (1 si no hay fórmulas ni números).
   * Llena las matrices (solo esas filas) y devuelve los bytes que pesó la respuesta.
   */
  private async leerTrozo(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    f0: number,
    n: number,
    c0: number,
    ancho: number,
    m: { valores: ValorCelda[][]; formulas: (string | null)[][]; formatos: (string | null)[][] },
  ): Promise<number> {
    const columnas = c0 + ancho;
    const trozo = ws.getRangeByIndexes(f0, c0, n, ancho);
    trozo.load("formulas");
    const conFormula = trozo.getSpecialCellsOrNullObject("Formulas");
    conFormula.load("address");
    const numeros = trozo.getSpecialCellsOrNullObject("Constants", "Numbers");
    numeros.load("address");
    await context.sync(); // a: contenido
    const contenido = trozo.formulas;
    let bytes = JSON.stringify(contenido).length;

    const cargar: Array<[Excel.RangeAreas, boolean]> = [];
    if (!conFormula.isNullObject) {
      // El texto de las fórmulas ya vino en `trozo.formulas`: solo valores y formatos.
      conFormula.areas.load("items/address,items/values,items/numberFormat");
      cargar.push([conFormula, true]);
    }
    if (!numeros.isNullObject) {
      numeros.areas.load("items/address,items/numberFormat");
      cargar.push([numeros, false]);
    }
    if (cargar.length > 0) await context.sync(); // b: valores calculados y formatos de número

    for (let i = 0; i < n; i++) {
      const fila = f0 + i;
      m.valores[fila] = new Array<ValorCelda>(columnas).fill(null);
      m.formulas[fila] = new Array<string | null>(columnas).fill(null);
      m.formatos[fila] = new Array<string | null>(columnas).fill(null);
      trozo.formulas[i].forEach((v, j) => {
        if (!vacio(v)) m.valores[fila][c0 + j] = v as ValorCelda;
      });
    }
    for (const [areas, sonFormulas] of cargar) {
      for (const area of areas.areas.items) {
        bytes += JSON.stringify(area.numberFormat).length + (sonFormulas ? JSON.stringify(area.values).length : 0);
        const r = leerRango(area.address);
        for (let i = 0; i <= r.filaFin - r.filaInicio; i++) {
          for (let j = 0; j <= r.columnaFin - r.columnaInicio; j++) {
            const fila = r.filaInicio + i;
            const col = r.columnaInicio + j;
            if (sonFormulas) {
              m.formulas[fila][col] = String(trozo.formulas[fila - f0][col - c0]);
              const v = area.values[i][j];
              m.valores[fila][col] = vacio(v) ? null : (v as ValorCelda);
            }
            const fmt = area.numberFormat[i][j];
            m.formatos[fila][col] = fmt === null || fmt === undefined ? null : String(fmt);
          }
        }
      }
    }
    return bytes;
  }

  async seleccionar(hoja: string, posicion: Posicion): Promise<void> {
    const u = indicesDe(posicion);
    await this.correr(hoja, async (context) => {
      const ws = context.workbook.worksheets.getItem(hoja);
      ws.activate();
      ws.getRangeByIndexes(u.fila, u.columna, 1, 1).select();
      await context.sync();
    });
  }

  async leerCeldas(hoja: string, posiciones: ReadonlyArray<Posicion>): Promise<ContenidoCelda[]> {
    const ubicadas = posiciones.map((p) => indicesDe(p));
    const llave = (u: Ubicada): number => u.fila * MAX_COLUMNAS + u.columna;
    const unicas = [...new Map(ubicadas.map((u) => [llave(u), u])).values()];
    return this.correr(hoja, async (context) => {
      const ws = context.workbook.worksheets.getItem(hoja);
      const leidas = new Map<number, ContenidoCelda>();
      for (const lote of lotes(unicas, this.celdasPorLote, Infinity, () => 0)) {
        // Una corrida vertical = un rango n×1: el número de operaciones no crece con las filas.
        const rangos = corridas(lote).map((k) => {
          const r = ws.getRangeByIndexes(k[0].fila, k[0].columna, k.length, 1);
          r.load("values,formulas");
          return { k, r };
        });
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- un sync por trozo o parte acotado en bytes (≈ 5 MB por solicitud en Excel en la web); el número de syncs es fijo por trozo
        await context.sync(); // 1 por trozo
        for (const { k, r } of rangos) {
          k.forEach((u, i) => {
            const f = r.formulas[i][0];
            const v = r.values[i][0];
            // Un TEXTO que empieza con «=» devuelve el mismo texto en `formulas` y en
            // `values`; una fórmula devuelve su resultado en `values`.
            const esFormula = typeof f === "string" && f.startsWith("=") && !(typeof v === "string" && v === f);
            leidas.set(llave(u), { posicion: posicionEn(u), valor: vacio(v) ? null : (v as ValorCelda), formula: esFormula ? f : null });
          });
        }
      }
      return ubicadas.map((u) => leidas.get(llave(u))!);
    });
  }

  /** 1 sync: la hoja no protegida y el libro no de solo lectura, antes de escribir nada. */
  private async exigirSinProteccion(context: Excel.RequestContext, hoja: string): Promise<Excel.Worksheet> {
    const ws = context.workbook.worksheets.getItem(hoja);
    // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- `protection` es un objeto de navegación: se carga su `protected` abajo, sin sync (así lo pide la API)
    const proteccion = ws.protection;
    proteccion.load("protected");
    context.workbook.load("readOnly");
    await context.sync();
    if (context.workbook.readOnly) throw new ErrorLibro("libro-solo-lectura", "El libro es de solo lectura.", hoja);
    if (proteccion.protected) throw new ErrorLibro("hoja-protegida", `La hoja «${hoja}» está protegida.`, hoja);
    return ws;
  }

  /** Pone un tramo en la cola del lote con la API de su clase (no hace sync). */
  private ponerTramo(ws: Excel.Worksheet, t: Tramo): void {
    const r = ws.getRangeByIndexes(t.fila, t.columna, t.contenidos.length, 1);
    if (t.clase === "formula") r.formulas = t.contenidos.map((c) => [c]);
    else if (t.clase === "valor") r.values = t.contenidos.map((c) => [c]);
    else if (this.textoComoJson) {
      // ExcelApi 1.16: un valor tipado «String» nunca se interpreta (ni fórmula ni fecha).
      r.valuesAsJson = t.contenidos.map((c) => [{ type: "String", basicValue: String(c) } as Excel.StringCellValue]);
    } else r.values = t.contenidos.map((c) => [textoSeguro(String(c))]);
  }

  /** Escribe celdas ya clasificadas: 1 sync por lote. */
  private async escribirCeldas(context: Excel.RequestContext, ws: Excel.Worksheet, celdas: ReadonlyArray<PorEscribir>): Promise<void> {
    for (const lote of lotesDeTramos(celdas, this.celdasPorLote, BYTES_POR_SOLICITUD)) {
      for (const t of lote) this.ponerTramo(ws, t);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- un sync por lote acotado en celdas y bytes (≈ 5 MB por solicitud en Excel en la web)
      await context.sync();
    }
  }

  async escribir(hoja: string, celdas: ReadonlyArray<EscrituraCelda>): Promise<void> {
    // Una celda escrita dos veces: vale la última escritura.
    const unicas = unaPorCelda(celdas, (e) => e.posicion, (u, e) => porEscribir(u.fila, u.columna, e.formula, e.valor));
    await this.correr(hoja, async (context) => {
      const ws = await this.exigirSinProteccion(context, hoja); // 1
      await this.escribirCeldas(context, ws, unicas); // 1 por lote
    });
  }

  async marcar(hoja: string, marcas: ReadonlyArray<Marca>): Promise<EstadoMarca[]> {
    const unicas = unaPorCelda(marcas, (m) => m.posicion, (u, m) => ({ ...u, m }));
    return this.correr(hoja, async (context) => {
      const ws = await this.exigirSinProteccion(context, hoja);
      const previos: EstadoMarca[] = [];
      try {
        for (const lote of lotes(unicas, this.marcasPorLote, Infinity, () => 0)) {
          // Rellenos: una corrida = un rango n×1 (getCellProperties, ExcelApi 1.9). Las notas
          // no tienen API por rango: una por celda.
          const leidas = corridas(lote).map((k) => {
            const r = ws.getRangeByIndexes(k[0].fila, k[0].columna, k.length, 1);
            const props = r.getCellProperties({ format: { fill: { color: true, pattern: true } } });
            const notas = k.map((u) => {
              // Las notas se piden por dirección A1 (la API no tiene otra forma).
              const n = this.notas ? ws.notes.getItemOrNullObject(a1(u.fila, u.columna)) : null;
              n?.load("content");
              return n;
            });
            return { k, r, props, notas };
          });
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- 2 syncs por trozo de marcasPorLote celdas: leer cómo estaban y luego marcar
          await context.sync(); // a: cómo estaban
          for (const { k, r, props, notas } of leidas) {
            k.forEach((u, i) => {
              const fill = props.value[i]?.[0]?.format?.fill;
              const sinRelleno = !fill || fill.pattern === "None" || !fill.color;
              const nota = notas[i];
              previos.push({ posicion: posicionEn(u), relleno: sinRelleno ? null : fill.color!, nota: nota && !nota.isNullObject ? nota.content : null });
              if (this.notas) {
                if (nota && !nota.isNullObject) nota.content = u.m.nota;
                else ws.notes.add(a1(u.fila, u.columna), u.m.nota);
              }
            });
            r.setCellProperties(k.map((u) => [{ format: { fill: { color: u.m.color } } }]));
          }
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- ver arriba
          await context.sync(); // b: marcas puestas
        }
      } catch (e) {
        // Lo que ya se leyó (y quizá se marcó) vuelve con el error: quien marca guarda el
        // registro y «Quitar marcas» puede devolver todo.
        throw new ErrorMarcado(e, previos);
      }
      return previos;
    });
  }

  async restaurarMarcas(hoja: string, previos: ReadonlyArray<EstadoMarca>): Promise<void> {
    const unicas = unaPorCelda(previos, (p) => p.posicion, (u, p) => ({ ...u, p }));
    await this.correr(hoja, async (context) => {
      const ws = await this.exigirSinProteccion(context, hoja);
      for (const lote of lotes(unicas, this.marcasPorLote, Infinity, () => 0)) {
        const notas = lote.map((u) => {
          if (!this.notas) return null;
          const n = ws.notes.getItemOrNullObject(a1(u.fila, u.columna));
          n.load("content");
          return n;
        });
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- un sync por trozo o parte acotado en bytes (≈ 5 MB por solicitud en Excel en la web); el número de syncs es fijo por trozo
        await context.sync(); // a: qué notas existen ahora
        for (const k of corridas(lote)) {
          const r = ws.getRangeByIndexes(k[0].fila, k[0].columna, k.length, 1);
          // Primero se limpia la corrida (si alguna celda no tenía relleno) y luego se ponen
          // los rellenos propios; `{}` deja la celda como está.
          if (k.some((u) => u.p.relleno === null)) r.format.fill.clear();
          if (k.some((u) => u.p.relleno !== null)) {
            r.setCellProperties(k.map((u) => [u.p.relleno === null ? {} : { format: { fill: { color: u.p.relleno } } }]));
          }
        }
        lote.forEach((u, i) => {
          const n = notas[i];
          if (!n) return;
          if (u.p.nota === null) {
            if (!n.isNullObject) n.delete();
          } else if (n.isNullObject) ws.notes.add(a1(u.fila, u.columna), u.p.nota);
          else n.content = u.p.nota;
        });
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- un sync por trozo o parte acotado en bytes (≈ 5 MB por solicitud en Excel en la web); el número de syncs es fijo por trozo
        await context.sync(); // b
      }
    });
  }

  /** 1 sync: un nombre de hoja libre; falla claro si el libro no admite hojas nuevas. */
  private async nombreLibre(context: Excel.RequestContext, base: string): Promise<string> {
    const hojas = context.workbook.worksheets;
    hojas.load("items/name");
    context.workbook.load("readOnly");
    context.workbook.protection.load("protected");
    await context.sync();
    if (context.workbook.readOnly) throw new ErrorLibro("libro-solo-lectura", "El libro es de solo lectura.");
    if (context.workbook.protection.protected) throw new ErrorLibro("estructura-protegida", "La estructura del libro está protegida.");
    const usados = new Set(hojas.items.map((h) => h.name.toLowerCase()));
    const limpio = (base.replace(/[\\/?*[\]:]/g, " ").trim() || "Hoja").slice(0, 31);
    let nombre = limpio;
    for (let i = 2; usados.has(nombre.toLowerCase()); i++) {
      const sufijo = ` (${i})`;
      nombre = limpio.slice(0, 31 - sufijo.length) + sufijo;
    }
    return nombre;
  }

  async insertarPlantilla(p: PlantillaHoja): Promise<string> {
    return this.correr(undefined, async (context) => {
      const nombre = await this.nombreLibre(context, p.nombre); // 1
      const ws = context.workbook.worksheets.add(nombre);
      for (const c of p.celdas) {
        const r = ws.getRange(c.celda);
        if (c.formula) r.formulas = [[c.formula]];
        else r.values = [[aExcel(c.valor)]];
        if (c.negrita) r.format.font.bold = true;
      }
      for (const m of p.combinaciones ?? []) ws.getRange(m).merge(false);
      for (const a of p.anchos ?? []) ws.getRange(`${a.columna}:${a.columna}`).format.columnWidth = Math.round(a.ancho * 7);
      for (const f of p.formatosNumero ?? []) {
        const r = leerRango(f.rango);
        const n = r.filaFin - r.filaInicio + 1;
        const m = r.columnaFin - r.columnaInicio + 1;
        ws.getRange(f.rango).numberFormat = Array.from({ length: n }, () => new Array<string>(m).fill(f.formato));
      }
      for (const f of p.rellenos ?? []) ws.getRange(f.rango).format.fill.color = f.color;
      for (const a of p.ajustes ?? []) {
        const r = ws.getRange(a.rango);
        r.format.wrapText = true;
        r.format.rowHeight = a.alto;
        r.format.verticalAlignment = "Center";
      }
      for (const l of p.listas ?? []) {
        ws.getRange(l.rango).dataValidation.rule = { list: { inCellDropDown: true, source: l.opciones.join(",") } };
      }
      for (const c of p.condicionales ?? []) {
        const rango = ws.getRange(c.rango);
        if (c.texto !== undefined) {
          const cf = rango.conditionalFormats.add("ContainsText");
          cf.textComparison.format.fill.color = c.relleno;
          if (c.colorFuente) cf.textComparison.format.font.color = c.colorFuente;
          cf.textComparison.rule = { operator: "Contains", text: c.texto };
        } else if (c.formula) {
          const cf = rango.conditionalFormats.add("Custom");
          cf.custom.rule.formula = c.formula;
          cf.custom.format.fill.color = c.relleno;
          if (c.colorFuente) cf.custom.format.font.color = c.colorFuente;
        }
      }
      if (p.congelarFilas) ws.freezePanes.freezeRows(p.congelarFilas);
      ws.activate();
      await context.sync(); // 2
      return nombre;
    });
  }

  async insertarGrafico(g: GraficoResumen): Promise<string> {
    return this.correr(g.hoja, async (context) => {
      // Nunca borra una hoja existente (podría ser del usuario): «Resumen PAT (2)»…
      const nombre = await this.nombreLibre(context, g.hoja); // 1
      const ws = context.workbook.worksheets.add(nombre);
      const filas = [g.encabezados as (string | number)[], ...g.filas.map((f) => [...f])];
      const rango = ws.getRangeByIndexes(0, 0, filas.length, g.encabezados.length);
      rango.values = filas;
      ws.getRangeByIndexes(0, 0, 1, g.encabezados.length).format.font.bold = true;
      const grafico = ws.charts.add("BarClustered", rango, "Auto");
      grafico.title.text = g.titulo;
      grafico.setPosition(a1(0, g.encabezados.length + 1));
      ws.activate();
      await context.sync(); // 2
      return nombre;
    });
  }

  async insertarTabla(tabla: TablaHoja): Promise<string> {
    return this.correr(undefined, async (context) => {
      const nombre = await this.nombreLibre(context, tabla.hoja); // 1
      const ws = context.workbook.worksheets.add(nombre);
      const celdas: PorEscribir[] = [];
      tabla.encabezados.forEach((e, j) => celdas.push(porEscribir(0, j, null, e)));
      tabla.filas.forEach((fila, i) =>
        fila.forEach((c, j) => {
          if (c !== null && typeof c === "object" && !(c instanceof Date)) celdas.push(porEscribir(i + 1, j, formulaVinculo(c.vinculo, c.texto), null));
          else celdas.push(porEscribir(i + 1, j, null, c));
        }),
      );
      ws.getRangeByIndexes(0, 0, 1, tabla.encabezados.length).format.font.bold = true;
      (tabla.anchos ?? []).forEach((a, j) => (ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = Math.round(a * 7)));
      ws.freezePanes.freezeRows(1);
      await this.escribirCeldas(context, ws, celdas); // 1 por lote
      ws.activate();
      await context.sync();
      return nombre;
    });
  }

  /**
   * Un registro en una o más partes XML (`aPartesXml`, ≤ BYTES_POR_PARTE cada una): 1 sync
   * para listar las partes anteriores + 1 por parte nueva (la primera borra las anteriores).
   */
  async guardarRegistro(clave: string, datos: unknown): Promise<void> {
    const nuevas = datos === null || datos === undefined ? [] : aPartesXml(clave, datos);
    await this.correr(undefined, async (context) => {
      const partes = context.workbook.customXmlParts.getByNamespace(espacioDe(clave));
      partes.load("items/id");
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- «items/id» se cargó arriba; la regla no reconoce la ruta de una colección
      for (const p of partes.items) p.delete();
      if (nuevas.length === 0) await context.sync();
      for (const xml of nuevas) {
        context.workbook.customXmlParts.add(xml);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- un sync por trozo o parte acotado en bytes (≈ 5 MB por solicitud en Excel en la web); el número de syncs es fijo por trozo
        await context.sync(); // 1 por parte
      }
    });
  }

  /** 1 sync para listar + 1 por parte. Partes que no cierran (falta una, otro formato): null. */
  async leerRegistro<T = unknown>(clave: string): Promise<T | null> {
    return this.correr(undefined, async (context) => {
      const partes = context.workbook.customXmlParts.getByNamespace(espacioDe(clave));
      partes.load("items/id");
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- «items/id» se cargó arriba; la regla no reconoce la ruta de una colección
      if (partes.items.length === 0) return null;
      const xmls: string[] = [];
      // eslint-disable-next-line office-addins/load-object-before-read -- «items/id» se cargó arriba (ver el comentario anterior)
      for (const p of partes.items) {
        const xml = p.getXml();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- un sync por trozo o parte acotado en bytes (≈ 5 MB por solicitud en Excel en la web); el número de syncs es fijo por trozo
        await context.sync(); // 1 por parte
        // eslint-disable-next-line office-addins/load-object-before-read -- `getXml()` devuelve un ClientResult: no se carga, basta el sync
        xmls.push(xml.value);
      }
      return dePartesXml<T>(xmls);
    });
  }

  /** `worksheets.onChanged` (ExcelApi 1.9): cualquier cambio de contenido en el libro. */
  async alCambiarContenido(escucha: () => void): Promise<() => void> {
    const resultado = await this.correr(undefined, async (context) => {
      const r = context.workbook.worksheets.onChanged.add(async (ev) => {
        // Lo que escribió este mismo complemento no deja vieja la lista (el panel ya la
        // recalculó): `triggerSource` (ExcelApi 1.14) lo dice; en un Excel anterior, los
        // eventos que llegan poco después de una corrida propia se toman como propios.
        const origen = (ev as { triggerSource?: string }).triggerSource;
        if (origen === "ThisLocalAddin") return;
        if (origen === undefined && Date.now() - this.finUltimaCorrida < ECO_PROPIO_MS) return;
        escucha();
      });
      await context.sync();
      return r;
    });
    return () => {
      void this.ejecutar(async (context) => {
        resultado.remove();
        await context.sync();
      }, { contexto: resultado.context }).catch(() => undefined);
    };
  }

  async alCambiarHoja(escucha: (hoja: string) => void): Promise<() => void> {
    const resultado = await this.correr(undefined, async (context) => {
      const r = context.workbook.worksheets.onActivated.add(async (ev) => {
        // Un rechazo aquí no tiene quién lo atrape (lo llama Office): se ignora; la
        // próxima activación vuelve a intentarlo.
        try {
          // Sin esperar la edición de celda: un evento no debe quedarse colgado.
          const nombre = await this.ejecutar(async (context) => {
            const h = context.workbook.worksheets.getItem(ev.worksheetId);
            h.load("name");
            await context.sync();
            return h.name;
          }, { delayForCellEdit: false });
          escucha(nombre);
        } catch {
          /* hoja borrada entre el evento y la lectura, o celda en edición */
        }
      });
      await context.sync();
      return r;
    });
    return () => {
      void this.ejecutar(async (context) => {
        resultado.remove();
        await context.sync();
      }, { contexto: resultado.context }).catch(() => undefined);
    };
  }
}
