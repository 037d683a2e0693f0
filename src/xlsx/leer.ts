/**
 * Lector completo: bytes de un .xlsx → libro de exceljs + una `HojaDatos` por hoja.
 * Funciona en Node y en el navegador (recibe `ArrayBuffer`/`Uint8Array`, sin `fs`).
 * Conserva el libro de exceljs para escribir después los cambios del llenado.
 */
import ExcelJS from "exceljs";
import type { HojaDatos, RangoCeldas, Resultado, ValorCelda } from "../core/tipos";
import { Acumulador, decodificarDireccion, textoFormula, valorSimple } from "./celdas";
import { diagnosticarArchivo, problema, type ProblemaArchivo } from "./diagnostico";

export interface LibroLeido {
  /** El libro de exceljs, para escribir cambios y guardarlo. */
  readonly libro: ExcelJS.Workbook;
  /** Las hojas de trabajo en su orden, como matrices desde A1. */
  readonly hojas: ReadonlyArray<HojaDatos>;
}

/** Resultado de lectura: el error lleva la `clase` del problema del archivo. */
export type ResultadoLectura = Resultado<LibroLeido> & ({ ok: true } | { ok: false; error: ProblemaArchivo });

// Tipo mínimo de las celdas y filas de exceljs que usamos (evita depender de internos).
interface CeldaX {
  readonly value: unknown;
  readonly type: number;
  readonly numFmt?: string;
  readonly formula?: string;
  readonly result?: unknown;
  readonly isMerged?: boolean;
  readonly master?: { readonly address: string };
  readonly address: string;
}

const TIPO_MERGE = 1; // ExcelJS.ValueType.Merge

function comoUint8(datos: ArrayBuffer | Uint8Array): Uint8Array {
  return datos instanceof Uint8Array ? datos : new Uint8Array(datos);
}

/** Combinaciones de la hoja en base 0 inclusiva. */
export function combinacionesDe(ws: ExcelJS.Worksheet): RangoCeldas[] {
  const internas = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges;
  const salida: RangoCeldas[] = [];
  if (internas && typeof internas === "object") {
    for (const r of Object.values(internas)) {
      const m = r && r.model;
      if (m) salida.push({ filaInicio: m.top - 1, columnaInicio: m.left - 1, filaFin: m.bottom - 1, columnaFin: m.right - 1 });
    }
  } else {
    for (const texto of (ws.model as { merges?: string[] }).merges ?? []) {
      const [a, b] = texto.split(":");
      const p = decodificarDireccion(a);
      const q = decodificarDireccion(b ?? a);
      if (p && q) salida.push({ filaInicio: p.fila - 1, columnaInicio: p.columna - 1, filaFin: q.fila - 1, columnaFin: q.columna - 1 });
    }
  }
  salida.sort((x, y) => x.filaInicio - y.filaInicio || x.columnaInicio - y.columnaInicio);
  return salida;
}

/**
 * Una hoja de exceljs como `HojaDatos`. Las celdas cubiertas por una combinación (salvo
 * la primera) quedan vacías, como las entrega Excel; las combinaciones van aparte.
 */
export function hojaDesdeHoja(ws: ExcelJS.Worksheet): HojaDatos {
  const acc = new Acumulador();
  const ocultas: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) ocultas.push(r - 1);
    row.eachCell({ includeEmpty: false }, (celda, c) => {
      const cx = celda as unknown as CeldaX;
      if (cx.type === TIPO_MERGE) return;
      const bruto = cx.value;
      let formula: string | null = null;
      if (bruto && typeof bruto === "object" && ("formula" in (bruto as object) || "sharedFormula" in (bruto as object))) {
        let f: string | undefined;
        try {
          f = cx.formula;
        } catch {
          f = undefined;
        }
        formula = textoFormula(bruto, f ?? null);
      }
      // `cell.value` de exceljs omite los resultados «falsos» (0, false, ""): se lee `cell.result`.
      const valor: ValorCelda = formula !== null || (bruto && typeof bruto === "object" && "sharedFormula" in (bruto as object)) ? valorSimple(cx.result) : valorSimple(bruto);
      const fmt = cx.numFmt && cx.numFmt !== "General" ? cx.numFmt : null;
      acc.poner(r - 1, c - 1, valor, formula, fmt);
    });
  });
  const m = acc.cerrar();
  const combinaciones = combinacionesDe(ws);
  return {
    nombre: ws.name,
    valores: m.valores,
    ...(m.formulas ? { formulas: m.formulas } : {}),
    ...(m.formatosNumero ? { formatosNumero: m.formatosNumero } : {}),
    ...(combinaciones.length ? { combinaciones } : {}),
    ...(ocultas.length ? { filasOcultas: ocultas } : {}),
  };
}

/** Primera línea del mensaje de una excepción, sin rutas ni pila. */
function detalleCorto(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0].slice(0, 120);
}

/** Lee un libro .xlsx completo. Nunca lanza: un archivo ilegible da un `Resultado` fallido. */
export async function leerLibro(datos: ArrayBuffer | Uint8Array): Promise<ResultadoLectura> {
  const bytes = comoUint8(datos);
  const diag = diagnosticarArchivo(bytes);
  if (diag) return { ok: false, error: diag };
  const libro = new ExcelJS.Workbook();
  try {
    // exceljs acepta Buffer/ArrayBuffer; en Node un Uint8Array basta.
    await libro.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const d = detalleCorto(e);
    const clase = /end of data|unexpected end|invalid|corrupt|signature|zip/i.test(d) ? "truncado" : "danado";
    return { ok: false, error: problema(clase) };
  }
  try {
    const hojas = libro.worksheets.map((ws) => hojaDesdeHoja(ws));
    return { ok: true, valor: { libro, hojas } };
  } catch {
    return { ok: false, error: problema("danado") };
  }
}
