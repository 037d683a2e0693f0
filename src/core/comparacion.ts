/**
 * Comparación de dos trimestres de un PAT (puro): empareja las actividades por su número y
 * su texto y dice qué cambió sin explicación. El avance normal (más alcanzado, estatus que
 * avanza) no dice nada.
 *
 * Emparejamiento, en tres pasadas (cada actividad se usa una sola vez):
 * 1. mismo formato, mismo número y mismo texto;
 * 2. mismo texto (la renumeraron);
 * 3. mismo número, único en los dos trimestres (le editaron el texto).
 * Lo que queda es `actividad-nueva` o `actividad-eliminada`.
 */
import type { AnalisisHoja } from "./analisis";
import type { EstatusAvance } from "./avance";
import { formatear } from "./resultado";
import type { Severidad } from "./tipos";
import { direccion } from "./validacion/direcciones";
import { normalizar } from "./valores";

/** Lo que la comparación necesita de una actividad (leído del análisis). */
export interface ActividadComparable {
  readonly formato: string;
  readonly hoja: string;
  readonly fila: number;
  /** Número de la actividad («4.1», la CLAVE «A001») o `null`. */
  readonly numero: string | null;
  readonly texto: string | null;
  readonly meta: number | null;
  readonly mesInicial: number | null;
  readonly mesFinal: number | null;
  readonly metodo: string | null;
  readonly alcanzado: number | null;
  readonly estatus: EstatusAvance;
  /** Celdas A1 de la actividad, la meta, los meses, el método y lo alcanzado. */
  readonly celdas: Readonly<Record<"actividad" | "meta" | "meses" | "metodo" | "alcanzado" | "estatus", string>>;
}

export type CodigoCambio = "avance-disminuye" | "meta-modificada" | "meses-modificados" | "metodo-modificado" | "actividad-nueva" | "actividad-eliminada" | "estatus-retrocede";

export const SEVERIDAD_CAMBIO: Readonly<Record<CodigoCambio, Severidad>> = {
  "avance-disminuye": "error",
  "meta-modificada": "warning",
  "meses-modificados": "warning",
  "metodo-modificado": "warning",
  "actividad-nueva": "warning",
  "actividad-eliminada": "warning",
  "estatus-retrocede": "warning",
};

const MENSAJES: Readonly<Record<CodigoCambio, string>> = {
  "avance-disminuye": "Lo alcanzado bajó de {antes} a {despues}. El avance es acumulado: corrija la cifra o explique en OBSERVACIONES por qué se restó.",
  "meta-modificada": "La meta cambió de {antes} a {despues}. Si la modificación está autorizada, anótelo en OBSERVACIONES con el oficio o acuerdo; si no, restituya la meta.",
  "meses-modificados": "Los meses cambiaron de {antes} a {despues}. Si la actividad se reprogramó, anótelo en OBSERVACIONES (o use el estatus REPROGRAMADA); si no, restituya los meses.",
  "metodo-modificado": "El método de cálculo cambió de «{antes}» a «{despues}». Un indicador no cambia de método a mitad del año sin autorización: restitúyalo o explíquelo en OBSERVACIONES.",
  "actividad-nueva": "Actividad nueva: «{despues}» no estaba en el trimestre anterior. Confirme que se incorporó al programa con autorización.",
  "actividad-eliminada": "Actividad eliminada: «{antes}» estaba en el trimestre anterior y ya no está. Si se canceló, déjela con el estatus CANCELADA en vez de borrarla.",
  "estatus-retrocede": "El estatus era CUMPLIDA y ahora es {despues}. Una actividad cumplida no deja de estarlo: revise lo alcanzado y la meta.",
};

export interface Cambio {
  readonly codigo: CodigoCambio;
  readonly severidad: Severidad;
  /** Texto de la actividad («4.1 Implementar…»). */
  readonly actividad: string;
  /** Celda en el trimestre actual (o en el anterior, si la actividad se eliminó). */
  readonly celda: string;
  readonly antes: string | number | null;
  readonly despues: string | number | null;
  readonly mensaje: string;
}

const NUMERO_EN_TEXTO = /^\s*(\d{1,3}(?:\.\d{1,3})+|\d{1,3})(?=[\s.)\-–]|$)/;

function clave(t: string | null): string {
  return normalizar(t ?? "").replace(/\s+/g, " ").trim();
}

/** El texto sin su número inicial («1.4 Informes…» → «informes…»): una renumeración no cambia la actividad. */
function claveTexto(t: string | null): string {
  return clave((t ?? "").replace(NUMERO_EN_TEXTO, "").replace(/^[\s.)\-–]+/, ""));
}

/** El adaptador: las actividades de las hojas analizadas de un libro. */
export function actividadesComparables(hojas: ReadonlyArray<AnalisisHoja>): ActividadComparable[] {
  const salida: ActividadComparable[] = [];
  const reconocidas = hojas.filter((h) => h.deteccion);
  for (const h of reconocidas) {
    const det = h.deteccion!;
    const f = det.formato;
    const celda = (rol: keyof typeof f.porRol, fila: number): string => {
      const c = f.porRol[rol];
      const i = c ? det.columnas[c.clave] : undefined;
      const a1 = i === undefined ? direccion(fila, 0) : direccion(fila, i);
      return reconocidas.length > 1 ? `'${h.hoja.replace(/'/g, "''")}'!${a1}` : a1;
    };
    h.actividades.forEach((a, i) => {
      const enTexto = a.actividad ? NUMERO_EN_TEXTO.exec(a.actividad)?.[1] ?? null : null;
      salida.push({
        formato: f.id,
        hoja: h.hoja,
        fila: a.fila,
        numero: a.clave ?? enTexto,
        texto: a.actividad,
        meta: f.variasMetasPorCelda ? a.metas[0]?.modificado ?? a.meta : a.meta,
        mesInicial: a.mesInicial,
        mesFinal: a.mesFinal,
        metodo: a.metodo,
        alcanzado: h.avances[i]?.alcanzado ?? a.alcanzado,
        estatus: h.avances[i]?.estatus ?? "SIN DATOS",
        celdas: {
          actividad: celda("actividad", a.fila), meta: celda(f.variasMetasPorCelda && f.porRol.modificado ? "modificado" : "meta", a.fila),
          meses: celda("mesInicial", a.fila), metodo: celda("metodo", a.fila), alcanzado: celda("alcanzado", a.fila), estatus: celda("estatus", a.fila),
        },
      });
    });
  }
  return salida;
}

function emparejar(antes: ReadonlyArray<ActividadComparable>, despues: ReadonlyArray<ActividadComparable>): { pares: Array<[ActividadComparable, ActividadComparable]>; nuevas: ActividadComparable[]; eliminadas: ActividadComparable[] } {
  const libresA = new Set(antes.map((_, i) => i));
  const libresD = new Set(despues.map((_, i) => i));
  const pares: Array<[number, number]> = [];
  const pasada = (llave: (a: ActividadComparable) => string | null, unica: boolean): void => {
    const indice = new Map<string, number[]>();
    for (const i of libresA) {
      const k = llave(antes[i]);
      if (k === null) continue;
      const l = indice.get(k);
      if (l) l.push(i);
      else indice.set(k, [i]);
    }
    const cuentaD = new Map<string, number>();
    if (unica) for (const j of libresD) { const k = llave(despues[j]); if (k !== null) cuentaD.set(k, (cuentaD.get(k) ?? 0) + 1); }
    for (const j of [...libresD]) {
      const k = llave(despues[j]);
      if (k === null) continue;
      const l = indice.get(k);
      if (!l || l.length === 0) continue;
      if (unica && (l.length > 1 || (cuentaD.get(k) ?? 0) > 1)) continue;
      const i = l.shift()!;
      libresA.delete(i);
      libresD.delete(j);
      pares.push([i, j]);
    }
  };
  pasada((a) => (a.texto ? `${a.formato}|${clave(a.numero)}|${claveTexto(a.texto)}` : null), false);
  pasada((a) => (a.texto ? `${a.formato}|${claveTexto(a.texto)}` : null), false);
  pasada((a) => (a.numero ? `${a.formato}|${clave(a.numero)}` : null), true);
  pares.sort((x, y) => x[1] - y[1]);
  return {
    pares: pares.map(([i, j]) => [antes[i], despues[j]]),
    nuevas: [...libresD].sort((x, y) => x - y).map((j) => despues[j]),
    eliminadas: [...libresA].sort((x, y) => x - y).map((i) => antes[i]),
  };
}

const cifra = (x: number | null): string => (x === null ? "(vacío)" : String(Math.round(x * 100) / 100));
const meses = (a: ActividadComparable): string => `${a.mesInicial ?? "?"}–${a.mesFinal ?? "?"}`;
const iguales = (x: number | null, y: number | null): boolean => (x === null || y === null ? x === y : Math.abs(x - y) < 1e-9);

/** Los cambios entre el trimestre anterior y el actual, en el orden del actual. */
export function compararTrimestres(antes: ReadonlyArray<ActividadComparable>, despues: ReadonlyArray<ActividadComparable>): Cambio[] {
  const { pares, nuevas, eliminadas } = emparejar(antes, despues);
  const cambios: Cambio[] = [];
  const agregar = (codigo: CodigoCambio, a: ActividadComparable, celda: string, valorAntes: string | number | null, valorDespues: string | number | null, textoAntes?: string, textoDespues?: string): void => {
    cambios.push({
      codigo, severidad: SEVERIDAD_CAMBIO[codigo], actividad: (a.texto ?? "").replace(/\s+/g, " ").trim(), celda,
      antes: valorAntes, despues: valorDespues,
      mensaje: formatear(MENSAJES[codigo], { antes: textoAntes ?? String(valorAntes ?? ""), despues: textoDespues ?? String(valorDespues ?? "") }),
    });
  };
  for (const [a, d] of pares) {
    // Vacío ahora con algo antes cuenta como 0: lo alcanzado es acumulado.
    if (a.alcanzado !== null && a.alcanzado > 0 && (d.alcanzado ?? 0) < a.alcanzado - 1e-9) {
      agregar("avance-disminuye", d, d.celdas.alcanzado, a.alcanzado, d.alcanzado, cifra(a.alcanzado), cifra(d.alcanzado));
    }
    if (!iguales(a.meta, d.meta)) agregar("meta-modificada", d, d.celdas.meta, a.meta, d.meta, cifra(a.meta), cifra(d.meta));
    if (!iguales(a.mesInicial, d.mesInicial) || !iguales(a.mesFinal, d.mesFinal)) agregar("meses-modificados", d, d.celdas.meses, meses(a), meses(d));
    if (clave(a.metodo) !== clave(d.metodo) && (a.metodo !== null || d.metodo !== null)) agregar("metodo-modificado", d, d.celdas.metodo, a.metodo, d.metodo);
    if (a.estatus === "CUMPLIDA" && d.estatus !== "CUMPLIDA") agregar("estatus-retrocede", d, d.celdas.estatus, a.estatus, d.estatus);
  }
  for (const d of nuevas) agregar("actividad-nueva", d, d.celdas.actividad, null, d.texto, "", (d.texto ?? "").replace(/\s+/g, " ").trim());
  for (const a of eliminadas) agregar("actividad-eliminada", a, a.celdas.actividad, a.texto, null, (a.texto ?? "").replace(/\s+/g, " ").trim(), "");
  return cambios;
}
