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
  let actual: string[] = [];
  let largo = 0;
  let enT = false;
  let enFonetica = 0;
  recorrerXml(zip, ruta, {
    abrir(nombre) {
      if (nombre === "si") {
        actual = [];
        largo = 0;
      } else if (nombre === "t") enT = enFonetica === 0;
      else if (nombre === "rPh") enFonetica++;
    },
    texto(t) {
      if (!enT) return;
      largo += t.length;
      if (largo > LIMITES.textoCelda) throw new ErrorPaquete("texto-largo", `texto compartido ${textos.length}`);
      actual.push(t);
    },
    cerrar(nombre) {
      if (nombre === "t") enT = false;
      else if (nombre === "rPh") enFonetica--;
      else if (nombre === "si") textos.push(actual.length === 1 ? actual[0] : actual.join(""));
    },
  });
  return textos;
}
