/**
 * Plan de llenado: para cada fila de datos, lo que deben decir sus columnas calculadas.
 * Nada se escribe aquí: el plan es una lista de `CambioCelda` (antes → después y por qué)
 * que la CLI y el panel aplican.
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
import type { Deteccion } from "../deteccion";
import { esEstatusManual, estatusEscritoAceptable, leerEstatus } from "../estatus";
import type { Actividad } from "../filas";
import type { Columna } from "../formatos";
import type { CambioCelda, EstatusCalculado, HojaDatos, Texto, ValorCelda } from "../tipos";
import { esVacio, formatoEsPorcentaje, leerCantidad } from "../valores";
import { direccion, letraColumna } from "../validacion/direcciones";
import { calcularFila, cifra2, type Calculado } from "./calculo";
import { formulaDeCelda } from "./formulas";

export { calcularFila, type Calculado, type CalculosFila } from "./calculo";
export { formulaNativa, formulaDeCelda, type CorteFormula, type EntornoFormula } from "./formulas";

export type ModoLlenado = "valores" | "formulas";

export interface OpcionesLlenado {
  readonly corte?: number | null;
  readonly modo?: ModoLlenado;
}

export interface ResultadoPlan {
  cambios: CambioCelda[];
  filasOmitidas: number[];
}

function igualFormula(a: string | null | undefined, b: string): boolean {
  return !!a && a.replace(/\s+/g, "").toUpperCase() === b.replace(/\s+/g, "").toUpperCase();
}

/** Calcula el plan de llenado de las actividades de una hoja detectada. */
export function planificar(hoja: HojaDatos, det: Deteccion, actividades: ReadonlyArray<Actividad>, opciones: OpcionesLlenado = {}): ResultadoPlan {
  const formato = det.formato;
  const modo = opciones.modo ?? "valores";
  const corte = opciones.corte ?? null;
  const calculadas: Columna[] = formato.columnas.filter((c) => c.calculada && det.columnas[c.clave] !== undefined);
  const cambios: CambioCelda[] = [];
  const omitidas: number[] = [];
  if (calculadas.length === 0) return { cambios, filasOmitidas: omitidas };

  for (const act of actividades) {
    const calc = calcularFila(act, formato, corte);
    const f0 = act.fila - 1;
    let omitida = false;
    for (const c of calculadas) {
      const i = det.columnas[c.clave];
      const antes: ValorCelda = hoja.valores[f0]?.[i] ?? null;
      const formulaAntes = hoja.formulas?.[f0]?.[i] ?? null;
      const fmt = hoja.formatosNumero?.[f0]?.[i] ?? null;
      const enPorcentaje = fmt !== null && formatoEsPorcentaje(fmt);
      if (act.heredadas.includes(c.clave)) continue; // dentro de una combinación: se escribe en la celda ancla
      if (c.tipo === "estatus" && esEstatusManual(act.estatus)) continue;
      const r: Calculado | undefined = calc[c.rol];
      if (!r) {
        if (act.invalidas.length > 0) omitida = true;
        continue;
      }
      const encabezado = c.encabezado;
      // El motivo se arma solo para las celdas que cambian.
      const razonDe = (): Texto => {
        const calculo = r.explicar();
        if (c.tipo === "estatus") return { es: `${encabezado} = ${r.valor}: ${calculo.es}`, en: `${encabezado} = ${r.valor}: ${calculo.en}` };
        return r.nota
          ? { es: `${encabezado} = ${calculo.es} (${r.nota.es})`, en: `${encabezado} = ${calculo.en} (${r.nota.en})` }
          : { es: `${encabezado} = ${calculo.es}`, en: `${encabezado} = ${calculo.en}` };
      };

      // Estatus escrito a mano: uno ilegible tiene su hallazgo (estatus-invalido) y no se
      // pisa; uno aceptable (NO CUMPLIDA sin corte) tampoco, ni con una fórmula.
      const leido = c.tipo === "estatus" ? leerEstatus(antes) : null;
      if (leido && !formulaAntes) {
        if (!leido.ok) continue;
        if (leido.valor !== null && leido.valor !== r.valor && estatusEscritoAceptable(leido.valor, r.valor as EstatusCalculado, corte)) continue;
      }

      // Valor.
      const multilinea = (r.lineas?.length ?? 0) > 1;
      let despues: ValorCelda;
      let igual: boolean;
      if (c.tipo === "estatus") {
        despues = String(r.valor);
        igual = !!leido?.ok && leido.valor !== null && estatusEscritoAceptable(leido.valor, r.valor as EstatusCalculado, corte);
      } else if (multilinea || (formato.variasMetasPorCelda && r.lineas)) {
        const lineas = r.lineas!;
        if (lineas.length === 1) {
          despues = enPorcentaje ? Math.round(lineas[0] * 100) / 10000 : lineas[0];
          const q = leerCantidad(antes, fmt);
          igual = q.ok && q.valor !== null && Math.abs(redondear2(q.valor.valor) - lineas[0]) < 0.005;
        } else {
          despues = lineas.map(cifra2).join("\n");
          const previas = typeof antes === "string" ? antes.split(/\r?\n/).map((s) => s.trim()).filter((s) => s) : [];
          igual = previas.length === lineas.length && previas.every((p, k) => {
            const q = leerCantidad(p, fmt);
            return q.ok && q.valor !== null && Math.abs(redondear2(q.valor.valor) - lineas[k]) < 0.005;
          });
        }
      } else {
        const puntos = redondear2(r.valor as number);
        despues = enPorcentaje ? Math.round(puntos * 100) / 10000 : puntos;
        const q = leerCantidad(antes, fmt);
        igual = q.ok && q.valor !== null && Math.abs(redondear2(q.valor.valor) - puntos) < 0.005;
      }
      // Ya tiene el valor, o una fórmula propia cuyo resultado guardado es el calculado: se respeta en todo modo.
      if (igual && (modo === "valores" || formulaAntes)) continue;
      // Nunca se planea escribir NaN ni ±Infinity (Excel no los guarda como número).
      if (typeof despues === "number" && !Number.isFinite(despues)) {
        omitida = true;
        continue;
      }

      // Fórmula nativa, si el modo lo pide y la fila se puede expresar con una.
      let sinFormula: Texto | null = null;
      if (modo === "formulas") {
        const f = formulaDeCelda(hoja, det.columnas, formato, act, c.rol, calc, { corte, enPorcentaje: enPorcentaje && c.tipo !== "estatus" });
        if (f.ok) {
          if (igualFormula(formulaAntes, f.expresion)) continue;
          cambios.push({
            celda: direccion(act.fila, i), fila: act.fila, columna: letraColumna(i), encabezado,
            antes, formulaAntes, despues: f.expresion, esFormula: true, razon: razonDe(), reemplaza: !esVacio(antes) || !!formulaAntes,
          });
          continue;
        }
        sinFormula = f.motivo;
      }
      if (igual) continue;
      const razon = razonDe();
      cambios.push({
        celda: direccion(act.fila, i), fila: act.fila, columna: letraColumna(i), encabezado,
        antes, formulaAntes, despues, esFormula: false, reemplaza: !esVacio(antes) || !!formulaAntes,
        razon: sinFormula
          ? { es: `${razon.es} (valor y no fórmula: ${sinFormula.es})`, en: `${razon.en} (value, not a formula: ${sinFormula.en})` }
          : razon,
      });
    }
    if (omitida) omitidas.push(act.fila);
  }
  return { cambios, filasOmitidas: omitidas };
}
