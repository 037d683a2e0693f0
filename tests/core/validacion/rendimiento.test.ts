/** analizarHoja sobre 10,000 filas: decenas de milisegundos (caché de métodos, sin O(n²)). */
import { analizarHoja, planificarLlenado, type ValorCelda } from "../../../src/core";
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

/** Tiempo de CPU (ms) del mejor de 3 intentos, tras calentar: la máquina de pruebas es compartida. */
function medir(fn: () => void): number {
  fn(); // calentamiento
  const tiempos: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    tiempos.push(c.user / 1000);
  }
  return Math.min(...tiempos);
}

test.each([
  ["pat-organo", grande(FILAS_ORGANO, 7, FILAS_ORGANO.slice(8, 25).filter((f) => f.length > 5), 10000)],
  ["pat-transversal", grande(FILAS_TRANSVERSAL, 7, FILAS_TRANSVERSAL.slice(7), 10000)],
])("%s: 10,000 filas", (id, valores) => {
  const hoja = { nombre: "grande", valores };
  let a = analizarHoja(hoja);
  const ms = medir(() => { a = analizarHoja(hoja, { corte: 6 }); });
  const msPlan = medir(() => { planificarLlenado(hoja, a, { corte: 6 }); });
  console.log(`${id}: analizarHoja 10,000 filas = ${ms.toFixed(1)} ms de CPU; planificarLlenado = ${msPlan.toFixed(1)} ms de CPU`);
  expect(a.deteccion?.formato.id).toBe(id);
  expect(a.filasDatos).toBe(10000);
  expect(ms).toBeLessThan(1500); // holgado (ts-jest, máquina compartida); detecta un O(n²), no mide
});
