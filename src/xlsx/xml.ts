/**
 * Recorrido SAX de una parte XML del paquete con saxes (el analizador que usa exceljs):
 * el texto llega en trozos desde el inflado, nunca entero. saxes rechaza las declaraciones
 * de entidades de un DOCTYPE (mil risas, XXE) y un XML cortado o mal formado; todo eso es
 * un archivo dañado, nunca una hoja limpia.
 */
import { SaxesParser } from "saxes";
import { ErrorPaquete } from "./limites";
import type { ArchivoZip } from "./zip";

export type Atributos = Readonly<Record<string, string>>;

export interface ManejadorXml {
  /** `nombre` sin prefijo de espacio de nombres («x:row» → «row»). */
  abrir?(nombre: string, atributos: Atributos, vacia: boolean): void;
  texto?(texto: string): void;
  cerrar?(nombre: string): void;
}

function local(nombre: string): string {
  const i = nombre.indexOf(":");
  return i < 0 ? nombre : nombre.slice(i + 1);
}

/** Analiza la parte `ruta` del ZIP llamando al manejador. Lanza `ErrorPaquete` si está mal. */
export function recorrerXml(zip: ArchivoZip, ruta: string, m: ManejadorXml): void {
  const p = new SaxesParser({ xmlns: false, position: false });
  if (m.abrir) {
    const abrir = m.abrir.bind(m);
    p.on("opentag", (n) => abrir(local(n.name), n.attributes as Atributos, n.isSelfClosing));
  }
  if (m.texto) {
    const texto = m.texto.bind(m);
    p.on("text", texto);
    p.on("cdata", texto);
  }
  if (m.cerrar) {
    const cerrar = m.cerrar.bind(m);
    p.on("closetag", (n) => cerrar(local(n.name)));
  }
  try {
    zip.textoEnTrozos(ruta, (t) => p.write(t));
    p.close();
  } catch (e) {
    if (e instanceof ErrorPaquete) throw e;
    throw new ErrorPaquete("danado", `${ruta}: ${String((e as Error).message ?? e).split("\n")[0].slice(0, 80)}`);
  }
}

/** Nombre local de un atributo con prefijo («r:id» → valor del primero que termine en «:id»). */
export function atributoLocal(a: Atributos, nombre: string): string | undefined {
  if (a[nombre] !== undefined) return a[nombre];
  for (const k in a) if (k.endsWith(`:${nombre}`)) return a[k];
  return undefined;
}
