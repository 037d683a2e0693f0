/**
 * Las reglas de fila como unidades, en el orden en que se revisan. El validador recorre las
 * que el formato activa (`Formato.reglas`) y nada más emite hallazgos: cada código del
 * catálogo lo declara exactamente una de estas reglas.
 */
import { reglaAlcanzado } from "./alcanzado";
import { reglaCalculados } from "./calculados";
import { reglaClaveRepetida } from "./clave-repetida";
import { reglaDesviacion } from "./desviacion";
import { reglaDimension } from "./dimension";
import { reglaEstatus } from "./estatus";
import { reglaFrecuencia } from "./frecuencia";
import { reglaInyeccion } from "./inyeccion";
import { reglaLineasMeta } from "./lineas-meta";
import { reglaMarcadores } from "./marcadores";
import { reglaMeses } from "./meses";
import { reglaMeta } from "./meta";
import { reglaMetaUno } from "./meta-uno";
import { reglaMetodo } from "./metodo";
import { reglaPeriodos } from "./periodos";
import { reglaPersonas } from "./personas";
import { reglaPorcentajeIndicador } from "./porcentaje-indicador";
import { reglaPresupuesto } from "./presupuesto";
import { reglaRequeridas } from "./requeridas";
import { reglaSobrecumplimiento } from "./sobrecumplimiento";
import { reglaTendencia } from "./tendencia";
import { reglaUnidad } from "./unidad";
import type { ReglaFila } from "./tipos";

export type { ContextoRegla, Emitir, IdRegla, ReglaFila } from "./tipos";

export const REGLAS_DE_FILA: ReadonlyArray<ReglaFila> = [
  reglaRequeridas, reglaMeses, reglaFrecuencia, reglaMeta, reglaAlcanzado, reglaEstatus, reglaTendencia, reglaDimension, reglaMetodo,
  reglaUnidad, reglaLineasMeta, reglaPorcentajeIndicador, reglaMetaUno, reglaPeriodos, reglaInyeccion, reglaCalculados,
  reglaSobrecumplimiento, reglaPersonas, reglaPresupuesto, reglaClaveRepetida, reglaMarcadores, reglaDesviacion,
];
