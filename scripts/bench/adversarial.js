/**
 * Celdas hostiles (la fusiona scripts/bench.js):
 *   core.worstCell.ms       la celda más lenta: análisis (detección, lectura, validación) y
 *                           plan de llenado de una hoja con UNA celda adversarial de 32 767
 *                           caracteres (el límite de Excel), probada en cada columna de cada
 *                           formato incluido con cada generador de abajo
 *   core.worstCell.cell     qué formato, columna y generador dio ese tiempo
 *   core.worstCell.floorMs  la misma hoja con un texto corto en esa celda (piso de la medición)
 *   core.worstCell.ratio    worstCell.ms / floorMs
 * Meta: pocos milisegundos; un patrón cuadrático sobre 32 767 caracteres cuesta cientos.
 */
"use strict";
const path = require("node:path");

const { registrarTs } = require("./ayudas/ts");

const RAIZ = path.resolve(__dirname, "..", "..");
const LARGO = 32767;

/** Repite `patron` hasta `LARGO` caracteres y le pone `inicio`/`fin`. */
function llenar(inicio, patron, fin = "") {
  const cuerpo = patron.repeat(Math.ceil((LARGO - inicio.length - fin.length) / patron.length));
  return (inicio + cuerpo).slice(0, LARGO - fin.length) + fin;
}

/** Generadores: cada uno busca una clase de retroceso (puntuación, espacios, cifras, paréntesis…). */
const GENERADORES = {
  puntos: () => llenar("", "."),
  puntosTras: () => llenar("CUMPLIDA", "."),
  puntosX: () => llenar("a", ".", "x"),
  puntuacionX: () => llenar("a", ". ,;:!", "x"),
  espaciosX: () => llenar("", " ", "x"),
  signoEspacios: () => llenar("-", " ", "\n"),
  dolarEspaciosX: () => llenar("$", " ", "x"),
  comasX: () => llenar("1", ",", "x"),
  fraccionXXX: () => llenar("", "fracción XXX "),
  espacios: () => llenar("", " "),
  unoEspaciosX: () => llenar("1", " ", "x"),
  signoEspaciosX: () => llenar("+", " ", "x"),
  comas: () => llenar("", ","),
  cifras: () => llenar("", "1"),
  cifrasX: () => llenar("", "1", "x"),
  milesX: () => llenar("1", ",234", "x"),
  cifrasEspacios: () => llenar("", "1 ", "x"),
  parentesis: () => llenar("", "(") + "",
  parentesisAnidados: () => llenar("", "((a)", ")"),
  equis: () => llenar("", "XXX "),
  equisLetra: () => llenar("", "x", "a"),
  guiones: () => llenar("", "_"),
  saltos: () => llenar("", "\r\n "),
  lineasCifras: () => llenar("", "1\n"),
  igual: () => llenar("=", "A1+"),
  metodo: () => llenar("", "(A / B) × 100 / "),
  operadores: () => llenar("1", "+-"),
  tabuladores: () => llenar("", "\t \u00A0"),
  comillas: () => llenar("'", "'!"),
  porcentaje: () => llenar("", "%"),
  combinables: () => llenar("a", "\u0301"),
};

function hojaDe(formato, filaDatos) {
  const encabezados = formato.columnas.map((c) => c.encabezado);
  return { nombre: "PAT", valores: [["PROGRAMA ANUAL DE TRABAJO 2024"], encabezados, filaDatos] };
}

/** Una fila de datos normal del formato (para que cada regla corra). */
function filaNormal(formato) {
  const tipico = { texto: "Informe", numero: 4, entero: 4, moneda: 1000, mes: 1, frecuencia: "Trimestral", porcentaje: 50, estatus: "EN PROCESO", dimension: "Eficacia", tendencia: "Incremento", metodo: "A / B × 100" };
  return formato.columnas.map((c) => (c.rol === "mesFinal" ? 12 : c.rol === "alcanzado" ? 2 : tipico[c.tipo] ?? "x"));
}

function medir(core, formato, filaDatos, repeticiones) {
  const hoja = hojaDe(formato, filaDatos);
  let mejor = Infinity;
  for (let i = 0; i < repeticiones; i++) {
    const t0 = performance.now();
    const a = core.analizarHoja(hoja, { formatos: [formato] });
    core.planificarLlenado(hoja, a);
    mejor = Math.min(mejor, performance.now() - t0);
  }
  return mejor;
}

module.exports = async function adversarial() {
  registrarTs();
  const core = require(path.join(RAIZ, "src", "core", "index.ts"));
  const celdas = Object.fromEntries(Object.entries(GENERADORES).map(([k, g]) => [k, g()]));
  let peor = { ms: -1, cell: "" };
  for (const formato of core.listarFormatos()) {
    const normal = filaNormal(formato);
    medir(core, formato, normal, 3); // calentar
    for (let col = 0; col < formato.columnas.length; col++) {
      for (const [nombre, celda] of Object.entries(celdas)) {
        const fila = normal.slice();
        fila[col] = celda;
        // La mejor de 2: la primera puede pagar la compilación de una expresión o un GC.
        const ms = medir(core, formato, fila, 2);
        if (process.env.PAT_BENCH_DETALLE && ms > 5) process.stderr.write(`[adversarial] ${formato.id}/${formato.columnas[col].clave}/${nombre}: ${ms.toFixed(1)} ms\n`);
        if (ms > peor.ms) peor = { ms, cell: `${formato.id}/${formato.columnas[col].clave}/${nombre}`, formato, col };
      }
    }
  }
  const filaPiso = filaNormal(peor.formato).slice();
  filaPiso[peor.col] = "Informe trimestral";
  const piso = medir(core, peor.formato, filaPiso, 20);
  const r = (x) => Math.round(x * 100) / 100;
  return { core: { worstCell: { ms: r(peor.ms), cell: peor.cell, floorMs: r(piso), ratio: r(peor.ms / Math.max(piso, 0.01)) } } };
};

if (require.main === module) module.exports().then((r) => console.log(JSON.stringify(r)));
