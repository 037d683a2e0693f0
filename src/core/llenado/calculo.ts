/**
 * Lo que una fila debería tener en sus columnas calculadas (spec §3). Lo usan la validación
 * (¿la celda cuadra?) y el plan de llenado (¿qué escribir?): una sola implementación.
 */
import { cumplimiento, porAlcanzar, redondear2 } from "../calculos";
import { calcularEstatus } from "../estatus";
import type { Actividad, LineaMeta } from "../filas";
import type { Formato, Rol } from "../formatos";
import { evaluarMetodo } from "../metodo";
import type { EstatusCalculado, Sentido, Texto } from "../tipos";
import { analizarMetodoEnCache } from "../metodo";
import type { MetodoFormula } from "./formulas";

/** Lo común a todo cálculo de una columna. */
interface CalculadoBase {
  /** Número en puntos (83.33, no 0.8333) o texto de estatus; para varias metas, un número por línea. */
  readonly valor: number | EstatusCalculado;
  readonly lineas?: ReadonlyArray<number>;
  /** Nota adicional (p. ej. «el /100 del método se leyó como × 100»). */
  readonly nota?: Texto;
  /** META ALCANZADA: el método y cómo se leyó, para compilarlo a fórmula igual que se evaluó. */
  readonly metodo?: MetodoFormula;
}

/**
 * Lo calculado en una columna con los datos de cómo se calculó (`como` y sus números): el
 * texto («5 / 6 × 100 = 83.33») lo arma `explicar` solo cuando se muestra. Datos y no una
 * función por cálculo: con 200 000 actividades, dos cierres por fila pesaban ≈ 60 MB.
 */
export type Calculado =
  /** % CUMPLIM. MODIF. de avance-metas: alcanzado / modificado × 100 por línea. */
  | (CalculadoBase & { readonly como: "lineas"; readonly valor: number; readonly lineas: ReadonlyArray<number>; readonly metas: ReadonlyArray<LineaMeta> })
  /** META ALCANZADA con el método y VALOR DE CÁLCULO 1 y 2; `por100`: el resultado se dice «× 100». */
  | (CalculadoBase & { readonly como: "metodo"; readonly valor: number; readonly metodo: MetodoFormula; readonly v1: number; readonly v2: number; readonly por100: boolean })
  /** Meta por alcanzar o porcentaje cumplido, con la meta, lo alcanzado (0 si vacío) y el sentido. */
  | (CalculadoBase & { readonly como: "porAlcanzar" | "porcentaje"; readonly valor: number; readonly meta: number; readonly alcanzado: number; readonly sentido: Sentido })
  /** ESTATUS, con lo que lo decide: meta, alcanzado, sentido, el mes de corte y el mes final. */
  | (CalculadoBase & {
    readonly como: "estatus"; readonly valor: EstatusCalculado; readonly meta: number; readonly alcanzado: number; readonly sentido: Sentido;
    readonly corte: number | null; readonly mesFinal: number | null;
  });

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
      calc.porcentaje = { como: "lineas", valor: lineas[0], lineas, metas: act.metas };
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
        calc.alcanzado = {
          como: "metodo", valor, v1: act.valor1, v2: act.valor2, por100,
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
        calc.porAlcanzar = { como: "porAlcanzar", valor: p.valor, meta, alcanzado: alcanzado ?? 0, sentido };
      }
    }
    if (r.porcentaje?.calculada && (alcanzado !== null || sentido === "ascendente")) {
      const c = cumplimiento(alcanzado ?? 0, meta, sentido);
      if (c.ok && c.valor !== null && escribible(c.valor)) {
        calc.porcentaje = { como: "porcentaje", valor: c.valor, meta, alcanzado: alcanzado ?? 0, sentido };
      }
    }
  }

  if (r.estatus?.calculada && !metaDudosa && alcanzado !== undefined && sentido !== null &&
      !invalido(act, r.mesInicial?.clave, r.mesFinal?.clave)) {
    const e = calcularEstatus({ meta: act.meta, alcanzado: alcanzado === null ? null : redondear2(alcanzado), mesInicial: act.mesInicial, mesFinal: act.mesFinal, corte, sentido });
    if (e.ok && e.valor !== null) {
      calc.estatus = { como: "estatus", valor: e.valor, meta: act.meta as number, alcanzado: alcanzado ?? 0, sentido, corte, mesFinal: act.mesFinal };
    }
  }
  return calc;
}

/** Cómo se calculó, dicho al usuario en los dos idiomas: «5 / 6 × 100 = 83.33», «se lleva 5 de 6». */
export function explicar(c: Calculado): Texto {
  switch (c.como) {
    case "lineas": {
      const texto = c.metas.map((m, i) => `${cifra(m.alcanzado ?? 0)} / ${cifra((m.modificado ?? m.programado) as number)} × 100 = ${cifra2(c.lineas[i])}`).join("; ");
      return { es: texto, en: texto };
    }
    case "metodo": {
      const metodo = c.metodo.metodo;
      if (metodo.variables.length === 2 && (metodo.clase === "porcentaje" || metodo.clase === "razon")) {
        const t = `${cifra(c.v1)} / ${cifra(c.v2)}${c.por100 ? " × 100" : ""} = ${cifra(c.valor)}`;
        return { es: t, en: t };
      }
      const m = metodo.texto.replace(/\s+/g, " ").trim();
      return { es: `${m} con ${cifra(c.v1)} y ${cifra(c.v2)} = ${cifra(c.valor)}`, en: `${m} with ${cifra(c.v1)} and ${cifra(c.v2)} = ${cifra(c.valor)}` };
    }
    case "porAlcanzar": {
      const texto = c.sentido === "descendente"
        ? `máx(${cifra(c.alcanzado)} − ${cifra(c.meta)}, 0) = ${cifra(c.valor)}`
        : `máx(${cifra(c.meta)} − ${cifra(c.alcanzado)}, 0) = ${cifra(c.valor)}`;
      return { es: texto, en: texto.replace("máx", "max") };
    }
    case "porcentaje": {
      const a = cifra(c.alcanzado);
      const texto = c.sentido === "descendente"
        ? (c.alcanzado <= 0 ? `${a} ≤ 0 → 100` : `${cifra(c.meta)} / ${a} × 100 = ${cifra(c.valor)}`)
        : `${a} / ${cifra(c.meta)} × 100 = ${cifra(c.valor)}`;
      return { es: texto, en: texto };
    }
    case "estatus":
      return explicarEstatus(c);
  }
}

function explicarEstatus(c: Extract<Calculado, { como: "estatus" }>): Texto {
  const a = cifra(c.alcanzado);
  const m = cifra(c.meta);
  const { valor: estatus, corte, mesFinal } = c;
  if (c.sentido === "descendente") {
    // «5 de 10» se lee como 50 %: en una reducción se dice a cuánto se redujo.
    return estatus === "CUMPLIDA" ? { es: `se redujo a ${a} (meta: ${m} o menos)`, en: `reduced to ${a} (goal: ${m} or less)` }
      : estatus === "NO CUMPLIDA" ? { es: `al corte (mes ${corte}) ya pasó el mes final (${mesFinal}) y el valor es ${a} (meta: ${m} o menos)`, en: `at the cut-off (month ${corte}) the end month (${mesFinal}) has passed with a value of ${a} (goal: ${m} or less)` }
      : estatus === "EN PROCESO" ? { es: `el valor es ${a} (meta: ${m} o menos)`, en: `the value is ${a} (goal: ${m} or less)` }
      : { es: `aún no hay medición (meta: ${m} o menos)`, en: `no measurement yet (goal: ${m} or less)` };
  }
  return estatus === "CUMPLIDA" ? { es: `se alcanzó ${a} de ${m}`, en: `${a} of ${m} achieved` }
    : estatus === "NO CUMPLIDA" ? { es: `al corte (mes ${corte}) ya pasó el mes final (${mesFinal}) y se alcanzó ${a} de ${m}`, en: `at the cut-off (month ${corte}) the end month (${mesFinal}) has passed with ${a} of ${m} achieved` }
    : estatus === "EN PROCESO" ? { es: `se lleva ${a} de ${m}`, en: `${a} of ${m} so far` }
    : { es: `aún no hay avance (0 de ${m})`, en: `no progress yet (0 of ${m})` };
}
