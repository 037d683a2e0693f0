/**
 * Las palabras que un archivo de formato puede usar (roles, tipos, listas y reglas), sin
 * zod: el núcleo las usa al arrancar y el esquema (esquema.ts) las valida.
 */

export const ROLES = [
  "numero", "politicas", "programa", "objetivo", "actividad", "mesInicial", "mesFinal", "dimension",
  "indicador", "metodo", "frecuencia", "unidad", "lineaBase", "meta", "tendencia", "presupuesto",
  "observaciones", "valor1", "valor2", "alcanzado", "porAlcanzar", "verificable", "porcentaje", "estatus",
  "clave", "ods", "modificado", "presupuestoAprobado", "presupuestoModificado", "presupuestoDevengado",
  "municipio", "localidad", "mujer", "hombre", "persona", "definicion", "avance", "otro",
] as const;

export const TIPOS = [
  "texto", "numero", "entero", "moneda", "mes", "frecuencia", "porcentaje", "estatus", "dimension", "tendencia", "metodo",
] as const;

/** Listas desplegables que conoce la plantilla. */
export const LISTAS = ["meses", "frecuencias", "estatus", "dimensiones", "tendencias"] as const;

/** Reglas de validación que un formato puede activar (ver `validacion/reglas.ts`). */
export const REGLAS = [
  "requeridas", "meses", "frecuencia", "meta", "alcanzado", "metodo", "porcentaje-indicador", "meta-uno",
  "marcadores", "calculados", "estatus", "sobrecumplimiento", "periodos", "inyeccion", "tendencia", "dimension",
  "unidad", "personas", "presupuesto", "clave-repetida", "lineas-meta", "desviacion",
] as const;
