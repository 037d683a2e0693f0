/**
 * Un libro en memoria detrás del mismo puerto que Office.js: para las pruebas del panel y
 * para la vista previa en el navegador. Guarda lo que Excel guardaría (valores, fórmulas,
 * formatos, rellenos, notas, combinaciones, filas ocultas, protección, registros del
 * documento) y avisa de cada cambio para que la cuadrícula se redibuje.
 */
import type { HojaDatos, Posicion, ValorCelda } from "../core/tipos";
import { a1, indicesDe, leerCelda, leerRango, posicionEn, type Rango } from "./direcciones";
import { aPartesXml, dePartesXml, ESPACIO_REGISTROS } from "./registros";
import {
  ErrorLibro,
  formulaVinculo,
  type TablaHoja,
  type ContenidoCelda,
  type EscrituraCelda,
  type EstadoMarca,
  type GraficoResumen,
  type InfoHoja,
  type LecturaHoja,
  type Marca,
  type PlantillaHoja,
  type PuertoLibro,
} from "./puerto";

export interface CeldaMemoria {
  valor: ValorCelda;
  formula: string | null;
  formatoNumero: string | null;
  relleno: string | null;
  nota: string | null;
  negrita?: boolean;
}

export interface HojaMemoria {
  nombre: string;
  celdas: Map<string, CeldaMemoria>;
  combinaciones: Rango[];
  filasOcultas: Set<number>;
  protegida: boolean;
  /** «muyOculta» es la hoja de registros del complemento (no se lista). */
  visibilidad: "visible" | "oculta" | "muyOculta";
  anchos: Map<number, number>;
  listas: Array<{ rango: string; opciones: string[] }>;
  condicionales: Array<{ rango: string; texto?: string; formula?: string; relleno: string; colorFuente?: string }>;
  graficos: Array<{ titulo: string; rango: string }>;
  congelarFilas: number;
}

const clave = (fila: number, columna: number): string => `${fila}:${columna}`;

function hojaVacia(nombre: string): HojaMemoria {
  return {
    nombre,
    celdas: new Map(),
    combinaciones: [],
    filasOcultas: new Set(),
    protegida: false,
    visibilidad: "visible",
    anchos: new Map(),
    listas: [],
    condicionales: [],
    graficos: [],
    congelarFilas: 0,
  };
}

/** Datos de una hoja que no están en HojaDatos (para crear el libro o exportarlo). */
export interface ExtrasHoja {
  readonly protegida?: boolean;
  readonly rellenos?: ReadonlyArray<{ readonly celda: string; readonly color: string }>;
  readonly notas?: ReadonlyArray<{ readonly celda: string; readonly nota: string }>;
}

export class LibroMemoria {
  hojas: HojaMemoria[] = [];
  activa = "";
  /** La celda seleccionada (como números). */
  seleccion: { hoja: string; posicion: Posicion } | null = null;
  /** Registros del documento (como una parte XML personalizada): clave → JSON. */
  registros = new Map<string, string>();
  /** El libro se abrió de solo lectura: nada se escribe. */
  soloLectura = false;
  /** Estructura protegida: no se agregan hojas. */
  estructuraProtegida = false;
  private escuchas = new Set<() => void>();
  private escuchasActivacion = new Set<(hoja: string) => void>();
  private escuchasContenido = new Set<() => void>();
  /** Operaciones hechas, por nombre (las pruebas las cuentan). */
  operaciones: string[] = [];

  static desde(hojas: ReadonlyArray<HojaDatos & ExtrasHoja>): LibroMemoria {
    const libro = new LibroMemoria();
    for (const h of hojas) libro.agregarDatos(h);
    libro.activa = libro.hojas[0]?.nombre ?? "";
    return libro;
  }

  agregarDatos(h: HojaDatos & ExtrasHoja): HojaMemoria {
    const hoja = hojaVacia(this.nombreUnico(h.nombre));
    h.valores.forEach((fila, r) =>
      fila?.forEach((v, c) => {
        const formula = h.formulas?.[r]?.[c] ?? null;
        const formato = h.formatosNumero?.[r]?.[c] ?? null;
        if (v === null && formula === null && (formato === null || formato === "General")) return;
        hoja.celdas.set(clave(r, c), { valor: v ?? null, formula, formatoNumero: formato, relleno: null, nota: null });
      }),
    );
    h.formulas?.forEach((fila, r) =>
      fila?.forEach((f, c) => {
        if (f && !hoja.celdas.has(clave(r, c))) hoja.celdas.set(clave(r, c), { valor: null, formula: f, formatoNumero: null, relleno: null, nota: null });
      }),
    );
    hoja.combinaciones = (h.combinaciones ?? []).map((r) => ({ ...r }));
    hoja.filasOcultas = new Set(h.filasOcultas ?? []);
    hoja.protegida = h.protegida ?? false;
    for (const r of h.rellenos ?? []) this.celdaEditable(hoja, r.celda).relleno = r.color;
    for (const n of h.notas ?? []) this.celdaEditable(hoja, n.celda).nota = n.nota;
    this.hojas.push(hoja);
    this.avisar();
    return hoja;
  }

  hoja(nombre: string): HojaMemoria {
    const h = this.hojas.find((x) => x.nombre === nombre);
    if (!h) throw new ErrorLibro("hoja-no-existe", `La hoja «${nombre}» no existe.`, nombre);
    return h;
  }

  celda(hoja: HojaMemoria, fila: number, columna: number): CeldaMemoria | undefined {
    return hoja.celdas.get(clave(fila, columna));
  }

  celdaEditable(hoja: HojaMemoria, direccion: string): CeldaMemoria {
    const { fila, columna } = leerCelda(direccion);
    return this.celdaEditableEn(hoja, fila, columna);
  }

  /** La celda (fila y columna base 0), creada si no existía. */
  celdaEditableEn(hoja: HojaMemoria, fila: number, columna: number): CeldaMemoria {
    const k = clave(fila, columna);
    let c = hoja.celdas.get(k);
    if (!c) {
      c = { valor: null, formula: null, formatoNumero: null, relleno: null, nota: null };
      hoja.celdas.set(k, c);
    }
    return c;
  }

  /** Filas y columnas usadas (desde A1). */
  dimensiones(hoja: HojaMemoria): { filas: number; columnas: number } {
    let filas = 0;
    let columnas = 0;
    for (const [k, c] of hoja.celdas) {
      if (c.valor === null && c.formula === null && c.relleno === null && c.nota === null && !c.formatoNumero) continue;
      const [r, col] = k.split(":").map(Number);
      filas = Math.max(filas, r + 1);
      columnas = Math.max(columnas, col + 1);
    }
    for (const m of hoja.combinaciones) {
      filas = Math.max(filas, m.filaFin + 1);
      columnas = Math.max(columnas, m.columnaFin + 1);
    }
    return { filas, columnas };
  }

  /**
   * La hoja como HojaDatos desde A1, con matrices DISPERSAS: solo existen las filas con
   * alguna celda (un valor suelto en la fila 1 048 576 no crea un millón de filas).
   */
  datos(hoja: HojaMemoria): HojaDatos {
    const { columnas } = this.dimensiones(hoja);
    const valores: ValorCelda[][] = [];
    const formulas: (string | null)[][] = [];
    const formatos: (string | null)[][] = [];
    for (const [k, c] of hoja.celdas) {
      const [r, col] = k.split(":").map(Number);
      if (!valores[r]) {
        valores[r] = new Array(columnas).fill(null);
        formulas[r] = new Array(columnas).fill(null);
        formatos[r] = new Array(columnas).fill(null);
      }
      valores[r][col] = c.valor;
      formulas[r][col] = c.formula;
      formatos[r][col] = c.formatoNumero;
    }
    return {
      nombre: hoja.nombre,
      valores,
      formulas,
      formatosNumero: formatos,
      combinaciones: hoja.combinaciones.map((m) => ({ ...m })),
      filasOcultas: [...hoja.filasOcultas].sort((a, b) => a - b),
    };
  }

  nombreUnico(base: string): string {
    const limpio = (base.replace(/[\\/?*[\]:]/g, " ").trim() || "Hoja").slice(0, 31);
    let nombre = limpio;
    for (let i = 2; this.hojas.some((h) => h.nombre.toLowerCase() === nombre.toLowerCase()); i++) {
      const sufijo = ` (${i})`;
      nombre = limpio.slice(0, 31 - sufijo.length) + sufijo;
    }
    return nombre;
  }

  activar(nombre: string): void {
    this.hoja(nombre);
    if (this.activa === nombre) return;
    this.activa = nombre;
    this.avisar();
    for (const e of this.escuchasActivacion) e(nombre);
  }

  alCambiar(escucha: () => void): () => void {
    this.escuchas.add(escucha);
    return () => this.escuchas.delete(escucha);
  }

  /** Avisa cuando cambia el contenido (no la selección ni la hoja activa). */
  alCambiarContenido(escucha: () => void): () => void {
    this.escuchasContenido.add(escucha);
    return () => this.escuchasContenido.delete(escucha);
  }

  /** El contenido cambió: se redibuja y se avisa a quien escucha cambios de contenido. */
  cambio(): void {
    this.avisar();
    for (const e of this.escuchasContenido) e();
  }

  /** Lo que haría el usuario al teclear en una celda (pruebas y vista previa). */
  editar(nombre: string, celda: string, valor: ValorCelda): void {
    const c = this.celdaEditable(this.hoja(nombre), celda);
    c.valor = valor;
    c.formula = null;
    this.cambio();
  }

  alActivar(escucha: (hoja: string) => void): () => void {
    this.escuchasActivacion.add(escucha);
    return () => this.escuchasActivacion.delete(escucha);
  }

  avisar(): void {
    for (const e of this.escuchas) e();
  }

  // ——— Registros como partes XML (API estable para guardar y reabrir un .xlsx) ———

  /**
   * Los registros del complemento (deshacer, marcas, formatos…) como partes XML
   * personalizadas, exactamente como las guarda Office.js en el documento (una o más partes
   * por clave, espacio de nombres `urn:pat-indicadores:<clave>`).
   */
  partesXml(): string[] {
    const partes: string[] = [];
    for (const [clave, json] of this.registros) partes.push(...aPartesXml(clave, JSON.parse(json)));
    return partes;
  }

  /**
   * Carga los registros desde las partes XML personalizadas de un .xlsx (al abrirlo). Las
   * partes que no son del complemento o que no cierran se ignoran.
   */
  cargarPartesXml(xmls: ReadonlyArray<string>): void {
    const porClave = new Map<string, string[]>();
    for (const xml of xmls) {
      const m = /xmlns="urn:pat-indicadores:([^"]+)"/.exec(xml);
      if (!m || !xml.includes(ESPACIO_REGISTROS)) continue;
      let l = porClave.get(m[1]);
      if (!l) porClave.set(m[1], (l = []));
      l.push(xml);
    }
    for (const [clave, partes] of porClave) {
      const datos = dePartesXml<unknown>(partes);
      if (datos !== null) this.registros.set(clave, JSON.stringify(datos));
    }
    this.avisar();
  }
}

function noProtegida(hoja: HojaMemoria, libro?: LibroMemoria): void {
  if (libro?.soloLectura) throw new ErrorLibro("libro-solo-lectura", "El libro es de solo lectura.", hoja.nombre);
  if (hoja.protegida) throw new ErrorLibro("hoja-protegida", `La hoja «${hoja.nombre}» está protegida.`, hoja.nombre);
}

function hojasNuevasPermitidas(libro: LibroMemoria): void {
  if (libro.soloLectura) throw new ErrorLibro("libro-solo-lectura", "El libro es de solo lectura.");
  if (libro.estructuraProtegida) throw new ErrorLibro("estructura-protegida", "La estructura del libro está protegida.");
}

function copiarValor(v: ValorCelda): ValorCelda {
  return v instanceof Date ? new Date(v.getTime()) : v;
}

/** El puerto sobre un LibroMemoria. */
export class PuertoMemoria implements PuertoLibro {
  constructor(readonly libro: LibroMemoria) {}

  async listarHojas(): Promise<InfoHoja[]> {
    return this.libro.hojas.filter((h) => h.visibilidad === "visible").map((h) => ({ nombre: h.nombre, protegida: h.protegida }));
  }

  async hojaActiva(): Promise<string> {
    return this.libro.activa;
  }

  async leerHoja(nombre?: string): Promise<LecturaHoja> {
    const hoja = this.libro.hoja(nombre ?? this.libro.activa);
    this.libro.operaciones.push("leerHoja");
    const datos = this.libro.datos(hoja);
    const { filas, columnas } = this.libro.dimensiones(hoja);
    // Matrices dispersas: las filas con datos son las claves presentes, no la longitud.
    return { datos, protegida: hoja.protegida, filas, columnas, filasConDatos: Object.keys(datos.valores).length };
  }

  async seleccionar(hoja: string, posicion: Posicion): Promise<void> {
    const u = indicesDe(posicion);
    this.libro.activar(hoja);
    this.libro.seleccion = { hoja, posicion: posicionEn(u) };
    this.libro.avisar();
  }

  async leerCeldas(nombre: string, posiciones: ReadonlyArray<Posicion>): Promise<ContenidoCelda[]> {
    const hoja = this.libro.hoja(nombre);
    return posiciones.map((p) => {
      const u = indicesDe(p);
      const c = this.libro.celda(hoja, u.fila, u.columna);
      return { posicion: posicionEn(u), valor: copiarValor(c?.valor ?? null), formula: c?.formula ?? null };
    });
  }

  async escribir(nombre: string, celdas: ReadonlyArray<EscrituraCelda>): Promise<void> {
    const hoja = this.libro.hoja(nombre);
    noProtegida(hoja, this.libro);
    // Todas las posiciones se comprueban antes de escribir nada (como en Office).
    const ubicadas = celdas.map((e) => ({ u: indicesDe(e.posicion), e }));
    this.libro.operaciones.push(`escribir:${celdas.length}`);
    for (const { u, e } of ubicadas) {
      const c = this.libro.celdaEditableEn(hoja, u.fila, u.columna);
      if (e.formula) {
        c.formula = e.formula;
        // Sin motor de cálculo: la celda muestra la fórmula hasta que Excel la calcule.
        c.valor = null;
      } else {
        c.formula = null;
        c.valor = copiarValor(e.valor ?? null);
      }
    }
    this.libro.cambio();
  }

  async marcar(nombre: string, marcas: ReadonlyArray<Marca>): Promise<EstadoMarca[]> {
    const hoja = this.libro.hoja(nombre);
    noProtegida(hoja, this.libro);
    const previos: EstadoMarca[] = [];
    const vistos = new Set<string>();
    for (const m of marcas) {
      const u = indicesDe(m.posicion);
      const c = this.libro.celdaEditableEn(hoja, u.fila, u.columna);
      const k = clave(u.fila, u.columna);
      if (!vistos.has(k)) {
        previos.push({ posicion: posicionEn(u), relleno: c.relleno, nota: c.nota });
        vistos.add(k);
      }
      c.relleno = m.color;
      c.nota = m.nota;
    }
    this.libro.cambio();
    return previos;
  }

  async restaurarMarcas(nombre: string, previos: ReadonlyArray<EstadoMarca>): Promise<void> {
    const hoja = this.libro.hoja(nombre);
    noProtegida(hoja, this.libro);
    for (const p of previos) {
      const u = indicesDe(p.posicion);
      const c = this.libro.celdaEditableEn(hoja, u.fila, u.columna);
      c.relleno = p.relleno;
      c.nota = p.nota;
    }
    this.libro.cambio();
  }

  async insertarPlantilla(p: PlantillaHoja): Promise<string> {
    hojasNuevasPermitidas(this.libro);
    const hoja = hojaVacia(this.libro.nombreUnico(p.nombre));
    this.libro.hojas.push(hoja);
    for (const c of p.celdas) {
      const celda = this.libro.celdaEditable(hoja, c.celda);
      if (c.formula) celda.formula = c.formula;
      else celda.valor = c.valor ?? null;
      if (c.negrita) celda.negrita = true;
    }
    hoja.combinaciones = (p.combinaciones ?? []).map(leerRango);
    for (const a of p.anchos ?? []) hoja.anchos.set(leerCelda(`${a.columna}1`).columna, a.ancho);
    hoja.listas = (p.listas ?? []).map((l) => ({ rango: l.rango, opciones: [...l.opciones] }));
    for (const f of p.formatosNumero ?? []) {
      const r = leerRango(f.rango);
      for (let i = r.filaInicio; i <= r.filaFin; i++)
        for (let j = r.columnaInicio; j <= r.columnaFin; j++) this.libro.celdaEditable(hoja, a1(i, j)).formatoNumero = f.formato;
    }
    for (const f of p.rellenos ?? []) {
      const r = leerRango(f.rango);
      for (let i = r.filaInicio; i <= r.filaFin; i++)
        for (let j = r.columnaInicio; j <= r.columnaFin; j++) this.libro.celdaEditable(hoja, a1(i, j)).relleno = f.color;
    }
    hoja.condicionales = (p.condicionales ?? []).map((c) => ({ ...c }));
    hoja.congelarFilas = p.congelarFilas ?? 0;
    this.libro.activar(hoja.nombre);
    this.libro.avisar();
    return hoja.nombre;
  }

  async insertarGrafico(g: GraficoResumen): Promise<string> {
    hojasNuevasPermitidas(this.libro);
    // Nunca reemplaza una hoja del usuario: «Resumen PAT», «Resumen PAT (2)»…
    const hoja = hojaVacia(this.libro.nombreUnico(g.hoja));
    this.libro.hojas.push(hoja);
    const filas = [g.encabezados, ...g.filas];
    filas.forEach((fila, r) => fila.forEach((v, c) => (this.libro.celdaEditable(hoja, a1(r, c)).valor = v)));
    hoja.graficos.push({ titulo: g.titulo, rango: `A1:${a1(filas.length - 1, g.encabezados.length - 1)}` });
    this.libro.activar(hoja.nombre);
    this.libro.avisar();
    return hoja.nombre;
  }

  async insertarTabla(tabla: TablaHoja): Promise<string> {
    hojasNuevasPermitidas(this.libro);
    const hoja = hojaVacia(this.libro.nombreUnico(tabla.hoja));
    this.libro.hojas.push(hoja);
    tabla.encabezados.forEach((e, j) => {
      const c = this.libro.celdaEditable(hoja, a1(0, j));
      c.valor = e;
      c.negrita = true;
    });
    tabla.filas.forEach((fila, i) =>
      fila.forEach((v, j) => {
        const c = this.libro.celdaEditable(hoja, a1(i + 1, j));
        if (v !== null && typeof v === "object" && !(v instanceof Date)) {
          c.formula = formulaVinculo(v.vinculo, v.texto);
          // Sin motor de cálculo: se muestra lo que Excel mostraría (el texto del vínculo).
          c.valor = v.texto;
        } else c.valor = copiarValor(v);
      }),
    );
    (tabla.anchos ?? []).forEach((a, j) => hoja.anchos.set(j, a));
    hoja.congelarFilas = 1;
    this.libro.activar(hoja.nombre);
    this.libro.avisar();
    return hoja.nombre;
  }

  async guardarRegistro(claveRegistro: string, datos: unknown): Promise<void> {
    if (datos === null || datos === undefined) this.libro.registros.delete(claveRegistro);
    else this.libro.registros.set(claveRegistro, JSON.stringify(datos));
  }

  async leerRegistro<T = unknown>(claveRegistro: string): Promise<T | null> {
    const s = this.libro.registros.get(claveRegistro);
    return s === undefined ? null : (JSON.parse(s) as T);
  }

  async alCambiarContenido(escucha: () => void): Promise<() => void> {
    const quitar = this.libro.alCambiarContenido(escucha);
    return () => {
      quitar();
    };
  }

  async alCambiarHoja(escucha: (hoja: string) => void): Promise<() => void> {
    const quitar = this.libro.alActivar(escucha);
    return () => {
      quitar();
    };
  }
}
