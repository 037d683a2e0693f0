/**
 * PuertoOffice contra un Excel simulado con office-addin-mock: datos correctos y un número
 * FIJO de context.sync() por operación (leer: igual para 10 y 10 000 filas; escribir: fijo
 * por trozo de 2 000 celdas).
 */
// office-addin-mock importa office-addin-manifest solo por el enum OfficeApp; ese paquete
// arrastra módulos ESM que jest (CommonJS) no carga. Basta el enum.
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "Excel", Outlook: "Outlook", Word: "Word", PowerPoint: "PowerPoint", OneNote: "OneNote", Project: "Project" } }));

import { deshacerLlenado, escribirConDeshacer, marcarConRegistro, quitarMarcas } from "../../src/excel/deshacer";
import { LibroMemoria } from "../../src/excel/memoria";
import { CELDAS_POR_LOTE, PuertoOffice } from "../../src/excel/office";
import { crearSimulacro } from "./simulacro";
import { hojaOrgano } from "./fixtures";

function preparar(n: number, extras: { protegida?: boolean } = {}) {
  const libro = LibroMemoria.desde([{ ...hojaOrgano(n), ...extras, rellenos: [{ celda: "E8", color: "#00FF00" }], notas: [{ celda: "E9", nota: "nota mía" }] }, { nombre: "Otra", valores: [["x"]] }]);
  const sim = crearSimulacro(libro);
  const puerto = new PuertoOffice(sim.ejecutar, { notas: true });
  return { libro, sim, puerto };
}

async function contar(sim: { syncs: number; reiniciar(): void }, f: () => Promise<unknown>): Promise<number> {
  sim.reiniciar();
  await f();
  return sim.syncs;
}

describe("PuertoOffice (office-addin-mock)", () => {
  test("lee valores, fórmulas, formatos, combinaciones y filas ocultas desde A1", async () => {
    const { puerto } = preparar(5);
    const r = await puerto.leerHoja();
    expect(r.datos.nombre).toBe("PAT");
    expect(r.filas).toBe(11);
    expect(r.columnas).toBe(17);
    expect(r.datos.valores[5][0]).toBe("NÚMERO");
    expect(r.datos.valores[6][11]).toBe(12);
    expect(r.datos.formulas?.[6][15]).toBe("=O7/L7*100");
    expect(r.datos.formulas?.[6][14]).toBeNull();
    expect(r.datos.formatosNumero?.[6][15]).toBe("0.00");
    expect(r.datos.combinaciones).toEqual([{ filaInicio: 0, columnaInicio: 0, filaFin: 0, columnaFin: 16 }]);
    expect(r.datos.filasOcultas).toEqual([7]);
    expect(r.protegida).toBe(false);
  });

  test("leer hace los mismos context.sync() con 10 y con 10 000 filas", async () => {
    const chica = preparar(10);
    const grande = preparar(10_000);
    const s10 = await contar(chica.sim, () => chica.puerto.leerHoja());
    const s10k = await contar(grande.sim, async () => {
      const r = await grande.puerto.leerHoja();
      expect(r.filas).toBe(10_006);
      expect(r.datos.formulas?.[10_005][15]).toBe("=O10006/L10006*100");
    });
    expect(s10).toBe(3);
    expect(s10k).toBe(s10);
  });

  test("escribir: 1 sync + 1 por trozo de 2 000 celdas, y deshacer restaura el contenido exacto", async () => {
    const chica = preparar(10);
    const grande = preparar(10_000);
    const cambios = (n: number) => Array.from({ length: n }, (_, i) => [{ celda: `P${7 + i}`, valor: 50 }, { celda: `Q${7 + i}`, valor: "EN PROCESO" }]).flat();
    const s10 = await contar(chica.sim, () => chica.puerto.escribir("PAT", cambios(10)));
    const s10k = await contar(grande.sim, () => grande.puerto.escribir("PAT", cambios(10_000)));
    expect(s10).toBe(1 + 1);
    expect(s10k).toBe(1 + Math.ceil(20_000 / CELDAS_POR_LOTE));
    expect((s10k - 1) / Math.ceil(20_000 / CELDAS_POR_LOTE)).toBe(s10 - 1);
    const h = grande.libro.hoja("PAT");
    expect(grande.libro.celda(h, 10_005, 15)).toMatchObject({ valor: 50, formula: null });

    // Deshacer: leer celdas (1 por trozo) + registro en una parte XML + escribir.
    const { libro, puerto } = preparar(10);
    await escribirConDeshacer(puerto, "PAT", cambios(10));
    expect(libro.celda(libro.hoja("PAT"), 6, 16)?.valor).toBe("EN PROCESO");
    const otro = new PuertoOffice(crearSimulacro(libro).ejecutar, { notas: true });
    // El registro vive en el libro simulado del primer puerto (parte XML), no en el panel.
    const r = await deshacerLlenado(puerto);
    expect(r?.restauradas).toBe(20);
    expect(libro.celda(libro.hoja("PAT"), 6, 15)?.formula).toBe("=O7/L7*100");
    expect(libro.celda(libro.hoja("PAT"), 6, 16)?.valor ?? null).toBeNull();
    expect(await deshacerLlenado(puerto)).toBeNull();
    void otro;
  });

  test("marcas con relleno y nota; quitarlas devuelve rellenos y notas propios", async () => {
    const { libro, sim, puerto } = preparar(10);
    const h = libro.hoja("PAT");
    const n = await contar(sim, () =>
      marcarConRegistro(puerto, "PAT", [
        { celda: "E8", color: "#FFC7CE", nota: "error" },
        { celda: "E9", color: "#FFEB9C", nota: "aviso" },
        { celda: "E10", color: "#FFEB9C", nota: "aviso" },
      ]),
    );
    expect(n).toBeLessThanOrEqual(2 + 3 + 2); // registro previo + marcar + guardar registro
    expect(libro.celda(h, 7, 4)).toMatchObject({ relleno: "#FFC7CE", nota: "error" });
    expect(libro.celda(h, 8, 4)).toMatchObject({ relleno: "#FFEB9C", nota: "aviso" });
    await quitarMarcas(puerto);
    expect(libro.celda(h, 7, 4)).toMatchObject({ relleno: "#00FF00", nota: null });
    expect(libro.celda(h, 8, 4)).toMatchObject({ relleno: null, nota: "nota mía" });
    expect(libro.celda(h, 9, 4)).toMatchObject({ relleno: null, nota: null });
  });

  test("marcar 10 000 celdas: syncs fijos por trozo", async () => {
    const { sim, puerto } = preparar(10_000);
    const marcas = Array.from({ length: 10_000 }, (_, i) => ({ celda: `E${7 + i}`, color: "#FFC7CE", nota: "x" }));
    const s = await contar(sim, () => puerto.marcar("PAT", marcas));
    expect(s).toBe(1 + 2 * Math.ceil(10_000 / (CELDAS_POR_LOTE / 2)));
  });

  test("hoja protegida: ErrorLibro «hoja-protegida» antes de escribir", async () => {
    const { puerto } = preparar(3, { protegida: true });
    expect((await puerto.leerHoja()).protegida).toBe(true);
    await expect(puerto.escribir("PAT", [{ celda: "P7", valor: 1 }])).rejects.toMatchObject({ codigo: "hoja-protegida" });
  });

  test("seleccionar, listar hojas, hoja activa y hoja inexistente", async () => {
    const { libro, puerto } = preparar(3);
    await puerto.seleccionar("PAT", "I12");
    expect(libro.seleccion).toEqual({ hoja: "PAT", celda: "I12" });
    expect(await puerto.hojaActiva()).toBe("PAT");
    expect(await puerto.listarHojas()).toEqual([{ nombre: "PAT", protegida: false }, { nombre: "Otra", protegida: false }]);
    await expect(puerto.leerHoja("No existe")).rejects.toMatchObject({ codigo: "hoja-no-existe" });
  });

  test("insertar plantilla: hoja nueva con valores, fórmulas, listas, formatos y reglas en 2 syncs", async () => {
    const { libro, sim, puerto } = preparar(3);
    const s = await contar(sim, async () => {
      const nombre = await puerto.insertarPlantilla({
        nombre: "PAT",
        celdas: [{ celda: "A1", valor: "TÍTULO", negrita: true }, { celda: "P8", formula: "=PAT.PORCENTAJE(O8,L8)" }],
        combinaciones: ["A1:Q1"],
        anchos: [{ columna: "E", ancho: 45 }],
        listas: [{ rango: "J8:J57", opciones: ["Mensual", "Trimestral"] }],
        formatosNumero: [{ rango: "L8:L9", formato: "0.##" }],
        condicionales: [{ rango: "Q8:Q57", texto: "CUMPLIDA", relleno: "#C6EFCE", colorFuente: "#006100" }],
        congelarFilas: 7,
      });
      expect(nombre).toBe("PAT (2)");
    });
    expect(s).toBe(2);
    const h = libro.hoja("PAT (2)");
    expect(libro.celda(h, 0, 0)).toMatchObject({ valor: "TÍTULO", negrita: true });
    expect(libro.celda(h, 7, 15)?.formula).toBe("=PAT.PORCENTAJE(O8,L8)");
    expect(h.combinaciones).toEqual([{ filaInicio: 0, columnaInicio: 0, filaFin: 0, columnaFin: 16 }]);
    expect(h.listas).toEqual([{ rango: "J8:J57", opciones: ["Mensual", "Trimestral"] }]);
    expect(libro.celda(h, 8, 11)?.formatoNumero).toBe("0.##");
    expect(h.condicionales).toEqual([{ rango: "Q8:Q57", texto: "CUMPLIDA", relleno: "#C6EFCE", colorFuente: "#006100" }]);
    expect(h.anchos.get(4)).toBe(45);
    expect(h.congelarFilas).toBe(7);
    expect(libro.activa).toBe("PAT (2)");
  });

  test("insertar gráfico: tabla y gráfico de barras en una hoja (reemplaza la anterior)", async () => {
    const { libro, sim, puerto } = preparar(3);
    const g = { hoja: "Resumen PAT", titulo: "Avance por objetivo (%)", encabezados: ["Objetivo", "Avance (%)"], filas: [["1", 50], ["2", 75]] as Array<Array<string | number>> };
    const s = await contar(sim, () => puerto.insertarGrafico(g));
    expect(s).toBe(2);
    await puerto.insertarGrafico(g);
    const hojas = libro.hojas.filter((h) => h.nombre === "Resumen PAT");
    expect(hojas).toHaveLength(1);
    expect(hojas[0].graficos).toEqual([{ titulo: "Avance por objetivo (%)", rango: "A1:B3" }]);
    expect(libro.celda(hojas[0], 2, 1)?.valor).toBe(75);
  });

  test("deshacer después de reabrir el panel: el registro vive en una parte XML del documento", async () => {
    const { libro, puerto } = preparar(10);
    await escribirConDeshacer(puerto, "PAT", [{ celda: "P7", valor: 99 }, { celda: "Q7", formula: "=PAT.ESTATUS(L7,O7,F7,G7)" }]);
    expect(libro.celda(libro.hoja("PAT"), 6, 16)?.formula).toBe("=PAT.ESTATUS(L7,O7,F7,G7)");
    // Otro Excel.run, otro puerto (panel cerrado y abierto): lee la parte XML.
    const reabierto = new PuertoOffice(crearSimulacro(libro).ejecutar, { notas: true });
    const r = await deshacerLlenado(reabierto);
    expect(r?.registro.celdas.map((c) => c.c)).toEqual(["P7", "Q7"]);
    expect(r?.respetadas).toEqual([]);
    expect(libro.celda(libro.hoja("PAT"), 6, 15)?.formula).toBe("=O7/L7*100");
    expect(libro.celda(libro.hoja("PAT"), 6, 16)?.formula ?? null).toBeNull();
    expect(await reabierto.leerRegistro("deshacer-llenado")).toBeNull();
  });

  test("hojas más grandes que un trozo de lectura: 1 + 2 syncs por trozo y los mismos datos", async () => {
    const { libro, sim } = preparar(1000);
    const porTrozos = new PuertoOffice(sim.ejecutar, { celdasPorLectura: 17 * 100 });
    const completo = await new PuertoOffice(crearSimulacro(libro).ejecutar).leerHoja();
    sim.reiniciar();
    const r = await porTrozos.leerHoja();
    expect(sim.syncs).toBe(1 + 2 * Math.ceil(1006 / 100));
    expect(r.datos).toEqual(completo.datos);
  });
});
