#!/usr/bin/env node
/**
 * Mediciones de rendimiento de PAT Indicadores. Imprime UN objeto JSON en stdout (los
 * avisos van a stderr). Cada sección es un módulo `scripts/bench/<seccion>.js` que exporta
 * una función asíncrona y devuelve un objeto; los objetos se combinan y la salida usa claves
 * planas con puntos, todas de la misma forma («functions.scalarCallsPerSecond»,
 * «cli.read20k.ms», «excel.readSyncs10k»). Para añadir una sección basta con crear su archivo.
 *
 *   node scripts/bench.js               todas las secciones
 *   node scripts/bench.js functions cli solo esas
 */
"use strict";
const fs = require("fs");
const path = require("path");

const DIR = path.join(__dirname, "bench");

function combinar(destino, origen) {
  for (const [k, v] of Object.entries(origen || {})) {
    if (v && typeof v === "object" && !Array.isArray(v) && destino[k] && typeof destino[k] === "object") combinar(destino[k], v);
    else destino[k] = v;
  }
  return destino;
}

/** `{ functions: { a: 1 } }` → `{ "functions.a": 1 }`. */
function aplanar(objeto, prefijo = "", destino = {}) {
  for (const [k, v] of Object.entries(objeto)) {
    const clave = prefijo ? `${prefijo}.${k}` : k;
    if (v && typeof v === "object" && !Array.isArray(v)) aplanar(v, clave, destino);
    else destino[clave] = v;
  }
  return destino;
}

async function main() {
  const pedidas = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const modulos = fs
    .readdirSync(DIR)
    .filter((a) => a.endsWith(".js"))
    .sort()
    .filter((a) => pedidas.length === 0 || pedidas.includes(path.basename(a, ".js")));
  const salida = { fecha: new Date().toISOString(), node: process.version };
  let fallos = 0;
  for (const archivo of modulos) {
    const seccion = path.basename(archivo, ".js");
    const inicio = Date.now();
    try {
      const medir = require(path.join(DIR, archivo));
      const f = typeof medir === "function" ? medir : medir.default;
      combinar(salida, await f());
      process.stderr.write(`[bench] ${seccion}: ${Date.now() - inicio} ms\n`);
    } catch (e) {
      fallos++;
      combinar(salida, { errores: { [seccion]: String((e && e.message) || e) } });
      process.stderr.write(`[bench] ${seccion} falló: ${(e && e.stack) || e}\n`);
    }
  }
  process.stdout.write(`${JSON.stringify(aplanar(salida), null, 2)}\n`);
  if (fallos > 0) process.exitCode = 1;
}

main();
