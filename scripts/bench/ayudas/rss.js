/**
 * Se carga con `node -r` en el proceso medido: al salir escribe su pico de memoria
 * residente (MB) y su tiempo de CPU (usuario + sistema, ms, desde que arrancó el proceso)
 * en el archivo de PAT_BENCH_RSS, como JSON. El tiempo de CPU no cambia con la carga de
 * la máquina (el de pared sí, cuando otros procesos usan los núcleos). Lo usa scripts/bench/cli.js (está en una subcarpeta para que scripts/bench.js no la tome por sección).
 */
"use strict";
const fs = require("node:fs");
process.on("exit", () => {
  const destino = process.env.PAT_BENCH_RSS;
  if (!destino) return;
  const u = process.resourceUsage();
  fs.writeFileSync(destino, JSON.stringify({ rssMB: Math.round(u.maxRSS / 1024), cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000) }));
});
