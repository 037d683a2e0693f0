/**
 * Paquetes hostiles generados aquí mismo: cada uno termina con código 0, 1 o 2 y UNA línea
 * en español, dentro de los límites (sin agotar la memoria ni colgarse), y `validar` y
 * `llenar` dan el mismo veredicto de legibilidad.
 */
import * as os from "node:os";
import * as path from "node:path";
import * as fs from "node:fs";
import { strToU8, zipSync } from "fflate";
import { ErrorCli } from "../../src/cli/errores";
import { llenarBytes } from "../../src/cli/llenar";
import { validarBytes } from "../../src/cli/validar";
import { leerLibro } from "../../src/xlsx/lector";
import { LIMITES } from "../../src/xlsx/limites";
import { comprimir, fila, hojaXml, n, partes, t } from "./paquetes";

/** Reemplaza en los bytes del ZIP un nombre por otro del mismo largo (cabecera local y directorio). */
function renombrar(zip: Uint8Array, de: string, a: string): Uint8Array {
  const b = Buffer.from(zip);
  const x = Buffer.from(de);
  let i = b.indexOf(x);
  while (i >= 0) {
    Buffer.from(a).copy(b, i);
    i = b.indexOf(x, i + 1);
  }
  return new Uint8Array(b);
}

const base = () => ({ hojas: [{ nombre: "PAT", xml: fila(1, t("A1", "hola")) }] });

const hostiles: Array<[string, () => Uint8Array, RegExp]> = [
  ["celdas muy separadas (XFD1 y A1048576)", () => comprimir(partes({ hojas: [{ nombre: "H", xml: fila(1, n("XFD1", 1)) + fila(1048576, n("A1048576", 2)) }] })), /^$/],
  ["fila más allá de la cuadrícula", () => comprimir(partes({ hojas: [{ nombre: "H", xml: `<row r="99999999"><c r="A99999999"><v>1</v></c></row>` }] })), /fuera de la cuadrícula/],
  ["celda más allá de XFD", () => comprimir(partes({ hojas: [{ nombre: "H", xml: fila(1, n("XFE1", 1)) }] })), /fuera de la cuadrícula/],
  ["combinación sobre toda la cuadrícula", () => comprimir(partes({ hojas: [{ nombre: "H", xml: hojaXml(fila(1, n("A1", 1)) + fila(500000, n("B500000", 2)), "", `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`) }] })), /^$/],
  [
    "bomba: textos compartidos que se inflan cientos de veces",
    () => {
      const p = partes({ ...base(), textos: ["hola"] });
      p["xl/sharedStrings.xml"] = `<sst xmlns="x">${"<si><t>a</t></si>".repeat(2_500_000)}</sst>`;
      return comprimir(p);
    },
    /desproporcionado/,
  ],
  [
    "una bomba que el libro no referencia no se lee (y se copia sin inflar)",
    () => {
      const p = partes(base());
      p["xl/media/suelta.xml"] = "<a>" + "<b/>".repeat(10_000_000) + "</a>";
      return comprimir(p);
    },
    /^$/,
  ],
  [
    "XML cortado a la mitad",
    () => {
      const p = partes(base());
      p["xl/worksheets/sheet1.xml"] = (p["xl/worksheets/sheet1.xml"] as string).slice(0, 120);
      return comprimir(p);
    },
    /no es un libro \.xlsx válido o está dañado/,
  ],
  [
    "entradas repetidas en el ZIP",
    () => {
      const p = partes(base());
      p["xl/worksheets/sheetX.xml"] = hojaXml(fila(1, n("A1", 666)));
      return renombrar(comprimir(p), "xl/worksheets/sheetX.xml", "xl/worksheets/sheet1.xml");
    },
    /dañado/,
  ],
  ["índice de texto compartido fuera de la tabla", () => comprimir(partes({ textos: ["uno"], hojas: [{ nombre: "H", xml: fila(1, `<c r="A1" t="s"><v>7</v></c>`) }] })), /dañado/],
  ["índice de texto compartido no numérico", () => comprimir(partes({ textos: ["uno"], hojas: [{ nombre: "H", xml: fila(1, `<c r="A1" t="s"><v>-1e999</v></c>`) }] })), /dañado/],
  ["texto de celda de más de 32 767 caracteres", () => comprimir(partes({ hojas: [{ nombre: "H", xml: fila(1, t("A1", "x".repeat(40_000))) }] })), /32 767/],
  ["nombre de hoja de 40 caracteres", () => comprimir(partes({ hojas: [{ nombre: "N".repeat(40), xml: fila(1, t("A1", "x")) }] })), /^$/],
  ["nombre de hoja de varias líneas", () => comprimir(partes({ hojas: [{ nombre: "uno\ndos\r\ntres", xml: fila(1, t("A1", "x")) }] })), /^$/],
  ["número que no es número", () => comprimir(partes({ hojas: [{ nombre: "H", xml: fila(1, `<c r="A1"><v>abc</v></c>`) }] })), /dañado/],
  ["DOCTYPE con entidades (mil risas)", () => comprimir({ ...partes(base()), "xl/workbook.xml": `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><workbook>&b;</workbook>` }), /dañado/],
  ["sin relaciones del paquete", () => comprimir({ ...partes(base()), "_rels/.rels": undefined as unknown as string }), /no un libro de Excel|dañado/],
  ["ZIP cifrado (bandera de cifrado en la entrada)", () => {
    const b = Buffer.from(comprimir(partes(base())));
    // Marca el bit 0 (cifrado) en cada entrada del directorio central.
    let i = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (i >= 0) {
      b[i + 8] |= 1;
      i = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4);
    }
    return new Uint8Array(b);
  }, /dañado/],
];

describe("paquetes hostiles", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pat-hostil-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(hostiles)("%s", async (_nombre, crear, mensaje) => {
    const bytes = crear();
    const veredicto = async (f: () => Promise<unknown>): Promise<{ codigo: number; linea: string }> => {
      try {
        await f();
        return { codigo: 0, linea: "" };
      } catch (e) {
        if (!(e instanceof ErrorCli)) throw e;
        return { codigo: e.codigoSalida, linea: e.message };
      }
    };
    const v = await veredicto(() => validarBytes(bytes, "h.xlsx"));
    const l = await veredicto(() => llenarBytes(bytes, "h.xlsx"));
    expect([0, 1, 2]).toContain(v.codigo);
    expect(l.codigo).toBe(v.codigo);
    expect(l.linea).toBe(v.linea);
    expect(v.linea).not.toMatch(/[\r\n]/);
    if (mensaje.source === "^$") expect(v.codigo).toBe(0);
    else {
      expect(v.codigo).toBe(2);
      expect(v.linea).toMatch(/^h\.xlsx: /);
      expect(v.linea).toMatch(mensaje);
    }
  });

  test("una bomba se detiene mientras se infla aunque su tamaño declarado mienta", () => {
    // Un ZIP con el tamaño declarado reducido: el inflado real lo supera y se corta ahí.
    const grande = strToU8("<sst>" + "<si><t>a</t></si>".repeat(200_000) + "</sst>");
    const z = Buffer.from(zipSync({ "x.xml": grande }, { level: 9 }));
    const cd = z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    z.writeUInt32LE(100, cd + 24); // inflado declarado en el directorio central
    const r = leerLibro(new Uint8Array(z));
    expect(r.ok).toBe(false);
  });

  test("los límites dejan pasar un PAT de 200 000 actividades", () => {
    expect(LIMITES.parteInflada).toBeGreaterThan(200_000 * 23 * 60);
    expect(LIMITES.celdas).toBeGreaterThan(200_000 * 23);
    expect(LIMITES.razonCompresion).toBeGreaterThanOrEqual(100);
  });
});
