/**
 * El puerto del libro: todo lo que el panel necesita de Excel, sin saber si detrás está
 * Office.js (`office.ts`, el ÚNICO código que toca `Excel.run`) o un libro en memoria
 * (`memoria.ts`, para pruebas y la vista previa en el navegador).
 */
import type { HojaDatos, Posicion, ValorCelda } from "../core/tipos";

export interface InfoHoja {
  readonly nombre: string;
  readonly protegida: boolean;
}

/** Una hoja leída: sus datos desde A1 y lo que el panel necesita saber para avisar. */
export interface LecturaHoja {
  readonly datos: HojaDatos;
  readonly protegida: boolean;
  /** Filas y columnas del rango usado (desde A1). */
  readonly filas: number;
  readonly columnas: number;
  /**
   * Filas que de verdad se leyeron (las que tienen datos y los huecos cortos entre ellas).
   * Un valor suelto en la fila 1 048 576 hace `filas` enorme, no esto.
   */
  readonly filasConDatos?: number;
}

/** Lo que se escribe en una celda (la celda como números): una fórmula (empieza con «=») o un valor (null = vaciar). */
export interface EscrituraCelda {
  readonly posicion: Posicion;
  readonly valor?: ValorCelda;
  readonly formula?: string | null;
}

/** Contenido exacto de una celda (la celda como números), para poder devolverlo tal cual. */
export interface ContenidoCelda {
  readonly posicion: Posicion;
  readonly valor: ValorCelda;
  readonly formula: string | null;
}

/** Una marca: relleno y nota en una celda con un hallazgo (la celda como números). */
export interface Marca {
  readonly posicion: Posicion;
  /** Color «#RRGGBB». */
  readonly color: string;
  readonly nota: string;
}

/** Cómo estaba una celda antes de marcarla (null = sin relleno / sin nota). */
export interface EstadoMarca {
  readonly posicion: Posicion;
  readonly relleno: string | null;
  readonly nota: string | null;
}

/** Una hoja nueva a partir de la descripción de una plantilla. */
export interface PlantillaHoja {
  readonly nombre: string;
  /** Valores y fórmulas, celda por celda. */
  readonly celdas: ReadonlyArray<{ readonly celda: string; readonly valor?: ValorCelda; readonly formula?: string; readonly negrita?: boolean }>;
  readonly combinaciones?: ReadonlyArray<string>;
  /** Ancho de columna en caracteres. */
  readonly anchos?: ReadonlyArray<{ readonly columna: string; readonly ancho: number }>;
  /** Listas desplegables. */
  readonly listas?: ReadonlyArray<{ readonly rango: string; readonly opciones: ReadonlyArray<string> }>;
  readonly formatosNumero?: ReadonlyArray<{ readonly rango: string; readonly formato: string }>;
  /** Formato condicional: relleno cuando la celda contiene `texto` o cuando `formula` es verdadera. */
  readonly condicionales?: ReadonlyArray<{ readonly rango: string; readonly texto?: string; readonly formula?: string; readonly relleno: string; readonly colorFuente?: string }>;
  /** Filas que quedan fijas arriba (títulos + encabezado). */
  readonly congelarFilas?: number;
  /** Rellenos de encabezado. */
  readonly rellenos?: ReadonlyArray<{ readonly rango: string; readonly color: string }>;
  /** Filas con texto ajustado y su alto en puntos (el encabezado, para que se lea entero). */
  readonly ajustes?: ReadonlyArray<{ readonly rango: string; readonly alto: number }>;
}

/** Un gráfico de resumen: una tabla en una hoja nueva y un gráfico de barras sobre ella. */
export interface GraficoResumen {
  readonly hoja: string;
  readonly titulo: string;
  readonly encabezados: ReadonlyArray<string>;
  readonly filas: ReadonlyArray<ReadonlyArray<string | number>>;
}

export type CodigoErrorLibro =
  | "hoja-protegida"
  /** El libro se abrió de solo lectura (o sin permiso de edición). */
  | "libro-solo-lectura"
  /** La estructura del libro está protegida: no se pueden agregar hojas. */
  | "estructura-protegida"
  /** Excel negó el acceso sin que la hoja ni el libro estén protegidos. */
  | "acceso-denegado"
  /** Excel rechazó la operación («InvalidOperation»): casi siempre, una celda en edición. */
  | "operacion-invalida"
  | "hoja-no-existe"
  | "celda-invalida"
  | "no-soportado"
  /** El usuario está editando una celda (Excel rechaza las operaciones hasta Entrar o Esc). */
  | "edicion-celda"
  /** La hoja cambió entre la vista previa y «Aplicar». */
  | "hoja-cambio"
  /** Un archivo con un formato que el panel no reconoce. */
  | "formato-desconocido"
  | "office";

/** Un error del libro con un código que el panel traduce a un mensaje claro. */
export class ErrorLibro extends Error {
  constructor(readonly codigo: CodigoErrorLibro, mensaje: string, readonly hoja?: string) {
    super(mensaje);
    this.name = "ErrorLibro";
  }
}

/**
 * «Marcar celdas» falló a medias: `previos` es cómo estaban las celdas que ya se leyeron
 * (y quizá se marcaron). Quien marca guarda con ellas el registro antes de propagar `causa`,
 * así «Quitar marcas» puede quitar todo lo que quedó puesto.
 */
export class ErrorMarcado extends Error {
  constructor(readonly causa: unknown, readonly previos: ReadonlyArray<EstadoMarca>) {
    super(causa instanceof Error ? causa.message : String(causa));
    this.name = "ErrorMarcado";
  }
}

/** Una celda de una tabla nueva: un valor, o un vínculo a una celda del libro. */
export type CeldaTabla = ValorCelda | { readonly vinculo: { readonly hoja: string; readonly celda: string }; readonly texto: string };

/** Una hoja nueva con una tabla (p. ej. «Observaciones»: los hallazgos para devolver al área). */
export interface TablaHoja {
  readonly hoja: string;
  readonly encabezados: ReadonlyArray<string>;
  readonly filas: ReadonlyArray<ReadonlyArray<CeldaTabla>>;
  /** Ancho de cada columna en caracteres. */
  readonly anchos?: ReadonlyArray<number>;
}

/** La fórmula nativa de Excel de un vínculo interno («=HYPERLINK("#'PAT'!P7","P7")»). */
export function formulaVinculo(v: { readonly hoja: string; readonly celda: string }, texto: string): string {
  const hoja = `'${v.hoja.replace(/'/g, "''")}'`;
  return `=HYPERLINK("#${hoja.replace(/"/g, '""')}!${v.celda}","${texto.replace(/"/g, '""')}")`;
}

/**
 * Las celdas van como números (`Posicion`, base 1): el texto A1 se arma solo donde Office.js
 * lo pide (`office.ts`) o para un mensaje. Una posición fuera de la cuadrícula lanza
 * ErrorLibro("celda-invalida") antes de tocar el libro.
 */
export interface PuertoLibro {
  /** Hojas visibles del libro, en orden. */
  listarHojas(): Promise<InfoHoja[]>;
  /** Nombre de la hoja activa. */
  hojaActiva(): Promise<string>;
  /** Lee el rango usado (valores, fórmulas, formatos, combinaciones, filas ocultas) desde A1. */
  leerHoja(nombre?: string): Promise<LecturaHoja>;
  /** Activa la hoja y selecciona la celda. */
  seleccionar(hoja: string, posicion: Posicion): Promise<void>;
  /** Contenido exacto (valor y fórmula) de unas celdas, en el mismo orden. */
  leerCeldas(hoja: string, posiciones: ReadonlyArray<Posicion>): Promise<ContenidoCelda[]>;
  /** Escribe valores o fórmulas. Lanza ErrorLibro("hoja-protegida") si la hoja está protegida. */
  escribir(hoja: string, celdas: ReadonlyArray<EscrituraCelda>): Promise<void>;
  /** Pone relleno y nota; devuelve cómo estaba cada celda antes. */
  marcar(hoja: string, marcas: ReadonlyArray<Marca>): Promise<EstadoMarca[]>;
  /** Devuelve relleno y nota exactamente como estaban. */
  restaurarMarcas(hoja: string, previos: ReadonlyArray<EstadoMarca>): Promise<void>;
  /** Agrega una hoja desde una plantilla; devuelve el nombre final (único) y la activa. */
  insertarPlantilla(plantilla: PlantillaHoja): Promise<string>;
  /** Agrega una hoja (con un nombre libre, nunca reemplaza otra) con una tabla y un gráfico; devuelve su nombre. */
  insertarGrafico(grafico: GraficoResumen): Promise<string>;
  /** Agrega una hoja (nombre libre, nunca reemplaza otra) con una tabla; devuelve su nombre. */
  insertarTabla(tabla: TablaHoja): Promise<string>;
  /** Guarda un registro JSON pequeño DENTRO del documento (null lo borra). */
  guardarRegistro(clave: string, datos: unknown): Promise<void>;
  leerRegistro<T = unknown>(clave: string): Promise<T | null>;
  /**
   * Avisa cuando cambia el contenido de alguna hoja (el usuario escribió, otro complemento…);
   * devuelve cómo dejar de escuchar. Opcional: sin él, el panel solo recalcula tras sus acciones.
   */
  alCambiarContenido?(escucha: () => void): Promise<() => void>;
  /** Avisa cuando el usuario activa otra hoja; devuelve cómo dejar de escuchar. */
  alCambiarHoja(escucha: (hoja: string) => void): Promise<() => void>;
}
