/** API pública del núcleo (`src/core`): sin Office, sin DOM, sin Node. */
export * from "./tipos";
export { exito, falla, formatear, formatearTexto } from "./resultado";
export * from "./valores";
export * from "./calculos";
export * from "./estatus";
export * from "./semaforo";
export { analizarMetodo, evaluarMetodo, revisarMetodo, esPlantilla, compilarMetodo, type Metodo, type ClaseMetodo, type Nodo, type Operador } from "./metodo";
export {
  analizarHoja, planificarLlenado, listarFormatos, letraColumna, direccion,
  type AnalisisHoja, type PlanLlenado, type OpcionesAnalisis, type OpcionesLlenado, type Deteccion, type Candidato, type Actividad, type LineaMeta,
} from "./analisis";
export { cargarFormato, registrarFormato, quitarFormato, obtenerFormato, normalizarEncabezado, type Formato, type Columna, type Rol, type TipoColumna } from "./formatos";
export { detectarFormato, leerAnio } from "./deteccion";
export { recorrerFilas, type FilaHoja, type TipoFila, type EstructuraHoja } from "./filas";
export { validarHoja, CATALOGO, listarTiposHallazgo, mostrarHallazgo, mostrarEncabezado, type TipoHallazgo, type CodigoHallazgo, type ParametrosHallazgo } from "./validacion";
export { lecturaDe, lecturasProblema, type Lectura, type EstadoLectura, type LecturaProblema, type MotivoIlegible, type MotivoFueraDeRango, type FilaAnalizada } from "./lectura";
export { calcularFila, explicar, razonDelCambio, direccionDelCambio, textoOmision, formulaNativa, formulaDeCelda, type Calculado, type CalculosFila, type CorteFormula, type EntornoFormula } from "./llenado";
export { describirPlantilla, COLORES_ESTATUS, COLORES_SEMAFORO, LISTA_DIMENSIONES, LISTA_TENDENCIAS, LISTA_MESES, LISTA_NOMBRES_MES, type Plantilla, type CortePlantilla, type ColumnaPlantilla, type ReglaCondicional, type FormulaPlantilla } from "./plantilla";
export { evaluarAvance, esperadoAlCorte, fueraDeRuta, type AvanceActividad, type EstatusAvance } from "./avance";
export { consolidarHoja, totalizar, contar, actividadesDe, avancePorObjetivo, nombreUnidad, ORDEN_ESTATUS_AVANCE, ORDEN_SEMAFORO_AVANCE, type UnidadConsolidada, type Conteos, type ActividadDesviada, type ActividadConsolidable, type AvanceObjetivoUnidad } from "./consolidado";
export { compararTrimestres, actividadesComparables, SEVERIDAD_CAMBIO, type Cambio, type CodigoCambio, type ActividadComparable } from "./comparacion";
export { unidadResponsable, unidadEnTitulo } from "./unidad";
