/**
 * Un Excel simulado para probar `PuertoOffice` sin Office: los objetos de rango y hoja son
 * `OfficeMockObject` de office-addin-mock (leer una propiedad sin `load` + `sync` da un
 * error, así las pruebas atrapan cargas olvidadas); las colecciones son objetos simples.
 * Detrás está un `LibroMemoria`: lo que el puerto escribe se aplica en cada `sync`, y se
 * cuentan los `context.sync()`.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { Ejecutor } from "../../src/excel/office";
import { a1, direccionRango, leerCelda, leerRango, type Rango } from "../../src/excel/direcciones";
import type { HojaMemoria, LibroMemoria } from "../../src/excel/memoria";
import { espacioDe } from "../../src/excel/registros";
import type { ValorCelda } from "../../src/core/tipos";

type Cualquiera = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Simulacro {
  readonly ejecutar: Ejecutor;
  /** `context.sync()` hechos desde el último `reiniciar()`. */
  syncs: number;
  /** Objetos proxy (rangos, hojas, notas) creados antes de un sync, el mayor visto. */
  proxiesPorSync: number;
  reiniciar(): void;
  /** Número de sync (desde `reiniciar`) que falla sin aplicar nada; null = ninguno. */
  fallarEnSync: number | null;
  /** Código del error de ese sync (por omisión «GeneralException»). */
  codigoFallo: string;
  /** Bytes de `formulas` cargados por sync de lectura (lo que pesaría la respuesta). */
  respuestas: number[];
  /** Una respuesta de más bytes que esto falla con «ResponsePayloadSizeLimitExceeded» (Excel en la web ≈ 5 MB). */
  limiteRespuesta: number | null;
  /** Por cada sync que escribió celdas: rangos escritos y bytes de su contenido en JSON. */
  escrituras: Array<{ rangos: number; bytes: number }>;
  /** Opciones con que el puerto pidió cada `Excel.run`. */
  corridas: Array<{ delayForCellEdit?: boolean; contexto?: unknown } | undefined>;
  /** Dispara `worksheets.onActivated` como lo haría Excel (espera a los manejadores). */
  activar(worksheetId: string): Promise<void>;
}

interface Pendiente {
  aplicar(): void;
  /** Acciones (agregar nota, parte XML) que se aplican una sola vez. */
  unaVez?: boolean;
}

function areasDe(celdas: Array<[number, number]>): Rango[] {
  // Corridas verticales por columna: suficiente para un simulacro.
  const porColumna = new Map<number, number[]>();
  for (const [r, c] of celdas) {
    let l = porColumna.get(c);
    if (!l) porColumna.set(c, (l = []));
    l.push(r);
  }
  const areas: Rango[] = [];
  for (const [c, filas] of [...porColumna.entries()].sort((a, b) => a[0] - b[0])) {
    filas.sort((a, b) => a - b);
    let inicio = filas[0];
    let previo = filas[0];
    for (let i = 1; i <= filas.length; i++) {
      const f = filas[i];
      if (f === previo + 1) {
        previo = f;
        continue;
      }
      areas.push({ filaInicio: inicio, columnaInicio: c, filaFin: previo, columnaFin: c });
      inicio = f;
      previo = f;
    }
  }
  return areas;
}

/** Partes XML personalizadas por libro: sobreviven a un simulacro nuevo (panel reabierto). */
let idParte = 0;
const PARTES = new WeakMap<LibroMemoria, Array<{ id: string; xml: string }>>();

export function crearSimulacro(libro: LibroMemoria): Simulacro {
  const pendientes: Pendiente[] = [];
  let mocks: OfficeMockObject[] = [];
  let partes = PARTES.get(libro);
  if (!partes) PARTES.set(libro, (partes = []));
  const manejadores: Array<(ev: { worksheetId: string }) => Promise<unknown>> = [];
  const sim = {
    syncs: 0,
    proxiesPorSync: 0,
    fallarEnSync: null,
    codigoFallo: "GeneralException",
    respuestas: [],
    limiteRespuesta: null,
    corridas: [],
    escrituras: [],
    reiniciar: () => {
      sim.escrituras = [];
      sim.syncs = 0;
      sim.proxiesPorSync = 0;
      sim.respuestas = [];
      sim.corridas = [];
    },
    activar: async (worksheetId: string) => {
      for (const m of manejadores) await m({ worksheetId });
    },
  } as unknown as Simulacro & { syncs: number };
  let creados = 0;
  let cargaPendiente = 0;
  let escritura = { rangos: 0, bytes: 0 };

  /**
   * Lo que Excel hace con un texto escrito por `values`: como si se tecleara. «'…» queda
   * como texto (sin el apóstrofo); «=…» es fórmula; «+…»/«-…» que no es número es una
   * fórmula inválida y el lote falla; «dd/mm/aaaa» se lee en en-US como fecha.
   */
  const tecleado = (v: unknown): { valor: ValorCelda; formula: string | null } => {
    if (typeof v !== "string") return { valor: (v === "" ? null : v) as ValorCelda, formula: null };
    if (v === "") return { valor: null, formula: null };
    if (v.startsWith("'")) return { valor: v.slice(1), formula: null };
    if (v.startsWith("=")) return { valor: null, formula: v };
    if (/^[+-]/.test(v)) {
      if (/^[+-]\d+(?:\.\d+)?$/.test(v)) return { valor: Number(v), formula: null };
      throw Object.assign(new Error(`Fórmula inválida: ${v}`), { code: "InvalidArgument" });
    }
    const fecha = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
    if (fecha) return { valor: new Date(Date.UTC(Number(fecha[3]), Number(fecha[1]) - 1, Number(fecha[2]))), formula: null };
    return { valor: v, formula: null };
  };

  const matriz = <T,>(h: HojaMemoria, r: Rango, f: (v: { valor: ValorCelda; formula: string | null; formato: string | null }) => T): T[][] => {
    const salida: T[][] = [];
    for (let i = r.filaInicio; i <= r.filaFin; i++) {
      const fila: T[] = [];
      for (let j = r.columnaInicio; j <= r.columnaFin; j++) {
        const c = libro.celda(h, i, j);
        fila.push(f({ valor: c?.valor ?? null, formula: c?.formula ?? null, formato: c?.formatoNumero ?? null }));
      }
      salida.push(fila);
    }
    return salida;
  };

  const registrar = <T extends OfficeMockObject>(m: T): T => {
    mocks.push(m);
    creados++;
    return m;
  };

  function rangeAreas(h: HojaMemoria, areas: Rango[], perezoso = false): Cualquiera {
    const m: Cualquiera = registrar(new OfficeMockObject({ address: areas.map((a) => `${h.nombre}!${direccionRango(a)}`).join(",") }));
    m.isNullObject = areas.length === 0;
    const items = areas.map((a) => rango(h, a, perezoso));
    m.areas = { items, load: (p: string) => items.forEach((it: Cualquiera) => it.load(p.split(",").map((x) => x.replace(/^items\//, "")).join(","))) };
    return m;
  }

  /** Celdas del libro dentro de un rango, sin recorrer el rango (puede ser de un millón de filas). */
  const celdasEn = (h: HojaMemoria, r: Rango): Array<[number, number]> => {
    const l: Array<[number, number]> = [];
    for (const k of h.celdas.keys()) {
      const [i, j] = k.split(":").map(Number);
      if (i >= r.filaInicio && i <= r.filaFin && j >= r.columnaInicio && j <= r.columnaFin) l.push([i, j]);
    }
    return l;
  };

  function rango(h: HojaMemoria, r: Rango, perezoso = false): Cualquiera {
    // Un rango usado enorme no se materializa: el puerto nunca carga sus valores.
    const valores = perezoso ? [] : matriz(h, r, (c) => (c.valor === null ? "" : c.valor instanceof Date ? 45000 : c.valor));
    const formulas = perezoso ? [] : matriz(h, r, (c) => c.formula ?? (c.valor === null ? "" : c.valor instanceof Date ? 45000 : c.valor));
    const formatos = perezoso ? [] : matriz(h, r, (c) => c.formato ?? "General");
    const primera = libro.celda(h, r.filaInicio, r.columnaInicio);
    let limpiar = false;
    const m: Cualquiera = registrar(
      new OfficeMockObject({
        address: `${h.nombre}!${direccionRango(r)}`,
        rowIndex: r.filaInicio,
        columnIndex: r.columnaInicio,
        rowCount: r.filaFin - r.filaInicio + 1,
        columnCount: r.columnaFin - r.columnaInicio + 1,
        values: valores,
        formulas,
        numberFormat: formatos,
        format: {
          fill: { color: primera?.relleno ?? "#FFFFFF", pattern: primera?.relleno ? "Solid" : "None", clear: () => (limpiar = true) },
          font: { bold: Boolean(primera?.negrita), color: "#000000" },
          columnWidth: 64,
        },
        merge: () => pendientes.push({ unaVez: true, aplicar: () => void h.combinaciones.push(r) }),
        select: () => {
          libro.seleccion = { hoja: h.nombre, posicion: { fila: r.filaInicio + 1, columna: r.columnaInicio + 1 } };
        },
        getSpecialCellsOrNullObject: (tipo: string, valor?: string) => {
          if (tipo === "Visible") {
            // Filas visibles = el rango menos las ocultas, en bandas.
            const areas: Rango[] = [];
            let inicio = r.filaInicio;
            for (const o of [...h.filasOcultas].filter((x) => x >= r.filaInicio && x <= r.filaFin).sort((a, b) => a - b)) {
              if (o > inicio) areas.push({ filaInicio: inicio, columnaInicio: r.columnaInicio, filaFin: o - 1, columnaFin: r.columnaFin });
              inicio = o + 1;
            }
            if (inicio <= r.filaFin) areas.push({ filaInicio: inicio, columnaInicio: r.columnaInicio, filaFin: r.filaFin, columnaFin: r.columnaFin });
            return rangeAreas(h, areas, true);
          }
          const celdas = celdasEn(h, r).filter(([i, j]) => {
            const c = libro.celda(h, i, j);
            return tipo === "Formulas" ? Boolean(c?.formula) : !c?.formula && (valor === "Numbers" ? typeof c?.valor === "number" : c?.valor != null && c.valor !== "");
          });
          // Sobre el rango usado (perezoso) solo se pide la dirección de las áreas.
          return rangeAreas(h, areasDe(celdas), perezoso);
        },
        // ExcelApi 1.9: rellenos celda por celda de un rango (lectura al crear: el mismo
        // estado que vería el sync) y su escritura en orden con el resto del lote.
        getCellProperties: () => ({
          value: matriz(h, r, () => null).map((fila, i) =>
            fila.map((_, j) => {
              const c = libro.celda(h, r.filaInicio + i, r.columnaInicio + j);
              return { format: { fill: { color: c?.relleno ?? "#FFFFFF", pattern: c?.relleno ? "Solid" : "None" } } };
            }),
          ),
        }),
        setCellProperties: (props: Array<Array<{ format?: { fill?: { color?: string } } }>>) =>
          pendientes.push({
            unaVez: true,
            aplicar: () =>
              props.forEach((fila, i) =>
                fila.forEach((p, j) => {
                  const color = p.format?.fill?.color;
                  if (color !== undefined) libro.celdaEditable(h, a1(r.filaInicio + i, r.columnaInicio + j)).relleno = color;
                }),
              ),
          }),
        getMergedAreasOrNullObject: () => rangeAreas(h, h.combinaciones.filter((c) => c.filaInicio <= r.filaFin && c.filaFin >= r.filaInicio)),
      }),
    );
    m.__rango = r;
    const cargarOriginal = m.load.bind(m);
    m.load = (p: string | string[]) => {
      if (String(p).includes("formulas")) cargaPendiente += JSON.stringify(formulas).length;
      return cargarOriginal(p);
    };
    m.dataValidation = { rule: null };
    m.conditionalFormats = {
      add: (tipo: string) => {
        const cf: Cualquiera = {
          textComparison: { format: { fill: {}, font: {} }, rule: null },
          custom: { format: { fill: {}, font: {} }, rule: { formula: "" } },
        };
        pendientes.push({
          unaVez: true,
          aplicar: () => {
            const rango = direccionRango(r);
            if (tipo === "ContainsText") h.condicionales.push({ rango, texto: cf.textComparison.rule?.text, relleno: cf.textComparison.format.fill.color, colorFuente: cf.textComparison.format.font.color });
            else h.condicionales.push({ rango, formula: cf.custom.rule.formula, relleno: cf.custom.format.fill.color, colorFuente: cf.custom.format.font.color });
          },
        });
        return cf;
      },
    };
    let baseValores: unknown = valores;
    let baseFormatos: unknown = formatos;
    let baseRegla: unknown = null;
    let baseFormulas: unknown = formulas;
    let baseJson: unknown = undefined;
    let baseColor: unknown = primera?.relleno ?? "#FFFFFF";
    pendientes.push({
      aplicar: () => {
        // Lo cargado (la instantánea) no es una escritura; solo un arreglo nuevo asignado.
        const nuevosValores = Array.isArray(m.values) && m.values !== valores && m.values !== baseValores;
        const nuevasFormulas = Array.isArray(m.formulas) && m.formulas !== formulas && m.formulas !== baseFormulas;
        if (h.protegida && (nuevosValores || nuevasFormulas)) {
          throw Object.assign(new Error("La hoja está protegida"), { code: "AccessDenied" });
        }
        const celda = () => libro.celdaEditable(h, a1(r.filaInicio, r.columnaInicio));
        const recorrer = (f: (c: ReturnType<typeof celda>, i: number, j: number) => void) => {
          for (let i = 0; i <= r.filaFin - r.filaInicio; i++)
            for (let j = 0; j <= r.columnaFin - r.columnaInicio; j++) f(libro.celdaEditable(h, a1(r.filaInicio + i, r.columnaInicio + j)), i, j);
        };
        const nuevosJson = Array.isArray(m.valuesAsJson) && m.valuesAsJson !== baseJson;
        if (nuevasFormulas || nuevosJson || nuevosValores) {
          escritura.rangos++;
          escritura.bytes += JSON.stringify(nuevasFormulas ? m.formulas : nuevosJson ? m.valuesAsJson : m.values).length;
        }
        if (nuevasFormulas) {
          recorrer((c, i, j) => {
            const f = m.formulas[i]?.[j] ?? m.formulas[0][0];
            if (typeof f === "string" && f.startsWith("=")) {
              c.formula = f;
              c.valor = null;
            } else {
              // `formulas` lee una constante en en-US («12/03/2024» → 3 de diciembre).
              const t = tecleado(f);
              c.formula = t.formula;
              c.valor = t.valor;
            }
          });
        } else if (nuevosJson) {
          recorrer((c, i, j) => {
            const v = (m.valuesAsJson[i]?.[j] ?? m.valuesAsJson[0][0]) as { type: string; basicValue: unknown };
            c.formula = null;
            c.valor = v.basicValue === "" ? null : (v.basicValue as ValorCelda);
          });
          baseJson = m.valuesAsJson;
        } else if (nuevosValores) {
          recorrer((c, i, j) => {
            const t = tecleado(m.values[i]?.[j] ?? m.values[0][0]);
            c.formula = t.formula;
            c.valor = t.valor;
          });
        }
        if (Array.isArray(m.numberFormat) && m.numberFormat !== formatos && m.numberFormat !== baseFormatos) {
          recorrer((c, i, j) => void (c.formatoNumero = m.numberFormat[i]?.[j] ?? m.numberFormat[0][0]));
          baseFormatos = m.numberFormat;
        }
        if (m.format.font.bold === true && !primera?.negrita) recorrer((c) => void (c.negrita = true));
        if (typeof m.format.columnWidth === "number" && m.format.columnWidth !== 64) {
          for (let j = r.columnaInicio; j <= r.columnaFin; j++) h.anchos.set(j, m.format.columnWidth / 7);
        }
        if (m.dataValidation.rule && m.dataValidation.rule !== baseRegla) {
          h.listas.push({ rango: direccionRango(r), opciones: String(m.dataValidation.rule.list.source).split(",") });
          baseRegla = m.dataValidation.rule;
        }
        baseValores = m.values;
        baseFormulas = m.formulas;
        const fill = m.format.fill;
        if (limpiar) recorrer((c) => void (c.relleno = null));
        else if (typeof fill.color === "string" && !fill.color.startsWith("Error") && fill.color !== baseColor) celda().relleno = fill.color;
        if (typeof fill.color === "string" && !fill.color.startsWith("Error")) baseColor = fill.color;
        limpiar = false;
      },
    });
    return m;
  }

  function nota(h: HojaMemoria, direccion: string): Cualquiera {
    const c = libro.celda(h, leerCelda(direccion).fila, leerCelda(direccion).columna);
    const previo = c?.nota ?? null;
    let borrar = false;
    const m: Cualquiera = registrar(new OfficeMockObject({ content: previo ?? "", delete: () => (borrar = true) }));
    m.isNullObject = previo === null;
    let base: unknown = previo ?? "";
    pendientes.push({
      aplicar: () => {
        if (borrar) libro.celdaEditable(h, direccion).nota = null;
        else if (typeof m.content === "string" && !m.content.startsWith("Error") && m.content !== base) libro.celdaEditable(h, direccion).nota = m.content;
        if (typeof m.content === "string" && !m.content.startsWith("Error")) base = m.content;
        borrar = false;
      },
    });
    return m;
  }

  function hoja(h: HojaMemoria): Cualquiera {
    const m: Cualquiera = registrar(
      new OfficeMockObject({
        name: h.nombre,
        visibility: h.visibilidad === "visible" ? "Visible" : "Hidden",
        protection: { protected: h.protegida },
        activate: () => libro.activar(h.nombre),
        getUsedRange: () => {
          const { filas, columnas } = libro.dimensiones(h);
          return rango(h, { filaInicio: 0, columnaInicio: 0, filaFin: Math.max(0, filas - 1), columnaFin: Math.max(0, columnas - 1) }, true);
        },
        getUsedRangeOrNullObject: () => {
          const { filas, columnas } = libro.dimensiones(h);
          const u = rango(h, { filaInicio: 0, columnaInicio: 0, filaFin: Math.max(0, filas - 1), columnaFin: Math.max(0, columnas - 1) }, true);
          u.isNullObject = filas === 0;
          return u;
        },
        getRange: (dir: string) => {
          const columnas = /^([A-Z]+):([A-Z]+)$/.exec(dir);
          if (columnas) {
            const c = leerRango(`${columnas[1]}1:${columnas[2]}1`);
            return rango(h, c);
          }
          return rango(h, leerRango(dir));
        },
        getRangeByIndexes: (f: number, c: number, n: number, k: number) => rango(h, { filaInicio: f, columnaInicio: c, filaFin: f + n - 1, columnaFin: c + k - 1 }),
      }),
    );
    m.isNullObject = false;
    // Las operaciones de un lote se ejecutan en orden: borrar y luego agregar con el mismo nombre.
    m.delete = () => void (libro.hojas = libro.hojas.filter((x) => x !== h));
    m.freezePanes = { freezeRows: (n: number) => pendientes.push({ unaVez: true, aplicar: () => void (h.congelarFilas = n) }) };
    m.charts = {
      add: (_tipo: string, r: Cualquiera) => {
        const grafico: Cualquiera = { title: { text: "" }, setPosition: () => undefined };
        pendientes.push({ unaVez: true, aplicar: () => void h.graficos.push({ titulo: grafico.title.text, rango: direccionRango(r.__rango as Rango) }) });
        return grafico;
      },
    };
    m.notes = {
      getItemOrNullObject: (dir: string) => nota(h, dir),
      add: (dir: string, contenido: string) => pendientes.push({ unaVez: true, aplicar: () => void (libro.celdaEditable(h, dir).nota = contenido) }),
    };
    return m;
  }

  const libroMock: Cualquiera = registrar(new OfficeMockObject({ readOnly: false, protection: { protected: false } }));
  const contexto: Cualquiera = {
    workbook: {
      get readOnly() {
        libroMock.readOnly = (libro as Cualquiera).soloLectura === true;
        return libroMock.readOnly;
      },
      load: (p: string) => libroMock.load(p),
      get protection() {
        libroMock.protection.protected = (libro as Cualquiera).estructuraProtegida === true;
        return libroMock.protection;
      },
      worksheets: {
        items: [] as Cualquiera[],
        load(p: string) {
          this.items = libro.hojas.map((h) => {
            const w = hoja(h);
            w.load("name,visibility");
            if (p.includes("protection")) w.protection.load("protected");
            return w;
          });
        },
        getActiveWorksheet: () => hoja(libro.hoja(libro.activa)),
        add: (n: string) => {
          const nueva = libro.agregarDatos({ nombre: n, valores: [] });
          return hoja(nueva);
        },
        getItemOrNullObject: (n: string) => {
          const h = libro.hojas.find((x) => x.nombre === n);
          return h ? hoja(h) : { isNullObject: true, load: () => undefined };
        },
        getItem: (n: string) => {
          const h = libro.hojas.find((x) => x.nombre === n);
          if (!h) throw Object.assign(new Error("ItemNotFound"), { code: "ItemNotFound" });
          return hoja(h);
        },
        onActivated: {
          add: (m: (ev: { worksheetId: string }) => Promise<unknown>) => {
            manejadores.push(m);
            return { remove: () => void manejadores.splice(manejadores.indexOf(m), 1), context: contexto };
          },
        },
      },
      customXmlParts: {
        getByNamespace: (ns: string) => {
          const col = {
            items: [] as Cualquiera[],
            load() {
              col.items = partes!
                .filter((p) => p.xml.includes(`xmlns="${ns}"`))
                .map((p) => ({
                  id: p.id,
                  delete: () => pendientes.push({ unaVez: true, aplicar: () => void partes!.splice(partes!.findIndex((x) => x.id === p.id), 1) }),
                  getXml: () => ({ value: p.xml }),
                }));
            },
          };
          return col;
        },
        add: (xml: string) => pendientes.push({ unaVez: true, aplicar: () => void partes!.push({ id: `p${++idParte}`, xml }) }),
      },
    },
    async sync() {
      sim.syncs++;
      sim.proxiesPorSync = Math.max(sim.proxiesPorSync, creados);
      creados = 0;
      const carga = cargaPendiente;
      cargaPendiente = 0;
      if (carga > 0) sim.respuestas.push(carga);
      const fallo =
        sim.fallarEnSync === sim.syncs
          ? Object.assign(new Error("Falla simulada"), { code: sim.codigoFallo })
          : sim.limiteRespuesta !== null && carga > sim.limiteRespuesta
            ? Object.assign(new Error("La respuesta excede el límite"), { code: "ResponsePayloadSizeLimitExceeded" })
            : null;
      if (fallo) {
        // Un lote que falla no aplica nada de lo pendiente.
        pendientes.length = 0;
        throw fallo;
      }
      // Las escrituras y acciones del lote se aplican en orden (cada una solo lo nuevo).
      escritura = { rangos: 0, bytes: 0 };
      for (let i = 0; i < pendientes.length; i++) pendientes[i].aplicar();
      if (escritura.rangos > 0) sim.escrituras.push(escritura);
      for (let i = pendientes.length - 1; i >= 0; i--) if (pendientes[i].unaVez) pendientes.splice(i, 1);
      for (const m of mocks) await m.sync();
      await new Promise((r) => setTimeout(r, 0));
    },
  };

  const ejecutar: Ejecutor = async (lote, opciones) => {
    sim.corridas.push(opciones);
    try {
      return await lote(contexto);
    } finally {
      mocks = [];
      pendientes.length = 0;
    }
  };
  void espacioDe;
  return Object.assign(sim, { ejecutar });
}
