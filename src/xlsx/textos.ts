/**
 * Tabla de textos compartidos (`sharedStrings.xml`): un texto por `<si>`, con el texto
 * enriquecido (`<r><t>…</t></r>`) unido y las guías fonéticas (`<rPh>`) fuera.
 */
import { ErrorPaquete, LIMITES } from "./limites";
import { recorrerXml } from "./xml";
import type { ArchivoZip } from "./zip";

export function leerTextos(zip: ArchivoZip, ruta: string | null): string[] {
  if (!ruta) return [];
  const textos: string[] = [];
  // Un texto por `<si>` (casi siempre un solo `<t>`): se junta en un texto, sin arreglo.
  let actual = "";
  let enT = false;
  let enFonetica = 0;
  recorrerXml(zip, ruta, {
    abrir(nombre) {
      if (nombre === "si") actual = "";
      else if (nombre === "t") enT = enFonetica === 0;
      else if (nombre === "rPh") enFonetica++;
    },
    texto(t) {
      if (!enT) return;
      if (actual.length + t.length > LIMITES.textoCelda) throw new ErrorPaquete("texto-largo", `texto compartido ${textos.length}`);
      actual = actual.length === 0 ? t : actual + t;
    },
    cerrar(nombre) {
      if (nombre === "t") enT = false;
      else if (nombre === "rPh") enFonetica--;
      else if (nombre === "si") textos.push(actual);
    },
  });
  return textos;
}
