/**
 * El puerto sobre Office.js. Es el ÚNICO código del proyecto que llama a `Excel.run`.
 *
 * E/S por lotes: cada operación hace un número fijo de `context.sync()`, sea cual sea el
 * número de filas:
 * - leer una hoja: 1 sync de metadatos (rango usado, protección, combinaciones, filas
 *   visibles) + 2 por trozo de hasta `celdasPorLectura` celdas (fórmulas; luego valores de
 *   las celdas con fórmula y formatos de las numéricas). Los syncs dependen solo del
 *   número de trozos: una hoja que cabe en un trozo (≈ 1 700 filas × 23) hace 3 syncs,
 *   igual que una de 10 filas; 10 000 × 23 son 6 trozos (13 syncs).
 * - escribir: 1 sync (protección) + 1 por trozo de `celdasPorLote` celdas o
 *   `BYTES_POR_SOLICITUD` bytes (≈ 5 MB de límite por solicitud en Excel en la web).
 *   Las celdas van en corridas verticales: un rango n×1 por corrida, no uno por celda.
 * - marcar / quitar marcas: 1 + 2 por trozo de `marcasPorLote`; leer celdas: 1 por trozo.
 * - registros: 1 + 1 por parte XML (una sola si cabe en BYTES_POR_PARTE).
 */
import type { HojaDatos, ValorCelda } from "../core/tipos";
import { a1, leerAreas, leerCelda, leerRango, sinHoja, type Rango } from "./direcciones";
import { aPartesXml, dePartesXml, espacioDe } from "./registros";
import {
  ErrorLibro,
  type ContenidoCelda,
  type EscrituraCelda,
  type EstadoMarca,
  type GraficoResumen,
  type InfoHoja,
  type LecturaHoja,
  type Marca,
  type PlantillaHoja,
  type PuertoLibro,
} from "./puerto";

/** Corre un lote contra Excel (por defecto `Excel.run`; las pruebas pasan un simulacro). */
export type Ejecutor = <T>(lote: (ctx: Excel.RequestContext) => Promise<T>, contexto?: unknown) => Promise<T>;

export interface OpcionesOffice {
  /** Celdas por solicitud al escribir (≈ 5 MB de límite de carga en Excel en la web). */
  readonly celdasPorLote?: number;
  /** Marcas por trozo (notas celda por celda). */
  readonly marcasPorLote?: number;
  /** Celdas por trozo al leer una hoja. */
  readonly celdasPorLectura?: number;
  /** Usar notas (ExcelApi 1.18); si no, solo relleno. */
  readonly notas?: boolean;
  /** Leer celdas combinadas (`getMergedAreasOrNullObject`, ExcelApi 1.13); si no, ninguna. */
  readonly combinaciones?: boolean;
}

/**
 * Celdas por solicitud al leer o escribir celdas sueltas: van en corridas verticales (un
 * rango n×1 por corrida), así la carga es de valores, no de operaciones. 10 000 celdas
 * con valores y fórmulas de un llenado ≈ 0.5–1 MB; al escribir además se corta en
 * `BYTES_POR_SOLICITUD` estimados (textos largos).
 */
export const CELDAS_POR_LOTE = 10_000;
/** Bytes estimados por solicitud de escritura (≈ 5 MB de límite en Excel en la web). */
export const BYTES_POR_SOLICITUD = 2_000_000;
/** Marcas por trozo: las notas no tienen API por rango, van celda por celda. */
export const MARCAS_POR_LOTE = 1000;
// Un PAT real ocupa 34–56 bytes por celda en JSON (fórmulas + valores + formatos de las
// áreas especiales): 40 000 celdas ≈ 1.4–2.2 MB por respuesta, holgado bajo el límite de
// ≈ 5 MB de Excel en la web (250 000 celdas serían 8–14 MB y Excel rechaza la solicitud).
export const CELDAS_POR_LECTURA = 40_000;

const ejecutorExcel: Ejecutor = (lote, contexto) =>
  contexto ? Excel.run(contexto as Excel.RequestContext, lote) : Excel.run(lote);

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

/** Bytes aproximados de un contenido dentro del JSON de la solicitud. */
const pesoJson = (v: string | number | boolean): number => (typeof v === "string" ? v.length * 2 + 8 : 24);

/** Un texto que escrito por `formulas` Excel podría tomar por fórmula (o un booleano): se escribe como valor. */
const valorAmbiguo = (v: string | number | boolean): boolean => typeof v === "boolean" || (typeof v === "string" && /^[=+\-@']/.test(v));

const vacio = (v: unknown): boolean => v === "" || v === null || v === undefined;

/** Excel guarda las fechas como número de serie. */
function aExcel(v: ValorCelda | undefined): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  return v;
}

/** Traduce los errores de Office a ErrorLibro cuando se sabe qué pasó. */
function traducirError(e: unknown, hoja?: string): unknown {
  const codigo = (e as { code?: string })?.code;
  if (codigo === "ItemNotFound" && hoja) return new ErrorLibro("hoja-no-existe", `La hoja «${hoja}» no existe.`, hoja);
  if (codigo === "InvalidOperationInCellEditMode") return new ErrorLibro("edicion-celda", (e as Error).message, hoja);
  if (codigo === "AccessDenied") return new ErrorLibro("hoja-protegida", (e as Error).message, hoja);
  return e;
}

export class PuertoOffice implements PuertoLibro {
  private readonly ejecutar: Ejecutor;
  private readonly celdasPorLote: number;
  private readonly celdasPorLectura: number;
  private readonly marcasPorLote: number;
  private readonly notas: boolean;
  private readonly combinaciones: boolean;

  constructor(ejecutar: Ejecutor = ejecutorExcel, opciones: OpcionesOffice = {}) {
    this.ejecutar = ejecutar;
    this.celdasPorLote = opciones.celdasPorLote ?? CELDAS_POR_LOTE;
    this.celdasPorLectura = opciones.celdasPorLectura ?? CELDAS_POR_LECTURA;
    this.marcasPorLote = opciones.marcasPorLote ?? MARCAS_POR_LOTE;
    this.notas = opciones.notas ?? excelApiSoportada("1.18");
    this.combinaciones = opciones.combinaciones ?? excelApiSoportada("1.13");
  }

  private async correr<T>(hoja: string | undefined, lote: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.ejecutar(lote);
    } catch (e) {
      throw traducirError(e, hoja);
    }
  }

  private hoja(ctx: Excel.RequestContext, nombre?: string): Excel.Worksheet {
    return nombre ? ctx.workbook.worksheets.getItem(nombre) : ctx.workbook.worksheets.getActiveWorksheet();
  }

  async listarHojas(): Promise<InfoHoja[]> {
    return this.correr(undefined, async (ctx) => {
      const hojas = ctx.workbook.worksheets;
      hojas.load("items/name,items/visibility,items/protection/protected");
      await ctx.sync();
      return hojas.items
        .filter((h) => h.visibility === "Visible")
        .map((h) => ({ nombre: h.name, protegida: h.protection.protected }));
    });
  }

  async hojaActiva(): Promise<string> {
    return this.correr(undefined, async (ctx) => {
      const h = ctx.workbook.worksheets.getActiveWorksheet();
      h.load("name");
      await ctx.sync();
      return h.name;
    });
  }

  async leerHoja(nombre?: string): Promise<LecturaHoja> {
    return this.correr(nombre, async (ctx) => {
      const ws = this.hoja(ctx, nombre);
      ws.load("name");
      ws.protection.load("protected");
      // valuesOnly: las celdas solo con formato (a veces hasta la fila 1 048 576) no son datos.
      const usado = ws.getUsedRange(true);
      usado.load("rowIndex,columnIndex,rowCount,columnCount");
      const visibles = usado.getSpecialCellsOrNullObject("Visible");
      visibles.load("address");
      // ExcelApi 1.13: en un Excel más viejo la lectura sigue, sin combinaciones.
      const combinadas = this.combinaciones ? usado.getMergedAreasOrNullObject() : null;
      combinadas?.load("address");
      await ctx.sync(); // 1: metadatos

      // Todo se normaliza a A1: el rango usado puede empezar en C5.
      const filas = usado.rowIndex + usado.rowCount;
      const columnas = usado.columnIndex + usado.columnCount;
      const valores: ValorCelda[][] = Array.from({ length: filas }, () => new Array<ValorCelda>(columnas).fill(null));
      const formulas: (string | null)[][] = Array.from({ length: filas }, () => new Array<string | null>(columnas).fill(null));
      const formatos: (string | null)[][] = Array.from({ length: filas }, () => new Array<string | null>(columnas).fill(null));

      const filasPorTrozo = Math.max(1, Math.floor(this.celdasPorLectura / Math.max(1, usado.columnCount)));
      for (let f0 = usado.rowIndex; f0 < filas; f0 += filasPorTrozo) {
        const n = Math.min(filasPorTrozo, filas - f0);
        const trozo = ws.getRangeByIndexes(f0, usado.columnIndex, n, usado.columnCount);
        // `formulas` trae el valor de las constantes y el texto de las fórmulas: no hace
        // falta `values` de todo el rango (la mitad de la carga).
        trozo.load("formulas");
        const conFormula = trozo.getSpecialCellsOrNullObject("Formulas");
        conFormula.load("address");
        const numeros = trozo.getSpecialCellsOrNullObject("Constants", "Numbers");
        numeros.load("address");
        await ctx.sync(); // 2: contenido

        trozo.formulas.forEach((fila, i) =>
          fila.forEach((v, j) => {
            if (!vacio(v)) valores[f0 + i][usado.columnIndex + j] = v as ValorCelda;
          }),
        );
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
        if (cargar.length === 0) continue;
        await ctx.sync(); // 3: valores calculados y formatos de número

        for (const [areas, sonFormulas] of cargar) {
          for (const area of areas.areas.items) {
            const r = leerRango(area.address);
            for (let i = 0; i <= r.filaFin - r.filaInicio; i++) {
              for (let j = 0; j <= r.columnaFin - r.columnaInicio; j++) {
                const fila = r.filaInicio + i;
                const col = r.columnaInicio + j;
                if (sonFormulas) {
                  formulas[fila][col] = String(trozo.formulas[fila - f0][col - usado.columnIndex]);
                  const v = area.values[i][j];
                  valores[fila][col] = vacio(v) ? null : (v as ValorCelda);
                }
                const fmt = area.numberFormat[i][j];
                formatos[fila][col] = fmt === null || fmt === undefined ? null : String(fmt);
              }
            }
          }
        }
      }

      const filasOcultas: number[] = [];
      if (visibles.isNullObject) {
        for (let r = usado.rowIndex; r < filas; r++) filasOcultas.push(r);
      } else {
        const vis = new Set<number>();
        for (const r of leerAreas(visibles.address)) for (let i = r.filaInicio; i <= r.filaFin; i++) vis.add(i);
        for (let r = usado.rowIndex; r < filas; r++) if (!vis.has(r)) filasOcultas.push(r);
      }
      const combinaciones: Rango[] = !combinadas || combinadas.isNullObject ? [] : leerAreas(combinadas.address);
      const datos: HojaDatos = { nombre: ws.name, valores, formulas, formatosNumero: formatos, combinaciones, filasOcultas };
      return { datos, protegida: ws.protection.protected, filas, columnas };
    });
  }

  async seleccionar(hoja: string, celda: string): Promise<void> {
    leerCelda(celda);
    await this.correr(hoja, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(hoja);
      ws.activate();
      ws.getRange(sinHoja(celda)).select();
      await ctx.sync();
    });
  }

  async leerCeldas(hoja: string, celdas: ReadonlyArray<string>): Promise<ContenidoCelda[]> {
    const ubicadas = celdas.map((c) => leerCelda(c));
    const unicas = [...new Map(ubicadas.map((u) => [a1(u.fila, u.columna), u])).values()];
    return this.correr(hoja, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(hoja);
      const leidas = new Map<string, ContenidoCelda>();
      for (const lote of lotes(unicas, this.celdasPorLote, Infinity, () => 0)) {
        // Una corrida vertical = un rango n×1: el número de operaciones no crece con las filas.
        const rangos = corridas(lote).map((k) => {
          const r = ws.getRangeByIndexes(k[0].fila, k[0].columna, k.length, 1);
          r.load("values,formulas");
          return { k, r };
        });
        await ctx.sync(); // 1 por trozo
        for (const { k, r } of rangos) {
          k.forEach((u, i) => {
            const f = r.formulas[i][0];
            const esFormula = typeof f === "string" && f.startsWith("=");
            const v = r.values[i][0];
            const celda = a1(u.fila, u.columna);
            leidas.set(celda, { celda, valor: vacio(v) ? null : (v as ValorCelda), formula: esFormula ? f : null });
          });
        }
      }
      return ubicadas.map((u) => leidas.get(a1(u.fila, u.columna))!);
    });
  }

  private async exigirSinProteccion(ctx: Excel.RequestContext, hoja: string): Promise<Excel.Worksheet> {
    const ws = ctx.workbook.worksheets.getItem(hoja);
    ws.protection.load("protected");
    await ctx.sync();
    if (ws.protection.protected) throw new ErrorLibro("hoja-protegida", `La hoja «${hoja}» está protegida.`, hoja);
    return ws;
  }

  async escribir(hoja: string, celdas: ReadonlyArray<EscrituraCelda>): Promise<void> {
    // Una celda escrita dos veces: vale la última escritura.
    const unicas = [
      ...new Map(
        celdas.map((e) => {
          const u = leerCelda(e.celda);
          const contenido: string | number | boolean = e.formula ? e.formula : aExcel(e.valor);
          return [a1(u.fila, u.columna), { ...u, formula: Boolean(e.formula), contenido }] as const;
        }),
      ).values(),
    ];
    await this.correr(hoja, async (ctx) => {
      const ws = await this.exigirSinProteccion(ctx, hoja); // 1
      for (const lote of lotes(unicas, this.celdasPorLote, BYTES_POR_SOLICITUD, (u) => pesoJson(u.contenido))) {
        for (const k of corridas(lote)) {
          if (!k.some((u) => u.formula)) {
            // Solo valores: `values` del rango n×1, como antes celda por celda.
            ws.getRangeByIndexes(k[0].fila, k[0].columna, k.length, 1).values = k.map((u) => [u.contenido]);
            continue;
          }
          // Fórmulas y valores mezclados: `formulas` acepta también constantes. Un texto que
          // Excel leería como fórmula («=…», «+…», «-…», «@…», «'…») o un booleano va aparte,
          // como valor de su celda (igual que antes).
          let inicio = 0;
          const cerrar = (fin: number) => {
            if (fin > inicio) ws.getRangeByIndexes(k[inicio].fila, k[0].columna, fin - inicio, 1).formulas = k.slice(inicio, fin).map((u) => [u.contenido]);
          };
          k.forEach((u, i) => {
            if (u.formula || !valorAmbiguo(u.contenido)) return;
            cerrar(i);
            ws.getRangeByIndexes(u.fila, u.columna, 1, 1).values = [[u.contenido]];
            inicio = i + 1;
          });
          cerrar(k.length);
        }
        await ctx.sync(); // 1 por trozo
      }
    });
  }

  async marcar(hoja: string, marcas: ReadonlyArray<Marca>): Promise<EstadoMarca[]> {
    const unicas = [
      ...new Map(
        marcas.map((m) => {
          const u = leerCelda(m.celda);
          const celda = a1(u.fila, u.columna);
          return [celda, { ...u, celda, m }] as const;
        }),
      ).values(),
    ];
    return this.correr(hoja, async (ctx) => {
      const ws = await this.exigirSinProteccion(ctx, hoja);
      const previos: EstadoMarca[] = [];
      for (const lote of lotes(unicas, this.marcasPorLote, Infinity, () => 0)) {
        // Rellenos: una corrida = un rango n×1 (getCellProperties, ExcelApi 1.9). Las notas
        // no tienen API por rango: una por celda.
        const leidas = corridas(lote).map((k) => {
          const r = ws.getRangeByIndexes(k[0].fila, k[0].columna, k.length, 1);
          const props = r.getCellProperties({ format: { fill: { color: true, pattern: true } } });
          const notas = k.map((u) => {
            const n = this.notas ? ws.notes.getItemOrNullObject(u.celda) : null;
            n?.load("content");
            return n;
          });
          return { k, r, props, notas };
        });
        await ctx.sync(); // a: cómo estaban
        for (const { k, r, props, notas } of leidas) {
          k.forEach((u, i) => {
            const fill = props.value[i]?.[0]?.format?.fill;
            const sinRelleno = !fill || fill.pattern === "None" || !fill.color;
            const nota = notas[i];
            previos.push({ celda: u.celda, relleno: sinRelleno ? null : fill.color!, nota: nota && !nota.isNullObject ? nota.content : null });
            if (this.notas) {
              if (nota && !nota.isNullObject) nota.content = u.m.nota;
              else ws.notes.add(u.celda, u.m.nota);
            }
          });
          r.setCellProperties(k.map((u) => [{ format: { fill: { color: u.m.color } } }]));
        }
        await ctx.sync(); // b: marcas puestas
      }
      return previos;
    });
  }

  async restaurarMarcas(hoja: string, previos: ReadonlyArray<EstadoMarca>): Promise<void> {
    const unicas = [
      ...new Map(
        previos.map((p) => {
          const u = leerCelda(p.celda);
          const celda = a1(u.fila, u.columna);
          return [celda, { ...u, celda, p }] as const;
        }),
      ).values(),
    ];
    await this.correr(hoja, async (ctx) => {
      const ws = await this.exigirSinProteccion(ctx, hoja);
      for (const lote of lotes(unicas, this.marcasPorLote, Infinity, () => 0)) {
        const notas = lote.map((u) => {
          if (!this.notas) return null;
          const n = ws.notes.getItemOrNullObject(u.celda);
          n.load("content");
          return n;
        });
        await ctx.sync(); // a: qué notas existen ahora
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
          } else if (n.isNullObject) ws.notes.add(u.celda, u.p.nota);
          else n.content = u.p.nota;
        });
        await ctx.sync(); // b
      }
    });
  }

  private async nombreLibre(ctx: Excel.RequestContext, base: string): Promise<string> {
    const hojas = ctx.workbook.worksheets;
    hojas.load("items/name");
    await ctx.sync();
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
    return this.correr(undefined, async (ctx) => {
      const nombre = await this.nombreLibre(ctx, p.nombre); // 1
      const ws = ctx.workbook.worksheets.add(nombre);
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
      await ctx.sync(); // 2
      return nombre;
    });
  }

  async insertarGrafico(g: GraficoResumen): Promise<string> {
    return this.correr(g.hoja, async (ctx) => {
      // Nunca borra una hoja existente (podría ser del usuario): «Resumen PAT (2)»…
      const nombre = await this.nombreLibre(ctx, g.hoja); // 1
      const ws = ctx.workbook.worksheets.add(nombre);
      const filas = [g.encabezados as (string | number)[], ...g.filas.map((f) => [...f])];
      const rango = ws.getRangeByIndexes(0, 0, filas.length, g.encabezados.length);
      rango.values = filas;
      ws.getRangeByIndexes(0, 0, 1, g.encabezados.length).format.font.bold = true;
      const grafico = ws.charts.add("BarClustered", rango, "Auto");
      grafico.title.text = g.titulo;
      grafico.setPosition(a1(0, g.encabezados.length + 1));
      ws.activate();
      await ctx.sync(); // 2
      return nombre;
    });
  }

  /**
   * Un registro en una o más partes XML (`aPartesXml`, ≤ BYTES_POR_PARTE cada una): 1 sync
   * para listar las partes anteriores + 1 por parte nueva (la primera borra las anteriores).
   */
  async guardarRegistro(clave: string, datos: unknown): Promise<void> {
    const nuevas = datos === null || datos === undefined ? [] : aPartesXml(clave, datos);
    await this.correr(undefined, async (ctx) => {
      const partes = ctx.workbook.customXmlParts.getByNamespace(espacioDe(clave));
      partes.load("items/id");
      await ctx.sync();
      for (const p of partes.items) p.delete();
      if (nuevas.length === 0) await ctx.sync();
      for (const xml of nuevas) {
        ctx.workbook.customXmlParts.add(xml);
        await ctx.sync(); // 1 por parte
      }
    });
  }

  /** 1 sync para listar + 1 por parte. Partes que no cierran (falta una, otro formato): null. */
  async leerRegistro<T = unknown>(clave: string): Promise<T | null> {
    return this.correr(undefined, async (ctx) => {
      const partes = ctx.workbook.customXmlParts.getByNamespace(espacioDe(clave));
      partes.load("items/id");
      await ctx.sync();
      if (partes.items.length === 0) return null;
      const xmls: string[] = [];
      for (const p of partes.items) {
        const xml = p.getXml();
        await ctx.sync(); // 1 por parte
        xmls.push(xml.value);
      }
      return dePartesXml<T>(xmls);
    });
  }

  async alCambiarHoja(escucha: (hoja: string) => void): Promise<() => void> {
    const resultado = await this.correr(undefined, async (ctx) => {
      const r = ctx.workbook.worksheets.onActivated.add(async (ev) => {
        // Un rechazo aquí no tiene quién lo atrape (lo llama Office): se ignora; la
        // próxima activación vuelve a intentarlo.
        try {
          const nombre = await this.ejecutar(async (c2) => {
            const h = c2.workbook.worksheets.getItem(ev.worksheetId);
            h.load("name");
            await c2.sync();
            return h.name;
          });
          escucha(nombre);
        } catch {
          /* hoja borrada entre el evento y la lectura, o celda en edición */
        }
      });
      await ctx.sync();
      return r;
    });
    return () => {
      void this.ejecutar(async (ctx) => {
        resultado.remove();
        await ctx.sync();
      }, resultado.context).catch(() => undefined);
    };
  }
}
