/**
 * Sección `functions` de scripts/bench.js: las funciones PAT.* a través del paquete
 * construido (dist/functions.js) y sus funciones asociadas, en el runtime simulado
 * (scripts/runtime-funciones.js). Construye dist/ si falta o está desactualizado.
 */
"use strict";
const { cargarFunciones } = require("../runtime-funciones");

const FILAS = 10000;

/** Llamadas por segundo de `f`, midiendo al menos `ms` milisegundos tras `calentar` llamadas. */
function porSegundo(f, ms = 1000, calentar = 200) {
  for (let i = 0; i < calentar; i++) f(i);
  let llamadas = 0;
  const inicio = process.hrtime.bigint();
  let transcurrido = 0;
  while (transcurrido < ms) {
    f(llamadas++);
    transcurrido = Number(process.hrtime.bigint() - inicio) / 1e6;
  }
  return (llamadas * 1000) / transcurrido;
}

module.exports = async function medirFunciones() {
  await require("../../tests/global-setup")();
  const { llamar } = cargarFunciones();

  const fija = [[7]];
  const escalar = porSegundo((i) => llamar("PERCENTAGE", [[i]], fija));

  const columna = Array.from({ length: FILAS }, (_, i) => [i + 1]);
  const arreglo = porSegundo(() => llamar("PERCENTAGE", columna, fija), 1500, 3) * FILAS;

  // Lo más costoso: una columna de métodos de cálculo con valores escritos como texto.
  const metodos = [["Documentos realizados / Documentos programados X 100"]];
  const v1 = Array.from({ length: FILAS }, (_, i) => [String(i % 97)]);
  const v2 = Array.from({ length: FILAS }, (_, i) => [`${(i % 89) + 1}`]);
  const metodo = porSegundo(() => llamar("METHOD", metodos, [v1, v2]), 1500, 3) * FILAS;

  return {
    functions: {
      scalarCallsPerSecond: Math.round(escalar),
      arrayCellsPerSecond: Math.round(arreglo),
      methodCellsPerSecond: Math.round(metodo),
      rows: FILAS,
    },
  };
};
