/**
 * Una hoja de trabajo (`sheetN.xml`) en flujo SAX → `HojaDatos` con matrices DISPERSAS:
 * solo existen las filas y celdas que están en el archivo, así que la memoria va con lo
 * que hay y nunca con las dimensiones declaradas ni con el rectángulo que abarcan (una
 * celda en XFD1 y otra en A1048576 son dos celdas). Los límites de la rejilla, del texto
 * de una celda y del número de celdas se comprueban celda por celda.
 */
import type { HojaDatos, RangoCeldas, ValorCelda } from "../core/tipos";
import type { Estilos } from "./estilos";
import { desplazarFormula } from "./formulas";
import { ErrorPaquete, LIMITES } from "./limites";
import type { Atributos } from "./xml";
import { recorrerXml } from "./xml";
import type { ArchivoZip } from "./zip";

/** Lo que el lector sabe de una hoja además de `HojaDatos`. */
export interface ExtrasLectura {
  /** Columnas (base 0) ocultas. */
  readonly columnasOcultas?: ReadonlyArray<number>;
  /** Protección de la hoja (`<sheetProtection sheet="1">`). */
  readonly protegida?: boolean;
}

export type HojaLeida = HojaDatos & ExtrasLectura;

/** Contador de celdas del libro entero (el límite es por libro). */
export interface Cuenta {
  celdas: number;
}

/** «AB12» → [fila1, col1]; `null` si no es una referencia. */
export function leerRef(ref: string): [number, number] | null {
  let i = 0;
  let col = 0;
  const n = ref.length;
  while (i < n) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    i++;
    if (i > 4) return null;
  }
  if (i === 0 || i === n) return null;
  let fila = 0;
  for (; i < n; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    fila = fila * 10 + d;
    if (fila > 1e9) return null;
  }
  return [fila, col];
}

function fuera(fila: number, col: number, donde: string): never {
  throw new ErrorPaquete("fuera-rejilla", `${donde} fila ${fila} columna ${col}`);
}

function excelAFecha(v: number, fecha1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (fecha1904 ? 1462 : 0)) * 86400000));
}

function poner<T>(m: T[][], f0: number, c0: number, v: T): void {
  (m[f0] ??= [])[c0] = v;
}

/** Borra, dentro de cada combinación, las celdas que no son la primera (Excel no las muestra). */
function vaciarCubiertas(valores: ValorCelda[][], formulas: (string | null)[][], combinaciones: RangoCeldas[]): void {
  for (const r of combinaciones) {
    const filas = r.filaFin - r.filaInicio + 1;
    const cols = r.columnaFin - r.columnaInicio + 1;
    const recorrerFilas = (fn: (f: number) => void): void => {
      if (filas <= 64) for (let f = r.filaInicio; f <= r.filaFin; f++) fn(f);
      else for (const k in valores) { const f = Number(k); if (f >= r.filaInicio && f <= r.filaFin) fn(f); }
    };
    recorrerFilas((f) => {
      const fila = valores[f];
      if (!fila) return;
      const limpiar = (c: number): void => {
        if (f === r.filaInicio && c === r.columnaInicio) return;
        if (fila[c] !== undefined) delete fila[c];
        const ff = formulas[f];
        if (ff && ff[c] !== undefined) delete ff[c];
      };
      if (cols <= 64) for (let c = r.columnaInicio; c <= r.columnaFin; c++) limpiar(c);
      else for (const k in fila) { const c = Number(k); if (c >= r.columnaInicio && c <= r.columnaFin) limpiar(c); }
    });
  }
}

/** Lee la hoja `ruta` del ZIP. */
export function leerHoja(zip: ArchivoZip, ruta: string, nombre: string, textos: ReadonlyArray<string>, estilos: Estilos, fecha1904: boolean, cuenta: Cuenta): HojaLeida {
  const valores: ValorCelda[][] = [];
  const formulas: (string | null)[][] = [];
  const formatos: (string | null)[][] = [];
  const combinaciones: RangoCeldas[] = [];
  const filasOcultas: number[] = [];
  const columnasOcultas: number[] = [];
  let protegida = false;
  let hayFormulas = false;
  let hayFormatos = false;

  // Estado de la fila y la celda en curso.
  let fila = 0;
  let col = 0;
  let tipo = "n";
  let estilo = 0;
  // El texto de un `<v>`, `<f>` o `<t>` casi siempre llega en un solo evento: se junta en
  // un texto (sin un arreglo por celda, que era basura para el recolector).
  let texto = "";
  let capturar = false;
  let enIs = false;
  let fonetica = 0;
  let v: string | null = null;
  let inline: string | null = null;
  let f: string | null = null;
  let fAtr: Atributos | null = null;
  const maestras = new Map<string, { formula: string; fila: number; col: number }>();

  const empezarTexto = (): void => {
    texto = "";
    capturar = true;
  };
  const terminarTexto = (): string => {
    capturar = false;
    return texto;
  };

  const cerrarCelda = (): void => {
    const f0 = fila - 1;
    const c0 = col - 1;
    let formula: string | null = null;
    if (fAtr) {
      const si = fAtr.si;
      if (fAtr.t === "shared" && si !== undefined) {
        if (f && f.trim() !== "") {
          maestras.set(si, { formula: f, fila, col });
          formula = f;
        } else {
          const m = maestras.get(si);
          if (m) formula = desplazarFormula(m.formula, fila - m.fila, col - m.col);
        }
      } else if (f && f.trim() !== "") formula = f;
    }
    let valor: ValorCelda = null;
    switch (tipo) {
      case "s": {
        if (v !== null && v.trim() !== "") {
          const i = Number(v);
          if (!Number.isInteger(i) || i < 0 || i >= textos.length) throw new ErrorPaquete("danado", `texto compartido ${v} en ${nombre}`);
          valor = textos[i];
        }
        break;
      }
      case "inlineStr":
        valor = inline ?? v;
        break;
      case "str":
        valor = v;
        break;
      case "b":
        valor = v === null ? null : v.trim() === "1" || v.trim().toLowerCase() === "true";
        break;
      case "e":
        valor = v;
        break;
      case "d": {
        if (v !== null) {
          const d = new Date(v);
          valor = Number.isNaN(d.getTime()) ? v : d;
        }
        break;
      }
      default: {
        if (v !== null && v.trim() !== "") {
          const n = Number(v);
          if (!Number.isFinite(n)) throw new ErrorPaquete("danado", `número «${v.slice(0, 20)}» en ${nombre}`);
          valor = estilos.fechas[estilo] ? excelAFecha(n, fecha1904) : n;
        }
      }
    }
    const fmt = estilos.formatos[estilo] ?? null;
    if (valor !== null) poner(valores, f0, c0, valor);
    if (formula !== null) {
      poner(formulas, f0, c0, `=${formula}`);
      hayFormulas = true;
    }
    if (fmt !== null) {
      poner(formatos, f0, c0, fmt);
      hayFormatos = true;
    }
  };

  recorrerXml(zip, ruta, {
    abrir(n, a) {
      switch (n) {
        case "row": {
          const r = a.r !== undefined ? Number(a.r) : fila + 1;
          if (!Number.isInteger(r) || r < 1) throw new ErrorPaquete("danado", `fila «${a.r}» en ${nombre}`);
          if (r > LIMITES.filas) fuera(r, 1, nombre);
          fila = r;
          col = 0;
          if (a.hidden === "1" || a.hidden === "true") filasOcultas.push(r - 1);
          return;
        }
        case "c": {
          if (a.r !== undefined) {
            const p = leerRef(a.r);
            if (!p) throw new ErrorPaquete("danado", `celda «${a.r.slice(0, 20)}» en ${nombre}`);
            if (p[0] > LIMITES.filas || p[1] > LIMITES.columnas) fuera(p[0], p[1], nombre);
            // La fila de la celda manda (algunos programas no numeran las filas).
            fila = p[0];
            col = p[1];
          } else {
            col++;
            if (col > LIMITES.columnas) fuera(fila, col, nombre);
          }
          if (++cuenta.celdas > LIMITES.celdas) throw new ErrorPaquete("muchas-celdas", String(LIMITES.celdas));
          tipo = a.t ?? "n";
          estilo = a.s !== undefined ? Number(a.s) : 0;
          v = null;
          inline = null;
          f = null;
          fAtr = null;
          return;
        }
        case "v":
          empezarTexto();
          return;
        case "f":
          fAtr = a;
          empezarTexto();
          return;
        case "is":
          enIs = true;
          inline = "";
          return;
        case "t":
          if (enIs && fonetica === 0) empezarTexto();
          return;
        case "rPh":
          fonetica++;
          return;
        case "mergeCell": {
          const [p, q] = (a.ref ?? "").split(":");
          const x = leerRef(p ?? "");
          const y = leerRef(q ?? p ?? "");
          if (!x || !y) throw new ErrorPaquete("danado", `combinación «${(a.ref ?? "").slice(0, 20)}» en ${nombre}`);
          for (const [rf, rc] of [x, y]) if (rf > LIMITES.filas || rc > LIMITES.columnas || rf < 1) fuera(rf, rc, nombre);
          combinaciones.push({
            filaInicio: Math.min(x[0], y[0]) - 1,
            columnaInicio: Math.min(x[1], y[1]) - 1,
            filaFin: Math.max(x[0], y[0]) - 1,
            columnaFin: Math.max(x[1], y[1]) - 1,
          });
          return;
        }
        case "col": {
          if (a.hidden === "1" || a.hidden === "true") {
            const min = Number(a.min);
            const max = Math.min(Number(a.max), LIMITES.columnas);
            // Una sola entrada puede cubrir 16 384 columnas: se guardan hasta 1 000.
            for (let c = min; c <= max && c - min < 1000; c++) columnasOcultas.push(c - 1);
          }
          return;
        }
        case "sheetProtection":
          protegida = a.sheet === "1" || a.sheet === "true";
          return;
      }
    },
    texto(t) {
      if (!capturar) return;
      if (texto.length + t.length > LIMITES.textoCelda) throw new ErrorPaquete("texto-largo", `${nombre} fila ${fila}`);
      texto = texto.length === 0 ? t : texto + t;
    },
    cerrar(n) {
      switch (n) {
        case "v":
          v = terminarTexto();
          return;
        case "f":
          f = terminarTexto();
          return;
        case "t":
          if (enIs && capturar) inline = (inline ?? "") + terminarTexto();
          return;
        case "rPh":
          fonetica--;
          return;
        case "is":
          enIs = false;
          if (inline !== null && inline.length > LIMITES.textoCelda) throw new ErrorPaquete("texto-largo", `${nombre} fila ${fila}`);
          return;
        case "c":
          cerrarCelda();
          return;
      }
    },
  });
  combinaciones.sort((x, y) => x.filaInicio - y.filaInicio || x.columnaInicio - y.columnaInicio);
  if (combinaciones.length) vaciarCubiertas(valores, formulas, combinaciones);
  return {
    nombre,
    valores,
    ...(hayFormulas ? { formulas } : {}),
    ...(hayFormatos ? { formatosNumero: formatos } : {}),
    ...(combinaciones.length ? { combinaciones } : {}),
    ...(filasOcultas.length ? { filasOcultas } : {}),
    ...(columnasOcultas.length ? { columnasOcultas } : {}),
    ...(protegida ? { protegida } : {}),
  };
}
