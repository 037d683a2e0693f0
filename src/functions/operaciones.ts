/**
 * Lo que cada función PAT hace con UNA celda de cada argumento: leer lo que la gente
 * escribió (números como texto, meses, frecuencias, sentido) y llamar al núcleo. Puro:
 * sin Office. La difusión sobre rangos y la conversión a errores de Excel están en
 * `ejecutar.ts`; aquí no se lanza nada (todo es `Resultado`).
 */
import { cumplimiento, metaAlCorte, periodos, porAlcanzar, porcentaje, razon, tasaVariacion } from "../core/calculos";
import { calcularEstatus } from "../core/estatus";
import { analizarMetodoEnCache, evaluarMetodo, revisarMetodo } from "../core/metodo";
import { calcularSemaforo } from "../core/semaforo";
import type { ErrorPat, Resultado, Sentido, ValorCelda } from "../core/tipos";
import { esVacio, leerFrecuencia, leerMes, leerNumero, leerSentido } from "../core/valores";
import type { ValorSalida } from "./errores";

/** Una celda tal como llega de Excel (número, texto, booleano, vacío). */
export type Celda = unknown;

export interface Operacion {
  /** Nombre de la función en español (para mensajes y pruebas). */
  readonly nombre: string;
  /**
   * Índices de los argumentos con datos de la fila. Si todos están vacíos el resultado es
   * vacío: las filas sin llenar quedan limpias aunque el corte, el sentido o el método
   * estén escritos.
   */
  readonly datos: ReadonlyArray<number>;
  /** Si existe, también son datos todos los argumentos desde este índice (los repetidos). */
  readonly datosDesde?: number;
  /**
   * Si existe, decide ella si la fila está sin datos (en lugar de `datos`/`datosDesde`):
   * `METODO` sin variables se evalúa aunque no haya valores.
   */
  readonly sinDatos?: (celdas: ReadonlyArray<Celda>) => boolean;
  /** Calcula con una celda de cada argumento. Los argumentos repetidos llegan al final. */
  readonly calcular: (celdas: ReadonlyArray<Celda>) => Resultado<ValorSalida | null>;
}

type Nombre = readonly [es: string, en: string];

/**
 * Un argumento que no es una celda: una lista dentro de otra (`[[[1, 2]]]`, que como texto
 * sería «1,2» y se leería 1.2) o un objeto que no se puede leer. `ejecutar` lo convierte en
 * `#VALUE!` con un mensaje propio, no en «Error interno».
 */
export class CeldaNoLegible extends Error {
  constructor() {
    super("celda no legible");
    this.name = "CeldaNoLegible";
  }
}

function celda(v: Celda): ValorCelda | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if (Array.isArray(v)) throw new CeldaNoLegible();
  // Tipos de datos de Excel (allowCustomDataForDataTypeAny): su valor básico.
  if (typeof v === "object") {
    const basico = (v as { basicValue?: unknown }).basicValue;
    if (typeof basico === "number" || typeof basico === "string" || typeof basico === "boolean") return basico;
  }
  throw new CeldaNoLegible();
}

/** Antepone el nombre del argumento al mensaje de error («denominador: …»). */
function conNombre<T>(nombre: Nombre, r: Resultado<T>): Resultado<T> {
  if (r.ok) return r;
  const error: ErrorPat = { ...r.error, mensaje: `${nombre[0]}: ${r.error.mensaje}`, mensajeEn: `${nombre[1]}: ${r.error.mensajeEn}` };
  return { ok: false, error };
}

const numero = (nombre: Nombre, v: Celda): Resultado<number | null> => conNombre(nombre, leerNumero(celda(v)));
const mes = (nombre: Nombre, v: Celda): Resultado<number | null> => conNombre(nombre, leerMes(celda(v)));

/** Meses de una frecuencia: su nombre («Trimestral») o un número entero de meses (1, 2, 3…). */
function mesesFrecuencia(v: Celda): Resultado<number | null> {
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 1) return { ok: true, valor: v };
    return {
      ok: false,
      error: {
        tipo: "valor",
        mensaje: `frecuencia: ${String(v)} no es un número entero de meses. Escriba un nombre del catálogo (Mensual, Bimestral, Trimestral, Cuatrimestral, Semestral, Anual, Bienal) o los meses entre mediciones: 1, 2, 3…`,
        mensajeEn: `frequency: ${String(v)} is not a whole number of months. Write a catalogue name (Mensual, Bimestral, Trimestral, Cuatrimestral, Semestral, Anual, Bienal) or the months between measurements: 1, 2, 3…`,
      },
    };
  }
  const r = conNombre(["frecuencia", "frequency"], leerFrecuencia(celda(v)));
  return r.ok ? { ok: true, valor: r.valor === null ? null : r.valor.meses } : r;
}

function textoDe(v: Celda): string | null {
  const c = celda(v);
  return esVacio(c) ? null : String(c).trim();
}

const N = {
  numerador: ["numerador", "numerator"],
  denominador: ["denominador", "denominator"],
  actual: ["actual", "current"],
  anterior: ["anterior", "previous"],
  alcanzado: ["alcanzado", "achieved"],
  meta: ["meta", "target"],
  sentido: ["sentido", "direction"],
  programado: ["programado", "planned"],
  mesInicial: ["mes_inicial", "start_month"],
  mesFinal: ["mes_final", "end_month"],
  mesCorte: ["mes_corte", "cutoff_month"],
  texto: ["texto", "text"],
} as const satisfies Record<string, Nombre>;

/** Dos números → un número (porcentaje, razón, tasa de variación). */
function binaria(
  nombre: string,
  a: Nombre,
  b: Nombre,
  f: (x: number | null, y: number | null) => Resultado<number | null>,
): Operacion {
  return {
    nombre,
    datos: [0, 1],
    calcular: ([x, y]) => {
      const rx = numero(a, x);
      if (!rx.ok) return rx;
      const ry = numero(b, y);
      if (!ry.ok) return ry;
      return f(rx.valor, ry.valor);
    },
  };
}

export const PORCENTAJE = binaria("PORCENTAJE", N.numerador, N.denominador, porcentaje);
export const RAZON = binaria("RAZON", N.numerador, N.denominador, razon);
export const TASA_VARIACION = binaria("TASA_VARIACION", N.actual, N.anterior, tasaVariacion);

/** Dos números y un sentido opcional → un número (cumplimiento, meta por alcanzar). */
function conSentido(
  nombre: string,
  a: Nombre,
  b: Nombre,
  f: (x: number | null, y: number | null, sentido: Sentido) => Resultado<number | null>,
): Operacion {
  return {
    nombre,
    datos: [0, 1],
    calcular: ([x, y, sentido]) => {
      const rx = numero(a, x);
      if (!rx.ok) return rx;
      const ry = numero(b, y);
      if (!ry.ok) return ry;
      const s = conNombre(N.sentido, leerSentido(celda(sentido)));
      if (!s.ok) return s;
      return f(rx.valor, ry.valor, s.valor);
    },
  };
}

export const CUMPLIMIENTO = conSentido("CUMPLIMIENTO", N.alcanzado, N.meta, cumplimiento);
export const POR_ALCANZAR = conSentido("POR_ALCANZAR", N.meta, N.alcanzado, porAlcanzar);

export const META_AL_CORTE: Operacion = {
  nombre: "META_AL_CORTE",
  // El mes de corte suele ser una celda fija ($B$1): no cuenta como dato de la fila.
  datos: [0, 1, 2],
  calcular: ([meta, inicial, final, corte]) => {
    const m = numero(N.meta, meta);
    if (!m.ok) return m;
    const i = mes(N.mesInicial, inicial);
    if (!i.ok) return i;
    const f = mes(N.mesFinal, final);
    if (!f.ok) return f;
    const c = mes(N.mesCorte, corte);
    if (!c.ok) return c;
    return metaAlCorte(m.valor, i.valor, f.valor, c.valor);
  },
};

export const PERIODOS: Operacion = {
  nombre: "PERIODOS",
  datos: [0, 1, 2],
  calcular: ([inicial, final, frecuencia]) => {
    const i = mes(N.mesInicial, inicial);
    if (!i.ok) return i;
    const f = mes(N.mesFinal, final);
    if (!f.ok) return f;
    const fr = mesesFrecuencia(frecuencia);
    if (!fr.ok) return fr;
    return periodos(i.valor, f.valor, fr.valor);
  },
};

export const ESTATUS: Operacion = {
  nombre: "ESTATUS",
  datos: [0, 1],
  calcular: ([meta, alcanzado, inicial, final, corte, sentido]) => {
    const m = numero(N.meta, meta);
    if (!m.ok) return m;
    const a = numero(N.alcanzado, alcanzado);
    if (!a.ok) return a;
    const i = mes(N.mesInicial, inicial);
    if (!i.ok) return i;
    const f = mes(N.mesFinal, final);
    if (!f.ok) return f;
    const c = mes(N.mesCorte, corte);
    if (!c.ok) return c;
    const s = conNombre(N.sentido, leerSentido(celda(sentido)));
    if (!s.ok) return s;
    return calcularEstatus({ meta: m.valor, alcanzado: a.valor, mesInicial: i.valor, mesFinal: f.valor, corte: c.valor, sentido: s.valor });
  },
};

export const SEMAFORO: Operacion = {
  nombre: "SEMAFORO",
  datos: [0, 1],
  calcular: ([alcanzado, programado, perfil]) => {
    const a = numero(N.alcanzado, alcanzado);
    if (!a.ok) return a;
    const p = numero(N.programado, programado);
    if (!p.ok) return p;
    return conNombre(["perfil", "profile"], calcularSemaforo(a.valor, p.valor, textoDe(perfil)));
  },
};

export const NUMERO: Operacion = {
  nombre: "NUMERO",
  datos: [0],
  calcular: ([texto]) => numero(N.texto, texto),
};

// ---------------------------------------------------------------- método de cálculo

export const METODO: Operacion = {
  nombre: "METODO",
  // Datos = los valores (del 2.º argumento en adelante). Con el método escrito y sin
  // valores todavía, la celda queda vacía.
  datos: [],
  datosDesde: 1,
  // Un método sin variables («1/0», «100») se evalúa sin valores; sin ningún argumento de
  // valor, el método con variables da #N/A que nombra la primera que falta (README).
  sinDatos: ([metodo, ...valores]) => {
    if (valores.length === 0 || !valores.every((v) => esVacio(celda(v)))) return false;
    const texto = textoDe(metodo);
    if (texto === null) return true;
    const m = analizarMetodoEnCache(texto);
    return !m.ok || m.valor.variables.length > 0;
  },
  calcular: ([metodo, ...valores]) => {
    const texto = textoDe(metodo);
    if (texto === null) {
      return {
        ok: false,
        error: {
          tipo: "na",
          mensaje: "Falta el método de cálculo. Escriba la fórmula en palabras, por ejemplo «Documentos realizados / Documentos programados X 100».",
          mensajeEn: "The calculation method is missing. Write the formula in words, for example \"Documentos realizados / Documentos programados X 100\".",
        },
      };
    }
    const numeros: (number | null)[] = [];
    for (let i = 0; i < valores.length; i++) {
      const r = numero([`valor${i + 1}`, `value${i + 1}`], valores[i]);
      if (!r.ok) return r;
      numeros.push(r.valor);
    }
    const m = analizarMetodoEnCache(texto);
    if (!m.ok) return m;
    return evaluarMetodo(m.valor, numeros);
  },
};

export const VALIDAR_METODO: Operacion = {
  nombre: "VALIDAR_METODO",
  datos: [0],
  calcular: ([metodo]) => {
    const texto = textoDe(metodo);
    if (texto === null) return { ok: true, valor: null };
    const r = revisarMetodo(texto);
    if (r.ok && r.problemas.length === 0) return { ok: true, valor: "OK" };
    const problemas = r.problemas.map((p) => p.es).join(" ");
    return { ok: true, valor: problemas || "El método de cálculo no se puede analizar." };
  },
};

/** Verdadero si todos los argumentos con datos de la fila están vacíos. */
export function filaSinDatos(op: Operacion, celdas: ReadonlyArray<Celda>): boolean {
  if (op.sinDatos) return op.sinDatos(celdas);
  for (const i of op.datos) {
    if (i < celdas.length && !esVacio(celda(celdas[i]))) return false;
  }
  if (op.datosDesde !== undefined) {
    for (let i = op.datosDesde; i < celdas.length; i++) {
      if (!esVacio(celda(celdas[i]))) return false;
    }
  }
  return true;
}
