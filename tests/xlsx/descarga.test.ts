/**
 * «Descargar libro» de la vista previa: los bytes abiertos, parchados con lo que cambió en
 * memoria (y nada más), con los registros del panel como partes XML; y la salida atómica
 * de la CLI con un nombre de 240 caracteres.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { escribirAtomico } from "../../src/cli/archivos";
import { PuertoMemoria } from "../../src/excel/memoria";
import { abrirLibro, bytesParaDescargar } from "../../src/preview/puente";
import { leerLibro } from "../../src/xlsx/lector";
import { ArchivoZip } from "../../src/xlsx/zip";

const CASO = path.resolve(__dirname, "..", "cases", "ieebcs-organo-limpio", "libro.xlsx");

describe("descargar desde la vista previa", () => {
  test("solo cambian la celda escrita y los registros; los registros vuelven al abrir", async () => {
    const bytes = new Uint8Array(fs.readFileSync(CASO));
    const abierto = abrirLibro(bytes);
    const puerto = new PuertoMemoria(abierto.libro);
    const hoja = abierto.libro.hojas[0].nombre;
    await puerto.escribir(hoja, [{ posicion: { fila: 9, columna: 16 }, valor: 12.5 }]);
    await puerto.guardarRegistro("deshacer", { pasos: [{ celda: "P9", antes: null }] });
    const salida = bytesParaDescargar(abierto);

    const a = ArchivoZip.abrir(bytes);
    const b = ArchivoZip.abrir(salida);
    const distintas = a.nombres().filter((n) => !Buffer.from(a.bytesDe(n)).equals(Buffer.from(b.bytesDe(n))));
    expect(distintas.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"]);
    const r = leerLibro(salida);
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(r.valor.hojas[0].valores[8][15]).toBe(12.5);

    const otra = abrirLibro(salida);
    expect(await new PuertoMemoria(otra.libro).leerRegistro("deshacer")).toEqual({ pasos: [{ celda: "P9", antes: null }] });
    // Descargar otra vez reemplaza el registro (no lo duplica).
    await new PuertoMemoria(otra.libro).guardarRegistro("deshacer", { pasos: [] });
    const tercera = leerLibro(bytesParaDescargar(otra));
    if (!tercera.ok) throw new Error(tercera.error.mensaje);
    expect(tercera.valor.info.partesXml.filter((p) => p.xml.includes("urn:pat-indicadores:deshacer"))).toHaveLength(1);
  });
});

describe("salida atómica", () => {
  test("un nombre de salida de 240 caracteres se escribe (el temporal es corto)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pat-salida-"));
    try {
      const nombre = path.join(dir, `${"n".repeat(235)}.xlsx`);
      await escribirAtomico(nombre, new Uint8Array([1, 2, 3]));
      expect([...fs.readFileSync(nombre)]).toEqual([1, 2, 3]);
      expect(fs.readdirSync(dir)).toEqual([path.basename(nombre)]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
