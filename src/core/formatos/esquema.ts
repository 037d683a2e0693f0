/**
 * Esquema (zod) de un archivo de formato. Se valida al cargar: un formato mal escrito
 * da un mensaje en español que nombra el campo («columnas[3].tipo: …»).
 */
import * as z from "zod";

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

const texto = z.object({ es: z.string().min(1), en: z.string().min(1) });

export const esquemaColumna = z.object({
  clave: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, "use solo letras, números y «_», empezando por una letra"),
  encabezado: z.string().min(1),
  variantes: z.array(z.string().min(1)).default([]),
  rol: z.enum(ROLES),
  tipo: z.enum(TIPOS),
  /** El encabezado debe estar para reconocer el formato (cuenta para el 60 %). */
  requerida: z.boolean().default(false),
  /** La celda no puede quedar vacía en una fila de datos. */
  obligatoria: z.boolean().default(false),
  /** La calcula el complemento (plan de llenado). */
  calculada: z.boolean().default(false),
  /** Una fila de continuación hereda el valor de la fila de arriba. */
  hereda: z.boolean().default(false),
  /** En formatos con varias metas por celda: una línea por meta. */
  porMeta: z.boolean().default(false),
  ancho: z.number().positive().max(255).default(12),
  lista: z.union([z.enum(LISTAS), z.array(z.string().min(1)).min(1)]).optional(),
  formatoNumero: z.string().min(1).optional(),
});

export const esquemaFormato = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use minúsculas, números y guiones (kebab-case)"),
    version: z.number().int().positive().default(1),
    nombre: texto,
    descripcion: texto,
    /** Filas de título de la plantilla; «{anio}» se sustituye por el año. */
    titulo: z.array(z.string()).default([]),
    /** La meta es el valor del indicador (un % de 1 es sospechoso) y no un número de unidades. */
    metaEsValorIndicador: z.boolean().default(false),
    /**
     * La meta esperada al corte se prorratea por meses (metas que cuentan unidades). Sin
     * prorrateo, lo esperado al corte es la meta misma (la meta es el valor del indicador).
     * Si falta: se prorratea salvo que `metaEsValorIndicador` sea verdadero.
     */
    metaProrrateada: z.boolean().optional(),
    variasMetasPorCelda: z.boolean().default(false),
    /** Textos (normalizados o no) con que empiezan las filas de grupo o totales. */
    marcadoresGrupo: z.array(z.string()).default([]),
    /** Filas de etiquetas bajo el encabezado: cada una, la lista de textos que puede tener. */
    filasEtiqueta: z.array(z.array(z.string().min(1)).min(1)).default([]),
    /** Etiquetas de la segunda fila de encabezado de la plantilla, por clave de columna. */
    etiquetas: z.record(z.string(), z.string()).default({}),
    reglas: z.array(z.enum(REGLAS)).default([...REGLAS]),
    columnas: z.array(esquemaColumna).min(1),
  })
  .superRefine((f, ctx) => {
    const vistas = new Set<string>();
    f.columnas.forEach((c, i) => {
      if (vistas.has(c.clave)) {
        ctx.addIssue({ code: "custom", path: ["columnas", i, "clave"], message: `la clave «${c.clave}» está repetida; cada columna necesita una clave única` });
      }
      vistas.add(c.clave);
    });
    if (!f.columnas.some((c) => c.requerida)) {
      ctx.addIssue({ code: "custom", path: ["columnas"], message: "marque al menos una columna con «requerida»: true para poder reconocer el formato" });
    }
    for (const clave of Object.keys(f.etiquetas)) {
      if (!vistas.has(clave)) ctx.addIssue({ code: "custom", path: ["etiquetas", clave], message: `no hay una columna con la clave «${clave}»` });
    }
  });

export type FormatoArchivo = z.output<typeof esquemaFormato>;
export type ColumnaArchivo = z.output<typeof esquemaColumna>;
