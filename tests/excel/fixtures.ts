import type { HojaDatos, ValorCelda } from "../../src/core/tipos";

export const ENCABEZADO_ORGANO = [
  "NÚMERO", "POLÍTICAS GENERALES", "NOMBRE DEL PROGRAMA", "OBJETIVO ESPECÍFICO", "ACTIVIDAD", "MES INICIAL", "MES FINAL",
  "INDICADOR", "MÉTODO DE CÁLCULO", "FRECUENCIA DE MEDICIÓN", "UNIDAD DE MEDIDA", "META", "PRESUPUESTO", "OBSERVACIONES",
  "UNIDADES CUMPLIDAS AL MOMENTO", "PORCENTAJE CUMPLIDO (%)", "ESTATUS",
];

/** Una hoja pat-organo con `n` actividades (encabezado en la fila 6), una fórmula por fila en P. */
export function hojaOrgano(n: number, nombre = "PAT"): HojaDatos {
  const valores: ValorCelda[][] = [
    ["INSTITUTO ELECTORAL"],
    ["FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO"],
    ["PROGRAMA ANUAL DE TRABAJO 2024"],
    ["UNIDAD DE INFORMÁTICA"],
    [],
    [...ENCABEZADO_ORGANO],
  ];
  const formulas: (string | null)[][] = valores.map(() => []);
  const formatos: (string | null)[][] = valores.map(() => []);
  for (let i = 0; i < n; i++) {
    const fila = valores.length + 1;
    valores.push([
      i + 1, "Política", "Programa", `Objetivo ${1 + (i % 5)}`, `Actividad ${i + 1}`, 1, 12, "Documentos entregados",
      "Documentos entregados / Documentos programados X 100", "Mensual", "Documento", 12, 1000, "", (i % 12) + 1, ((i % 12) + 1) / 12 * 100, null,
    ]);
    const f: (string | null)[] = new Array(17).fill(null);
    f[15] = `=O${fila}/L${fila}*100`;
    formulas.push(f);
    const fm: (string | null)[] = new Array(17).fill(null);
    fm[15] = "0.00";
    formatos.push(fm);
  }
  return {
    nombre,
    valores,
    formulas,
    formatosNumero: formatos,
    combinaciones: [{ filaInicio: 0, columnaInicio: 0, filaFin: 0, columnaFin: 16 }],
    filasOcultas: n > 2 ? [7] : [],
  };
}
