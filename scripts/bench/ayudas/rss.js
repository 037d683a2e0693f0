/**
 * Se carga con `node -r` en el proceso medido: al salir escribe su pico de memoria
 * residente (MB) en el archivo de PAT_BENCH_RSS. Lo usa scripts/bench/cli.js (está en una subcarpeta para que scripts/bench.js no la tome por sección).
 */
"use strict";
const fs = require("node:fs");
process.on("exit", () => {
  const destino = process.env.PAT_BENCH_RSS;
  if (destino) fs.writeFileSync(destino, String(Math.round(process.resourceUsage().maxRSS / 1024)));
});
