/**
 * El parche de UNA hoja (`sheetN.xml`), en flujo: el texto inflado entra en trozos y sale
 * en trozos, fila por fila, sin tener nunca la hoja entera en memoria (200 000 actividades
 * son ≈ 90 MB de XML). Solo cambian los `<c>` de las celdas escritas (cada una con su
 * estilo `s`; las nuevas en orden de columna y de fila); todo lo demás sale tal cual, y
 * todo lo que está fuera de `<sheetData>` pasa sin tocarse.
 *
 * Son dos pasadas por la hoja: la primera (`PrevioHoja`) solo mira las celdas maestras de
 * fórmulas compartidas y si una celda con fórmula pasa a valor (para decidir, ANTES de
 * escribir el libro y `[Content_Types].xml`, que van antes en el ZIP, si se quita
 * `calcChain.xml`); la segunda (`ParcheHoja`) escribe. En una hoja sin fórmulas la primera
 * solo busca «<f» y no corta filas.
 */
import { desplazarFormula, letrasColumna } from "./formulas";
import { leerRef } from "./hoja";
import { ErrorPaquete } from "./limites";

/** Una celda a escribir (interfaz acordada): fila y columna base 1. */
export interface CeldaEscrita {
  readonly fila: number;
  readonly columna: number;
  readonly valor: number | string | boolean | null;
  /** Fórmula con o sin «=»; si está, se escribe la fórmula (sin resultado guardado). */
  readonly formula?: string | null;
}

/** Un cambio rechazado (número no finito, celda fuera de la rejilla, hoja inexistente). */
export class ErrorEscritura extends Error {
  constructor(mensaje: string) {
    super(mensaje);
    this.name = "ErrorEscritura";
  }
}

/** ¿Lleva el texto algo que escapar? (Casi nunca: un número, un estilo, «PENDIENTE».) */
// eslint-disable-next-line no-control-regex
const RE_POR_ESCAPAR = /[&<>\x00-\x08\v\f\x0e-\x1f\ufffe\uffff]/;

export function escaparTexto(s: string): string {
  // Una sola búsqueda en vez de cuatro reemplazos cuando no hay nada que cambiar.
  if (!RE_POR_ESCAPAR.test(s)) return s;
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    // Los caracteres de control no caben en XML 1.0: OOXML los escribe como _xHHHH_.
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\v\f\x0e-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}
export function escaparAtributo(s: string): string {
  const t = escaparTexto(s);
  return t.includes('"') ? t.replace(/"/g, "&quot;") : t;
}

const expresionesAtributo = new Map<string, RegExp>();

/** Atributo `nombre` del texto de una etiqueta de inicio. */
export function atributo(etiqueta: string, nombre: string): string | null {
  // Lo de siempre, « nombre="…"», sin expresión regular: se pide por cada celda de cada fila que cambia.
  const i = etiqueta.indexOf(` ${nombre}="`);
  if (i >= 0) {
    const desde = i + nombre.length + 3;
    const fin = etiqueta.indexOf('"', desde);
    if (fin >= 0) return etiqueta.slice(desde, fin);
  }
  let re = expresionesAtributo.get(nombre);
  if (!re) expresionesAtributo.set(nombre, (re = new RegExp(`\\s${nombre}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(etiqueta);
  return m ? (m[1] ?? m[2]) : null;
}

/** El `<c>` nuevo de una celda; conserva el estilo `s` de la que había. */
function celdaXml(p: string, ref: string, estilo: string | null, c: CeldaEscrita): string {
  const s = estilo !== null ? ` s="${escaparAtributo(estilo)}"` : "";
  const formula = typeof c.formula === "string" && c.formula.trim() !== "" ? c.formula.replace(/^=/, "") : null;
  if (formula !== null) return `<${p}c r="${ref}"${s}><${p}f>${escaparTexto(formula)}</${p}f></${p}c>`;
  const v = c.valor;
  if (v === null || v === undefined) return `<${p}c r="${ref}"${s}/>`;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new ErrorEscritura(`La celda ${ref} recibiría un número no finito (${v}): no se escribe nada.`);
    return `<${p}c r="${ref}"${s}><${p}v>${String(v)}</${p}v></${p}c>`;
  }
  if (typeof v === "boolean") return `<${p}c r="${ref}"${s} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  const espacio = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : "";
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${espacio}>${escaparTexto(v)}</${p}t></${p}is></${p}c>`;
}

export interface Maestra {
  readonly formula: string;
  readonly fila: number;
  readonly columna: number;
}

/** Celdas maestras de fórmulas compartidas de la hoja (`<f t="shared" si ref>texto</f>`). */
function maestrasDe(xml: string, p: string): Map<string, Maestra> {
  const salida = new Map<string, Maestra>();
  if (!xml.includes('t="shared"')) return salida;
  const re = new RegExp(`<${p}c\\b([^>]*)>(?:(?!</${p}c>)[\\s\\S])*?<${p}f\\b([^>]*\\bref=[^>]*)>([^<]*)</${p}f>`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const atrsF = m[2];
    if (atributo(atrsF, "t") !== "shared") continue;
    const si = atributo(atrsF, "si");
    const ref = leerRef(atributo(m[1], "r") ?? "");
    if (si === null || !ref) continue;
    salida.set(si, { formula: decodificarEntidades(m[3]), fila: ref[0], columna: ref[1] });
  }
  return salida;
}

function decodificarEntidades(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case "amp": return "&";
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return '"';
      case "apos": return "'";
      default: return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}


/** Lo que el recorrido de una hoja entrega, en el orden del texto. */
interface ManejadorFilas {
  /** Todo lo anterior a `<sheetData>` y su etiqueta de inicio (`vacia`: `<sheetData/>`). */
  cabecera(antes: string, etiqueta: string, p: string, vacia: boolean): void;
  /** Texto entre filas, dentro de `<sheetData>`. */
  entre(texto: string): void;
  /** Una fila entera: su etiqueta de inicio, su contenido y el texto original completo. */
  fila(etiqueta: string, contenido: string, autocerrada: boolean, original: string): void;
  /** Justo antes de `</sheetData>` (o tras `<sheetData/>`). */
  finDatos(): void;
  /** `</sheetData>` y todo lo que sigue, en trozos. */
  cola(texto: string): void;
}

const RE_SHEETDATA = /<((?:[A-Za-z_][\w.-]*:)?)sheetData\b[^>]*?(\/?)>/g;

/**
 * Corta el texto de una hoja, que llega en trozos, en cabecera, filas enteras y cola. Solo
 * guarda lo que falta de la fila en curso: la memoria va con la fila más larga, no con la
 * hoja. Cada búsqueda sigue donde quedó la anterior (una fila de muchos MB no se relee
 * con cada trozo).
 */
class CortadorFilas {
  private buf = "";
  private fase: "cabecera" | "datos" | "cola" = "cabecera";
  private p = "";
  private cierreFila = "</row>";
  private cierreDatos = "</sheetData>";
  /** Desde dónde seguir buscando en `buf` la etiqueta de sheetData. */
  private desde = 0;
  /** `buf` empieza con una fila a medias; sus búsquedas siguen desde aquí. */
  private pendiente = false;
  private desdeEtiqueta = 0;
  private desdeCierre = 0;

  constructor(private readonly m: ManejadorFilas) {}

  escribir(trozo: string): void {
    if (this.fase === "cola") {
      this.m.cola(trozo);
      return;
    }
    this.buf = this.buf.length ? this.buf + trozo : trozo;
    if (this.fase === "cabecera") this.cabecera();
    if (this.fase === "datos") this.datos(false);
  }

  cerrar(): void {
    if (this.fase === "cabecera") throw new ErrorPaquete("danado", "sin sheetData");
    if (this.fase === "datos") this.datos(true);
  }

  private cabecera(): void {
    RE_SHEETDATA.lastIndex = this.desde;
    const m = RE_SHEETDATA.exec(this.buf);
    if (!m) {
      // Una etiqueta a medias empieza en el último «<» (un atributo no puede llevar «<»).
      this.desde = Math.max(this.desde, this.buf.lastIndexOf("<"), 0);
      return;
    }
    this.p = m[1];
    this.cierreFila = `</${this.p}row>`;
    this.cierreDatos = `</${this.p}sheetData>`;
    const vacia = m[2] === "/";
    const fin = m.index + m[0].length;
    this.m.cabecera(this.buf.slice(0, m.index), m[0], this.p, vacia);
    const resto = this.buf.slice(fin);
    this.buf = "";
    this.desde = 0;
    if (vacia) {
      this.fase = "cola";
      this.m.finDatos();
      if (resto) this.m.cola(resto);
    } else {
      this.fase = "datos";
      this.buf = resto;
    }
  }

  private datos(final: boolean): void {
    const b = this.buf;
    const abre = `<${this.p}row`;
    let pos = 0;
    let buscar = 0;
    // El primer `</sheetData>` del texto en mano: se busca UNA vez (buscarlo tras cada fila
    // recorrería el resto del trozo por fila).
    let iF = -2;
    for (;;) {
      let iR = 0;
      if (!this.pendiente) {
        iR = b.indexOf(abre, buscar);
        if (iF === -2) iF = b.indexOf(this.cierreDatos, buscar);
        if (iF >= 0 && (iR < 0 || iF < iR)) {
          if (iF > pos) this.m.entre(b.slice(pos, iF));
          this.m.finDatos();
          this.fase = "cola";
          this.buf = "";
          this.m.cola(b.slice(iF));
          return;
        }
        if (iR < 0) {
          // Nada completo: sale lo que ya no puede ser el comienzo de una etiqueta.
          if (final) throw new ErrorPaquete("danado", "sheetData sin cierre");
          const hasta = Math.max(pos, b.length - this.cierreDatos.length);
          if (hasta > pos) this.m.entre(b.slice(pos, hasta));
          this.buf = b.slice(hasta);
          return;
        }
        const sig = b.charCodeAt(iR + abre.length);
        if (Number.isNaN(sig)) {
          if (final) throw new ErrorPaquete("danado", "fila sin cierre");
          if (iR > pos) this.m.entre(b.slice(pos, iR));
          this.buf = b.slice(iR);
          return;
        }
        // «<rowBreaks» u otra etiqueta que empieza igual no es una fila.
        if (!(sig === 0x20 || sig === 0x09 || sig === 0x0a || sig === 0x0d || sig === 0x3e || sig === 0x2f)) {
          buscar = iR + 1;
          continue;
        }
      }
      const fe = b.indexOf(">", iR + (this.pendiente ? this.desdeEtiqueta : 0));
      if (fe < 0) return this.esperar(b, pos, iR, final, b.length - iR, 0);
      const autocerrada = b.charCodeAt(fe - 1) === 0x2f;
      let fin: number;
      let contenido = "";
      if (autocerrada) fin = fe + 1;
      else {
        const j = b.indexOf(this.cierreFila, Math.max(fe, iR + (this.pendiente ? this.desdeCierre : 0)));
        if (j < 0) return this.esperar(b, pos, iR, final, fe - iR, Math.max(fe, b.length - this.cierreFila.length) - iR);
        contenido = b.slice(fe + 1, j);
        fin = j + this.cierreFila.length;
      }
      this.pendiente = false;
      if (iR > pos) this.m.entre(b.slice(pos, iR));
      this.m.fila(b.slice(iR, fe + 1), contenido, autocerrada, b.slice(iR, fin));
      pos = fin;
      buscar = fin;
    }
  }

  /**
   * La fila que empieza en `iR` sigue en el trozo siguiente: se guarda desde su comienzo y
   * las búsquedas de su «>» y de su cierre siguen donde quedaron.
   */
  private esperar(b: string, pos: number, iR: number, final: boolean, desdeEtiqueta: number, desdeCierre: number): void {
    if (final) throw new ErrorPaquete("danado", "fila sin cierre");
    if (iR > pos) this.m.entre(b.slice(pos, iR));
    this.buf = b.slice(iR);
    this.pendiente = true;
    this.desdeEtiqueta = Math.max(0, desdeEtiqueta);
    this.desdeCierre = Math.max(0, desdeCierre);
  }
}

/** Cambios por fila y columna (el último gana si se repite una celda); valida cada uno. */
function cambiosPorFila(celdas: ReadonlyArray<CeldaEscrita>): { porFila: Map<number, Map<number, CeldaEscrita>>; hayFormulas: boolean } {
  const porFila = new Map<number, Map<number, CeldaEscrita>>();
  let hayFormulas = false;
  for (const c of celdas) {
    if (!Number.isInteger(c.fila) || !Number.isInteger(c.columna) || c.fila < 1 || c.columna < 1 || c.fila > 1_048_576 || c.columna > 16_384) {
      throw new ErrorEscritura(`Celda fuera de la cuadrícula de Excel (fila ${c.fila}, columna ${c.columna}): no se escribe nada.`);
    }
    if (typeof c.valor === "number" && !Number.isFinite(c.valor) && !c.formula) {
      throw new ErrorEscritura(`La celda ${letrasColumna(c.columna)}${c.fila} recibiría un número no finito (${c.valor}): no se escribe nada.`);
    }
    if (c.formula) hayFormulas = true;
    let f = porFila.get(c.fila);
    if (!f) porFila.set(c.fila, (f = new Map()));
    f.set(c.columna, c);
  }
  return { porFila, hayFormulas };
}

function numeroDeFila(etiqueta: string, anterior: number): number {
  return Number(atributo(etiqueta, "r") ?? anterior + 1);
}

const RE_FORMULA = /<(?:[\w.-]+:)?f\b/;

/** Lo que se guarda del final de un trozo por si una etiqueta `<f` queda partida entre dos. */
const COLA_ETIQUETA = 256;

/**
 * ¿Tiene el texto (que llega en trozos) alguna etiqueta `<f>`? Una etiqueta partida entre
 * trozos cuenta. (Sobre el texto y con la expresión: en la CLI, de una sola corrida, recorrer
 * los bytes en JavaScript salía igual o más lento que decodificar y buscar en código nativo.)
 */
export function hayFormula(leer: (alTexto: (t: string) => void) => void): boolean {
  let hallada = false;
  let cola = "";
  // `cola` termina en «<f» (o «<x:f»): si es «<f>» o «<font» lo dice el trozo siguiente.
  let alFinal = false;
  leer((t) => {
    if (hallada || !t) return;
    const s = cola ? cola + t : t;
    const m = RE_FORMULA.exec(s);
    alFinal = m !== null && m.index + m[0].length === s.length;
    if (m && !alFinal) {
      hallada = true;
      return;
    }
    const i = m ? m.index : s.lastIndexOf("<");
    if (i < 0) cola = "";
    else if (s.length - i <= COLA_ETIQUETA) cola = s.slice(i);
    // Un nombre de etiqueta larguísimo partido entre trozos: en la duda, hay fórmula.
    else if (RE_NOMBRE_ABIERTO.test(s.slice(i))) hallada = true;
    else cola = "";
  });
  return hallada || alFinal;
}

/** «<» y un nombre (con prefijo o sin él) que sigue en el trozo siguiente. */
const RE_NOMBRE_ABIERTO = /^<[\w.:-]*$/;

/** Lo que la primera pasada sabe de una hoja. */
export interface PrevioHoja {
  /** Grupos compartidos cuya maestra se sobrescribe: sus celdas pasan a fórmula propia. */
  readonly expandir: ReadonlyMap<string, Maestra>;
  readonly formulaAValor: boolean;
}

/** La primera pasada de una hoja sin fórmulas: nada que expandir, ninguna fórmula pasa a valor. */
export const SIN_FORMULAS: PrevioHoja = { expandir: new Map(), formulaAValor: false };

/**
 * La hoja con sus cambios, lista para escribirse en dos pasadas: `previo` recibe el texto
 * (en trozos) y `escribir` lo recibe otra vez y entrega el texto parchado a `emitir`.
 */
export class ParcheHoja {
  private readonly porFila: Map<number, Map<number, CeldaEscrita>>;
  readonly hayFormulas: boolean;

  constructor(celdas: ReadonlyArray<CeldaEscrita>) {
    const c = cambiosPorFila(celdas);
    this.porFila = c.porFila;
    this.hayFormulas = c.hayFormulas;
  }

  /**
   * Primera pasada: maestras de fórmulas compartidas y si alguna fórmula pasa a valor. Una
   * hoja sin ninguna fórmula (la plantilla por llenar de siempre) no tiene nada de eso: se
   * mira primero, solo buscando «<f», sin cortar filas (≈ 60 % menos que la pasada entera).
   */
  previo(leer: (alTexto: (t: string) => void) => void): PrevioHoja {
    if (!hayFormula(leer)) return SIN_FORMULAS;
    const maestras = new Map<string, Maestra>();
    let formulaAValor = false;
    let p = "";
    let anterior = 0;
    const porFila = this.porFila;
    const cortador = new CortadorFilas({
      cabecera: (_a, _e, prefijo) => {
        p = prefijo;
      },
      entre: () => undefined,
      fila: (etiqueta, contenido, _auto, original) => {
        const r = numeroDeFila(etiqueta, anterior);
        anterior = r;
        if (contenido.includes('t="shared"')) for (const [si, m] of maestrasDe(original, p)) maestras.set(si, m);
        const cambios = porFila.get(r);
        if (cambios && !formulaAValor && RE_FORMULA.test(contenido)) formulaAValor = parcharFila(p, r, contenido, cambios, new Map()).formulaAValor;
      },
      finDatos: () => undefined,
      cola: () => undefined,
    });
    leer((t) => cortador.escribir(t));
    cortador.cerrar();
    const expandir = new Map<string, Maestra>();
    for (const [si, m] of maestras) if (porFila.get(m.fila)?.has(m.columna)) expandir.set(si, m);
    return { expandir, formulaAValor };
  }

  /** Segunda pasada: el texto parchado sale por `emitir`, en trozos. */
  escribir(leer: (alTexto: (t: string) => void) => void, previo: PrevioHoja, emitir: (t: string) => void): void {
    const porFila = this.porFila;
    const filasCambio = [...porFila.keys()].sort((a, b) => a - b);
    const { expandir } = previo;
    let p = "";
    let vacia = false;
    let k = 0; // siguiente fila de cambio por escribir
    let anterior = 0;
    const filaNueva = (n: number): string => {
      const cambios = [...porFila.get(n)!.entries()].sort((a, b) => a[0] - b[0]);
      return `<${p}row r="${n}">${cambios.map(([col, c]) => celdaXml(p, `${letrasColumna(col)}${n}`, null, c)).join("")}</${p}row>`;
    };
    const cortador = new CortadorFilas({
      cabecera: (antes, etiqueta, prefijo, esVacia) => {
        p = prefijo;
        vacia = esVacia;
        // `<sheetData/>` → `<sheetData>…</sheetData>`.
        emitir(antes);
        emitir(esVacia ? sinAutocierre(etiqueta) : etiqueta);
      },
      entre: emitir,
      fila: (etiqueta, contenido, autocerrada, original) => {
        const r = numeroDeFila(etiqueta, anterior);
        anterior = r;
        // Filas nuevas que van antes de esta.
        while (k < filasCambio.length && filasCambio[k] < r) emitir(filaNueva(filasCambio[k++]));
        const cambios = k < filasCambio.length && filasCambio[k] === r ? porFila.get(r)! : null;
        if (cambios) k++;
        const tocaCompartidas = expandir.size > 0 && contenido.includes("si=");
        if (!cambios && !tocaCompartidas) {
          emitir(original);
          return;
        }
        const nueva = parcharFila(p, r, contenido, cambios, expandir);
        emitir(autocerrada ? sinAutocierre(etiqueta) : etiqueta);
        emitir(nueva.xml);
        emitir(`</${p}row>`);
      },
      finDatos: () => {
        while (k < filasCambio.length) emitir(filaNueva(filasCambio[k++]));
        if (vacia) emitir(`</${p}sheetData>`);
      },
      cola: emitir,
    });
    leer((t) => cortador.escribir(t));
    cortador.cerrar();
  }
}

interface ResultadoHoja {
  readonly xml: string;
  readonly formulaAValor: boolean;
  readonly hayFormulas: boolean;
}

/** Parcha el `<sheetData>` de una hoja que ya está entera en un texto (hojas nuevas, pruebas). */
export function parcharHoja(xml: string, celdas: ReadonlyArray<CeldaEscrita>): ResultadoHoja {
  const parche = new ParcheHoja(celdas);
  const leer = (alTexto: (t: string) => void): void => alTexto(xml);
  const previo = parche.previo(leer);
  const salida: string[] = [];
  parche.escribir(leer, previo, (t) => salida.push(t));
  return { xml: salida.join(""), formulaAValor: previo.formulaAValor, hayFormulas: parche.hayFormulas };
}

/** ¿Es `c` (código de un carácter) una letra, cifra o «_»? (Lo que `\w` reconoce.) */
function esDePalabra(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * La siguiente etiqueta de inicio `<c …>` del contenido de una fila desde `desde`: dónde
 * empieza (`ini`) y dónde está su «>» (`fe`; autocerrada si antes va «/»); null si no hay
 * más. Es la búsqueda de `<c\b[^>]*?(\/?)>` hecha con `indexOf`, sin crear textos por celda
 * (se hace por cada celda de cada fila que cambia).
 */
function siguienteCelda(contenido: string, abre: string, desde: number): { ini: number; fe: number } | null {
  let ini = contenido.indexOf(abre, desde);
  while (ini >= 0 && esDePalabra(contenido.charCodeAt(ini + abre.length))) ini = contenido.indexOf(abre, ini + 1);
  if (ini < 0) return null;
  const fe = contenido.indexOf(">", ini + abre.length);
  return fe < 0 ? null : { ini, fe };
}

/**
 * La columna del atributo `r` de la celda cuya etiqueta va de `ini` a `fe` («>»); `anterior + 1`
 * si no lo tiene o no se lee. Lo de siempre, `<c r="…"`, se lee en el contenido sin cortar la
 * etiqueta; lo demás, con `atributo`.
 */
function columnaDeCelda(contenido: string, ini: number, fe: number, abre: string, anterior: number): number {
  const desde = ini + abre.length + 4;
  let ref: string | null;
  if (contenido.startsWith(' r="', ini + abre.length)) {
    const fin = contenido.indexOf('"', desde);
    ref = fin >= 0 && fin < fe ? contenido.slice(desde, fin) : atributo(contenido.slice(ini, fe + 1), "r");
  } else ref = atributo(contenido.slice(ini, fe + 1), "r");
  const par = ref ? leerRef(ref) : null;
  return par ? par[1] : anterior + 1;
}

/** Parcha las celdas de una fila: reemplaza, inserta en orden de columna, expande compartidas. */
function parcharFila(p: string, fila: number, contenido: string, cambios: Map<number, CeldaEscrita> | null, expandir: ReadonlyMap<string, Maestra>): { xml: string; formulaAValor: boolean } {
  const pendientes = cambios ? [...cambios.keys()].sort((a, b) => a - b) : [];
  let j = 0;
  const salida: string[] = [];
  let formulaAValor = false;
  const abre = `<${p}c`;
  const cierre = `</${p}c>`;
  let pos = 0;
  let col = 0;
  let celda: { ini: number; fe: number } | null;
  let desde = 0;
  const nueva = (c: number, estilo: string | null): string => celdaXml(p, `${letrasColumna(c)}${fila}`, estilo, cambios!.get(c)!);
  while ((celda = siguienteCelda(contenido, abre, desde))) {
    const { ini, fe } = celda;
    const finEtiqueta = fe + 1;
    const fin = contenido.charCodeAt(fe - 1) === 0x2f ? finEtiqueta : contenido.indexOf(cierre, ini) + cierre.length;
    if (fin < finEtiqueta) throw new ErrorPaquete("danado", "celda sin cierre");
    col = columnaDeCelda(contenido, ini, fe, abre, col);
    while (j < pendientes.length && pendientes[j] < col) {
      salida.push(contenido.slice(pos, ini), nueva(pendientes[j], null));
      pos = ini;
      j++;
    }
    if (j < pendientes.length && pendientes[j] === col) {
      const c = cambios!.get(col)!;
      if (!c.formula && RE_FORMULA.test(contenido.slice(ini, fin))) formulaAValor = true;
      salida.push(contenido.slice(pos, ini), nueva(col, atributo(contenido.slice(ini, finEtiqueta), "s")));
      pos = fin;
      j++;
    } else if (expandir.size > 0) {
      const cuerpo = contenido.slice(ini, fin);
      const mf = new RegExp(`<${p}f\\b([^>]*?)(?:/>|>([^<]*)</${p}f>)`).exec(cuerpo);
      const si = mf ? atributo(mf[1], "si") : null;
      const grupo = si !== null && mf && atributo(mf[1], "t") === "shared" ? expandir.get(si) : undefined;
      if (mf && grupo) {
        const propia = desplazarFormula(grupo.formula, fila - grupo.fila, col - grupo.columna);
        salida.push(contenido.slice(pos, ini), cuerpo.replace(mf[0], `<${p}f>${escaparTexto(propia)}</${p}f>`));
        pos = fin;
      }
    }
    desde = fin;
  }
  salida.push(contenido.slice(pos));
  while (j < pendientes.length) salida.push(nueva(pendientes[j++], null));
  return { xml: salida.join(""), formulaAValor };
}

/** `<x a="1"/>` → `<x a="1">` (sin expresión regular: el espacio antes de «/>» puede ser largo). */
export function sinAutocierre(etiqueta: string): string {
  return etiqueta.endsWith("/>") ? `${etiqueta.slice(0, -2).trimEnd()}>` : etiqueta;
}

