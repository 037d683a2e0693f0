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
import { atributo, ErrorEscritura, escaparAtributo, ParcheHoja, parcharHoja, type CeldaEscrita, type PrevioHoja } from "./parche-hoja";
import { ErrorPaquete } from "./limites";
import { leerEstructura, leerRelaciones, rutaRelaciones, type Relacion } from "./opc";
export { ErrorEscritura, parcharHoja, type CeldaEscrita } from "./parche-hoja";
import { ArchivoZip, type Compresor, type Plataforma } from "./zip";

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

type LeerTexto = (alTexto: (t: string) => void) => void;

/**
 * Texto inflado que se guarda, como mucho, entre las dos pasadas (en bytes inflados, la
 * suma de todas las hojas). Una hoja de 20 000 actividades son ≈ 13 MB: guardarla ahorra
 * inflarla y decodificarla otra vez. Con 200 000 (≈ 130 MB) se vuelve a inflar: una copia
 * más subiría el pico de memoria.
 */
const COPIA_MAXIMA = 48 * 1024 * 1024;

/**
 * Cómo leer una hoja dos veces. Si cabe en el presupuesto, la primera lectura guarda los
 * trozos de texto y la segunda los repite (los mismos trozos, en el mismo orden); si no,
 * cada lectura infla la parte de nuevo. `guardado`: lo que se toma del presupuesto.
 */
function lectorDeHoja(zip: ArchivoZip, ruta: string, presupuesto: number): { leer: LeerTexto; guardado: number } {
  const inflado = zip.infladoDeclarado(ruta);
  const deNuevo: LeerTexto = (alTexto) => zip.textoEnTrozos(ruta, alTexto);
  if (inflado > presupuesto) return { leer: deNuevo, guardado: 0 };
  let trozos: string[] | null = null;
  const leer: LeerTexto = (alTexto) => {
    if (trozos) {
      for (const t of trozos) alTexto(t);
      return;
    }
    const guardados: string[] = [];
    zip.textoEnTrozos(ruta, (t) => {
      guardados.push(t);
      alTexto(t);
    });
    trozos = guardados;
  };
  return { leer, guardado: inflado };
}

/**
 * Parcha el libro. Lanza `ErrorPaquete` si los bytes no se leen y `ErrorEscritura` si un
 * cambio no se puede escribir; en ambos casos no hay salida a medias.
 */
export function parcharLibro(bytes: Uint8Array, parche: Parche, plataforma: Plataforma = {}): Uint8Array {
  const zip = ArchivoZip.abrir(bytes, plataforma.inflador ?? null);
  const est = leerEstructura(zip);
  const reemplazos = new Map<string, string | Uint8Array>();
  const enFlujo = new Map<string, { readonly parche: ParcheHoja; readonly previo: PrevioHoja; readonly leer: LeerTexto }>();
  let presupuesto = COPIA_MAXIMA;
  const quitadas = new Set<string>();
  let hayFormulas = false;
  let formulaAValor = false;

  for (const [nombre, celdas] of parche.hojas) {
    if (celdas.length === 0) continue;
    const hoja = est.hojas.find((h) => h.nombre === nombre);
    if (!hoja) throw new ErrorEscritura(`La hoja «${nombre}» no existe en el libro.`);
    // Primera pasada ahora (decide calcChain, que va antes en el ZIP); la hoja se escribe
    // en flujo cuando le toca su lugar, sin quedar nunca entera en memoria.
    const p = new ParcheHoja(celdas);
    const leer = lectorDeHoja(zip, hoja.ruta, presupuesto);
    const previo = p.previo(leer.leer);
    presupuesto -= leer.guardado;
    enFlujo.set(hoja.ruta, { parche: p, previo, leer: leer.leer });
    if (p.hayFormulas) hayFormulas = true;
    if (previo.formulaAValor) formulaAValor = true;
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
  const escritor = new EscritorZip(plataforma);
  for (const nombre of zip.nombres()) {
    if (quitadas.has(nombre) || nombre.endsWith("/")) continue;
    const hoja = enFlujo.get(nombre);
    if (hoja) {
      const salida = escritor.comprimirEnFlujo(nombre);
      hoja.parche.escribir(hoja.leer, hoja.previo, salida.escribir);
      salida.cerrar();
      // Suelta el texto guardado de la hoja (si lo había) antes de la siguiente.
      enFlujo.delete(nombre);
      continue;
    }
    const r = reemplazos.get(nombre);
    reemplazos.delete(nombre);
    if (r === undefined) escritor.copiar(nombre, zip.crudo(nombre));
    else escritor.comprimir(nombre, r);
  }
  for (const [nombre, r] of reemplazos) escritor.comprimir(nombre, r);
  return escritor.cerrar();
}

/** Texto que se junta antes de codificarlo y comprimirlo: trozos de ≈ 1 M caracteres. */
const TROZO_SALIDA = 1 << 20;

/**
 * ZIP de salida con `Zip` de fflate. Una parte que no cambia entra con sus bytes
 * comprimidos, su CRC y su tamaño originales (una entrada `ZipInputFile` propia, la
 * extensión que fflate documenta); las que cambian se comprimen con el compresor de la
 * plataforma (el zlib de Node en la CLI) o con `ZipDeflate` de fflate, en flujo.
 */
class EscritorZip {
  private readonly compresor: Compresor | null;
  private readonly enFlujo: Plataforma["compresorEnFlujo"] | null;

  constructor(plataforma: Plataforma) {
    this.compresor = plataforma.compresor ?? null;
    this.enFlujo = plataforma.compresorEnFlujo ?? null;
  }

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

  /**
   * Una parte que se escribe en trozos de texto: se codifica y se comprime cada ≈ 1 MB, así
   * que nunca está entera ni como texto ni como bytes.
   */
  comprimirEnFlujo(nombre: string): { escribir: (texto: string) => void; cerrar: () => void } {
    let empujar: (datos: Uint8Array, final: boolean) => void;
    if (this.enFlujo) {
      const c = this.enFlujo();
      const entrada: ZipInputFile = { filename: nombre, size: 0, crc: 0, compression: 8, ondata: () => undefined };
      this.zip.add(entrada);
      let tam = 0;
      empujar = (datos, final) => {
        tam += datos.length;
        const comprimido = c.empujar(datos, final);
        if (final) {
          // fflate lee el CRC y el tamaño al cerrar la entrada (descriptor de datos).
          entrada.size = tam;
          entrada.crc = c.crc();
        }
        entrada.ondata!(null, comprimido as Uint8Array<ArrayBuffer>, final);
      };
    } else {
      const d = new ZipDeflate(nombre, { level: 6 });
      this.zip.add(d);
      empujar = (datos, final) => d.push(datos, final);
    }
    let partes: string[] = [];
    let largo = 0;
    const vaciar = (final: boolean): void => {
      const texto = partes.length === 1 ? partes[0] : partes.join("");
      partes = [];
      largo = 0;
      empujar(cod.encode(texto), final);
    };
    return {
      escribir: (texto) => {
        if (!texto) return;
        partes.push(texto);
        largo += texto.length;
        if (largo >= TROZO_SALIDA) vaciar(false);
      },
      cerrar: () => vaciar(true),
    };
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
