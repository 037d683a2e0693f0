/**
 * PuertoOffice contra un Excel simulado con office-addin-mock: datos correctos y un número
 * FIJO de context.sync() por trozo (leer: 1 + 2 por trozo de CELDAS_POR_LECTURA celdas;
 * escribir: 1 + 1 por trozo de 2 000 celdas).
 */
// office-addin-mock importa office-addin-manifest solo por el enum OfficeApp; ese paquete
// arrastra módulos ESM que jest (CommonJS) no carga. Basta el enum.
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "Excel", Outlook: "Outlook", Word: "Word", PowerPoint: "PowerPoint", OneNote: "OneNote", Project: "Project" } }));

import { CLAVE_DESHACER, celdasDe, deshacerLlenado, escribirConDeshacer, leerDeshacer, marcarConRegistro, quitarMarcas } from "../../src/excel/deshacer";
import { LibroMemoria, PuertoMemoria } from "../../src/excel/memoria";
import { analizarHoja, planificarLlenado } from "../../src/core";
import { BYTES_POR_RANGO, BYTES_POR_RESPUESTA, BYTES_POR_SOLICITUD, CELDAS_POR_LOTE, MARCAS_POR_LOTE, PuertoOffice, type Ejecutor } from "../../src/excel/office";
import { aPartesXml, aXml, BYTES_POR_PARTE, dePartesXml } from "../../src/excel/registros";
import type { EscrituraCelda } from "../../src/excel/puerto";
import type { ValorCelda } from "../../src/core/tipos";
import { crearSimulacro } from "./simulacro";
import { hojaOrgano } from "./fixtures";
import { direccionDe, posicionDe } from "../../src/core/validacion/direcciones";

/** Una celda A1 como posición (base 1). */
const en = (celda: string) => posicionDe(celda)!;

function preparar(n: number, extras: { protegida?: boolean } = {}) {
  const libro = LibroMemoria.desde([{ ...hojaOrgano(n), ...extras, rellenos: [{ celda: "E8", color: "#00FF00" }], notas: [{ celda: "E9", nota: "nota mía" }] }, { nombre: "Otra", valores: [["x"]] }]);
  const sim = crearSimulacro(libro);
  const puerto = new PuertoOffice(sim.ejecutar, { notas: true, combinaciones: true });
  return { libro, sim, puerto };
}

async function contar(sim: { syncs: number; reiniciar(): void }, f: () => Promise<unknown>): Promise<number> {
  sim.reiniciar();
  await f();
  return sim.syncs;
}

// Hojas de 10 000 filas en un simulacro: holgura para una máquina compartida.
jest.setTimeout(120_000);

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

  test("leer: 1 + 2 syncs por trozo; una hoja chica y una de 2 000 filas en pocos trozos; 10 000 filas en trozos por bytes", async () => {
    const chica = preparar(10);
    const media = preparar(2_000);
    const grande = preparar(10_000);
    const s10 = await contar(chica.sim, () => chica.puerto.leerHoja());
    const s2k = await contar(media.sim, () => media.puerto.leerHoja());
    const s10k = await contar(grande.sim, async () => {
      const r = await grande.puerto.leerHoja();
      expect(r.filas).toBe(10_006);
      expect(r.datos.formulas?.[10_005][15]).toBe("=O10006/L10006*100");
    });
    expect(s10).toBe(3);
    expect(chica.puerto.trozosLeidos).toHaveLength(1);
    expect(s2k).toBe(1 + 2 * media.puerto.trozosLeidos.length);
    expect(media.puerto.trozosLeidos.length).toBeLessThanOrEqual(2);
    expect(s10k).toBe(1 + 2 * grande.puerto.trozosLeidos.length);
    // Los trozos siguen al primero por bytes: 10 000 filas de un PAT típico no son 10 trozos.
    expect(grande.puerto.trozosLeidos.length).toBeLessThanOrEqual(4);
    for (const b of grande.sim.respuestas) expect(b).toBeLessThan(BYTES_POR_RESPUESTA * 1.2);
  });

  test("leer una hoja de puro texto: cada respuesta bajo el presupuesto de bytes, y con límite de Excel se parte a la mitad y se reintenta", async () => {
    const texto = (i: number, j: number) => `Actividad ${i}-${j}: ${"descripción larga con acentos ".repeat(4)}`; // ≈ 135 caracteres
    const hoja = { nombre: "Textos", valores: Array.from({ length: 3_000 }, (_, i) => Array.from({ length: 20 }, (_, j) => texto(i, j))) };
    const libro = LibroMemoria.desde([hoja]);
    const sim = crearSimulacro(libro);
    const puerto = new PuertoOffice(sim.ejecutar, { combinaciones: true });
    const r = await puerto.leerHoja();
    expect(r.datos.valores[2_999][19]).toBe(texto(2_999, 19));
    // 60 000 celdas × ≈ 140 bytes ≈ 8.4 MB: nunca en una sola respuesta.
    expect(sim.respuestas.length).toBeGreaterThan(2);
    for (const b of sim.respuestas) expect(b).toBeLessThan(BYTES_POR_RESPUESTA * 1.2);
    expect(sim.syncs).toBe(1 + puerto.trozosLeidos.length); // sin fórmulas ni números: 1 por trozo
    // Excel rechaza respuestas de más de 1 MB: los trozos se parten y el resultado es el mismo.
    const limitado = crearSimulacro(libro);
    limitado.limiteRespuesta = 1_000_000;
    const p2 = new PuertoOffice(limitado.ejecutar, { combinaciones: true });
    const r2 = await p2.leerHoja();
    expect(r2.datos).toEqual(r.datos);
    expect(p2.trozosLeidos.length).toBeGreaterThan(puerto.trozosLeidos.length);
    expect(limitado.respuestas.some((b) => b > 1_000_000)).toBe(true); // hubo rechazos…
    expect(limitado.respuestas.filter((b) => b > 1_000_000).length).toBeLessThanOrEqual(3); // …pocos: se recuerda el techo
  });

  test("un valor suelto cerca de la fila 1 048 576 no obliga a leer el millón de filas vacías", async () => {
    const base = hojaOrgano(50);
    const libro = LibroMemoria.desde([base]);
    libro.celdaEditable(libro.hoja("PAT"), "C1048570").valor = "suelto";
    const sim = crearSimulacro(libro);
    const puerto = new PuertoOffice(sim.ejecutar, { combinaciones: true });
    const r = await puerto.leerHoja();
    expect(r.filas).toBe(1_048_570);
    expect(r.datos.valores[1_048_569][2]).toBe("suelto");
    expect(r.datos.valores[10][4]).toBe("Actividad 5");
    // Dos bandas (las actividades y la fila suelta): 1 + 2 + 2 syncs, no cientos.
    expect(sim.syncs).toBeLessThanOrEqual(5);
    expect(r.filasConDatos).toBeLessThan(100);
    // La matriz es dispersa: solo las filas leídas existen.
    expect(Object.keys(r.datos.valores).length).toBeLessThan(100);
  });

  test("combinaciones: el panel las pasa al núcleo (misma respuesta que la vista previa) sin leer las filas que cubren", async () => {
    const base = hojaOrgano(50);
    // N7 («Nota del ancla») combinada con todo lo que hay debajo y a la derecha hasta Q1048576,
    // y F8:G8 (MES INICIAL y MES FINAL en una celda «1», sin MES FINAL propio).
    const valores = base.valores.map((f) => [...f]);
    valores[6][13] = "Nota del ancla";
    valores[7][6] = null;
    const combinaciones = [...base.combinaciones!, { filaInicio: 6, columnaInicio: 13, filaFin: 1_048_575, columnaFin: 16 }, { filaInicio: 7, columnaInicio: 5, filaFin: 7, columnaFin: 6 }];
    const libro = LibroMemoria.desde([{ ...base, valores, combinaciones }]);
    const sim = crearSimulacro(libro);
    const puerto = new PuertoOffice(sim.ejecutar, { combinaciones: true });
    const r = await puerto.leerHoja();
    expect(r.datos.combinaciones).toEqual(combinaciones);
    // 1 sync de metadatos + 2 por trozo; solo las filas con datos (≈ 56), no el millón cubierto.
    expect(sim.syncs).toBe(1 + 2 * puerto.trozosLeidos.length);
    expect(r.filasConDatos).toBeLessThan(100);
    const enPanel = analizarHoja(r.datos);
    const enVista = analizarHoja((await new PuertoMemoria(libro).leerHoja()).datos);
    expect(enPanel.actividades[49]).toMatchObject({ observaciones: "Nota del ancla", heredadas: ["observaciones"] });
    expect(enPanel.actividades[1]).toMatchObject({ mesInicial: 1, mesFinal: 1 });
    expect(enPanel.hallazgos.map((h) => h.celda)).toEqual(enVista.hallazgos.map((h) => h.celda));
    expect(enPanel.actividades).toEqual(enVista.actividades);
    expect(planificarLlenado(r.datos, enPanel).cambios).toEqual(planificarLlenado((await new PuertoMemoria(libro).leerHoja()).datos, enVista).cambios);
  });

  test("escribir: 1 sync + 1 por trozo de CELDAS_POR_LOTE celdas, y deshacer restaura el contenido exacto", async () => {
    const chica = preparar(10);
    const grande = preparar(10_000);
    const cambios = (n: number) => Array.from({ length: n }, (_, i) => [{ posicion: en(`P${7 + i}`), valor: 50 }, { posicion: en(`Q${7 + i}`), valor: "EN PROCESO" }]).flat();
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
    const otro = new PuertoOffice(crearSimulacro(libro).ejecutar, { notas: true, combinaciones: true });
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
        { posicion: en("E8"), color: "#FFC7CE", nota: "error" },
        { posicion: en("E9"), color: "#FFEB9C", nota: "aviso" },
        { posicion: en("E10"), color: "#FFEB9C", nota: "aviso" },
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

  test("marcas por posición: Office recibe la dirección A1 solo en las notas, y el registro guardado es el de siempre", async () => {
    const { libro, puerto } = preparar(10);
    const h = libro.hoja("PAT");
    const r = await marcarConRegistro(puerto, "PAT", [
      { posicion: { fila: 8, columna: 5 }, color: "#FFC7CE", nota: "primera" },
      { posicion: { fila: 12, columna: 28 }, color: "#FFEB9C", nota: "AB12" },
      { posicion: { fila: 8, columna: 5 }, color: "#FFEB9C", nota: "la última gana" },
    ]);
    expect(r.previos).toEqual([
      { posicion: { fila: 8, columna: 5 }, relleno: "#00FF00", nota: null },
      { posicion: { fila: 12, columna: 28 }, relleno: null, nota: null },
    ]);
    expect(libro.celda(h, 7, 4)).toMatchObject({ relleno: "#FFEB9C", nota: "la última gana" });
    expect(libro.celda(h, 11, 27)).toMatchObject({ relleno: "#FFEB9C", nota: "AB12" });
    expect(await puerto.leerRegistro("marcas")).toEqual({ version: 1, hoja: "PAT", previos: [{ celda: "E8", relleno: "#00FF00", nota: null }, { celda: "AB12", relleno: null, nota: null }] });
    await quitarMarcas(new PuertoOffice(crearSimulacro(libro).ejecutar, { notas: true }));
    expect(libro.celda(h, 7, 4)).toMatchObject({ relleno: "#00FF00", nota: null });
    expect(libro.celda(h, 11, 27)).toMatchObject({ relleno: null, nota: null });
    await expect(puerto.marcar("PAT", [{ posicion: { fila: 1_048_577, columna: 1 }, color: "#FF0000", nota: "x" }])).rejects.toMatchObject({ codigo: "celda-invalida" });
  });

  test.each([false, true])("deshacer devuelve como TEXTO lo que era texto («- Sin avance», «-», «=…», «12/03/2024») (valuesAsJson: %s)", async (textoComoJson) => {
    const { libro, sim } = preparar(10);
    const puerto = new PuertoOffice(sim.ejecutar, { notas: true, combinaciones: true, textoComoJson });
    const h = libro.hoja("PAT");
    const textos: Record<string, string> = { P7: "- Sin avance", P8: "-", P9: "=no es fórmula", P10: "12/03/2024", P11: "+52 612 123", P12: "'citado", P13: "25%" };
    for (const [c, v] of Object.entries(textos)) Object.assign(libro.celdaEditable(h, c), { valor: v, formula: null });
    // Un llenado mezcla fórmulas y números sobre esos textos…
    const cambios: EscrituraCelda[] = Object.keys(textos).map((celda, i) => (i % 2 ? { posicion: en(celda), valor: 50 } : { posicion: en(celda), formula: `=O${7 + i}/L${7 + i}*100` }));
    await escribirConDeshacer(puerto, "PAT", cambios);
    expect(libro.celda(h, 6, 15)?.formula).toBe("=O7/L7*100");
    // …y deshacer los devuelve exactamente, como texto (ni fórmula, ni fecha, ni error del lote).
    const r = await deshacerLlenado(puerto);
    expect(r?.restauradas).toBe(7);
    for (const [c, v] of Object.entries(textos)) {
      const { fila, columna } = { fila: Number(c.slice(1)) - 1, columna: 15 };
      expect([c, libro.celda(h, fila, columna)?.valor, libro.celda(h, fila, columna)?.formula]).toEqual([c, v, null]);
    }
    // Y se leen como texto (no como fórmula) al volver a leerlas.
    const leidas = await puerto.leerCeldas("PAT", Object.keys(textos).map(en));
    expect(leidas.map((l) => [l.valor, l.formula])).toEqual(Object.values(textos).map((v) => [v, null]));
  });

  test("una falla en un trozo posterior de «Marcar celdas» deja un registro que quita todas las marcas", async () => {
    const { libro, sim } = preparar(60);
    const puerto = new PuertoOffice(sim.ejecutar, { notas: true, combinaciones: true, marcasPorLote: 10 });
    const h = libro.hoja("PAT");
    const antes = Array.from({ length: 35 }, (_, i) => ({ ...libro.celda(h, 6 + i, 4) }));
    const marcas = Array.from({ length: 35 }, (_, i) => ({ posicion: { fila: 7 + i, columna: 5 }, color: "#FFC7CE", nota: `hallazgo ${i}` }));
    // Syncs: 1 buscar marcas previas (no hay) · 2 protección · 3-4 trozo 1 · 5-6 trozo 2 · 7 falla (trozo 3, lectura).
    sim.reiniciar();
    sim.fallarEnSync = 7;
    await expect(marcarConRegistro(puerto, "PAT", marcas)).rejects.toMatchObject({ message: "Falla simulada" });
    sim.fallarEnSync = null;
    expect(libro.celda(h, 6, 4)?.relleno).toBe("#FFC7CE");
    expect(libro.celda(h, 25, 4)?.relleno).toBe("#FFC7CE");
    // Quitar marcas (con otro puerto: panel reabierto) devuelve cada celda como estaba.
    const reabierto = new PuertoOffice(crearSimulacro(libro).ejecutar, { notas: true, combinaciones: true });
    const q = await quitarMarcas(reabierto);
    expect(q?.previos.length).toBe(20);
    expect(Array.from({ length: 35 }, (_, i) => ({ ...libro.celda(h, 6 + i, 4) }))).toEqual(antes);
    // Falla al poner las marcas del trozo 2 (su lectura ya estaba): también se devuelven.
    sim.reiniciar();
    sim.fallarEnSync = 6;
    await expect(marcarConRegistro(puerto, "PAT", marcas)).rejects.toThrow();
    sim.fallarEnSync = null;
    await quitarMarcas(reabierto);
    expect(Array.from({ length: 35 }, (_, i) => ({ ...libro.celda(h, 6 + i, 4) }))).toEqual(antes);
  });

  test("marcar 10 000 celdas: syncs fijos por trozo", async () => {
    const { sim, puerto } = preparar(10_000);
    const marcas = Array.from({ length: 10_000 }, (_, i) => ({ posicion: { fila: 7 + i, columna: 5 }, color: "#FFC7CE", nota: "x" }));
    const s = await contar(sim, () => puerto.marcar("PAT", marcas));
    expect(s).toBe(1 + 2 * Math.ceil(10_000 / MARCAS_POR_LOTE));
  });

  test("hoja protegida: ErrorLibro «hoja-protegida» antes de escribir", async () => {
    const { puerto } = preparar(3, { protegida: true });
    expect((await puerto.leerHoja()).protegida).toBe(true);
    await expect(puerto.escribir("PAT", [{ posicion: en("P7"), valor: 1 }])).rejects.toMatchObject({ codigo: "hoja-protegida" });
  });

  test("seleccionar, listar hojas, hoja activa y hoja inexistente", async () => {
    const { libro, puerto } = preparar(3);
    await puerto.seleccionar("PAT", { fila: 12, columna: 9 });
    expect(libro.seleccion).toEqual({ hoja: "PAT", posicion: { fila: 12, columna: 9 } });
    expect(await puerto.hojaActiva()).toBe("PAT");
    expect(await puerto.listarHojas()).toEqual([{ nombre: "PAT", protegida: false }, { nombre: "Otra", protegida: false }]);
    await expect(puerto.leerHoja("No existe")).rejects.toMatchObject({ codigo: "hoja-no-existe" });
  });

  describe.each([
    ["Office (simulacro)", (libro: LibroMemoria) => new PuertoOffice(crearSimulacro(libro).ejecutar, { notas: true, combinaciones: true })],
    ["memoria", (libro: LibroMemoria) => new PuertoMemoria(libro)],
  ])("celdas como números (puerto %s)", (_nombre, crear) => {
    test("cada posición se escribe en su celda, también después de la Z y en la última fila y columna", async () => {
      const { libro } = preparar(3);
      const puerto = crear(libro);
      const h = libro.hoja("PAT");
      await puerto.escribir("PAT", [
        { posicion: { fila: 7, columna: 16 }, valor: 41 },
        { posicion: { fila: 8, columna: 16 }, valor: 42 },
        { posicion: { fila: 12, columna: 27 }, valor: "AA12" },
        { posicion: { fila: 12, columna: 28 }, formula: "=1+1" },
        { posicion: { fila: 3, columna: 703 }, valor: "AAA3" },
        { posicion: { fila: 1_048_576, columna: 16_384 }, valor: "XFD1048576" },
      ]);
      // Índices base 0 del libro en memoria: fila − 1, columna − 1 (P = 16, AA = 27, AAA = 703, XFD = 16 384).
      expect(libro.celda(h, 6, 15)).toMatchObject({ valor: 41, formula: null });
      expect(libro.celda(h, 7, 15)).toMatchObject({ valor: 42, formula: null });
      expect(libro.celda(h, 11, 26)).toMatchObject({ valor: "AA12", formula: null });
      expect(libro.celda(h, 11, 27)).toMatchObject({ formula: "=1+1" });
      expect(libro.celda(h, 2, 702)).toMatchObject({ valor: "AAA3" });
      expect(libro.celda(h, 1_048_575, 16_383)).toMatchObject({ valor: "XFD1048576" });
      // Nada cayó en la celda vecina.
      expect(libro.celda(h, 11, 25)?.valor ?? null).toBeNull();
      const leidas = await puerto.leerCeldas("PAT", [{ fila: 12, columna: 27 }, { fila: 7, columna: 16 }, { fila: 12, columna: 27 }]);
      expect(leidas).toEqual([
        { posicion: { fila: 12, columna: 27 }, valor: "AA12", formula: null },
        { posicion: { fila: 7, columna: 16 }, valor: 41, formula: null },
        { posicion: { fila: 12, columna: 27 }, valor: "AA12", formula: null },
      ]);
      await puerto.seleccionar("Otra", { fila: 5, columna: 28 });
      expect(libro.seleccion).toEqual({ hoja: "Otra", posicion: { fila: 5, columna: 28 } });
      expect(libro.activa).toBe("Otra");
    });

    test.each([
      [{ fila: 1_048_577, columna: 1 }],
      [{ fila: 1, columna: 16_385 }],
      [{ fila: 0, columna: 1 }],
      [{ fila: 7, columna: 0 }],
      [{ fila: 7.5, columna: 16 }],
    ])("una posición fuera de la cuadrícula (%j) se rechaza con «celda-invalida» sin escribir nada", async (fuera) => {
      const { libro } = preparar(3);
      const puerto = crear(libro);
      const h = libro.hoja("PAT");
      const antes = libro.celda(h, 6, 15)?.formula;
      await expect(puerto.escribir("PAT", [{ posicion: { fila: 7, columna: 16 }, valor: 1 }, { posicion: fuera, valor: 2 }])).rejects.toMatchObject({ name: "ErrorLibro", codigo: "celda-invalida" });
      expect(libro.celda(h, 6, 15)?.formula).toBe(antes);
      await expect(puerto.leerCeldas("PAT", [fuera])).rejects.toMatchObject({ codigo: "celda-invalida" });
      await expect(puerto.seleccionar("PAT", fuera)).rejects.toMatchObject({ codigo: "celda-invalida" });
      expect(libro.seleccion).toBeNull();
      await expect(escribirConDeshacer(puerto, "PAT", [{ posicion: fuera, valor: 2 }])).rejects.toMatchObject({ codigo: "celda-invalida" });
      expect(await puerto.leerRegistro(CLAVE_DESHACER)).toBeNull();
    });
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

  test("insertar gráfico: tabla y gráfico de barras en una hoja nueva (nombre libre)", async () => {
    const { libro, sim, puerto } = preparar(3);
    const g = { hoja: "Resumen PAT", titulo: "Avance por objetivo (%)", encabezados: ["Objetivo", "Avance (%)"], filas: [["1", 50], ["2", 75]] as Array<Array<string | number>> };
    const s = await contar(sim, () => puerto.insertarGrafico(g));
    expect(s).toBe(2);
    expect(await puerto.insertarGrafico(g)).toBe("Resumen PAT (2)");
    const hojas = libro.hojas.filter((h) => h.nombre === "Resumen PAT");
    expect(hojas).toHaveLength(1);
    expect(hojas[0].graficos).toEqual([{ titulo: "Avance por objetivo (%)", rango: "A1:B3" }]);
    expect(libro.celda(hojas[0], 2, 1)?.valor).toBe(75);
  });

  test("deshacer después de reabrir el panel: el registro vive en una parte XML del documento", async () => {
    const { libro, puerto } = preparar(10);
    await escribirConDeshacer(puerto, "PAT", [{ posicion: en("P7"), valor: 99 }, { posicion: en("Q7"), formula: "=PAT.ESTATUS(L7,O7,F7,G7)" }]);
    expect(libro.celda(libro.hoja("PAT"), 6, 16)?.formula).toBe("=PAT.ESTATUS(L7,O7,F7,G7)");
    // Otro Excel.run, otro puerto (panel cerrado y abierto): lee la parte XML.
    const reabierto = new PuertoOffice(crearSimulacro(libro).ejecutar, { notas: true, combinaciones: true });
    const r = await deshacerLlenado(reabierto);
    expect(r && celdasDe(r.registro).map((c) => direccionDe(c.posicion))).toEqual(["P7", "Q7"]);
    expect(r?.respetadas).toEqual([]);
    expect(libro.celda(libro.hoja("PAT"), 6, 15)?.formula).toBe("=O7/L7*100");
    expect(libro.celda(libro.hoja("PAT"), 6, 16)?.formula ?? null).toBeNull();
    expect(await reabierto.leerRegistro("deshacer-llenado")).toBeNull();
  });

  test("hojas más grandes que un trozo de lectura: 1 + 2 syncs por trozo y los mismos datos", async () => {
    const { libro, sim } = preparar(1000);
    const porTrozos = new PuertoOffice(sim.ejecutar, { celdasPorLectura: 17 * 100, bytesPorRespuesta: 50_000, combinaciones: true });
    const completo = await new PuertoOffice(crearSimulacro(libro).ejecutar, { combinaciones: true }).leerHoja();
    sim.reiniciar();
    const r = await porTrozos.leerHoja();
    expect(porTrozos.trozosLeidos.length).toBeGreaterThan(3);
    expect(sim.syncs).toBe(1 + 2 * porTrozos.trozosLeidos.length);
    expect(r.datos).toEqual(completo.datos);
  });

  test("sin ExcelApi 1.13 (combinaciones: false): lee igual, sin pedir celdas combinadas", async () => {
    const { sim } = preparar(5);
    const viejo = new PuertoOffice(sim.ejecutar, { notas: false, combinaciones: false });
    const s = await contar(sim, async () => {
      const r = await viejo.leerHoja();
      expect(r.datos.combinaciones).toEqual([]);
      expect(r.datos.formulas?.[6][15]).toBe("=O7/L7*100");
    });
    expect(s).toBe(3);
  });

  test("fuera de Office (sin Office.context.requirements) no se usan APIs opcionales", async () => {
    const { sim } = preparar(5);
    const r = await new PuertoOffice(sim.ejecutar).leerHoja();
    expect(r.datos.combinaciones).toEqual([]);
  });

  test("activar una hoja avisa su nombre; si la lectura falla no hay rechazo sin atrapar", async () => {
    const { sim, puerto } = preparar(3);
    const oidas: string[] = [];
    const quitar = await puerto.alCambiarHoja((h) => oidas.push(h));
    await sim.activar("Otra");
    expect(oidas).toEqual(["Otra"]);
    // Hoja borrada entre el evento y la lectura: el manejador no rechaza.
    await expect(sim.activar("No existe")).resolves.toBeUndefined();
    expect(oidas).toEqual(["Otra"]);
    quitar();
  });

  test("cada acción corre con delayForCellEdit; InvalidOperation y AccessDenied dicen qué pasó", async () => {
    const { libro, sim, puerto } = preparar(3);
    sim.reiniciar();
    await puerto.escribir("PAT", [{ posicion: en("P7"), valor: 1 }]);
    await puerto.marcar("PAT", [{ posicion: en("E7"), color: "#FFC7CE", nota: "x" }]);
    expect(sim.corridas.length).toBeGreaterThan(1);
    for (const c of sim.corridas) expect(c?.delayForCellEdit).toBe(true);

    const editando: Ejecutor = async () => {
      throw Object.assign(new Error("cell edit mode"), { code: "InvalidOperationInCellEditMode" });
    };
    await expect(new PuertoOffice(editando, { notas: false }).escribir("PAT", [{ posicion: en("A1"), valor: 1 }])).rejects.toMatchObject({ name: "ErrorLibro", codigo: "edicion-celda" });
    const invalida: Ejecutor = async () => {
      throw Object.assign(new Error("The operation is invalid"), { code: "InvalidOperation" });
    };
    await expect(new PuertoOffice(invalida, { notas: false }).escribir("PAT", [{ posicion: en("A1"), valor: 1 }])).rejects.toMatchObject({ codigo: "operacion-invalida" });

    // AccessDenied: una lectura aparte dice si es la hoja, el libro de solo lectura o la estructura.
    const negarPrimero = (): Ejecutor => {
      let primera = true;
      return async (lote, opciones) => {
        if (primera) {
          primera = false;
          throw Object.assign(new Error("denied"), { code: "AccessDenied" });
        }
        return sim.ejecutar(lote, opciones);
      };
    };
    await expect(new PuertoOffice(negarPrimero()).escribir("PAT", [])).rejects.toMatchObject({ codigo: "acceso-denegado" });
    libro.hoja("PAT").protegida = true;
    await expect(new PuertoOffice(negarPrimero()).escribir("PAT", [])).rejects.toMatchObject({ codigo: "hoja-protegida" });
    libro.hoja("PAT").protegida = false;
    libro.estructuraProtegida = true;
    await expect(new PuertoOffice(negarPrimero()).insertarTabla({ hoja: "Obs", encabezados: ["a"], filas: [] })).rejects.toMatchObject({ codigo: "estructura-protegida" });
    // Sin diagnóstico aparte: la estructura protegida se ve antes de agregar la hoja.
    await expect(puerto.insertarTabla({ hoja: "Obs", encabezados: ["a"], filas: [] })).rejects.toMatchObject({ codigo: "estructura-protegida" });
    libro.estructuraProtegida = false;
    libro.soloLectura = true;
    await expect(new PuertoOffice(negarPrimero()).escribir("PAT", [])).rejects.toMatchObject({ codigo: "libro-solo-lectura" });
    await expect(puerto.escribir("PAT", [{ posicion: en("P7"), valor: 2 }])).rejects.toMatchObject({ codigo: "libro-solo-lectura" });
  });

  test("el gráfico nunca borra una hoja del usuario llamada «Resumen PAT»", async () => {
    const { libro, puerto } = preparar(3);
    libro.agregarDatos({ nombre: "Resumen PAT", valores: [["mío"]] });
    const g = { hoja: "Resumen PAT", titulo: "t", encabezados: ["Objetivo", "Avance (%)"], filas: [["1", 50]] as Array<Array<string | number>> };
    expect(await puerto.insertarGrafico(g)).toBe("Resumen PAT (2)");
    expect(libro.celda(libro.hoja("Resumen PAT"), 0, 0)?.valor).toBe("mío");
  });

  describe("llenados grandes: corridas verticales y registro compacto", () => {
    const COLUMNAS = ["N", "O", "P", "Q"];
    /** 4 columnas × n filas con fórmulas, números, vacíos, textos y valores «ambiguos». */
    const llenado = (n: number): EscrituraCelda[] =>
      Array.from({ length: n }, (_, i) =>
        COLUMNAS.map((c, k): EscrituraCelda => {
          const fila = 7 + i;
          const celda = `${c}${fila}`;
          if (i % 1009 === 5) return { posicion: en(celda), valor: ["-5 texto", "'citado", "+1", "@x"][k] };
          if (i % 1013 === 7) return { posicion: en(celda), valor: k % 2 === 0 };
          // Bloques de 25 filas de una misma clase por columna (como un llenado real: una columna es
          // de fórmulas, de números o de textos), corridos entre columnas.
          switch ((Math.floor(i / 25) + k) % 4) {
            case 0:
              return { posicion: en(celda), formula: `=PAT.PORCENTAJE(O${fila},L${fila})+${k}` };
            case 1:
              return { posicion: en(celda), valor: i * 1.5 + k };
            case 2:
              return { posicion: en(celda), valor: null };
            default:
              return { posicion: en(celda), valor: `texto ${i} «ñ» & <${k}>` };
          }
        }),
      ).flat();

    function prepararPrevio(n: number) {
      const p = preparar(n);
      const h = p.libro.hoja("PAT");
      for (let i = 0; i < n; i++) {
        const fila = 7 + i;
        if (i % 4 === 0) Object.assign(p.libro.celdaEditable(h, `Q${fila}`), { formula: `=PAT.ESTATUS(L${fila},O${fila},F${fila},G${fila})`, valor: null });
        if (i % 5 === 0) p.libro.celdaEditable(h, `N${fila}`).valor = `nota ${i}`;
      }
      return p;
    }

    const foto = (libro: LibroMemoria, n: number) => {
      const h = libro.hoja("PAT");
      const r: Array<{ valor: ValorCelda; formula: string | null }> = [];
      for (let i = 6; i < 6 + n; i++)
        for (let j = 13; j <= 16; j++) {
          const c = libro.celda(h, i, j);
          r.push({ valor: c?.formula ? null : c?.valor === "" ? null : (c?.valor ?? null), formula: c?.formula ?? null });
        }
      return r;
    };

    test("10 000 filas × 4 columnas: el registro es compacto, vuelve idéntico y deshacer restaura exacto", async () => {
      const n = 10_000;
      const { libro, sim, puerto } = prepararPrevio(n);
      const antes = foto(libro, n);
      const cambios = llenado(n);
      sim.reiniciar();
      const registro = await escribirConDeshacer(puerto, "PAT", cambios);
      const syncs = sim.syncs;
      // Pocas corridas (4 columnas), no 40 000 objetos; el JSON cabe holgado en una solicitud.
      expect(registro.corridas).toHaveLength(4);
      const json = JSON.stringify(registro);
      const partes = aPartesXml(CLAVE_DESHACER, registro);
      for (const x of partes) expect(Buffer.byteLength(x, "utf8")).toBeLessThan(BYTES_POR_PARTE);
      expect(json.length).toBeLessThan(2_500_000);
      // El formato anterior (un objeto por celda) era más del doble.
      const v1 = { version: 1, hoja: "PAT", fecha: registro.fecha, celdas: celdasDe(registro).map((c) => ({ c: direccionDe(c.posicion), v: c.v, f: c.f })), escritas: celdasDe(registro).map((c) => c.escrita) };
      expect(aXml(CLAVE_DESHACER, v1).length).toBeGreaterThan(json.length * 1.5);
      // Syncs: hojas 1 + leer 1 por trozo + registro (1 + 1 por parte) + escribir (1 + 1 por trozo).
      const trozos = Math.ceil((4 * n) / CELDAS_POR_LOTE);
      expect(syncs).toBe(1 + trozos + (1 + partes.length) + (1 + sim.escrituras.length));
      for (const e of sim.escrituras) expect(e.rangos * BYTES_POR_RANGO + e.bytes).toBeLessThanOrEqual(BYTES_POR_SOLICITUD);

      // El registro vuelve idéntico desde otro puerto (panel reabierto).
      const reabierto = new PuertoOffice(crearSimulacro(libro).ejecutar, { notas: true, combinaciones: true });
      expect(await leerDeshacer(reabierto)).toEqual(registro);
      const r = await deshacerLlenado(reabierto);
      expect(r?.respetadas).toEqual([]);
      expect(r?.restauradas).toBe(4 * n);
      expect(foto(libro, n)).toEqual(antes);
      expect(await leerDeshacer(reabierto)).toBeNull();
    });

    test("llenado: syncs de 10 y de 10 000 filas siguen la regla de trozos (no crecen con las filas dentro de un trozo)", async () => {
      const chica = prepararPrevio(10);
      const grande = prepararPrevio(10_000);
      const s10 = await contar(chica.sim, () => escribirConDeshacer(chica.puerto, "PAT", llenado(10)));
      const p10k = chica.sim.proxiesPorSync;
      expect(s10).toBe(1 + 1 + 2 + 2);
      const e10 = await contar(chica.sim, () => chica.puerto.escribir("PAT", llenado(10)));
      const e10k = await contar(grande.sim, () => grande.puerto.escribir("PAT", llenado(10_000)));
      expect(e10).toBe(2);
      // Un tramo por cambio de clase (fórmula/número, texto, booleano) y ≈ 300 bytes por
      // rango: cada lote bajo el presupuesto, 1 sync por lote y los lotes van llenos.
      expect(e10k).toBe(1 + grande.sim.escrituras.length);
      let total = 0;
      for (const e of grande.sim.escrituras) {
        expect(e.rangos * BYTES_POR_RANGO + e.bytes).toBeLessThanOrEqual(BYTES_POR_SOLICITUD);
        total += e.rangos * BYTES_POR_RANGO + e.bytes;
      }
      expect(grande.sim.escrituras.length).toBeLessThanOrEqual(Math.ceil(total / (BYTES_POR_SOLICITUD * 0.8)) + Math.ceil(40_000 / CELDAS_POR_LOTE));
      void p10k;
      // Textos largos: el trozo se corta por bytes estimados, no solo por celdas.
      const largo = prepararPrevio(10);
      const texto = "x".repeat(2_000);
      const celdas = Array.from({ length: 2_000 }, (_, i) => ({ posicion: en(`N${7 + i}`), valor: texto }));
      const s = await contar(largo.sim, () => largo.puerto.escribir("PAT", celdas));
      expect(s).toBe(1 + Math.ceil((2_000 * (2 * 2_000 + 8)) / BYTES_POR_SOLICITUD));
    });

    test("escribir por corridas deja las mismas celdas que escribir celda por celda", async () => {
      const fecha = new Date(Date.UTC(2024, 0, 15));
      const cambios: EscrituraCelda[] = [
        ...llenado(30),
        { posicion: en("P40"), valor: "=no es fórmula" },
        { posicion: en("P41"), formula: "=1+1" },
        { posicion: en("P42"), valor: fecha },
        { posicion: en("P43"), valor: true },
        { posicion: en("P44"), valor: "" },
        { posicion: en("R5"), valor: 3 },
        { posicion: en("N8"), valor: "repetida: gana la última" },
        { posicion: en("B2"), formula: "=A1" },
        { posicion: en("B3"), valor: "-" },
      ];
      const porCorridas = prepararPrevio(50);
      await porCorridas.puerto.escribir("PAT", cambios);
      const celda = prepararPrevio(50);
      await celda.sim.ejecutar(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("PAT");
        for (const e of cambios) {
          const r = ws.getRange(direccionDe(e.posicion));
          if (e.formula) r.formulas = [[e.formula]];
          // Un texto, como texto (lo que se quiere que quede), celda por celda.
          else if (typeof e.valor === "string" && e.valor !== "") r.valuesAsJson = [[{ type: "String", basicValue: e.valor } as Excel.StringCellValue]];
          else r.values = [[e.valor === null || e.valor === undefined ? "" : e.valor instanceof Date ? (e.valor.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : e.valor]];
        }
        await ctx.sync();
      });
      const todo = (l: LibroMemoria) => [...l.hoja("PAT").celdas.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, c]) => [k, c.valor ?? null, c.formula ?? null]);
      expect(todo(porCorridas.libro)).toEqual(todo(celda.libro));
      // Con ExcelApi 1.16 (valuesAsJson) queda lo mismo.
      const json = prepararPrevio(50);
      await new PuertoOffice(json.sim.ejecutar, { notas: true, combinaciones: true, textoComoJson: true }).escribir("PAT", cambios);
      expect(todo(json.libro)).toEqual(todo(celda.libro));
      // Y leer por corridas devuelve lo mismo que ve el libro, en el orden pedido (con repetidas).
      const leidas = await porCorridas.puerto.leerCeldas("PAT", ["P41", "N8", "R5", "N8", "P40"].map(en));
      expect(leidas.map((c) => [direccionDe(c.posicion), c.valor, c.formula])).toEqual([
        ["P41", null, "=1+1"],
        ["N8", "repetida: gana la última", null],
        ["R5", 3, null],
        ["N8", "repetida: gana la última", null],
        // Un texto que empieza con «=» se lee como texto, no como fórmula.
        ["P40", "=no es fórmula", null],
      ]);
    });

    test("registro grande: varias partes XML, 1 + 1 sync por parte al guardar y al leer", async () => {
      const { sim, puerto } = preparar(3);
      const datos = { version: 9, lista: Array.from({ length: 120_000 }, (_, i) => `texto «${i}» & <${i % 7}> 😀`) };
      const partes = aPartesXml("prueba", datos);
      expect(partes.length).toBeGreaterThan(2);
      const sg = await contar(sim, () => puerto.guardarRegistro("prueba", datos));
      expect(sg).toBe(1 + partes.length);
      let leido: unknown = null;
      const sl = await contar(sim, async () => void (leido = await puerto.leerRegistro("prueba")));
      expect(sl).toBe(1 + partes.length);
      expect(leido).toEqual(datos);
      // Borrar quita todas las partes.
      await puerto.guardarRegistro("prueba", null);
      expect(await puerto.leerRegistro("prueba")).toBeNull();
    });

    test("partes: se unen en cualquier orden; sin cortar entidades ni pares sustitutos; una que falta = sin registro", () => {
      const datos = { t: "a&b<c>😀".repeat(500) };
      for (const limite of [7, 13, 50, 1000]) {
        const partes = aPartesXml("k", datos, limite);
        expect(partes.length).toBeGreaterThan(1);
        expect(dePartesXml([...partes].reverse())).toEqual(datos);
        for (const p of partes) expect(/&[a-z]*<\/registro>|>[a-z]*;|[\uD800-\uDBFF]<\/registro>|">[\uDC00-\uDFFF]/.test(p)).toBe(false);
        expect(dePartesXml(partes.slice(1))).toBeNull();
      }
      // Una parte del formato anterior (sin atributos) se sigue leyendo.
      expect(dePartesXml([aXml("k", { a: 1 })])).toEqual({ a: 1 });
    });

    test("registro de la versión 1 (una entrada por celda) ya guardado: se deshace igual", async () => {
      const { libro, puerto } = preparar(5);
      const h = libro.hoja("PAT");
      await puerto.escribir("PAT", [{ posicion: en("P7"), valor: 1 }, { posicion: en("Q7"), formula: "=1+1" }]);
      await puerto.guardarRegistro(CLAVE_DESHACER, {
        version: 1,
        hoja: "PAT",
        fecha: "2024-01-01T00:00:00.000Z",
        celdas: [{ c: "P7", v: 12, f: "=O7/L7*100" }, { c: "Q7", v: null, f: null }],
        escritas: [{ v: 1, f: null }, { v: null, f: "=1+1" }],
      });
      const r = await deshacerLlenado(puerto);
      expect(r?.restauradas).toBe(2);
      expect(libro.celda(h, 6, 15)?.formula).toBe("=O7/L7*100");
      expect(libro.celda(h, 6, 16)?.formula ?? null).toBeNull();
      // Algo que no se entiende se ignora (sin deshacer disponible).
      await puerto.guardarRegistro(CLAVE_DESHACER, { version: 7, x: 1 });
      expect(await leerDeshacer(puerto)).toBeNull();
    });
  });
});
