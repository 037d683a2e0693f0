/**
 * Escritura por parche: los bytes del libro que se abrió + las celdas calculadas → los
 * bytes del libro nuevo. Solo cambian los `<c>` de las celdas escritas (cada una con su
 * estilo `s`; las nuevas, en orden de columna y de fila), el `calcPr` del libro cuando se
 * escriben fórmulas, `calcChain.xml` (se quita, con su relación y su tipo, solo cuando una
 * fórmula pasó a ser valor) y las partes XML personalizadas pedidas. Toda otra parte se
 * copia tal cual: sus bytes comprimidos pasan sin inflar al ZIP nuevo. Los textos se escriben en línea (`inlineStr`):
 * la tabla de textos compartidos no se toca. Sin Node: sirve también a la vista previa.
 */
import { Zip, ZipDeflate, type ZipInputFile } from "fflate";
import { desplazarFormula, letrasColumna } from "./formulas";
import { leerRef } from "./hoja";
import { ErrorPaquete } from "./limites";
import { leerEstructura, leerRelaciones, rutaRelaciones, type Relacion } from "./opc";
import { ArchivoZip, type Compresor, type Plataforma } from "./zip";

/** Una celda a escribir (interfaz acordada): fila y columna base 1. */
export interface CeldaEscrita {
  readonly fila: number;
  readonly columna: number;
  readonly valor: number | string | boolean | null;
  /** Fórmula con o sin «=»; si está, se escribe la fórmula (sin resultado guardado). */
  readonly formula?: string | null;
}

export interface PartesXmlPropias {
  /** ¿Esta parte existente es nuestra? Las que lo son se quitan (con sus propiedades y relaciones). */
  readonly esPropia: (xml: string) => boolean;
  /** Partes que se agregan en su lugar (texto XML completo). */
  readonly agregar: ReadonlyArray<string>;
}

/** Una hoja que no estaba en el libro (la vista previa: «Resumen PAT», una plantilla). */
export interface HojaNueva {
  readonly nombre: string;
  readonly celdas: ReadonlyArray<CeldaEscrita>;
}

export interface Parche {
  /** Celdas por nombre de hoja. */
  readonly hojas: ReadonlyMap<string, ReadonlyArray<CeldaEscrita>>;
  readonly hojasNuevas?: ReadonlyArray<HojaNueva>;
  readonly partesXml?: PartesXmlPropias;
}

/** Un cambio rechazado (número no finito, celda fuera de la rejilla, hoja inexistente). */
export class ErrorEscritura extends Error {
  constructor(mensaje: string) {
    super(mensaje);
    this.name = "ErrorEscritura";
  }
}

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TIPO_CALCCHAIN = `${NS_REL}/calcChain`;
const TIPO_XML_PROPIO = `${NS_REL}/customXml`;
const TIPO_PROPS_XML = `${NS_REL}/customXmlProps`;
const CT_PROPS_XML = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const TIPO_HOJA = `${NS_REL}/worksheet`;
const CT_HOJA = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const XML_HOJA_VACIA =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

const cod = new TextEncoder();
const dec = new TextDecoder("utf-8");

function escaparTexto(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    // Los caracteres de control no caben en XML 1.0: OOXML los escribe como _xHHHH_.
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\v\f\x0e-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}
function escaparAtributo(s: string): string {
  return escaparTexto(s).replace(/"/g, "&quot;");
}

const expresionesAtributo = new Map<string, RegExp>();

/** Atributo `nombre` del texto de una etiqueta de inicio. */
function atributo(etiqueta: string, nombre: string): string | null {
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

interface Maestra {
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

interface ResultadoHoja {
  readonly xml: string;
  readonly formulaAValor: boolean;
  readonly hayFormulas: boolean;
}

/** Parcha el `<sheetData>` de una hoja. */
export function parcharHoja(xml: string, celdas: ReadonlyArray<CeldaEscrita>): ResultadoHoja {
  const mSd = /<((?:[A-Za-z_][\w.-]*:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!mSd) throw new ErrorPaquete("danado", "sin sheetData");
  const p = mSd[1];
  const inicioDatos = mSd.index + mSd[0].length;
  const vacia = mSd[2] === "/";
  const finDatos = vacia ? inicioDatos : xml.indexOf(`</${p}sheetData>`, inicioDatos);
  if (finDatos < 0) throw new ErrorPaquete("danado", "sheetData sin cierre");

  // Cambios por fila y columna (el último gana si se repite una celda).
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
  const filasCambio = [...porFila.keys()].sort((a, b) => a - b);

  const datos = xml.slice(inicioDatos, finDatos);
  const maestras = maestrasDe(datos, p);
  // Grupos compartidos cuya maestra se sobrescribe: sus celdas pasan a fórmula propia.
  const expandir = new Map<string, Maestra>();
  for (const [si, m] of maestras) if (porFila.get(m.fila)?.has(m.columna)) expandir.set(si, m);

  let formulaAValor = false;
  const salida: string[] = [xml.slice(0, inicioDatos)];
  if (vacia) {
    // `<sheetData/>` → `<sheetData>…</sheetData>`.
    salida[0] = xml.slice(0, mSd.index) + sinAutocierre(mSd[0]);
  }
  let k = 0; // siguiente fila de cambio por escribir
  const filaNueva = (n: number): string => {
    const cambios = [...porFila.get(n)!.entries()].sort((a, b) => a[0] - b[0]);
    return `<${p}row r="${n}">${cambios.map(([col, c]) => celdaXml(p, `${letrasColumna(col)}${n}`, null, c)).join("")}</${p}row>`;
  };

  const reFila = new RegExp(`<${p}row\\b`, "g");
  const cierreFila = `</${p}row>`;
  let pos = 0;
  let filaAnterior = 0;
  let m: RegExpExecArray | null;
  while ((m = reFila.exec(datos))) {
    const ini = m.index;
    const finEtiqueta = datos.indexOf(">", ini);
    if (finEtiqueta < 0) throw new ErrorPaquete("danado", "fila sin cierre");
    const etiqueta = datos.slice(ini, finEtiqueta + 1);
    const autocerrada = etiqueta.endsWith("/>");
    const fin = autocerrada ? finEtiqueta + 1 : datos.indexOf(cierreFila, finEtiqueta);
    if (fin < 0) throw new ErrorPaquete("danado", "fila sin cierre");
    const finFila = autocerrada ? fin : fin + cierreFila.length;
    const r = Number(atributo(etiqueta, "r") ?? filaAnterior + 1);
    filaAnterior = r;
    // Filas nuevas que van antes de esta.
    while (k < filasCambio.length && filasCambio[k] < r) {
      salida.push(datos.slice(pos, ini), filaNueva(filasCambio[k]));
      pos = ini;
      k++;
    }
    const cambios = k < filasCambio.length && filasCambio[k] === r ? porFila.get(r)! : null;
    if (cambios) k++;
    const contenido = autocerrada ? "" : datos.slice(finEtiqueta + 1, fin);
    const tocaCompartidas = expandir.size > 0 && contenido.includes("si=");
    if (!cambios && !tocaCompartidas) {
      reFila.lastIndex = finFila;
      continue;
    }
    const nueva = parcharFila(p, r, contenido, cambios, expandir);
    if (nueva.formulaAValor) formulaAValor = true;
    const abre = autocerrada ? sinAutocierre(etiqueta) : etiqueta;
    salida.push(datos.slice(pos, ini), abre, nueva.xml, cierreFila);
    pos = finFila;
    reFila.lastIndex = finFila;
  }
  salida.push(datos.slice(pos));
  while (k < filasCambio.length) salida.push(filaNueva(filasCambio[k++]));
  salida.push(vacia ? `</${p}sheetData>${xml.slice(inicioDatos)}` : xml.slice(finDatos));
  return { xml: salida.join(""), formulaAValor, hayFormulas };
}

const expresionesCelda = new Map<string, RegExp>();
function expresionCelda(p: string): RegExp {
  let re = expresionesCelda.get(p);
  if (!re) expresionesCelda.set(p, (re = new RegExp(`<${p}c\\b[^>]*?(/?)>`, "g")));
  return re;
}

/** Parcha las celdas de una fila: reemplaza, inserta en orden de columna, expande compartidas. */
function parcharFila(p: string, fila: number, contenido: string, cambios: Map<number, CeldaEscrita> | null, expandir: ReadonlyMap<string, Maestra>): { xml: string; formulaAValor: boolean } {
  const pendientes = cambios ? [...cambios.keys()].sort((a, b) => a - b) : [];
  let j = 0;
  const salida: string[] = [];
  let formulaAValor = false;
  const reCelda = expresionCelda(p);
  reCelda.lastIndex = 0;
  const cierre = `</${p}c>`;
  let pos = 0;
  let col = 0;
  let m: RegExpExecArray | null;
  const nueva = (c: number, estilo: string | null): string => celdaXml(p, `${letrasColumna(c)}${fila}`, estilo, cambios!.get(c)!);
  while ((m = reCelda.exec(contenido))) {
    const ini = m.index;
    const etiqueta = m[0];
    const fin = m[1] === "/" ? ini + etiqueta.length : contenido.indexOf(cierre, ini) + cierre.length;
    if (fin < ini + etiqueta.length) throw new ErrorPaquete("danado", "celda sin cierre");
    const refTexto = atributo(etiqueta, "r");
    const ref = refTexto ? leerRef(refTexto) : null;
    col = ref ? ref[1] : col + 1;
    while (j < pendientes.length && pendientes[j] < col) {
      salida.push(contenido.slice(pos, ini), nueva(pendientes[j], null));
      pos = ini;
      j++;
    }
    const cuerpo = contenido.slice(ini, fin);
    if (j < pendientes.length && pendientes[j] === col) {
      const c = cambios!.get(col)!;
      if (/<(?:[\w.-]+:)?f\b/.test(cuerpo) && !c.formula) formulaAValor = true;
      salida.push(contenido.slice(pos, ini), nueva(col, atributo(etiqueta, "s")));
      pos = fin;
      j++;
    } else if (expandir.size > 0) {
      const mf = new RegExp(`<${p}f\\b([^>]*?)(?:/>|>([^<]*)</${p}f>)`).exec(cuerpo);
      const si = mf ? atributo(mf[1], "si") : null;
      const grupo = si !== null && mf && atributo(mf[1], "t") === "shared" ? expandir.get(si) : undefined;
      if (mf && grupo) {
        const propia = desplazarFormula(grupo.formula, fila - grupo.fila, col - grupo.columna);
        salida.push(contenido.slice(pos, ini), cuerpo.replace(mf[0], `<${p}f>${escaparTexto(propia)}</${p}f>`));
        pos = fin;
      }
    }
    reCelda.lastIndex = fin;
  }
  salida.push(contenido.slice(pos));
  while (j < pendientes.length) salida.push(nueva(pendientes[j++], null));
  return { xml: salida.join(""), formulaAValor };
}

/** `<x a="1"/>` → `<x a="1">` (sin expresión regular: el espacio antes de «/>» puede ser largo). */
function sinAutocierre(etiqueta: string): string {
  return etiqueta.endsWith("/>") ? `${etiqueta.slice(0, -2).trimEnd()}>` : etiqueta;
}

/** Agrega un atributo al final de una etiqueta de apertura, autocerrada o no. */
function conAtributoAlFinal(etiqueta: string, atributo: string): string {
  const cierre = etiqueta.endsWith("/>") ? "/>" : ">";
  return `${etiqueta.slice(0, -cierre.length).trimEnd()}${atributo}${cierre}`;
}

/** Pone `fullCalcOnLoad="1"` en `<calcPr>` (o lo agrega en su lugar del esquema). */
export function pedirRecalculo(libro: string): string {
  const m = /<(?:[A-Za-z_][\w.-]*:)?calcPr\b[^>]*?\/?>/.exec(libro);
  if (m) {
    const etiqueta = m[0];
    if (/\sfullCalcOnLoad\s*=\s*["'](?:1|true)["']/.test(etiqueta)) return libro;
    const nueva = /\sfullCalcOnLoad\s*=/.test(etiqueta)
      ? etiqueta.replace(/\sfullCalcOnLoad\s*=\s*(?:"[^"]*"|'[^']*')/, ' fullCalcOnLoad="1"')
      : conAtributoAlFinal(etiqueta, ' fullCalcOnLoad="1"');
    return libro.slice(0, m.index) + nueva + libro.slice(m.index + etiqueta.length);
  }
  const p = /<((?:[A-Za-z_][\w.-]*:)?)workbook\b/.exec(libro)?.[1] ?? "";
  // CT_Workbook: … sheets, functionGroups, externalReferences, definedNames, calcPr …
  for (const antes of ["definedNames", "externalReferences", "functionGroups", "sheets"]) {
    const cierre = `</${p}${antes}>`;
    const i = libro.indexOf(cierre);
    if (i >= 0) return libro.slice(0, i + cierre.length) + `<${p}calcPr fullCalcOnLoad="1"/>` + libro.slice(i + cierre.length);
  }
  throw new ErrorPaquete("danado", "workbook.xml sin sheets");
}

/** Quita de un .rels las relaciones que cumplen `quitar`; agrega las `nuevas`. */
function editarRelaciones(xml: string, quitar: (r: { tipo: string; destino: string }) => boolean, nuevas: ReadonlyArray<string>): string {
  let salida = xml.replace(/<Relationship\b[^>]*?\/>|<Relationship\b[^>]*>[\s\S]*?<\/Relationship>/g, (el) => {
    const tipo = atributo(el, "Type") ?? "";
    const destino = atributo(el, "Target") ?? "";
    return quitar({ tipo, destino }) ? "" : el;
  });
  if (nuevas.length) salida = salida.replace(/<\/Relationships>\s*$/, `${nuevas.join("")}</Relationships>`);
  return salida;
}

/** Quita y agrega `Override` en `[Content_Types].xml`; agrega el `Default` de xml si falta. */
function editarTipos(xml: string, quitar: ReadonlySet<string>, agregar: ReadonlyArray<[string, string]>): string {
  let salida = xml.replace(/<Override\b[^>]*?\/>/g, (el) => (quitar.has((atributo(el, "PartName") ?? "").replace(/^\/+/, "").toLowerCase()) ? "" : el));
  const extra: string[] = agregar.map(([parte, tipo]) => `<Override PartName="/${escaparAtributo(parte)}" ContentType="${tipo}"/>`);
  if (agregar.length && !/<Default\s[^>]*Extension="xml"/i.test(salida)) extra.unshift('<Default Extension="xml" ContentType="application/xml"/>');
  if (extra.length) salida = salida.replace(/<\/Types>\s*$/, `${extra.join("")}</Types>`);
  return salida;
}

function guid(n: number): string {
  // Un identificador estable por posición basta: cada parte lo lleva distinto.
  const h = (n + 1).toString(16).padStart(12, "0");
  return `{5A7E1D2C-0B4F-4C3A-9E61-${h.toUpperCase()}}`;
}

/**
 * Parcha el libro. Lanza `ErrorPaquete` si los bytes no se leen y `ErrorEscritura` si un
 * cambio no se puede escribir; en ambos casos no hay salida a medias.
 */
export function parcharLibro(bytes: Uint8Array, parche: Parche, plataforma: Plataforma = {}): Uint8Array {
  const zip = ArchivoZip.abrir(bytes, plataforma.inflador ?? null);
  const est = leerEstructura(zip);
  const reemplazos = new Map<string, string | Uint8Array>();
  const quitadas = new Set<string>();
  let hayFormulas = false;
  let formulaAValor = false;

  for (const [nombre, celdas] of parche.hojas) {
    if (celdas.length === 0) continue;
    const hoja = est.hojas.find((h) => h.nombre === nombre);
    if (!hoja) throw new ErrorEscritura(`La hoja «${nombre}» no existe en el libro.`);
    const r = parcharHoja(zip.textoDe(hoja.ruta), celdas);
    reemplazos.set(hoja.ruta, r.xml);
    if (r.hayFormulas) hayFormulas = true;
    if (r.formulaAValor) formulaAValor = true;
  }

  let libro: string | null = null;
  const rutaRelsLibro = zip.buscar(rutaRelaciones(est.rutaLibro));
  let relsLibro: string | null = null;
  const quitarTipos = new Set<string>();
  const agregarTipos: Array<[string, string]> = [];
  const idsUsados = new Set(est.relacionesLibro.map((r) => r.id));
  const idNuevo = (): string => {
    let n = 1;
    while (idsUsados.has(`rIdPat${n}`)) n++;
    idsUsados.add(`rIdPat${n}`);
    return `rIdPat${n}`;
  };

  if (parche.hojasNuevas?.length) {
    if (!rutaRelsLibro) throw new ErrorPaquete("danado", "sin relaciones del libro");
    libro = zip.textoDe(est.rutaLibro);
    const nombres = new Set(est.hojas.map((h) => h.nombre.toLowerCase()));
    const ocupadas = new Set(zip.nombres().map((n) => n.toLowerCase()));
    const ids = [...libro.matchAll(/\ssheetId\s*=\s*"(\d+)"/g)].map((m) => Number(m[1]));
    let sheetId = Math.max(0, ...ids);
    const prefijoR = /xmlns:([\w.-]+)\s*=\s*"http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(libro)?.[1] ?? null;
    const p = /<((?:[A-Za-z_][\w.-]*:)?)sheets\b/.exec(libro)?.[1] ?? "";
    const rels: string[] = [];
    const entradas: string[] = [];
    let n = 1;
    for (const h of parche.hojasNuevas) {
      if (nombres.has(h.nombre.toLowerCase())) throw new ErrorEscritura(`La hoja «${h.nombre}» ya existe en el libro.`);
      nombres.add(h.nombre.toLowerCase());
      while (ocupadas.has(`xl/worksheets/sheet${n}.xml`)) n++;
      const ruta = `xl/worksheets/sheet${n}.xml`;
      ocupadas.add(ruta);
      const r = parcharHoja(XML_HOJA_VACIA, h.celdas);
      if (r.hayFormulas) hayFormulas = true;
      reemplazos.set(ruta, r.xml);
      agregarTipos.push([ruta, CT_HOJA]);
      const id = idNuevo();
      rels.push(`<Relationship Id="${id}" Type="${TIPO_HOJA}" Target="/${ruta}"/>`);
      const atrId = prefijoR ? `${prefijoR}:id="${id}"` : `xmlns:r="${NS_REL}" r:id="${id}"`;
      entradas.push(`<${p}sheet name="${escaparAtributo(h.nombre)}" sheetId="${++sheetId}" ${atrId}/>`);
    }
    const cierre = `</${p}sheets>`;
    const i = libro.indexOf(cierre);
    if (i < 0) throw new ErrorPaquete("danado", "workbook.xml sin sheets");
    libro = libro.slice(0, i) + entradas.join("") + libro.slice(i);
    relsLibro = editarRelaciones(zip.textoDe(rutaRelsLibro), () => false, rels);
  }
  if (hayFormulas) libro = pedirRecalculo(libro ?? zip.textoDe(est.rutaLibro));

  if (formulaAValor) {
    const cadena = est.relacionesLibro.find((x) => x.tipoCompleto === TIPO_CALCCHAIN || x.tipo === "calcChain");
    const ruta = cadena ? zip.buscar(cadena.destino) : null;
    if (cadena && ruta && rutaRelsLibro) {
      quitadas.add(ruta);
      quitarTipos.add(ruta.toLowerCase());
      relsLibro = editarRelaciones(relsLibro ?? zip.textoDe(rutaRelsLibro), (x) => x.tipo === cadena.tipoCompleto, []);
    }
  }

  if (parche.partesXml) {
    if (!rutaRelsLibro) throw new ErrorPaquete("danado", "sin relaciones del libro");
    const propias: Relacion[] = [];
    for (const r of est.relacionesLibro) {
      if (r.tipo !== "customXml" || r.externa) continue;
      const ruta = zip.buscar(r.destino);
      if (!ruta || !parche.partesXml.esPropia(zip.textoDe(ruta))) continue;
      propias.push(r);
      quitadas.add(ruta);
      for (const rp of leerRelaciones(zip, ruta)) {
        const props = zip.buscar(rp.destino);
        if (props) {
          quitadas.add(props);
          quitarTipos.add(props.toLowerCase());
        }
      }
      const relsParte = zip.buscar(rutaRelaciones(ruta));
      if (relsParte) quitadas.add(relsParte);
    }
    const destinosQuitados = new Set(propias.map((r) => r.destinoOriginal));
    const ocupadas = new Set(zip.nombres().filter((n) => !quitadas.has(n)).map((n) => n.toLowerCase()));
    const nuevasRels: string[] = [];
    let n = 1;
    let i = 0;
    for (const xml of parche.partesXml.agregar) {
      while (ocupadas.has(`customxml/item${n}.xml`) || ocupadas.has(`customxml/itemprops${n}.xml`)) n++;
      const item = `customXml/item${n}.xml`;
      const props = `customXml/itemProps${n}.xml`;
      ocupadas.add(item.toLowerCase());
      ocupadas.add(props.toLowerCase());
      reemplazos.set(item, xml);
      reemplazos.set(props, `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guid(i)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`);
      reemplazos.set(`customXml/_rels/item${n}.xml.rels`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${TIPO_PROPS_XML}" Target="itemProps${n}.xml"/></Relationships>`);
      agregarTipos.push([props, CT_PROPS_XML]);
      nuevasRels.push(`<Relationship Id="${idNuevo()}" Type="${TIPO_XML_PROPIO}" Target="/${item}"/>`);
      i++;
    }
    if (propias.length || nuevasRels.length) {
      relsLibro = editarRelaciones(relsLibro ?? zip.textoDe(rutaRelsLibro), (x) => x.tipo === TIPO_XML_PROPIO && destinosQuitados.has(x.destino), nuevasRels);
    }
  }

  if (relsLibro !== null && rutaRelsLibro) reemplazos.set(rutaRelsLibro, relsLibro);
  if (libro !== null) reemplazos.set(est.rutaLibro, libro);
  if (quitarTipos.size || agregarTipos.length) {
    const rutaTipos = zip.buscar("[Content_Types].xml")!;
    reemplazos.set(rutaTipos, editarTipos(zip.textoDe(rutaTipos), quitarTipos, agregarTipos));
  }

  // El ZIP nuevo: las entradas en su orden, luego las agregadas.
  const escritor = new EscritorZip(plataforma.compresor ?? null);
  for (const nombre of zip.nombres()) {
    if (quitadas.has(nombre) || nombre.endsWith("/")) continue;
    const r = reemplazos.get(nombre);
    // Fuera del mapa antes de comprimir: el texto de una hoja grande se libera cuanto antes.
    reemplazos.delete(nombre);
    if (r === undefined) escritor.copiar(nombre, zip.crudo(nombre));
    else escritor.comprimir(nombre, r);
  }
  for (const [nombre, r] of reemplazos) escritor.comprimir(nombre, r);
  return escritor.cerrar();
}

/**
 * ZIP de salida con `Zip` de fflate. Una parte que no cambia entra con sus bytes
 * comprimidos, su CRC y su tamaño originales (una entrada `ZipInputFile` propia, la
 * extensión que fflate documenta); las que cambian se comprimen con `ZipDeflate`.
 */
class EscritorZip {
  constructor(private readonly compresor: Compresor | null) {}

  private readonly trozos: Uint8Array[] = [];
  private error: Error | null = null;
  private readonly zip = new Zip((err, dato) => {
    if (err) this.error = err;
    else this.trozos.push(dato);
  });

  copiar(nombre: string, crudo: { datos: Uint8Array; metodo: number; crc: number; inflado: number }): void {
    const entrada: ZipInputFile = {
      filename: nombre,
      size: crudo.inflado,
      crc: crudo.crc,
      compression: crudo.metodo,
      ondata: () => undefined,
    };
    this.zip.add(entrada);
    entrada.ondata!(null, crudo.datos as Uint8Array<ArrayBuffer>, true);
  }

  comprimir(nombre: string, contenido: string | Uint8Array): void {
    const datos = typeof contenido === "string" ? cod.encode(contenido) : contenido;
    if (this.compresor) {
      const c = this.compresor(datos);
      this.copiar(nombre, { datos: c.comprimido, metodo: 8, crc: c.crc, inflado: datos.length });
      return;
    }
    const d = new ZipDeflate(nombre, { level: 6 });
    this.zip.add(d);
    d.push(datos, true);
  }

  cerrar(): Uint8Array {
    this.zip.end();
    if (this.error) throw new ErrorPaquete("danado", this.error.message);
    const total = this.trozos.reduce((n, t) => n + t.length, 0);
    const salida = new Uint8Array(total);
    let i = 0;
    for (const t of this.trozos) {
      salida.set(t, i);
      i += t.length;
    }
    return salida;
  }
}

/** Texto de una parte de un libro (para las pruebas y el diagnóstico). */
export function textoDeParte(bytes: Uint8Array, ruta: string): string | null {
  const zip = ArchivoZip.abrir(bytes);
  const n = zip.buscar(ruta);
  return n ? dec.decode(zip.bytesDe(n)) : null;
}
