/**
 * Plan de llenado: para cada fila de datos, lo que deben decir sus columnas calculadas.
 * Nada se escribe aquí: el plan es una lista de `CambioCelda` (antes → después y por qué,
 * como datos: el texto lo arma `razonDelCambio` al mostrarlo) que la CLI y el panel aplican.
 *
 * - `pat-organo`: PORCENTAJE CUMPLIDO = cumplidas / meta × 100 y ESTATUS.
 * - `pat-transversal`: META ALCANZADA (el método con VALOR DE CÁLCULO 1 y 2), Meta por
 *   alcanzar, PORCENTAJE DE LA META CUMPLIDO y ESTATUS.
 * - `avance-metas`: % CUMPLIM. MODIF. por línea (alcanzado / modificado × 100).
 * - `indicadores-resultados`: nada (solo validación).
 *
 * Modo «valores»: números redondeados a 2 decimales; en una celda con formato de porcentaje
 * se escribe la fracción (0.8333), si no, los puntos (83.33). Modo «formulas»: fórmulas
 * nativas de Excel que calculan lo mismo (ver `formulas.ts`); una celda con varias metas,
 * o cuyos datos una fórmula no leería igual (un número escrito como texto), recibe el valor
 * y el motivo del cambio dice por qué.
 *
 * Nunca se tocan: estatus manuales (CANCELADA, REPROGRAMADA) ni ilegibles, columnas no calculadas, celdas
 * que ya tienen el valor o la misma fórmula, una fórmula propia cuyo resultado guardado es el
 * calculado (en los dos modos), filas cuyos datos tienen errores (solo sus hallazgos).
 */
import { redondear2 } from "../calculos";
import type { CeldaCalculada, FilaAnalizada } from "../lectura";
import type { Deteccion } from "../deteccion";
import { conservaEstatusEscrito, esEstatusManual, estatusEscritoAceptable } from "../estatus";
import type { Actividad } from "../filas";
import type { CambioCelda, EstatusCalculado, HojaDatos, Texto, ValorCelda } from "../tipos";
import { esVacio, formatoEsPorcentaje } from "../valores";
import { cifra2, type Calculado } from "./calculo";
import { celdaCoincide } from "./coincidencia";
import { motivoDeOmision, type FilaOmitida } from "./decision";
import { formulaDeCelda } from "./formulas";

export { calcularFila, explicar, type Calculado, type CalculosFila } from "./calculo";
export { direccionDelCambio, razonDelCambio } from "./razon";
export { coincideNumero, celdaCoincide } from "./coincidencia";
export { textoOmision, type FilaOmitida, type MotivoOmision } from "./decision";
export { formulaNativa, formulaDeCelda, type CorteFormula, type EntornoFormula } from "./formulas";

export type ModoLlenado = "valores" | "formulas";

export interface OpcionesLlenado {
  readonly corte?: number | null;
  readonly modo?: ModoLlenado;
}

export interface ResultadoPlan {
  cambios: CambioCelda[];
  filasOmitidas: number[];
  /** Por qué no se llenó (o no se llenó completa) cada fila omitida, en el mismo orden. */
  motivos: FilaOmitida[];
}

function igualFormula(a: string | null | undefined, b: string): boolean {
  return !!a && a.replace(/\s+/g, "").toUpperCase() === b.replace(/\s+/g, "").toUpperCase();
}

/**
 * Plan de llenado de las actividades de una hoja ya analizada: consume los cálculos y lo
 * escrito en cada celda calculada que dejó el análisis (`filas`, en el orden de
 * `actividades`); no lee celdas ni calcula otra vez.
 */
export function planificar(
  hoja: HojaDatos, det: Deteccion, actividades: ReadonlyArray<Actividad>, filas: ReadonlyArray<FilaAnalizada>, opciones: OpcionesLlenado = {},
): ResultadoPlan {
  const formato = det.formato;
  const modo = opciones.modo ?? "valores";
  const corte = opciones.corte ?? null;
  const cambios: CambioCelda[] = [];
  const omitidas: number[] = [];
  const motivos: FilaOmitida[] = [];

  for (let k = 0; k < actividades.length; k++) {
    const act = actividades[k];
    const fila = filas[k];
    if (!fila || fila.calculadas.length === 0) continue;
    const calc = fila.calculos;
    // Una fila con errores no se llena: se decide aquí, una vez, y se dice por qué.
    if (fila.errores.length > 0) {
      omitidas.push(act.fila);
      motivos.push(motivoDeOmision(fila, formato, []));
      continue;
    }
    const sinCalculo: string[] = [];
    const combinadas: CeldaCalculada[] = [];
    for (const celda of fila.calculadas) {
      const c = celda.columna;
      const i = celda.indice;
      const antes: ValorCelda = celda.valor;
      const formulaAntes = celda.formula;
      const fmt = celda.formatoNumero;
      const enPorcentaje = fmt !== null && formatoEsPorcentaje(fmt);
      if (fila.heredadas[c.orden]) continue; // dentro de una combinación: se escribe en la celda ancla
      if (c.tipo === "estatus" && esEstatusManual(act.estatus)) continue;
      // Una celda cubierta por una combinación no se escribe (Excel guarda solo el ancla): se dice.
      if (celda.combinacion) {
        if (calc[c.rol]) combinadas.push(celda);
        continue;
      }
      const r: Calculado | undefined = calc[c.rol];
      if (!r) {
        if (act.invalidas.length > 0) sinCalculo.push(c.encabezado);
        continue;
      }
      const encabezado = c.encabezado;

      // Estatus escrito a mano (leído por el análisis): uno ilegible tiene su hallazgo
      // (estatus-invalido) y no se pisa; uno que se conserva (NO CUMPLIDA sin corte) tampoco,
      // ni con una fórmula.
      const escrito = c.tipo === "estatus" ? fila.estatusEscrito : null;
      if (c.tipo === "estatus" && !formulaAntes) {
        if (escrito === "ilegible") continue;
        if (conservaEstatusEscrito(escrito, r.valor as EstatusCalculado, corte)) continue;
      }

      // Valor. Coincidir lo decide `celdaCoincide`, lo mismo que la regla «calculados».
      const multilinea = (r.lineas?.length ?? 0) > 1;
      let despues: ValorCelda;
      let igual: boolean;
      if (c.tipo === "estatus") {
        despues = String(r.valor);
        igual = escrito !== null && escrito !== "ilegible" && estatusEscritoAceptable(escrito, r.valor as EstatusCalculado, corte);
      } else if (multilinea || (formato.variasMetasPorCelda && r.lineas)) {
        const lineas = r.lineas!;
        if (lineas.length === 1) {
          despues = enPorcentaje ? Math.round(lineas[0] * 100) / 10000 : lineas[0];
          igual = celdaCoincide(antes, fmt, lineas[0]);
        } else {
          despues = lineas.map(cifra2).join("\n");
          const previas = typeof antes === "string" ? antes.split(/\r?\n/).map((x) => x.trim()).filter((x) => x) : [];
          igual = previas.length === lineas.length && previas.every((p, j) => celdaCoincide(p, fmt, lineas[j]));
        }
      } else {
        const puntos = redondear2(r.valor as number);
        despues = enPorcentaje ? Math.round(puntos * 100) / 10000 : puntos;
        igual = celdaCoincide(antes, fmt, puntos);
      }
      // Ya tiene el valor, o una fórmula propia cuyo resultado guardado es el calculado: se respeta en todo modo.
      if (igual && (modo === "valores" || formulaAntes)) continue;
      // Nunca se planea escribir NaN ni ±Infinity (Excel no los guarda como número).
      if (typeof despues === "number" && !Number.isFinite(despues)) {
        sinCalculo.push(c.encabezado);
        continue;
      }

      // Fórmula nativa, si el modo lo pide y la fila se puede expresar con una.
      let sinFormula: Texto | null = null;
      if (modo === "formulas") {
        const f = formulaDeCelda(hoja, det.columnas, formato, act, c.rol, calc, { corte, enPorcentaje: enPorcentaje && c.tipo !== "estatus" });
        if (f.ok) {
          if (igualFormula(formulaAntes, f.expresion)) continue;
          cambios.push({
            posicion: { fila: act.fila, columna: i + 1 }, encabezado,
            antes, formulaAntes, despues: f.expresion, esFormula: true, reemplaza: !esVacio(antes) || !!formulaAntes, calculo: r, sinFormula: null,
          });
          continue;
        }
        sinFormula = f.motivo;
      }
      if (igual) continue;
      cambios.push({
        posicion: { fila: act.fila, columna: i + 1 }, encabezado,
        antes, formulaAntes, despues, esFormula: false, reemplaza: !esVacio(antes) || !!formulaAntes, calculo: r, sinFormula,
      });
    }
    if (sinCalculo.length > 0 || combinadas.length > 0) {
      omitidas.push(act.fila);
      motivos.push(motivoDeOmision(fila, formato, sinCalculo, combinadas));
    }
  }
  return { cambios, filasOmitidas: omitidas, motivos };
}
