/**
 * La estructura del paquete (Open Packaging Conventions): `[Content_Types].xml`, las
 * relaciones (`_rels/*.rels`) con destinos relativos o absolutos (openpyxl escribe
 * «/xl/worksheets/sheet1.xml») y el libro (`workbook.xml`): hojas en su orden, visibilidad,
 * y las partes que el libro referencia. Solo cuenta lo que las relaciones nombran: una
 * `sheet9.xml` suelta en el ZIP no es una hoja.
 */
import { ErrorPaquete, LIMITES } from "./limites";
import { atributoLocal, recorrerXml } from "./xml";
import type { ArchivoZip } from "./zip";

export interface Relacion {
  readonly id: string;
  /** Tipo sin el prefijo de la especificación («worksheet», «sharedStrings»…). */
  readonly tipo: string;
  readonly tipoCompleto: string;
  /** Destino ya resuelto: nombre de la parte en el ZIP, sin «/» inicial. */
  readonly destino: string;
  /** Destino tal como está escrito. */
  readonly destinoOriginal: string;
  readonly externa: boolean;
}

export type Visibilidad = "visible" | "oculta" | "muyOculta";

export interface HojaDelLibro {
  readonly nombre: string;
  readonly visibilidad: Visibilidad;
  /** Parte de la hoja en el ZIP. */
  readonly ruta: string;
}

export interface EstructuraLibro {
  readonly rutaLibro: string;
  readonly hojas: ReadonlyArray<HojaDelLibro>;
  readonly rutaTextos: string | null;
  readonly rutaEstilos: string | null;
  readonly fecha1904: boolean;
  readonly libroProtegido: boolean;
  readonly relacionesLibro: ReadonlyArray<Relacion>;
  /** Tipo de contenido por parte (`Override`) y por extensión (`Default`). */
  readonly tipos: TiposContenido;
}

export interface TiposContenido {
  readonly porParte: ReadonlyMap<string, string>;
  readonly porExtension: ReadonlyMap<string, string>;
}

/** Carpeta de una parte («xl/worksheets/sheet1.xml» → «xl/worksheets»). */
function carpeta(ruta: string): string {
  const i = ruta.lastIndexOf("/");
  return i < 0 ? "" : ruta.slice(0, i);
}

/** Resuelve un destino relativo a la parte de origen, o absoluto («/xl/…»). */
export function resolverDestino(origen: string, destino: string): string {
  const limpio = destino.split("#")[0];
  const base = limpio.startsWith("/") ? [] : carpeta(origen).split("/").filter(Boolean);
  for (const seg of limpio.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(decodeURIComponentSeguro(seg));
  }
  return base.join("/");
}

function decodeURIComponentSeguro(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parte de relaciones de una parte («xl/workbook.xml» → «xl/_rels/workbook.xml.rels»). */
export function rutaRelaciones(parte: string): string {
  const c = carpeta(parte);
  const nombre = parte.slice(c.length ? c.length + 1 : 0);
  return `${c ? `${c}/` : ""}_rels/${nombre}.rels`;
}

/** Relaciones de una parte; `[]` si la parte no tiene. */
export function leerRelaciones(zip: ArchivoZip, parte: string): Relacion[] {
  const ruta = zip.buscar(rutaRelaciones(parte));
  if (!ruta) return [];
  const salida: Relacion[] = [];
  recorrerXml(zip, ruta, {
    abrir(nombre, a) {
      if (nombre !== "Relationship") return;
      const tipoCompleto = a.Type ?? "";
      const destinoOriginal = a.Target ?? "";
      const externa = (a.TargetMode ?? "").toLowerCase() === "external";
      salida.push({
        id: a.Id ?? "",
        tipo: tipoCompleto.slice(tipoCompleto.lastIndexOf("/") + 1),
        tipoCompleto,
        destinoOriginal,
        destino: externa ? destinoOriginal : resolverDestino(parte, destinoOriginal),
        externa,
      });
    },
  });
  return salida;
}

export function leerTipos(zip: ArchivoZip): TiposContenido {
  const ruta = zip.buscar("[Content_Types].xml");
  if (!ruta) throw new ErrorPaquete("no-xlsx", "[Content_Types].xml");
  const porParte = new Map<string, string>();
  const porExtension = new Map<string, string>();
  recorrerXml(zip, ruta, {
    abrir(nombre, a) {
      if (nombre === "Override" && a.PartName) porParte.set(a.PartName.replace(/^\/+/, "").toLowerCase(), a.ContentType ?? "");
      else if (nombre === "Default" && a.Extension) porExtension.set(a.Extension.toLowerCase(), a.ContentType ?? "");
    },
  });
  return { porParte, porExtension };
}

export function tipoDe(tipos: TiposContenido, parte: string): string | null {
  const t = tipos.porParte.get(parte.toLowerCase());
  if (t !== undefined) return t;
  const ext = parte.slice(parte.lastIndexOf(".") + 1).toLowerCase();
  return tipos.porExtension.get(ext) ?? null;
}

/** Libro principal, hojas en su orden y partes que referencia. */
export function leerEstructura(zip: ArchivoZip): EstructuraLibro {
  const tipos = leerTipos(zip);
  const raiz = leerRelaciones(zip, "");
  const doc = raiz.find((r) => r.tipo === "officeDocument" && !r.externa);
  if (!doc) throw new ErrorPaquete("no-xlsx", "sin officeDocument");
  const rutaLibro = zip.buscar(doc.destino);
  if (!rutaLibro) throw new ErrorPaquete("no-xlsx", doc.destino);
  const tipoLibro = tipoDe(tipos, rutaLibro) ?? "";
  if (!/spreadsheetml\.sheet\.main|spreadsheetml\.template\.main|ms-excel\.(?:sheet|template)\.macroEnabled\.main/i.test(tipoLibro)) {
    throw new ErrorPaquete("no-xlsx", tipoLibro || "sin tipo");
  }
  const rels = leerRelaciones(zip, rutaLibro);
  const porId = new Map(rels.map((r) => [r.id, r]));
  const crudas: { nombre: string; estado: string; id: string }[] = [];
  let fecha1904 = false;
  let libroProtegido = false;
  recorrerXml(zip, rutaLibro, {
    abrir(nombre, a) {
      if (nombre === "sheet") {
        if (crudas.length >= LIMITES.hojas) throw new ErrorPaquete("muchas-hojas", String(LIMITES.hojas));
        crudas.push({ nombre: a.name ?? "", estado: a.state ?? "visible", id: atributoLocal(a, "id") ?? "" });
      } else if (nombre === "workbookPr") {
        fecha1904 = a.date1904 === "1" || a.date1904 === "true";
      } else if (nombre === "workbookProtection") {
        libroProtegido = a.lockStructure === "1" || a.lockStructure === "true" || a.lockWindows === "1";
      }
    },
  });
  const hojas: HojaDelLibro[] = [];
  for (const c of crudas) {
    const r = porId.get(c.id);
    if (!r || r.externa) throw new ErrorPaquete("danado", `hoja ${c.nombre} sin relación`);
    // Las hojas de gráfico y de diálogo no tienen celdas.
    if (r.tipo !== "worksheet") continue;
    const ruta = zip.buscar(r.destino);
    if (!ruta) throw new ErrorPaquete("danado", `falta ${r.destino}`);
    const visibilidad: Visibilidad = c.estado === "veryHidden" ? "muyOculta" : c.estado === "hidden" ? "oculta" : "visible";
    hojas.push({ nombre: c.nombre, visibilidad, ruta });
  }
  const parte = (tipo: string): string | null => {
    const r = rels.find((x) => x.tipo === tipo && !x.externa);
    if (!r) return null;
    const ruta = zip.buscar(r.destino);
    if (!ruta) throw new ErrorPaquete("danado", `falta ${r.destino}`);
    return ruta;
  };
  return { rutaLibro, hojas, rutaTextos: parte("sharedStrings"), rutaEstilos: parte("styles"), fecha1904, libroProtegido, relacionesLibro: rels, tipos };
}
