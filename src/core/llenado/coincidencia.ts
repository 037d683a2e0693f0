/**
 * ¿Lo escrito en una celda calculada coincide con lo calculado? Una sola respuesta para la
 * regla `calculados` (¿hay hallazgo?) y para el plan de llenado (¿se cambia la celda?): si
 * la regla calla, el plan no toca la celda, y si el plan la cambia, la regla lo dijo.
 *
 * Coinciden cuando son iguales redondeados a 2 decimales (lo que el plan escribiría): 83.333
 * y 83.33 coinciden con 5 / 6 × 100; 83.34 no. En una celda con formato de porcentaje la
 * lectura (`leerCantidad`) ya convierte la fracción 0.8333 en 83.33 puntos.
 */
import { redondear2 } from "../calculos";
import type { ValorCelda } from "../tipos";
import { leerCantidad } from "../valores";

/** Lo escrito (en puntos, ya leído) coincide con lo calculado (en puntos). */
export function coincideNumero(escrito: number, calculado: number): boolean {
  // 1e-9: 0.8333 × 100 = 83.33000000000001 redondea igual, pero se compara con holgura de coma flotante.
  return Math.abs(redondear2(escrito) - redondear2(calculado)) < 1e-9;
}

/** Una celda (valor crudo y formato de número) coincide con lo calculado. */
export function celdaCoincide(crudo: ValorCelda, formatoNumero: string | null, calculado: number): boolean {
  const q = leerCantidad(crudo, formatoNumero);
  return q.ok && q.valor !== null && coincideNumero(q.valor.valor, calculado);
}
