/**
 * El porqué de un cambio del plan, dicho donde se muestra (CLI, panel): el plan guarda datos
 * (lo calculado y, si hace falta, por qué no va una fórmula) y este módulo arma el texto en el
 * idioma que se pide. Con 200 000 actividades, guardar los dos textos de cada uno de los
 * 400 000 cambios costaba ≈ 150 MB en el pico de memoria del llenado.
 */
import type { CambioCelda, Idioma } from "../tipos";
import { direccionDe } from "../validacion/direcciones";
import { explicar } from "./calculo";

/** «PORCENTAJE CUMPLIDO (%) = 5 / 6 × 100 = 83.33», «ESTATUS = EN PROCESO: se lleva 5 de 6». */
export function razonDelCambio(c: CambioCelda, idioma: Idioma): string {
  const r = c.calculo;
  const calculo = explicar(r)[idioma];
  const razon = r.como === "estatus"
    ? `${c.encabezado} = ${r.valor}: ${calculo}`
    : r.nota ? `${c.encabezado} = ${calculo} (${r.nota[idioma]})` : `${c.encabezado} = ${calculo}`;
  if (!c.sinFormula) return razon;
  return idioma === "en" ? `${razon} (value, not a formula: ${c.sinFormula.en})` : `${razon} (valor y no fórmula: ${c.sinFormula.es})`;
}

/** La dirección A1 de la celda del cambio («P12»). */
export function direccionDelCambio(c: CambioCelda): string {
  return direccionDe(c.posicion);
}
