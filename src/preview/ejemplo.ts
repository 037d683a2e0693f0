/**
 * Libro de ejemplo en memoria para la vista previa cuando no está el .xlsx de muestra
 * (samples/pat-ieebcs-2024.xlsx): una hoja `pat-organo` con actividades del PAT 2024 de la
 * unidad de informática del IEEBCS, con algunos errores típicos para ver la validación.
 */
import type { HojaDatos, ValorCelda } from "../core/tipos";

const ENCABEZADO = [
  "NÚMERO", "POLÍTICAS GENERALES", "NOMBRE DEL PROGRAMA", "OBJETIVO ESPECÍFICO", "ACTIVIDAD", "MES INICIAL", "MES FINAL",
  "INDICADOR", "MÉTODO DE CÁLCULO", "FRECUENCIA DE MEDICIÓN", "UNIDAD DE MEDIDA", "META", "PRESUPUESTO", "OBSERVACIONES",
  "UNIDADES CUMPLIDAS AL MOMENTO", "PORCENTAJE CUMPLIDO (%)", "ESTATUS",
];

const POL = "Fortalecer la infraestructura tecnológica del Instituto";
const PROG = "Programa de Tecnologías de la Información";

const FILAS: ValorCelda[][] = [
  [1, POL, PROG, "Mantener en operación los equipos de cómputo del Instituto", "Mantenimiento preventivo a equipos de cómputo", 1, 12, "Porcentaje de mantenimientos realizados", "Mantenimientos realizados / Mantenimientos programados X 100", "Semestral", "Mantenimiento", 2, "$ 45,000.00", "", 1, null, null],
  [null, null, null, null, "Actualización del inventario de bienes informáticos", 1, 6, "Inventario actualizado", "Inventario realizado / Inventario programado X 100", "Anual", "Documento", 1, "$0", "", 1, null, "PENDIENTE"],
  [2, POL, PROG, "Brindar soporte técnico a las áreas", "Atención de solicitudes de soporte técnico", 1, 12, "Porcentaje de solicitudes atendidas", "Solicitudes atendidas / Solicitudes recibidas X 100", "Mensual", "Solicitud", 12, "$0", "", 6, null, null],
  [null, null, null, null, "Informe trimestral de actividades", 1, 12, "Informe entregado", "Informes entregados / Informes programados X 100", "Trimestal", "Documento", 4, "$0", "", 2, null, "CUMPLIDA"],
  [3, POL, PROG, "Preparar el sistema de resultados electorales preliminares", "Pruebas del sistema PREP", 3, 5, "Pruebas realizadas", "Pruebas realizadas / Pruebas programadas X 100", "Mensual", "Prueba", 3, "$ 120,000.00", "", 2, null, null],
  [null, null, null, null, "Simulacros del PREP", 4, 5, "Simulacros realizados", "(Simulacros realizados / Simulacros programados)/100", "Mensual", "Simulacro", 3, "$ 35,000.00", "", 3, null, null],
  [4, POL, PROG, "xxx", "Capacitación al personal en seguridad informática", 7, 11, "Cursos impartidos", "Cursos impartidos / Cursos programados X 100", "Bimestral", "Curso", 0, "$ 15,000.00", "", null, null, null],
];

/** La hoja de ejemplo, desde A1: títulos, encabezado en la fila 6, actividades. */
export function hojaEjemplo(): HojaDatos {
  const ancho = ENCABEZADO.length;
  const fila = (valores: ValorCelda[]): ValorCelda[] => [...valores, ...new Array(Math.max(0, ancho - valores.length)).fill(null)];
  const valores: ValorCelda[][] = [
    fila(["INSTITUTO ESTATAL ELECTORAL DE BAJA CALIFORNIA SUR"]),
    fila(["FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO"]),
    fila(["PROGRAMA ANUAL DE TRABAJO 2024"]),
    fila(["UNIDAD DE INFORMÁTICA Y ESTADÍSTICA"]),
    fila([]),
    ENCABEZADO,
    ...FILAS.map(fila),
  ];
  return {
    nombre: "PAT 2024",
    valores,
    combinaciones: [0, 1, 2, 3].map((r) => ({ filaInicio: r, columnaInicio: 0, filaFin: r, columnaFin: ancho - 1 })),
  };
}

export function hojaNotas(): HojaDatos {
  return { nombre: "Notas", valores: [["Libro de ejemplo de PAT Indicadores."], ["Abra su propio libro con «Abrir libro (.xlsx)»."]] };
}
