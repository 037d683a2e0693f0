/**
 * Hojas grandes: 10,000 filas se reconocen y se planifican completas. La velocidad se mide
 * en `npm run bench` (core.validateRowsPerSecond), nunca con tiempos en las pruebas.
 */
import { analizarHoja, direccionDelCambio, planificarLlenado, type ValorCelda } from "../../../src/core";
import { FILAS_ORGANO } from "../../fixtures/hojas/pat-organo";
import { FILAS_TRANSVERSAL } from "../../fixtures/hojas/pat-transversal";

function grande(base: ValorCelda[][], encabezado: number, datos: ValorCelda[][], n: number): ValorCelda[][] {
  const filas = base.slice(0, encabezado);
  for (let i = 0; i < n; i++) {
    const f = [...datos[i % datos.length]];
    f[0] = String(Math.floor(i / 2) + 1);
    filas.push(f);
  }
  return filas;
}

test.each([
  ["pat-organo", grande(FILAS_ORGANO, 7, FILAS_ORGANO.slice(8, 25).filter((f) => f.length > 5), 10000)],
  ["pat-transversal", grande(FILAS_TRANSVERSAL, 7, FILAS_TRANSVERSAL.slice(7), 10000)],
])("%s: 10,000 filas de datos se reconocen y planifican", (id, valores) => {
  const hoja = { nombre: "grande", valores };
  const a = analizarHoja(hoja, { corte: 6 });
  expect(a.deteccion?.formato.id).toBe(id);
  expect(a.filasDatos).toBe(10000);
  const plan = planificarLlenado(hoja, a, { corte: 6 });
  // Ningún cambio fuera de las filas de datos ni repetido.
  const celdas = new Set(plan.cambios.map((c) => direccionDelCambio(c)));
  expect(celdas.size).toBe(plan.cambios.length);
  expect(Math.min(...plan.cambios.map((c) => c.posicion.fila))).toBeGreaterThan(7);
});
