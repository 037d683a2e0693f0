/**
 * Sección `excel` de scripts/bench.js: cuántos `context.sync()` hace el puerto de Office.js
 * (src/excel/office.ts) contra el Excel simulado de las pruebas (office-addin-mock) con una
 * hoja pat-organo de 10 000 actividades:
 * - excel.readSyncs10k: leer la hoja (valores, fórmulas, formatos, combinaciones, ocultas);
 *   1 + 2 por trozo de CELDAS_POR_LECTURA celdas (el mismo número que con 10 filas si la
 *   hoja cabe en un trozo).
 * - excel.fillSyncs10k: «Aplicar» el llenado completo de 10 000 filas (20 000 celdas):
 *   listar hojas (1), leer el contenido previo (1 por trozo de CELDAS_POR_LOTE celdas, en
 *   corridas verticales), guardar el registro de deshacer compacto en el documento (1 + 1
 *   por parte XML) y escribir (1 + 1 por trozo).
 * Carga los .ts con el compilador de TypeScript (solo transpila) en memoria.
 */
"use strict";
const path = require("path");
const Module = require("module");

const { registrarTs: registrarTsFuente } = require("./ayudas/ts");

const RAIZ = path.join(__dirname, "..", "..");

function registrarTs() {
  if (require.extensions[".ts"]) return;
  registrarTsFuente();
  // office-addin-mock solo usa el enum OfficeApp de office-addin-manifest, que arrastra ESM.
  const cargar = Module._load;
  Module._load = function (pedido, padre, esPrincipal) {
    if (pedido === "office-addin-manifest") return { OfficeApp: { Excel: "Excel", Outlook: "Outlook" } };
    return cargar.call(this, pedido, padre, esPrincipal);
  };
}

module.exports = async function medirExcel() {
  registrarTs();
  const { LibroMemoria } = require(path.join(RAIZ, "src/excel/memoria.ts"));
  const { PuertoOffice } = require(path.join(RAIZ, "src/excel/office.ts"));
  const { escribirConDeshacer } = require(path.join(RAIZ, "src/excel/deshacer.ts"));
  const { crearSimulacro } = require(path.join(RAIZ, "tests/excel/simulacro.ts"));
  const { hojaOrgano } = require(path.join(RAIZ, "tests/excel/fixtures.ts"));

  const libro = LibroMemoria.desde([hojaOrgano(10000)]);
  const sim = crearSimulacro(libro);
  const puerto = new PuertoOffice(sim.ejecutar, { notas: true, combinaciones: true });

  sim.reiniciar();
  const lectura = await puerto.leerHoja();
  const lecturaSyncs = sim.syncs;
  if (lectura.filas !== 10006) throw new Error(`lectura incompleta: ${lectura.filas} filas`);

  const cambios = [];
  for (let i = 0; i < 10000; i++) cambios.push({ posicion: { fila: 7 + i, columna: 16 }, valor: 50 }, { posicion: { fila: 7 + i, columna: 17 }, valor: "EN PROCESO" });
  sim.reiniciar();
  await escribirConDeshacer(puerto, "PAT", cambios);
  const llenadoSyncs = sim.syncs;

  return { "excel.readSyncs10k": lecturaSyncs, "excel.fillSyncs10k": llenadoSyncs };
};
