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
    reiniciar: () => {
      sim.syncs = 0;
      sim.proxiesPorSync = 0;
    },
    activar: async (worksheetId: string) => {
      for (const m of manejadores) await m({ worksheetId });
    },
  } as unknown as Simulacro & { syncs: number };
  let creados = 0;

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

  function rangeAreas(h: HojaMemoria, areas: Rango[]): Cualquiera {
    const m: Cualquiera = registrar(new OfficeMockObject({ address: areas.map((a) => `${h.nombre}!${direccionRango(a)}`).join(",") }));
    m.isNullObject = areas.length === 0;
    const items = areas.map((a) => rango(h, a));
    m.areas = { items, load: (p: string) => items.forEach((it: Cualquiera) => it.load(p.split(",").map((x) => x.replace(/^items\//, "")).join(","))) };
    return m;
  }

  function rango(h: HojaMemoria, r: Rango): Cualquiera {
    const valores = matriz(h, r, (c) => (c.valor === null ? "" : c.valor instanceof Date ? 45000 : c.valor));
    const formulas = matriz(h, r, (c) => c.formula ?? (c.valor === null ? "" : c.valor instanceof Date ? 45000 : c.valor));
    const formatos = matriz(h, r, (c) => c.formato ?? "General");
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
          libro.seleccion = { hoja: h.nombre, celda: a1(r.filaInicio, r.columnaInicio) };
        },
        getSpecialCellsOrNullObject: (tipo: string, valor?: string) => {
          const celdas: Array<[number, number]> = [];
          for (let i = r.filaInicio; i <= r.filaFin; i++) {
            for (let j = r.columnaInicio; j <= r.columnaFin; j++) {
              const c = libro.celda(h, i, j);
              if (tipo === "Visible" ? !h.filasOcultas.has(i) : tipo === "Formulas" ? Boolean(c?.formula) : !c?.formula && (valor === "Numbers" ? typeof c?.valor === "number" : c?.valor != null)) celdas.push([i, j]);
            }
          }
          if (tipo === "Visible") {
            const filas = [...new Set(celdas.map(([i]) => i))];
            return rangeAreas(h, areasDe(filas.map((i) => [i, r.columnaInicio] as [number, number])).map((a) => ({ ...a, columnaFin: r.columnaFin })));
          }
          return rangeAreas(h, areasDe(celdas));
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
        if (nuevasFormulas) {
          recorrer((c, i, j) => {
            const f = m.formulas[i]?.[j] ?? m.formulas[0][0];
            if (typeof f === "string" && f.startsWith("=")) {
              c.formula = f;
              c.valor = null;
            } else {
              c.formula = null;
              c.valor = f === "" ? null : f;
            }
          });
        } else if (nuevosValores) {
          recorrer((c, i, j) => {
            const v = m.values[i]?.[j] ?? m.values[0][0];
            c.formula = null;
            c.valor = v === "" ? null : v;
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
          return rango(h, { filaInicio: 0, columnaInicio: 0, filaFin: Math.max(0, filas - 1), columnaFin: Math.max(0, columnas - 1) });
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

  const contexto: Cualquiera = {
    workbook: {
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
      // Las escrituras y acciones del lote se aplican en orden (cada una solo lo nuevo).
      for (let i = 0; i < pendientes.length; i++) pendientes[i].aplicar();
      for (let i = pendientes.length - 1; i >= 0; i--) if (pendientes[i].unaVez) pendientes.splice(i, 1);
      for (const m of mocks) await m.sync();
      await new Promise((r) => setTimeout(r, 0));
    },
  };

  const ejecutar: Ejecutor = async (lote) => {
    const r = await lote(contexto);
    mocks = [];
    pendientes.length = 0;
    return r;
  };
  void espacioDe;
  return Object.assign(sim, { ejecutar });
}
