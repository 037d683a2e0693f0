/**
 * Lo que una fila debería tener en sus columnas calculadas (spec §3). Lo usan la validación
 * (¿la celda cuadra?) y el plan de llenado (¿qué escribir?): una sola implementación.
 */
import { cumplimiento, porAlcanzar, redondear2 } from "../calculos";
import { calcularEstatus } from "../estatus";
import type { Actividad } from "../filas";
import type { Formato, Rol } from "../formatos";
import { evaluarMetodo } from "../metodo";
import type { EstatusCalculado, Texto } from "../tipos";
import { analizarMetodoEnCache } from "../metodo";
import type { MetodoFormula } from "./formulas";

export interface Calculado {
  /** Número en puntos (83.33, no 0.8333) o texto de estatus; para varias metas, un número por línea. */
  readonly valor: number | EstatusCalculado;
  readonly lineas?: ReadonlyArray<number>;
  /** Cómo se calculó, para el motivo del cambio y el mensaje del hallazgo («5 / 6 × 100 = 83.33»); se arma al pedirlo. */
  readonly explicar: () => Texto;
  /** Nota adicional (p. ej. «el /100 del método se leyó como × 100»). */
  readonly nota?: Texto;
  /** META ALCANZADA: el método y cómo se leyó, para compilarlo a fórmula igual que se evaluó. */
  readonly metodo?: MetodoFormula;
}

export type CalculosFila = Partial<Record<Rol, Calculado>>;

/** Un número como se muestra en mensajes: hasta 2 decimales, sin ceros de sobra. */
export function cifra(x: number): string {
  const r = redondear2(x);
  return Number.isInteger(r) ? String(r) : r.toFixed(2).replace(/0$/, "");
}

/** Número con 2 decimales fijos (líneas de % CUMPLIM.). */
export function cifra2(x: number): string {
  return redondear2(x).toFixed(2);
}

/** Un resultado que se puede escribir: finito y dentro de lo que Excel muestra con 2 decimales. */
function escribible(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x) < 1e15;
}

function invalido(act: Actividad, a?: string, b?: string, c?: string, d?: string): boolean {
  const inv = act.invalidas;
  if (inv.length === 0) return false;
  return (a !== undefined && inv.includes(a)) || (b !== undefined && inv.includes(b)) || (c !== undefined && inv.includes(c)) || (d !== undefined && inv.includes(d));
}

/** Alcanzado efectivo de la fila: calculado por el método si la columna es calculada y hay valores; si no, el escrito. */
function alcanzadoEfectivo(act: Actividad, formato: Formato, calc: CalculosFila): number | null | undefined {
  const col = formato.porRol.alcanzado;
  if (col?.calculada) {
    const c = calc.alcanzado;
    if (c && typeof c.valor === "number") return redondear2(c.valor);
    if (invalido(act, formato.porRol.valor1?.clave, formato.porRol.valor2?.clave, formato.porRol.metodo?.clave)) return undefined;
    if (act.valor1 !== null || act.valor2 !== null) return undefined; // a medio llenar
    if (invalido(act, col.clave)) return undefined;
    return act.alcanzado;
  }
  if (col && invalido(act, col.clave)) return undefined;
  return act.alcanzado;
}

/**
 * Calcula las columnas calculadas de una actividad. Una columna se omite si sus datos
 * tienen un error (o una meta dudosa) o si no hay nada que calcular.
 */
export function calcularFila(act: Actividad, formato: Formato, corte: number | null): CalculosFila {
  const calc: { -readonly [K in Rol]?: Calculado } = {};
  const r = formato.porRol;
  const claveMeta = r.meta?.clave;

  // avance-metas: % por línea = alcanzado / modificado × 100.
  if (formato.variasMetasPorCelda) {
    const col = r.porcentaje;
    if (col?.calculada && act.metas.length > 0 && !invalido(act, r.meta?.clave, r.modificado?.clave, r.alcanzado?.clave, r.unidad?.clave)) {
      const lineas: number[] = [];
      for (const m of act.metas) {
        const base = m.modificado ?? m.programado;
        if (base === null || !(base > 0)) return calc;
        const p = redondear2(((m.alcanzado ?? 0) / base) * 100);
        if (!escribible(p)) return calc;
        lineas.push(p);
      }
      const metas = act.metas;
      calc.porcentaje = {
        valor: lineas[0], lineas,
        explicar: (): Texto => {
          const texto = metas.map((m, i) => `${cifra(m.alcanzado ?? 0)} / ${cifra((m.modificado ?? m.programado) as number)} × 100 = ${cifra2(lineas[i])}`).join("; ");
          return { es: texto, en: texto };
        },
      };
    }
    return calc;
  }

  // META ALCANZADA calculada con el método (pat-transversal).
  if (r.alcanzado?.calculada && r.metodo && act.metodo && act.valor1 !== null && act.valor2 !== null &&
      !invalido(act, r.metodo.clave, r.valor1?.clave, r.valor2?.clave)) {
    const m = analizarMetodoEnCache(act.metodo);
    if (m.ok) {
      const metodo = m.valor;
      const valores = metodo.variables.length <= 1 ? [act.valor1] : [act.valor1, act.valor2];
      const entre100 = act.esPorcentaje && metodo.divideEntre100;
      const ev = evaluarMetodo(metodo, valores, { entre100ComoPor100: entre100 });
      if (ev.ok && escribible(ev.valor * 100)) {
        let valor = ev.valor;
        let nota: Texto | undefined;
        const escalar = act.esPorcentaje && !metodo.multiplicaPor100 && !metodo.divideEntre100 && metodo.clase === "razon";
        if (escalar) valor *= 100;
        const por100 = metodo.multiplicaPor100 || entre100 || escalar;
        if (entre100) nota = { es: "el «/100» del método se leyó como «× 100» porque es un indicador de porcentaje", en: "the method's \"/100\" was read as \"× 100\" because it is a percentage indicator" };
        else if (escalar) nota = { es: "el resultado se multiplicó por 100 porque es un indicador de porcentaje", en: "the result was multiplied by 100 because it is a percentage indicator" };
        const v1 = act.valor1;
        const v2 = act.valor2;
        const resultado = valor;
        calc.alcanzado = {
          valor,
          explicar: (): Texto => {
            if (metodo.variables.length === 2 && (metodo.clase === "porcentaje" || metodo.clase === "razon")) {
              const t = `${cifra(v1)} / ${cifra(v2)}${por100 ? " × 100" : ""} = ${cifra(resultado)}`;
              return { es: t, en: t };
            }
            const m = metodo.texto.replace(/\s+/g, " ").trim();
            return { es: `${m} con ${cifra(v1)} y ${cifra(v2)} = ${cifra(resultado)}`, en: `${m} with ${cifra(v1)} and ${cifra(v2)} = ${cifra(resultado)}` };
          },
          ...(nota ? { nota } : {}),
          metodo: { metodo, entre100ComoPor100: entre100, porCien: escalar },
        };
      }
    }
  }

  const metaDudosa = invalido(act, claveMeta) || act.meta === null || !(act.meta > 0);
  const alcanzado = alcanzadoEfectivo(act, formato, calc);
  const sentido = invalido(act, r.tendencia?.clave) ? null : act.sentido;

  if (!metaDudosa && alcanzado !== undefined && sentido !== null) {
    const meta = act.meta as number;
    if (r.porAlcanzar?.calculada && (alcanzado !== null || sentido === "ascendente")) {
      const p = porAlcanzar(meta, alcanzado ?? 0, sentido);
      if (p.ok && p.valor !== null && escribible(p.valor)) {
        const v = p.valor;
        const s = sentido;
        calc.porAlcanzar = {
          valor: v,
          explicar: (): Texto => {
            const texto = s === "descendente"
              ? `máx(${cifra(alcanzado ?? 0)} − ${cifra(meta)}, 0) = ${cifra(v)}`
              : `máx(${cifra(meta)} − ${cifra(alcanzado ?? 0)}, 0) = ${cifra(v)}`;
            return { es: texto, en: texto.replace("máx", "max") };
          },
        };
      }
    }
    if (r.porcentaje?.calculada && (alcanzado !== null || sentido === "ascendente")) {
      const c = cumplimiento(alcanzado ?? 0, meta, sentido);
      if (c.ok && c.valor !== null && escribible(c.valor)) {
        const v = c.valor;
        const s = sentido;
        calc.porcentaje = {
          valor: v,
          explicar: (): Texto => {
            const a = cifra(alcanzado ?? 0);
            const texto = s === "descendente"
              ? ((alcanzado ?? 0) <= 0 ? `${a} ≤ 0 → 100` : `${cifra(meta)} / ${a} × 100 = ${cifra(v)}`)
              : `${a} / ${cifra(meta)} × 100 = ${cifra(v)}`;
            return { es: texto, en: texto };
          },
        };
      }
    }
  }

  if (r.estatus?.calculada && !metaDudosa && alcanzado !== undefined && sentido !== null &&
      !invalido(act, r.mesInicial?.clave, r.mesFinal?.clave)) {
    const e = calcularEstatus({ meta: act.meta, alcanzado: alcanzado === null ? null : redondear2(alcanzado), mesInicial: act.mesInicial, mesFinal: act.mesFinal, corte, sentido });
    if (e.ok && e.valor !== null) {
      const estatus = e.valor;
      calc.estatus = {
        valor: estatus,
        explicar: (): Texto => {
          const a = cifra(alcanzado ?? 0);
          const m = cifra(act.meta as number);
          if (sentido === "descendente") {
            // «5 de 10» se lee como 50 %: en una reducción se dice a cuánto se redujo.
            const valor = { es: `se redujo a ${a} (meta: ${m} o menos)`, en: `reduced to ${a} (goal: ${m} or less)` };
            return estatus === "CUMPLIDA" ? valor
              : estatus === "NO CUMPLIDA" ? { es: `al corte (mes ${corte}) ya pasó el mes final (${act.mesFinal}) y el valor es ${a} (meta: ${m} o menos)`, en: `at the cut-off (month ${corte}) the end month (${act.mesFinal}) has passed with a value of ${a} (goal: ${m} or less)` }
              : estatus === "EN PROCESO" ? { es: `el valor es ${a} (meta: ${m} o menos)`, en: `the value is ${a} (goal: ${m} or less)` }
              : { es: `aún no hay medición (meta: ${m} o menos)`, en: `no measurement yet (goal: ${m} or less)` };
          }
          return estatus === "CUMPLIDA" ? { es: `se alcanzó ${a} de ${m}`, en: `${a} of ${m} achieved` }
            : estatus === "NO CUMPLIDA" ? { es: `al corte (mes ${corte}) ya pasó el mes final (${act.mesFinal}) y se alcanzó ${a} de ${m}`, en: `at the cut-off (month ${corte}) the end month (${act.mesFinal}) has passed with ${a} of ${m} achieved` }
            : estatus === "EN PROCESO" ? { es: `se lleva ${a} de ${m}`, en: `${a} of ${m} so far` }
            : { es: `aún no hay avance (0 de ${m})`, en: `no progress yet (0 of ${m})` };
        },
      };
    }
  }
  return calc;
}
