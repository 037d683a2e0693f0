/**
 * Las reglas de fila como unidades, en el orden en que se revisan. El validador recorre las
 * que el formato activa (`Formato.reglas`). Las familias que juzgan la lectura de una celda
 * (mes, frecuencia, número, método…) las señala la lectura de la fila con su regla; sus
 * códigos están en `CODIGOS_DE_LECTURA`.
 */
import type { CodigoHallazgo } from "../catalogo";
import { reglaCalculados } from "./calculados";
import { reglaClaveRepetida } from "./clave-repetida";
import { reglaDesviacion } from "./desviacion";
import { reglaEstatus } from "./estatus";
import { reglaPersonas } from "./personas";
import { reglaPresupuesto } from "./presupuesto";
import { reglaSobrecumplimiento } from "./sobrecumplimiento";
import type { IdRegla, ReglaFila } from "./tipos";

export type { ContextoRegla, IdRegla, Parametros, ReglaFila } from "./tipos";

export const REGLAS_DE_FILA: ReadonlyArray<ReglaFila> = [
  reglaCalculados, reglaEstatus, reglaSobrecumplimiento, reglaPersonas, reglaPresupuesto, reglaClaveRepetida, reglaDesviacion,
];

/** Códigos que emite la lectura de la fila, por la regla que los activa. */
export const CODIGOS_DE_LECTURA: Readonly<Partial<Record<IdRegla, ReadonlyArray<CodigoHallazgo>>>> = {
  requeridas: ["celda-requerida-vacia"],
  meses: ["mes-invalido", "meses-invertidos"],
  frecuencia: ["frecuencia-invalida"],
  meta: ["meta-no-numerica", "meta-no-positiva"],
  alcanzado: ["valor-no-numerico", "valor-negativo"],
  metodo: ["metodo-invalido", "metodo-divide-entre-100"],
  "porcentaje-indicador": ["porcentaje-sin-por-100"],
  "meta-uno": ["meta-porcentaje-uno"],
  marcadores: ["marcador-plantilla"],
  estatus: ["estatus-invalido"],
  periodos: ["meta-periodos"],
  inyeccion: ["inyeccion-formula", "formula-externa"],
  tendencia: ["tendencia-invalida"],
  dimension: ["dimension-invalida"],
  unidad: ["unidad-numerica"],
  "lineas-meta": ["lineas-meta-desiguales"],
};
