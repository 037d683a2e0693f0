import { LibroMemoria, PuertoMemoria } from "../../src/excel/memoria";
import { celdasDe, deshacerLlenado, escribirConDeshacer, leerDeshacer, marcarConRegistro, quitarMarcas } from "../../src/excel/deshacer";
import { ErrorLibro } from "../../src/excel/puerto";
import { hojaOrgano } from "./fixtures";
import { posicionDe } from "../../src/core/validacion/direcciones";

/** Una celda A1 como posición (base 1). */
const en = (celda: string) => posicionDe(celda)!;

function libro() {
  const l = LibroMemoria.desde([{ ...hojaOrgano(5), rellenos: [{ celda: "E8", color: "#00FF00" }], notas: [{ celda: "E9", nota: "nota mía" }] }, { nombre: "Otra", valores: [[null, null], [null, "x"]] }]);
  return { l, p: new PuertoMemoria(l) };
}

describe("PuertoMemoria", () => {
  test("lee la hoja desde A1 con fórmulas, formatos, combinaciones y filas ocultas", async () => {
    const { p } = libro();
    const r = await p.leerHoja("PAT");
    expect(r.filas).toBe(11);
    expect(r.datos.valores[5][0]).toBe("NÚMERO");
    expect(r.datos.formulas?.[6][15]).toBe("=O7/L7*100");
    expect(r.datos.formatosNumero?.[6][15]).toBe("0.00");
    expect(r.datos.combinaciones).toHaveLength(1);
    expect(r.datos.filasOcultas).toEqual([7]);
    const otra = await p.leerHoja("Otra");
    // Matriz dispersa: la fila 1 (vacía) es un hueco, la 2 tiene sus celdas.
    expect(otra.datos.valores[0]).toBeUndefined();
    expect(otra.datos.valores[1]).toEqual([null, "x"]);
    expect(await p.listarHojas()).toEqual([{ nombre: "PAT", protegida: false }, { nombre: "Otra", protegida: false }]);
  });

  test("escribir con deshacer guarda el registro en el documento y restaura valores y fórmulas exactos", async () => {
    const { l, p } = libro();
    await escribirConDeshacer(p, "PAT", [{ posicion: en("P7"), valor: 8.33 }, { posicion: en("Q7"), valor: "EN PROCESO" }, { posicion: en("N7"), formula: "=1+1" }]);
    expect(l.celda(l.hoja("PAT"), 6, 15)).toMatchObject({ valor: 8.33, formula: null });
    // Un puerto nuevo sobre el mismo libro (el panel cerrado y abierto) encuentra el registro.
    const p2 = new PuertoMemoria(l);
    const guardado = await leerDeshacer(p2);
    expect(guardado && celdasDe(guardado)).toHaveLength(3);
    await deshacerLlenado(p2);
    expect(l.celda(l.hoja("PAT"), 6, 15)).toMatchObject({ formula: "=O7/L7*100" });
    expect(l.celda(l.hoja("PAT"), 6, 16)?.valor ?? null).toBeNull();
    expect(l.celda(l.hoja("PAT"), 6, 13)?.valor).toBe("");
    expect(l.celda(l.hoja("PAT"), 6, 13)?.formula).toBeNull();
    expect(await leerDeshacer(p2)).toBeNull();
  });

  test("marcas: relleno y nota, y al quitarlas cada celda vuelve a su relleno y nota propios", async () => {
    const { l, p } = libro();
    const h = l.hoja("PAT");
    await marcarConRegistro(p, "PAT", [
      { posicion: en("E8"), color: "#FFC7CE", nota: "error" },
      { posicion: en("E9"), color: "#FFEB9C", nota: "aviso" },
      { posicion: en("E10"), color: "#FFEB9C", nota: "aviso" },
    ]);
    expect(l.celda(h, 7, 4)).toMatchObject({ relleno: "#FFC7CE", nota: "error" });
    await quitarMarcas(new PuertoMemoria(l));
    expect(l.celda(h, 7, 4)).toMatchObject({ relleno: "#00FF00", nota: null });
    expect(l.celda(h, 8, 4)).toMatchObject({ relleno: null, nota: "nota mía" });
    expect(l.celda(h, 9, 4)).toMatchObject({ relleno: null, nota: null });
  });

  test("una hoja protegida no se escribe ni se marca", async () => {
    const l = LibroMemoria.desde([{ ...hojaOrgano(2), protegida: true }]);
    const p = new PuertoMemoria(l);
    await expect(p.escribir("PAT", [{ posicion: en("A1"), valor: 1 }])).rejects.toBeInstanceOf(ErrorLibro);
    await expect(p.marcar("PAT", [{ posicion: en("A1"), color: "#FF0000", nota: "x" }])).rejects.toMatchObject({ codigo: "hoja-protegida" });
  });

  test("plantilla y gráfico agregan hojas con nombre único y las activan", async () => {
    const { l, p } = libro();
    const cambios: string[] = [];
    await p.alCambiarHoja((h) => cambios.push(h));
    const n1 = await p.insertarPlantilla({ nombre: "PAT", celdas: [{ celda: "A1", valor: "NÚMERO" }, { celda: "P2", formula: "=PAT.PORCENTAJE(O2,L2)" }], listas: [{ rango: "Q2:Q10", opciones: ["PENDIENTE", "CUMPLIDA"] }], formatosNumero: [{ rango: "P2:P3", formato: "0.00" }] });
    expect(n1).toBe("PAT (2)");
    expect(l.activa).toBe("PAT (2)");
    expect(l.hoja(n1).listas).toHaveLength(1);
    const g = await p.insertarGrafico({ hoja: "Resumen PAT", titulo: "Avance", encabezados: ["Objetivo", "Avance"], filas: [["1", 50]] });
    expect(l.hoja(g).graficos).toHaveLength(1);
    expect(cambios).toEqual(["PAT (2)", "Resumen PAT"]);
  });

  test("deshacer respeta las celdas que alguien cambió después del llenado", async () => {
    const { l, p } = libro();
    await escribirConDeshacer(p, "PAT", [{ posicion: en("P7"), valor: 8.33 }, { posicion: en("Q7"), valor: "EN PROCESO" }]);
    await p.escribir("PAT", [{ posicion: en("Q7"), valor: "CANCELADA" }]);
    const r = await deshacerLlenado(p);
    expect(r?.restauradas).toBe(1);
    expect(r?.respetadas).toEqual(["Q7"]);
    expect(l.celda(l.hoja("PAT"), 6, 15)?.formula).toBe("=O7/L7*100");
    expect(l.celda(l.hoja("PAT"), 6, 16)?.valor).toBe("CANCELADA");
  });

  test("registros como partes XML: salen como las escribe Office.js y vuelven al reabrir (deshacer y marcas)", async () => {
    const { l, p } = libro();
    await escribirConDeshacer(p, "PAT", [{ posicion: en("P7"), valor: 8.33 }]);
    await p.guardarRegistro("marcas", { version: 1, hoja: "PAT", previos: [{ celda: "E8", relleno: null, nota: null }] });
    const partes = l.partesXml();
    expect(partes).toHaveLength(2);
    for (const x of partes) expect(x).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><registro xmlns="urn:pat-indicadores:(deshacer-llenado|marcas)"/);
    // Un libro reabierto (otro LibroMemoria) con esas partes y otra ajena: ofrece deshacer.
    const otro = LibroMemoria.desde([{ nombre: "PAT", valores: [] }]);
    otro.cargarPartesXml([...partes, '<?xml version="1.0"?><otra xmlns="urn:otro"/>']);
    expect([...otro.registros.keys()].sort()).toEqual(["deshacer-llenado", "marcas"]);
    expect(await new PuertoMemoria(otro).leerRegistro("deshacer-llenado")).toEqual(await p.leerRegistro("deshacer-llenado"));
  });

  test("un valor suelto en la fila 1 048 576 no crea un millón de filas", async () => {
    const l = LibroMemoria.desde([{ nombre: "H", valores: [["a"]] }]);
    l.celdaEditable(l.hoja("H"), "B1048576").valor = "suelto";
    const r = await new PuertoMemoria(l).leerHoja("H");
    expect(r.filas).toBe(1_048_576);
    expect(r.columnas).toBe(2);
    expect(r.filasConDatos).toBe(2);
    expect(r.datos.valores[1_048_575]).toEqual([null, "suelto"]);
    expect(Object.keys(r.datos.valores)).toHaveLength(2);
  });
});
