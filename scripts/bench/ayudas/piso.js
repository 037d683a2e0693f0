/**
 * El piso de las mediciones de la CLI: descomprimir y pasar por saxes cada parte XML del libro,
 * nada más. Corre dentro del proceso de la medición (`cli.floor20k.ms`) o como proceso propio,
 * `node piso.js libro.xlsx` (`cli.floorProcess20k.ms`): por eso no carga nada más que lo suyo.
 */
"use strict";
const fs = require("node:fs");

/**
 * Piso: inflar cada parte XML (el mismo zlib de Node que usa la CLI) y pasarla por saxes
 * sin manejar ningún evento, nada más.
 */
function piso(bytes) {
  const zlib = require("node:zlib");
  const { unzipSync } = require("fflate");
  const { SaxesParser } = require("saxes");
  // Solo el directorio: fflate lista las entradas; el inflado es el de zlib.
  const nombres = [];
  unzipSync(new Uint8Array(bytes), { filter: (f) => (nombres.push(f), false) });
  const b = Buffer.from(bytes);
  let etiquetas = 0;
  for (const f of nombres) {
    if (!/\.(?:xml|rels)$/.test(f.name)) continue;
    // Cabecera local: nombre y datos de la entrada (una pasada por el ZIP).
    const i = b.indexOf(Buffer.from(f.name), 0);
    const local = i - 30;
    const datos = b.subarray(i + f.name.length + b.readUInt16LE(local + 28), i + f.name.length + b.readUInt16LE(local + 28) + f.size);
    const texto = (f.compression === 8 ? zlib.inflateRawSync(datos) : datos).toString("utf8");
    const p = new SaxesParser({ xmlns: false, position: false });
    p.on("opentag", () => etiquetas++);
    p.write(texto).close();
  }
  return etiquetas;
}

module.exports = { piso };

if (require.main === module) process.stdout.write(`${piso(fs.readFileSync(process.argv[2]))}\n`);
