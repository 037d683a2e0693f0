#!/usr/bin/env node
/**
 * Genera los íconos del complemento (assets/icon-{16,32,64,80,128}.png) sin dependencias:
 * un cuadro redondeado verde con tres barras blancas (indicadores). PNG RGBA de 8 bits
 * escrito a mano con zlib. La salida se guarda en el repositorio; vuelva a correr
 * `node scripts/generar-iconos.js` solo si cambia el diseño.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const TAMANOS = [16, 32, 64, 80, 128];
const FONDO = [0x1b, 0x6e, 0x4f]; // verde institucional
const FIGURA = [0xff, 0xff, 0xff];

const TABLA_CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = TABLA_CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function bloque(tipo, datos) {
  const longitud = Buffer.alloc(4);
  longitud.writeUInt32BE(datos.length);
  const cuerpo = Buffer.concat([Buffer.from(tipo, "ascii"), datos]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(cuerpo));
  return Buffer.concat([longitud, cuerpo, crc]);
}

/** Cobertura (0–1) de un píxel por el cuadro redondeado, con 4×4 submuestras. */
function cobertura(px, py, n, dentro) {
  let c = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      if (dentro(px + (i + 0.5) / 4, py + (j + 0.5) / 4, n)) c++;
    }
  }
  return c / 16;
}

function enCuadro(x, y, n) {
  const r = n * 0.18;
  const cx = Math.min(Math.max(x, r), n - r);
  const cy = Math.min(Math.max(y, r), n - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function enBarras(x, y, n) {
  // Tres barras de alturas crecientes sobre una base común.
  const base = n * 0.8;
  const ancho = n * 0.16;
  const barras = [
    { x: n * 0.2, alto: n * 0.3 },
    { x: n * 0.42, alto: n * 0.45 },
    { x: n * 0.64, alto: n * 0.6 },
  ];
  return barras.some((b) => x >= b.x && x < b.x + ancho && y <= base && y >= base - b.alto);
}

function png(n) {
  const filas = [];
  for (let y = 0; y < n; y++) {
    const fila = Buffer.alloc(1 + n * 4); // byte de filtro 0 + RGBA
    for (let x = 0; x < n; x++) {
      const fondo = cobertura(x, y, n, enCuadro);
      const figura = cobertura(x, y, n, enBarras);
      const o = 1 + x * 4;
      for (let k = 0; k < 3; k++) fila[o + k] = Math.round(FONDO[k] * (1 - figura) + FIGURA[k] * figura);
      fila[o + 3] = Math.round(255 * Math.max(fondo, figura));
    }
    filas.push(fila);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bits por canal
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    bloque("IHDR", ihdr),
    bloque("IDAT", zlib.deflateSync(Buffer.concat(filas), { level: 9 })),
    bloque("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const dir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const n of TAMANOS) {
    const archivo = path.join(dir, `icon-${n}.png`);
    fs.writeFileSync(archivo, png(n));
    console.log(`${path.relative(process.cwd(), archivo)} (${n}×${n})`);
  }
}

if (require.main === module) main();

module.exports = { png, crc32, TAMANOS };
