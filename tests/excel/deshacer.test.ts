/**
 * Registros de deshacer y de marcas frente a lo que el usuario hace en el libro: hoja
 * protegida, hoja renombrada o borrada, hoja cambiada después de la vista previa.
 */
import { deshacerLlenado, escribirConDeshacer, leerDeshacer, leerMarcas, marcarConRegistro, quitarMarcas } from "../../src/excel/deshacer";
import { LibroMemoria, PuertoMemoria } from "../../src/excel/memoria";
import { hojaOrgano } from "./fixtures";

function libro() {
  const l = LibroMemoria.desde([hojaOrgano(5), { nombre: "Otra", valores: [["a", "b"], ["c", "d"]] }]);
  return { l, p: new PuertoMemoria(l) };
}

describe("deshacer y marcas", () => {
  test("hoja protegida: falla ANTES de guardar el registro, el deshacer anterior sigue intacto", async () => {
    const { l, p } = libro();
    const previo = await escribirConDeshacer(p, "Otra", [{ celda: "A1", valor: "nuevo" }]);
    l.hoja("PAT").protegida = true;
    await expect(escribirConDeshacer(p, "PAT", [{ celda: "P7", valor: 1 }])).rejects.toMatchObject({ codigo: "hoja-protegida" });
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
      escribirConDeshacer(p, "Otra", [{ celda: "A1", valor: 1 }, { celda: "B1", valor: 2 }], esperados),
    ).rejects.toMatchObject({ codigo: "hoja-cambio" });
    expect(l.celda(l.hoja("Otra"), 0, 0)?.valor).toBe("a");
    expect(await leerDeshacer(p)).toBeNull();
    // Con lo que hay de verdad, escribe.
    await escribirConDeshacer(p, "Otra", [{ celda: "A1", valor: 1 }], [{ antes: "a", formulaAntes: null }]);
    expect(l.celda(l.hoja("Otra"), 0, 0)?.valor).toBe(1);
  });

  test("vista previa con fórmula: compara el texto de la fórmula", async () => {
    const { p } = libro();
    await expect(
      escribirConDeshacer(p, "PAT", [{ celda: "P7", valor: 1 }], [{ antes: 0, formulaAntes: "=O7/L7*999" }]),
    ).rejects.toMatchObject({ codigo: "hoja-cambio" });
    const antes = (await p.leerCeldas("PAT", ["P7"]))[0];
    await escribirConDeshacer(p, "PAT", [{ celda: "P7", valor: 1 }], [{ antes: 12345, formulaAntes: antes.formula }]);
    expect((await p.leerCeldas("PAT", ["P7"]))[0].valor).toBe(1);
  });

  test("hoja marcada renombrada o borrada: quitar marcas descarta el registro y marcar otra hoja funciona", async () => {
    const { l, p } = libro();
    await marcarConRegistro(p, "Otra", [{ celda: "A1", color: "#FF0000", nota: "n" }]);
    l.hoja("Otra").nombre = "Renombrada";
    const q = await quitarMarcas(p);
    expect(q?.hojaPerdida).toBe(true);
    expect(await leerMarcas(p)).toBeNull();

    await marcarConRegistro(p, "Renombrada", [{ celda: "A1", color: "#FF0000", nota: "n" }]);
    l.hojas = l.hojas.filter((h) => h.nombre !== "Renombrada");
    const r = await marcarConRegistro(p, "PAT", [{ celda: "E8", color: "#FF0000", nota: "n" }]);
    expect(r.descartadas).toBe("Renombrada");
    expect((await leerMarcas(p))?.hoja).toBe("PAT");
  });

  test("hoja llenada borrada: deshacer descarta el registro y avisa (no falla para siempre)", async () => {
    const { l, p } = libro();
    await escribirConDeshacer(p, "Otra", [{ celda: "A1", valor: "nuevo" }]);
    l.hojas = l.hojas.filter((h) => h.nombre !== "Otra");
    const r = await deshacerLlenado(p);
    expect(r).toMatchObject({ hojaPerdida: true, restauradas: 0 });
    expect(await leerDeshacer(p)).toBeNull();
    expect(await deshacerLlenado(p)).toBeNull();
  });
});
