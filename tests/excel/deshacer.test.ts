/**
 * Registros de deshacer y de marcas frente a lo que el usuario hace en el libro: hoja
 * protegida, hoja renombrada o borrada, hoja cambiada después de la vista previa.
 */
import { celdasDe, deshacerLlenado, escribirConDeshacer, leerDeshacer, leerMarcas, marcarConRegistro, quitarMarcas } from "../../src/excel/deshacer";
import { LibroMemoria, PuertoMemoria } from "../../src/excel/memoria";
import { hojaOrgano } from "./fixtures";
import { posicionDe } from "../../src/core/validacion/direcciones";

/** Una celda A1 como posición (base 1). */
const en = (celda: string) => posicionDe(celda)!;

function libro() {
  const l = LibroMemoria.desde([hojaOrgano(5), { nombre: "Otra", valores: [["a", "b"], ["c", "d"]] }]);
  return { l, p: new PuertoMemoria(l) };
}

describe("deshacer y marcas", () => {
  test("hoja protegida: falla ANTES de guardar el registro, el deshacer anterior sigue intacto", async () => {
    const { l, p } = libro();
    const previo = await escribirConDeshacer(p, "Otra", [{ posicion: en("A1"), valor: "nuevo" }]);
    l.hoja("PAT").protegida = true;
    await expect(escribirConDeshacer(p, "PAT", [{ posicion: en("P7"), valor: 1 }])).rejects.toMatchObject({ codigo: "hoja-protegida" });
    expect(await leerDeshacer(p)).toEqual(previo);
    const r = await deshacerLlenado(p);
    expect(r?.restauradas).toBe(1);
    expect(l.celda(l.hoja("Otra"), 0, 0)?.valor).toBe("a");
  });

  test("vista previa vieja: si una celda cambió, no escribe nada ni guarda registro", async () => {
    const { l, p } = libro();
    const esperados = [
      { antes: "a", formulaAntes: null },
      { antes: "b", formulaAntes: null },
    ];
    l.celdaEditable(l.hoja("Otra"), "B1").valor = "cambiado por el usuario";
    await expect(
      escribirConDeshacer(p, "Otra", [{ posicion: en("A1"), valor: 1 }, { posicion: en("B1"), valor: 2 }], esperados),
    ).rejects.toMatchObject({ codigo: "hoja-cambio", message: "La celda B1 cambió desde la vista previa." });
    expect(l.celda(l.hoja("Otra"), 0, 0)?.valor).toBe("a");
    expect(await leerDeshacer(p)).toBeNull();
    // Con lo que hay de verdad, escribe.
    await escribirConDeshacer(p, "Otra", [{ posicion: en("A1"), valor: 1 }], [{ antes: "a", formulaAntes: null }]);
    expect(l.celda(l.hoja("Otra"), 0, 0)?.valor).toBe(1);
  });

  test("vista previa con fórmula: compara el texto de la fórmula", async () => {
    const { p } = libro();
    await expect(
      escribirConDeshacer(p, "PAT", [{ posicion: en("P7"), valor: 1 }], [{ antes: 0, formulaAntes: "=O7/L7*999" }]),
    ).rejects.toMatchObject({ codigo: "hoja-cambio" });
    const antes = (await p.leerCeldas("PAT", [en("P7")]))[0];
    await escribirConDeshacer(p, "PAT", [{ posicion: en("P7"), valor: 1 }], [{ antes: 12345, formulaAntes: antes.formula }]);
    expect((await p.leerCeldas("PAT", [en("P7")]))[0].valor).toBe(1);
  });

  test("hoja marcada renombrada o borrada: quitar marcas descarta el registro y marcar otra hoja funciona", async () => {
    const { l, p } = libro();
    await marcarConRegistro(p, "Otra", [{ posicion: en("A1"), color: "#FF0000", nota: "n" }]);
    l.hoja("Otra").nombre = "Renombrada";
    const q = await quitarMarcas(p);
    expect(q?.hojaPerdida).toBe(true);
    expect(await leerMarcas(p)).toBeNull();

    await marcarConRegistro(p, "Renombrada", [{ posicion: en("A1"), color: "#FF0000", nota: "n" }]);
    l.hojas = l.hojas.filter((h) => h.nombre !== "Renombrada");
    const r = await marcarConRegistro(p, "PAT", [{ posicion: en("E8"), color: "#FF0000", nota: "n" }]);
    expect(r.descartadas).toBe("Renombrada");
    expect((await leerMarcas(p))?.hoja).toBe("PAT");
  });

  test("hoja llenada borrada: deshacer descarta el registro y avisa (no falla para siempre)", async () => {
    const { l, p } = libro();
    await escribirConDeshacer(p, "Otra", [{ posicion: en("A1"), valor: "nuevo" }]);
    l.hojas = l.hojas.filter((h) => h.nombre !== "Otra");
    const r = await deshacerLlenado(p);
    expect(r).toMatchObject({ hojaPerdida: true, restauradas: 0 });
    expect(await leerDeshacer(p)).toBeNull();
    expect(await deshacerLlenado(p)).toBeNull();
  });
});

describe("marcas y deshacer con las celdas como números", () => {
  test("marcar por posición: el registro del documento conserva su formato (versión 1, direcciones A1)", async () => {
    const { l, p } = libro();
    const r = await marcarConRegistro(p, "PAT", [
      { posicion: { fila: 8, columna: 5 }, color: "#FFC7CE", nota: "error" },
      { posicion: { fila: 12, columna: 28 }, color: "#FFEB9C", nota: "columna AB" },
    ]);
    expect(r.previos.map((x) => x.posicion)).toEqual([{ fila: 8, columna: 5 }, { fila: 12, columna: 28 }]);
    // La nota va en la celda de esa posición (fila 12, columna 28 = AB12).
    expect(l.celda(l.hoja("PAT"), 11, 27)).toMatchObject({ relleno: "#FFEB9C", nota: "columna AB" });
    // Lo guardado es lo que guardaba la versión anterior: así un libro ya marcado se desmarca igual.
    expect(JSON.parse(l.registros.get("marcas")!)).toEqual({
      version: 1, hoja: "PAT", previos: [{ celda: "E8", relleno: null, nota: null }, { celda: "AB12", relleno: null, nota: null }],
    });
  });

  test("un registro de marcas guardado por la versión anterior se lee y se quita; una entrada ilegible se deja fuera", async () => {
    const { l, p } = libro();
    const h = l.hoja("PAT");
    l.celdaEditable(h, "E9").relleno = "#FFC7CE";
    l.celdaEditable(h, "E9").nota = "marca vieja";
    l.registros.set("marcas", JSON.stringify({ version: 1, hoja: "PAT", previos: [{ celda: "e9", relleno: "#123456", nota: "nota mía" }, { celda: "no es celda", relleno: null, nota: null }, null] }));
    expect((await leerMarcas(p))?.previos).toEqual([{ posicion: { fila: 9, columna: 5 }, relleno: "#123456", nota: "nota mía" }]);
    await quitarMarcas(p);
    expect(l.celda(h, 8, 4)).toMatchObject({ relleno: "#123456", nota: "nota mía" });
    expect(await leerMarcas(p)).toBeNull();
  });

  test("una posición fuera de la cuadrícula es un error claro, no una excepción cualquiera", async () => {
    const { p } = libro();
    for (const posicion of [{ fila: 0, columna: 1 }, { fila: 1, columna: 16_385 }, { fila: 1.5, columna: 2 }]) {
      await expect(p.marcar("PAT", [{ posicion, color: "#FF0000", nota: "x" }])).rejects.toMatchObject({ name: "ErrorLibro", codigo: "celda-invalida" });
    }
  });

  test("el registro de deshacer en memoria lleva posiciones; una corrida dañada en el documento no rompe la lectura", async () => {
    const { l, p } = libro();
    const r = await escribirConDeshacer(p, "PAT", [{ posicion: en("P7"), valor: 1 }, { posicion: en("AB7"), valor: 2 }]);
    expect(celdasDe(r).map((c) => c.posicion)).toEqual([{ fila: 7, columna: 16 }, { fila: 7, columna: 28 }]);
    // Lo guardado sigue en corridas «columna + fila» (versión 2).
    expect(JSON.parse(l.registros.get("deshacer-llenado")!).corridas.map((k: { c: string; f: number }) => `${k.c}${k.f}`)).toEqual(["P7", "AB7"]);
    const danado = { ...r, corridas: [...r.corridas, { c: "1?", f: 3, v: [1] }, { c: "B", f: 0, v: [1] }] };
    expect(celdasDe(danado)).toHaveLength(2);
  });
});
