/**
 * El inflado del zlib de Node para el lector y el escritor del paquete (solo la CLI):
 * ≈ 10 veces más rápido que fflate en JavaScript, y `maxOutputLength` corta el inflado en
 * cuanto pasaría del tamaño declarado (ya comprobado contra los límites).
 */
import * as zlib from "node:zlib";
import type { Plataforma } from "../xlsx/zip";

const crc32 = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;

export const PLATAFORMA_NODE: Plataforma = {
  inflador: (comprimido, tope) => {
    const b = zlib.inflateRawSync(comprimido, { maxOutputLength: Math.max(1, tope) });
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  },
  // `zlib.crc32` llegó en Node 20.15; antes, fflate comprime (más lento, igual de correcto).
  ...(crc32
    ? {
        compresor: (datos: Uint8Array) => {
          const b = zlib.deflateRawSync(datos, { level: 6 });
          return { comprimido: new Uint8Array(b.buffer, b.byteOffset, b.byteLength), crc: crc32(datos) >>> 0 };
        },
      }
    : {}),
};
