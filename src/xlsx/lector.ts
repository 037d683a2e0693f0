/**
 * EL lector de libros: bytes de un .xlsx → una `HojaDatos` por hoja de trabajo y los datos
 * del libro (nombres y visibilidad de las hojas, protección, partes XML personalizadas).
 * Lo usan `pat validar`, `pat llenar` y «Abrir libro» de la vista previa: todos ven el
 * mismo libro. Sin Node (recibe bytes): corre también en el navegador.
 */
import type { Resultado } from "../core/tipos";
import { diagnosticarArchivo, problema, type ProblemaArchivo } from "./diagnostico";
import { leerEstilos } from "./estilos";
import { leerHoja, type Cuenta, type HojaLeida } from "./hoja";
import { ErrorPaquete } from "./limites";
import { leerEstructura, type Visibilidad } from "./opc";
import { leerTextos } from "./textos";
import { ArchivoZip, type Inflador } from "./zip";

/** Una parte XML personalizada (`customXml/itemN.xml`), con su texto. */
export interface ParteXml {
  readonly ruta: string;
  readonly xml: string;
}

export interface InfoLibro {
  /** Todas las hojas de trabajo en el orden del libro (también las que no se leyeron). */
  readonly hojas: ReadonlyArray<{ readonly nombre: string; readonly visibilidad: Visibilidad }>;
  readonly protegido: boolean;
  readonly partesXml: ReadonlyArray<ParteXml>;
}

export interface LibroLeido {
  /** Las hojas leídas, en el orden del libro. */
  readonly hojas: ReadonlyArray<HojaLeida>;
  readonly info: InfoLibro;
}

export type ResultadoLectura = Resultado<LibroLeido> & ({ ok: true } | { ok: false; error: ProblemaArchivo });

export interface OpcionesLectura {
  /** Solo se leen las celdas de las hojas que pasan el filtro (las demás solo se nombran). */
  readonly leerHoja?: (nombre: string) => boolean;
  /** Inflado rápido de la plataforma (la CLI pasa el zlib de Node); sin él, fflate. */
  readonly inflador?: Inflador;
}

const TIPO_XML_PROPIO = "customXml";

function comoBytes(datos: ArrayBuffer | Uint8Array): Uint8Array {
  return datos instanceof Uint8Array ? datos : new Uint8Array(datos);
}

/** Lee el libro sin lanzar: un archivo ilegible o fuera de los límites da un `Resultado` fallido. */
export function leerLibro(datos: ArrayBuffer | Uint8Array, opciones: OpcionesLectura = {}): ResultadoLectura {
  const bytes = comoBytes(datos);
  const diag = diagnosticarArchivo(bytes);
  if (diag) return { ok: false, error: diag };
  try {
    const zip = ArchivoZip.abrir(bytes, opciones.inflador ?? null);
    const est = leerEstructura(zip);
    const textos = leerTextos(zip, est.rutaTextos);
    const estilos = leerEstilos(zip, est.rutaEstilos);
    const cuenta: Cuenta = { celdas: 0 };
    const hojas: HojaLeida[] = [];
    for (const h of est.hojas) {
      if (opciones.leerHoja && !opciones.leerHoja(h.nombre)) continue;
      hojas.push(leerHoja(zip, h.ruta, h.nombre, textos, estilos, est.fecha1904, cuenta));
    }
    const partesXml: ParteXml[] = [];
    for (const r of est.relacionesLibro) {
      if (r.tipo !== TIPO_XML_PROPIO || r.externa) continue;
      const ruta = zip.buscar(r.destino);
      if (ruta) partesXml.push({ ruta, xml: zip.textoDe(ruta) });
    }
    return {
      ok: true,
      valor: { hojas, info: { hojas: est.hojas.map((h) => ({ nombre: h.nombre, visibilidad: h.visibilidad })), protegido: est.libroProtegido, partesXml } },
    };
  } catch (e) {
    if (e instanceof ErrorPaquete) return { ok: false, error: problema(e.clase) };
    // Un error que no esperábamos al leer bytes ajenos también es un archivo dañado.
    return { ok: false, error: problema("danado") };
  }
}
