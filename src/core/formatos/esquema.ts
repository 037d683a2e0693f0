/**
 * Esquema (zod) de un archivo de formato. Se valida al cargar: un formato mal escrito
 * da un mensaje en español que nombra el campo («columnas[3].tipo: …»). Solo se carga
 * (y con él zod) cuando se valida un formato propio: ver `cargarFormato` en index.ts.
 */
import * as z from "zod";
import { acortar } from "../mostrar";
import { LISTAS, REGLAS, ROLES, TIPOS } from "./vocabulario";

export { LISTAS, REGLAS, ROLES, TIPOS };

// Mensajes de zod en español para lo que no tiene mensaje propio (`mensajeIssue` en index.ts
// cubre los comunes). `import * as z` y no `{ z }`: el paquete del navegador lleva solo es.
z.config(z.locales.es());

/** Largo máximo de una clave, un id o un encabezado: más que eso no es un encabezado real. */
const LARGO_CLAVE = 80;
const LARGO_TEXTO = 500;

const texto = z.object({ es: z.string().min(1).max(LARGO_TEXTO), en: z.string().min(1).max(LARGO_TEXTO) });

export const esquemaColumna = z.object({
  clave: z.string().max(LARGO_CLAVE).regex(/^[A-Z]\w*$/i, "use solo letras, números y «_», empezando por una letra"),
  encabezado: z.string().min(1).max(LARGO_TEXTO),
  variantes: z.array(z.string().min(1).max(LARGO_TEXTO)).default([]),
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
    id: z.string().max(LARGO_CLAVE).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use minúsculas, números y guiones (kebab-case)"),
    version: z.number().int().positive().default(1),
    nombre: texto,
    descripcion: texto,
    /** Nombre corto en palabras para la hoja de la plantilla («PAT órgano»; se le agrega el año). */
    nombreHoja: z.string().min(1).max(26).optional(),
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
        ctx.addIssue({ code: "custom", path: ["columnas", i, "clave"], message: `la clave «${acortar(c.clave)}» está repetida; cada columna necesita una clave única` });
      }
      vistas.add(c.clave);
    });
    if (!f.columnas.some((c) => c.requerida)) {
      ctx.addIssue({ code: "custom", path: ["columnas"], message: "marque al menos una columna con «requerida»: true para poder reconocer el formato" });
    }
    for (const clave of Object.keys(f.etiquetas)) {
      if (!vistas.has(clave)) ctx.addIssue({ code: "custom", path: ["etiquetas", clave], message: `no hay una columna con la clave «${acortar(clave)}»` });
    }
  });

export type FormatoArchivo = z.output<typeof esquemaFormato>;
export type ColumnaArchivo = z.output<typeof esquemaColumna>;
