#!/usr/bin/env node
/**
 * `npm run demo`: el trabajo principal sobre el libro de ejemplo. Valida
 * samples/pat-ieebcs-2024.xlsx al corte de junio (el informe sale en la terminal) y escribe
 * demo/pat-ieebcs-2024-llenado.xlsx con las columnas calculadas llenas.
 * Sale con 0 si ambas órdenes corrieron (el ejemplo trae errores de captura a propósito:
 * que `pat validar` los encuentre, con código 1, es el resultado esperado).
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const raiz = path.join(__dirname, "..");
const pat = path.join(raiz, "dist", "cli", "pat.js");
const libro = path.join(raiz, "samples", "pat-ieebcs-2024.xlsx");
const salida = path.join(raiz, "demo", "pat-ieebcs-2024-llenado.xlsx");
fs.mkdirSync(path.dirname(salida), { recursive: true });

function correr(args) {
  console.log(`\n$ pat ${args.map((a) => path.relative(raiz, a) || a).join(" ")}`);
  const r = spawnSync(process.execPath, [pat, ...args], { stdio: "inherit" });
  if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 2);
}

correr(["validar", libro, "--corte", "6"]);
correr(["llenar", libro, "--salida", salida, "--corte", "6", "--sobrescribir"]);
console.log(`\nListo: ${path.relative(raiz, salida)}`);
