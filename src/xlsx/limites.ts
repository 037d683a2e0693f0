/**
 * Límites del paquete, comprobados MIENTRAS se lee (antes de gastar la memoria). Cada uno
 * tiene su propia línea en español (`diagnostico.ts`) y da el código de salida 2.
 *
 * Los números dejan pasar con holgura un PAT real de 200 000 actividades (≈ 90 MB de XML
 * de la hoja, ≈ 3.4 millones de celdas) y detienen los paquetes hostiles: un ZIP bomba
 * (1 GiB de texto compartido en 2 MB), una celda fuera de la rejilla de Excel, un texto
 * más largo de lo que Excel admite.
 */
export const LIMITES = {
  /** Bytes inflados de todas las partes juntas. */
  totalInflado: 1024 * 1024 * 1024,
  /** Bytes inflados de una sola parte (hoja, textos compartidos, estilos…). */
  parteInflada: 512 * 1024 * 1024,
  /**
   * Razón inflado / comprimido de una parte. Deflate no pasa de ≈ 1 032:1 y una bomba real
   * (1 GiB de textos en 2 MB) anda por 500:1; la hoja de un PAT real comprime 10–30:1.
   */
  razonCompresion: 200,
  /** Por debajo de este tamaño inflado no se mira la razón (un XML repetitivo pequeño comprime mucho). */
  razonDesde: 16 * 1024 * 1024,
  /** Última fila y última columna de Excel (XFD1048576). */
  filas: 1_048_576,
  columnas: 16_384,
  /** Caracteres de una celda en Excel. */
  textoCelda: 32_767,
  /** Hojas de un libro. */
  hojas: 1000,
  /** Celdas con contenido en todo el libro. */
  celdas: 20_000_000,
  /** Entradas del ZIP. */
  entradas: 100_000,
} as const;

export type ClaseLimite = "bomba" | "parte-grande" | "fuera-rejilla" | "texto-largo" | "muchas-hojas" | "muchas-celdas";

/** Un paquete que no se puede leer: la clase decide el mensaje (ver `diagnostico.ts`). */
export class ErrorPaquete extends Error {
  constructor(
    readonly clase: ClaseLimite | "danado" | "truncado" | "no-xlsx",
    readonly detalle?: string,
  ) {
    super(detalle ? `${clase}: ${detalle}` : clase);
    this.name = "ErrorPaquete";
  }
}
