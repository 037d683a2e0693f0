/**
 * Lector rápido para validar (solo Node): el `WorkbookReader` en flujo de exceljs. No
 * informa combinaciones (no hacen falta para validar: las filas de continuación heredan
 * de celdas vacías igual) ni filas ocultas; `pat llenar` usa el lector completo.
 */
import { Readable } from "node:stream";
import type { HojaDatos, Resultado } from "../core/tipos";
import { Acumulador, letra, textoFormula, valorSimple } from "../xlsx/celdas";
import { diagnosticarArchivo, problema, type ProblemaArchivo } from "../xlsx/diagnostico";

// Fechas de Excel (utilidades de exceljs): el flujo entrega el resultado de una fórmula con
// formato de fecha como número de serie.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const utilsExcel = require("exceljs/lib/utils/utils") as { isDateFmt(fmt: string): boolean; excelToDate(v: number, date1904?: boolean): Date };

// Desplaza una fórmula compartida de su celda maestra a otra celda (utilidad de exceljs).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slideFormula } = require("exceljs/lib/utils/shared-formula") as {
  slideFormula: (formula: string, desde: string, hasta: string) => string;
};

interface CeldaFlujo {
  readonly value: unknown;
  readonly result?: unknown;
  readonly numFmt?: string;
}
interface FilaFlujo {
  readonly number: number;
  eachCell(opts: { includeEmpty: boolean }, fn: (c: CeldaFlujo, col: number) => void): void;
}
interface HojaFlujo extends AsyncIterable<FilaFlujo> {
  readonly id: number | string;
  readonly name: string;
  /** Lotes de eventos por trozo del XML (`{ eventType: "row", value }`, …). */
  parse(): AsyncIterable<ReadonlyArray<{ readonly eventType: string; readonly value: unknown }>>;
}

// Solo el lector en flujo de exceljs (la misma clase que `ExcelJS.stream.xlsx.WorkbookReader`):
// `require("exceljs")` carga además el libro completo, el escritor y CSV (≈ 0.1 s más).
type ClaseLector = new (entrada: Readable | null, opciones: Record<string, string>) => LectorLibro;
let claseLector: ClaseLector | null = null;
function lectorFlujo(): ClaseLector {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  claseLector ??= require("exceljs/lib/stream/xlsx/workbook-reader") as ClaseLector;
  return claseLector;
}

/** Partes del `WorkbookReader` de exceljs 4.x que reparten su `parse()` entrada por entrada. */
interface LectorLibro extends AsyncIterable<unknown> {
  readonly model?: { sheets?: { name: string }[] };
  _parseRels?(flujo: Readable): Promise<void>;
  _parseWorkbook?(flujo: Readable): Promise<void>;
  _parseSharedStrings?(flujo: Readable): AsyncIterable<unknown>;
  _parseStyles?(flujo: Readable): Promise<void>;
  _parseWorksheet?(trozos: AsyncIterable<unknown>, hoja: string): Iterable<{ eventType: string; value: unknown }>;
}
interface EntradaZip {
  readonly path: string;
  stream(): Readable;
}

const OPCIONES_LECTOR = { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" };
// La misma expresión que usa `WorkbookReader.parse` de exceljs para las hojas.
const RUTA_HOJA = /xl\/worksheets\/sheet(\d+)\.xml/;

/**
 * Hojas del libro con el `WorkbookReader` de exceljs. El libro ya está en memoria, así que
 * se abre por el directorio central del ZIP (unzipper, la misma biblioteca que usa exceljs)
 * y se leen primero relaciones, libro, textos compartidos y estilos: el `parse()` en flujo
 * los recibe en el orden del ZIP y, cuando las hojas van antes que sharedStrings.xml (así
 * guardan Excel y exceljs), las copia a un archivo temporal y las vuelve a leer. Cada parte
 * la lee el propio exceljs. Si esta versión de exceljs no tiene esos métodos, se usa el
 * flujo público.
 */
async function* hojasDelLibro(lector: LectorLibro, buf: Buffer): AsyncGenerator<HojaFlujo> {
  const { _parseRels, _parseWorkbook, _parseSharedStrings, _parseStyles, _parseWorksheet } = lector;
  if (!_parseRels || !_parseWorkbook || !_parseSharedStrings || !_parseStyles || !_parseWorksheet) {
    for await (const ws of lector) yield ws as HojaFlujo;
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const unzipper = require("unzipper") as { Open: { buffer(b: Buffer): Promise<{ files: EntradaZip[] }> } };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const trozos = require("exceljs/lib/utils/iterate-stream") as (flujo: Readable) => AsyncIterable<unknown>;
  const directorio = await unzipper.Open.buffer(buf);
  const porRuta = new Map<string, EntradaZip>();
  for (const e of directorio.files) porRuta.set(e.path, e);
  // setEncoding("utf8") decodifica con StringDecoder: una letra acentuada partida entre dos
  // trozos del ZIP llega entera (exceljs convierte cada trozo por separado y la rompería en «�»).
  const texto = (e: EntradaZip): Readable => e.stream().setEncoding("utf8");
  const abrir = (ruta: string): Readable | null => {
    const e = porRuta.get(ruta);
    return e ? texto(e) : null;
  };
  const rels = abrir("xl/_rels/workbook.xml.rels");
  if (rels) await _parseRels.call(lector, rels);
  const libro = abrir("xl/workbook.xml");
  if (libro) await _parseWorkbook.call(lector, libro);
  const textos = abrir("xl/sharedStrings.xml");
  if (textos) for await (const _ of _parseSharedStrings.call(lector, textos)) void _;
  const estilos = abrir("xl/styles.xml");
  if (estilos) await _parseStyles.call(lector, estilos);
  for (const e of directorio.files) {
    const m = RUTA_HOJA.exec(e.path);
    if (!m) continue;
    for (const ev of _parseWorksheet.call(lector, trozos(texto(e)), m[1])) {
      if (ev.eventType === "worksheet") yield ev.value as HojaFlujo;
    }
  }
}

/**
 * Resultado en caché de una fórmula. Limitación conocida del flujo: un resultado lógico
 * (VERDADERO) llega como 1; para validar da igual (ninguna columna PAT es lógica).
 */
function resultadoFormula(resultado: unknown, formato: string | null) {
  if (typeof resultado === "number" && formato && utilsExcel.isDateFmt(formato)) return utilsExcel.excelToDate(resultado, false);
  return valorSimple(resultado);
}

type ResultadoHojas = Resultado<HojaDatos[]> & ({ ok: true } | { ok: false; error: ProblemaArchivo });

/** Lector en flujo de exceljs (`WorkbookReader`): no da combinaciones ni filas ocultas. */
export async function leerHojasEnFlujo(datos: Uint8Array, opciones: { soloHoja?: string | null } = {}): Promise<ResultadoHojas> {
  const diag = diagnosticarArchivo(datos);
  if (diag) return { ok: false, error: diag };
  const hojas: { orden: string; hoja: HojaDatos }[] = [];
  try {
    const buf = Buffer.from(datos.buffer, datos.byteOffset, datos.byteLength);
    const Lector = lectorFlujo();
    const lector = new Lector(Readable.from([buf]), OPCIONES_LECTOR);
    for await (const ws of hojasDelLibro(lector, buf)) {
      const nombre = ws.name;
      if (opciones.soloHoja && nombre !== opciones.soloHoja) {
        // Hay que consumir la hoja para que el flujo avance.
        for await (const _ of ws) void _;
        continue;
      }
      const acc = new Acumulador();
      // Maestra más reciente de fórmula compartida por columna: el flujo no da el `si`
      // de las celdas dependientes, y lo común es una fórmula rellenada hacia abajo.
      const maestras = new Map<number, { formula: string; dir: string }>();
      // Una celda (columna `c`, base 1) de la fila `r`.
      const ponerCelda = (celda: CeldaFlujo, c: number, r: number): void => {
        const bruto = celda.value as unknown;
        const esFormula = bruto !== null && typeof bruto === "object" && "formula" in (bruto as object);
        let formula: string | null = null;
        if (esFormula) {
          const f = (bruto as { formula: string }).formula;
          const dir = `${letra(c)}${r}`;
          if (f) {
            formula = textoFormula(bruto);
            maestras.set(c, { formula: f, dir });
          } else {
            const m = maestras.get(c);
            if (m) {
              try {
                formula = textoFormula({ formula: slideFormula(m.formula, m.dir, dir) });
              } catch {
                formula = null;
              }
            }
          }
        }
        const nf = celda.numFmt;
        const fmt = nf && nf !== "General" ? nf : null;
        // `value` de exceljs pierde los resultados «falsos» (0, false, ""): se lee `result`.
        const valor = esFormula ? resultadoFormula(celda.result, fmt) : valorSimple(bruto);
        acc.poner(r - 1, c - 1, valor, formula, fmt);
      };
      const opcionesCeldas = { includeEmpty: false };
      // Por lotes de eventos (un trozo del XML) y no fila por fila: el iterador de filas de
      // exceljs es un generador asíncrono que cuesta una vuelta de microtareas por fila.
      for await (const eventos of ws.parse()) {
        for (let i = 0; i < eventos.length; i++) {
          const ev = eventos[i];
          if (ev.eventType !== "row") continue;
          const fila = ev.value as FilaFlujo;
          const r = fila.number;
          fila.eachCell(opcionesCeldas, (celda, c) => ponerCelda(celda, c, r));
        }
      }
      const m = acc.cerrar();
      hojas.push({
        orden: String(ws.id),
        hoja: {
          nombre,
          valores: m.valores,
          ...(m.formulas ? { formulas: m.formulas } : {}),
          ...(m.formatosNumero ? { formatosNumero: m.formatosNumero } : {}),
        },
      });
    }
    // Orden del libro (workbook.xml), no el del ZIP.
    const modelo = lector.model;
    const orden = (modelo?.sheets ?? []).map((s) => s.name);
    if (orden.length) hojas.sort((a, b) => orden.indexOf(a.hoja.nombre) - orden.indexOf(b.hoja.nombre));
    return { ok: true, valor: hojas.map((h) => h.hoja) };
  } catch {
    return { ok: false, error: problema("danado") };
  }
}
