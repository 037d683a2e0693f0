/**
 * El panel y el núcleo: análisis, plan de llenado, plantillas y resumen, con los nombres
 * del núcleo (`src/core`). Aquí se adapta lo que el núcleo devuelve a lo que el panel y el
 * puerto necesitan (p. ej. la descripción de una plantilla → `PlantillaHoja`).
 */
import { analizarHoja, describirPlantilla, listarFormatos, LISTA_MESES, mostrarEncabezado, mostrarHallazgo, planificarLlenado } from "../core";
import type { AnalisisHoja, Formato, PlanLlenado, Plantilla } from "../core";
import { consolidarHoja, type UnidadConsolidada } from "../core/consolidado";
import type { PerfilSemaforo } from "../core/semaforo";
import type { Hallazgo, HojaDatos, Idioma, ValorCelda } from "../core/tipos";
import { ErrorLibro, type PlantillaHoja, type TablaHoja } from "../excel/puerto";
import type { ClaveTexto, Traductor } from "../localization";

export type { AnalisisHoja, PlanLlenado, UnidadConsolidada };

export interface FormatoListado {
  readonly id: string;
  readonly nombre: string;
}

export function formatosDisponibles(idioma: Idioma, formatos: ReadonlyArray<Formato> = listarFormatos()): FormatoListado[] {
  return formatos.map((f) => ({ id: f.id, nombre: f.nombre[idioma] }));
}

/** El análisis de una hoja (con los formatos y el perfil de semáforo del instituto y del libro, si los hay). */
export function analizar(hoja: HojaDatos, corte?: number | null, formatos?: ReadonlyArray<Formato>, perfil?: PerfilSemaforo | null): AnalisisHoja {
  return analizarHoja(hoja, { ...(corte ? { corte } : {}), ...(formatos ? { formatos } : {}), ...(perfil ? { perfil } : {}) });
}

export function planificar(hoja: HojaDatos, analisis: AnalisisHoja, corte: number, modo: "valores" | "formulas"): PlanLlenado {
  return planificarLlenado(hoja, analisis, { corte, modo });
}

/** Las filas que el plan no llenó (o no llenó completas), con el motivo de cada una. */
export function omitidas(plan: PlanLlenado): PlanLlenado["motivos"] {
  return plan.motivos;
}

// ——— Resumen ———

/**
 * La vista de unidad de la hoja abierta: la misma función que consolida cada hoja en
 * `pat consolidar` (estatus del llenado, semáforo y avance al corte con que se analizó la hoja).
 */
export function resumenDe(analisis: AnalisisHoja): UnidadConsolidada {
  return consolidarHoja(analisis, { archivo: analisis.hoja });
}

// ——— Observaciones (los hallazgos para devolver al área) ———

/**
 * Los hallazgos de una hoja como tabla «Observaciones»: celda (vínculo a la celda), fila,
 * columna, severidad y mensaje, en el orden de la lista del panel (fila, gravedad).
 */
export function observacionesDe(hallazgos: ReadonlyArray<Hallazgo>, hoja: string, t: Traductor): TablaHoja {
  const peso = { error: 0, warning: 1, info: 2 } as const;
  const orden = [...hallazgos].sort((a, b) => a.fila - b.fila || peso[a.severidad] - peso[b.severidad]);
  return {
    hoja: t("obs.hoja"),
    encabezados: [t("obs.celda"), t("obs.fila"), t("obs.columna"), t("obs.severidad"), t("obs.mensaje")],
    filas: orden.map((h) => [
      { vinculo: { hoja, celda: h.celda }, texto: h.celda },
      h.fila,
      mostrarEncabezado(h, t.idioma) || h.columna,
      t(`severidad.${h.severidad}` as ClaveTexto),
      mostrarHallazgo(h, t.idioma),
    ]),
    anchos: [10, 6, 28, 13, 90],
  };
}

// ——— Plantillas ———

/** La plantilla de un formato (descrita por el núcleo) como hoja que el puerto sabe insertar. */
export function plantillaDe(formatoId: string, anio: number | null, formatos: ReadonlyArray<Formato> = listarFormatos()): PlantillaHoja {
  const formato = formatos.find((f) => f.id === formatoId);
  // El mensaje es el id: el panel lo traduce (error.formatoDesconocido).
  if (!formato) throw new ErrorLibro("formato-desconocido", formatoId);
  return aPlantillaHoja(describirPlantilla(formato, anio ? { anio } : {}));
}

const hex = (c: string): string => (c.startsWith("#") ? c : `#${c}`);

/** Convierte la descripción del núcleo en celdas, anchos, listas, formatos y reglas. */
export function aPlantillaHoja(p: Plantilla): PlantillaHoja {
  const ultimaColumna = p.columnas[p.columnas.length - 1]?.letra ?? "A";
  const celdas: Array<{ celda: string; valor?: ValorCelda; formula?: string; negrita?: boolean }> = [];
  p.titulos.forEach((titulo, i) => celdas.push({ celda: `A${i + 1}`, valor: titulo, negrita: true }));
  // La celda del mes de corte a la que se refieren las fórmulas de ESTATUS, con su rótulo.
  if (p.corte) {
    celdas.push({ celda: p.corte.celdaEtiqueta, valor: p.corte.etiqueta, negrita: true });
    celdas.push({ celda: p.corte.celdaAyuda, valor: p.corte.ayuda });
  }
  for (const c of p.columnas) {
    celdas.push({ celda: `${c.letra}${p.filaEncabezado}`, valor: c.encabezado, negrita: true });
    if (p.filaEtiquetas && c.etiqueta) celdas.push({ celda: `${c.letra}${p.filaEtiquetas}`, valor: c.etiqueta });
  }
  for (const f of p.formulas) celdas.push({ celda: f.celda, formula: f.formula });
  const datos = (letra: string): string => `${letra}${p.primeraFilaDatos}:${letra}${p.ultimaFilaDatos}`;
  const filaFinEncabezado = p.filaEtiquetas ?? p.filaEncabezado;
  return {
    nombre: p.nombreHoja,
    celdas,
    combinaciones: [...p.titulos.map((_, i) => `A${i + 1}:${ultimaColumna}${i + 1}`), ...(p.corte ? [p.corte.combinacionEtiqueta] : [])],
    anchos: p.columnas.map((c) => ({ columna: c.letra, ancho: c.ancho })),
    // Una lista en línea de Excel admite hasta 255 caracteres.
    listas: [
      ...(p.corte ? [{ rango: p.corte.celda, opciones: LISTA_MESES.slice() }] : []),
      ...p.columnas.filter((c) => c.lista && c.lista.join(",").length <= 255).map((c) => ({ rango: datos(c.letra), opciones: [...(c.lista ?? [])] })),
    ],
    formatosNumero: p.columnas.filter((c) => c.formatoNumero).map((c) => ({ rango: datos(c.letra), formato: c.formatoNumero as string })),
    condicionales: p.condicionales.map((r) => ({ rango: r.rango, texto: r.texto, relleno: hex(r.colorFondo), colorFuente: hex(r.colorTexto) })),
    rellenos: [{ rango: `A${p.filaEncabezado}:${ultimaColumna}${filaFinEncabezado}`, color: "#D9E1F2" }],
    ajustes: [{ rango: `A${p.filaEncabezado}:${ultimaColumna}${p.filaEncabezado}`, alto: p.altoEncabezado }],
    congelarFilas: filaFinEncabezado,
  };
}
