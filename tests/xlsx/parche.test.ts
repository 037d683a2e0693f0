/**
 * El escritor por parche: solo cambian los `<c>` de las celdas escritas, con su estilo;
 * las nuevas van en orden; las fórmulas compartidas siguen valiendo; calcChain se quita
 * solo cuando una fórmula pasó a valor; fullCalcOnLoad cuando se escriben fórmulas; las
 * partes XML propias se agregan o reemplazan. Cada resultado se relee con el lector.
 */
import { leerLibro } from "../../src/xlsx/lector";
import { ErrorEscritura, parcharHoja, parcharLibro, pedirRecalculo, textoDeParte } from "../../src/xlsx/parche";
import fc from "fast-check";
import { hayFormula, ParcheHoja, type CeldaEscrita } from "../../src/xlsx/parche-hoja";
import { ArchivoZip } from "../../src/xlsx/zip";
import { PLATAFORMA_NODE } from "../../src/cli/inflador";
import * as zlib from "node:zlib";
import { fila, hojaXml, n, NS_R, paquete, t } from "./paquetes";

const CT_CADENA = "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml";

function libroConFormulas(): Uint8Array {
  const datos =
    fila(1, t("A1", "x"), n("B1", 1, 1), `<c r="D1"><f>B1*2</f><v>2</v></c>`) +
    fila(3, n("A3", 3), `<c r="C3" s="1"><f t="shared" ref="C3:C5" si="0">A3*10</f><v>30</v></c>`) +
    fila(4, n("A4", 4), `<c r="C4" s="1"><f t="shared" si="0"/><v>40</v></c>`) +
    fila(5, n("A5", 5), `<c r="C5" s="1"><f t="shared" si="0"/><v>50</v></c>`);
  return paquete({
    xfs: [10],
    hojas: [{ nombre: "H", xml: hojaXml(datos, `<dimension ref="A1:D5"/>`, `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`) }, { nombre: "Otra", xml: fila(1, n("A1", 9)) }],
    libroExtra: `<calcPr calcId="191029"/>`,
    extra: { "xl/calcChain.xml": `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D1" i="1"/><c r="C3"/></calcChain>` },
    relsLibro: [[`${NS_R}/calcChain`, "calcChain.xml"]],
    tipos: [["/xl/calcChain.xml", CT_CADENA]],
  });
}

function hoja(bytes: Uint8Array, nombre = "H") {
  const r = leerLibro(bytes);
  if (!r.ok) throw new Error(r.error.mensaje);
  const h = r.valor.hojas.find((x) => x.nombre === nombre);
  if (!h) throw new Error(`sin hoja ${nombre}`);
  return h;
}

describe("parcharHoja", () => {
  test("reemplaza conservando el estilo, inserta celdas en orden de columna y filas en orden de fila", () => {
    const xml = hojaXml(fila(2, n("B2", 1, 3), n("D2", 2)) + fila(5, n("A5", 5)), "<dimension ref=\"A2:D5\"/>", "<pageMargins/>");
    const r = parcharHoja(xml, [
      { fila: 2, columna: 2, valor: "texto <&>" },
      { fila: 2, columna: 3, valor: 7.5 },
      { fila: 2, columna: 6, valor: true },
      { fila: 1, columna: 1, valor: 1 },
      { fila: 4, columna: 1, valor: " espacio " },
      { fila: 9, columna: 2, valor: null, formula: "=SUM(A1:A5)" },
    ]);
    expect(r.xml).toBe(
      hojaXml(
        `<row r="1"><c r="A1"><v>1</v></c></row>` +
          `<row r="2"><c r="B2" s="3" t="inlineStr"><is><t>texto &lt;&amp;&gt;</t></is></c><c r="C2"><v>7.5</v></c><c r="D2"><v>2</v></c><c r="F2" t="b"><v>1</v></c></row>` +
          `<row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve"> espacio </t></is></c></row>` +
          `<row r="5"><c r="A5"><v>5</v></c></row>` +
          `<row r="9"><c r="B9"><f>SUM(A1:A5)</f></c></row>`,
        "<dimension ref=\"A2:D5\"/>",
        "<pageMargins/>",
      ),
    );
    expect(r.hayFormulas).toBe(true);
    expect(r.formulaAValor).toBe(false);
  });

  test("la columna de cada celda se lee como venga: «r» que no va primero, entre comillas simples, sin «r», y etiquetas que empiezan por «c» que no son celdas", () => {
    const datos =
      `<row r="2"><c s="1" r="B2"><v>1</v></c><c r='D2' s="2"/><c><v>5</v></c><cx r="A2"/><c r="G2"   s="4"><v>7</v></c></row>`;
    const r = parcharHoja(hojaXml(datos), [
      { fila: 2, columna: 2, valor: 10 },
      { fila: 2, columna: 3, valor: 20 },
      { fila: 2, columna: 4, valor: "d" },
      { fila: 2, columna: 5, valor: 50 },
      { fila: 2, columna: 7, valor: 70 },
    ]);
    // La celda sin «r» es la E2 (la que sigue a D2): se reemplaza; «<cx>» pasa tal cual.
    expect(r.xml).toBe(
      hojaXml(
        `<row r="2"><c r="B2" s="1"><v>10</v></c><c r="C2"><v>20</v></c><c r="D2" s="2" t="inlineStr"><is><t>d</t></is></c>` +
          `<c r="E2"><v>50</v></c><cx r="A2"/><c r="G2" s="4"><v>70</v></c></row>`,
      ),
    );
  });

  test("un texto sin nada que escapar sale igual; con «&», «<», «>», comillas o controles, escapado", () => {
    const r = parcharHoja(hojaXml(""), [
      { fila: 1, columna: 1, valor: "PENDIENTE" },
      { fila: 1, columna: 2, valor: 'a "b" & <c> \u0001' },
    ]);
    expect(r.xml).toBe(
      hojaXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>PENDIENTE</t></is></c><c r="B1" t="inlineStr"><is><t>a "b" &amp; &lt;c&gt; _x0001_</t></is></c></row>`),
    );
  });

  test("<sheetData/> vacío recibe filas", () => {
    const r = parcharHoja(`<worksheet xmlns="x"><sheetData/><pageMargins/></worksheet>`, [{ fila: 2, columna: 1, valor: 3 }]);
    expect(r.xml).toBe(`<worksheet xmlns="x"><sheetData><row r="2"><c r="A2"><v>3</v></c></row></sheetData><pageMargins/></worksheet>`);
  });

  test("un número no finito se rechaza: no se escribe nada", () => {
    expect(() => parcharHoja(hojaXml(""), [{ fila: 1, columna: 1, valor: Infinity }])).toThrow(ErrorEscritura);
    expect(() => parcharHoja(hojaXml(""), [{ fila: 1, columna: 1, valor: NaN }])).toThrow(/no finito/);
    expect(() => parcharHoja(hojaXml(""), [{ fila: 0, columna: 1, valor: 1 }])).toThrow(ErrorEscritura);
  });
});

/** Escribe `xml` por `ParcheHoja` en trozos de `tam` caracteres (el texto llega así del inflado). */
function parcharEnTrozos(xml: string, celdas: ReadonlyArray<CeldaEscrita>, tam: number): string {
  const leer = (alTexto: (t: string) => void): void => {
    for (let i = 0; i < xml.length; i += tam) alTexto(xml.slice(i, i + tam));
  };
  const p = new ParcheHoja(celdas);
  const previo = p.previo(leer);
  const salida: string[] = [];
  p.escribir(leer, previo, (t) => salida.push(t));
  return salida.join("");
}

describe("parche de la hoja en flujo", () => {
  // Una etiqueta, un atributo, una fila o «</sheetData>» partidos entre dos trozos: el
  // resultado es el mismo que con la hoja entera (verificado arriba contra el texto esperado).
  const xml = hojaXml(
    fila(2, n("B2", 1, 3), n("D2", 2)) +
      `<row r="3" spans="1:3"/>` +
      fila(4, n("A4", 4), `<c r="C4" s="1"><f t="shared" ref="C4:C6" si="0">A4*10</f><v>40</v></c>`) +
      fila(5, n("A5", 5), `<c r="C5" s="1"><f t="shared" si="0"/><v>50</v></c>`) +
      fila(6, n("A6", 6), `<c r="C6" s="1"><f t="shared" si="0"/><v>60</v></c>`),
    `<dimension ref="A2:D6"/><cols><col min="1" max="4" width="12"/></cols>`,
    `<mergeCells count="1"><mergeCell ref="E1:F1"/></mergeCells><rowBreaks count="0"/><pageMargins/>`,
  );
  const celdas: CeldaEscrita[] = [
    { fila: 2, columna: 3, valor: 7.5 },
    { fila: 3, columna: 1, valor: "x" },
    { fila: 4, columna: 3, valor: 1 },
    { fila: 1, columna: 1, valor: true },
    { fila: 9, columna: 2, valor: null, formula: "=SUM(A1:A5)" },
  ];
  const entero = parcharHoja(xml, celdas);

  test.each([1, 2, 3, 5, 7, 13, 64, 1000])("en trozos de %i caracteres sale lo mismo que con la hoja entera", (tam) => {
    expect(parcharEnTrozos(xml, celdas, tam)).toBe(entero.xml);
  });

  test.each([1, 2, 3, 4, 5, 7, 64])("una fórmula con prefijo partida entre trozos de %i se ve: la celda que pasa a valor se sabe", (tam) => {
    const conPrefijo = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
      `<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:f>A1*2</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const leer = (alTexto: (t: string) => void): void => {
      for (let i = 0; i < conPrefijo.length; i += tam) alTexto(conPrefijo.slice(i, i + tam));
    };
    expect(new ParcheHoja([{ fila: 1, columna: 2, valor: 5 }]).previo(leer).formulaAValor).toBe(true);
    expect(new ParcheHoja([{ fila: 1, columna: 1, valor: 5 }]).previo(leer).formulaAValor).toBe(false);
  });

  test("«¿hay alguna <f>?» con el texto en trozos dice lo mismo que la expresión sobre el texto entero", () => {
    const pedazo = fc.constantFrom("<", "f", "x", ":", "c", " ", ">", "/", "-", ".", "_", "1", "á", "<f>", "<x:f ", "<fo", "<c r=\"A1\">", "</f>", "<x-y.z:f/", "fx:", "<<");
    const re = /<(?:[\w.-]+:)?f\b/;
    let si = 0;
    fc.assert(fc.property(fc.array(pedazo, { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (partes, tam) => {
      const texto = `${partes.join("")} fin`;
      const leer = (alTexto: (t: string) => void): void => {
        for (let i = 0; i < texto.length; i += tam) alTexto(texto.slice(i, i + tam));
      };
      const esperado = re.test(texto);
      if (esperado) si++;
      expect(hayFormula(leer)).toBe(esperado);
    }), { numRuns: 2000 });
    // La propiedad no es vacía: hubo textos con y sin fórmula.
    expect(si).toBeGreaterThan(100);
    expect(si).toBeLessThan(1900);
    // Un prefijo larguísimo partido entre trozos: se ve la fórmula.
    const largo = `<x><${"p".repeat(600)}:f>A1</${"p".repeat(600)}:f></x>`;
    expect(hayFormula((al) => { al(largo.slice(0, 300)); al(largo.slice(300)); })).toBe(true);
  });

  test("una hoja sin fórmulas: nada que expandir ni fórmulas que pasen a valor, y el parche es el mismo", () => {
    const sinFormulas = hojaXml(fila(2, n("B2", 1, 3), n("D2", 2)) + fila(4, n("A4", 4), t("F4", "fórmula <f> en texto no cuenta")));
    const cs: CeldaEscrita[] = [{ fila: 2, columna: 3, valor: 7.5 }, { fila: 4, columna: 2, valor: "x" }];
    const leer = (alTexto: (t: string) => void): void => alTexto(sinFormulas);
    const previo = new ParcheHoja(cs).previo(leer);
    expect(previo.formulaAValor).toBe(false);
    expect(previo.expandir.size).toBe(0);
    for (const tam of [1, 3, 64]) expect(parcharEnTrozos(sinFormulas, cs, tam)).toBe(parcharHoja(sinFormulas, cs).xml);
    expect(parcharHoja(sinFormulas, cs).xml).toContain(`<c r="C2"><v>7.5</v></c>`);
  });

  test("la maestra sobrescrita se ve en la primera pasada: las demás celdas del grupo reciben su fórmula", () => {
    expect(entero.xml).toContain(`<c r="C5" s="1"><f>A5*10</f><v>50</v></c>`);
    expect(entero.xml).toContain(`<c r="C6" s="1"><f>A6*10</f><v>60</v></c>`);
    expect(entero.formulaAValor).toBe(true);
    // Fuera de <sheetData> todo queda igual.
    expect(entero.xml.slice(0, entero.xml.indexOf("<sheetData>"))).toBe(xml.slice(0, xml.indexOf("<sheetData>")));
    expect(entero.xml.slice(entero.xml.indexOf("</sheetData>"))).toBe(xml.slice(xml.indexOf("</sheetData>")));
  });

  test.each([
    ["una fila sin cierre", hojaXml(fila(1, n("A1", 1))).replace("</row>", "")],
    ["sin </sheetData>", hojaXml(fila(1, n("A1", 1))).replace("</sheetData></worksheet>", "")],
    ["sin <sheetData>", `<worksheet xmlns="x"><dimension ref="A1"/></worksheet>`],
  ])("%s: archivo dañado, también en trozos", (_d, roto) => {
    for (const tam of [3, 100000]) expect(() => parcharEnTrozos(roto, [{ fila: 1, columna: 2, valor: 1 }], tam)).toThrow(/sheetData|fila sin cierre/);
  });
});

describe("deflate en flujo de la CLI", () => {
  test("los trozos comprimidos por separado forman un solo flujo deflate con el CRC de todo", () => {
    const c = PLATAFORMA_NODE.compresorEnFlujo!();
    const partes = ["<a>", "x".repeat(70000), "ñandú «é» ", "", "</a>"].map((t) => new TextEncoder().encode(t));
    const comprimido = Buffer.concat(partes.map((p, i) => c.empujar(p, i === partes.length - 1)));
    const todo = Buffer.concat(partes);
    expect(Buffer.compare(zlib.inflateRawSync(comprimido), todo)).toBe(0);
    expect(c.crc()).toBe(zlib.crc32(todo) >>> 0);
  });
});

describe("parcharLibro", () => {
  test("solo cambia la hoja escrita; las demás partes quedan idénticas tras inflar", () => {
    const antes = libroConFormulas();
    const despues = parcharLibro(antes, { hojas: new Map([["H", [{ fila: 1, columna: 2, valor: 5 }]]]) });
    const a = ArchivoZip.abrir(antes);
    const b = ArchivoZip.abrir(despues);
    expect(b.nombres()).toEqual(a.nombres());
    const distintas = a.nombres().filter((x) => Buffer.compare(Buffer.from(a.bytesDe(x)), Buffer.from(b.bytesDe(x))) !== 0);
    expect(distintas).toEqual(["xl/worksheets/sheet1.xml"]);
    expect(hoja(despues).valores[0][1]).toBe(5);
    expect(hoja(despues).formatosNumero?.[0][1]).toBe("0.00%");
  });

  test("una fórmula que pasa a valor: fuera calcChain con su relación y su tipo", () => {
    const despues = parcharLibro(libroConFormulas(), { hojas: new Map([["H", [{ fila: 1, columna: 4, valor: 99 }]]]) });
    const z = ArchivoZip.abrir(despues);
    expect(z.buscar("xl/calcChain.xml")).toBeNull();
    expect(textoDeParte(despues, "xl/_rels/workbook.xml.rels")).not.toMatch(/calcChain/);
    expect(textoDeParte(despues, "[Content_Types].xml")).not.toMatch(/calcChain/);
    expect(textoDeParte(despues, "xl/workbook.xml")).not.toMatch(/fullCalcOnLoad/);
    const h = hoja(despues);
    expect(h.valores[0][3]).toBe(99);
    expect(h.formulas?.[0]?.[3] ?? null).toBeNull();
  });

  test("escribir fórmulas pide recalcular al abrir y conserva calcChain si ninguna fórmula pasó a valor", () => {
    const despues = parcharLibro(libroConFormulas(), { hojas: new Map([["H", [{ fila: 2, columna: 1, valor: null, formula: "B1+1" }]]]) });
    expect(textoDeParte(despues, "xl/workbook.xml")).toMatch(/<calcPr calcId="191029" fullCalcOnLoad="1"\/>/);
    expect(ArchivoZip.abrir(despues).buscar("xl/calcChain.xml")).not.toBeNull();
    expect(hoja(despues).formulas?.[1][0]).toBe("=B1+1");
  });

  test("sobrescribir la maestra de una fórmula compartida: las demás celdas del grupo reciben su propia fórmula", () => {
    const despues = parcharLibro(libroConFormulas(), { hojas: new Map([["H", [{ fila: 3, columna: 3, valor: 5 }]]]) });
    const h = hoja(despues);
    expect(h.valores[2][2]).toBe(5);
    expect(h.formulas?.[2]?.[2] ?? null).toBeNull();
    expect(h.formulas?.[3][2]).toBe("=A4*10");
    expect(h.formulas?.[4][2]).toBe("=A5*10");
    const xml = textoDeParte(despues, "xl/worksheets/sheet1.xml")!;
    expect(xml).toContain(`<c r="C4" s="1"><f>A4*10</f><v>40</v></c>`);
    expect(xml).not.toContain('si="0"');
  });

  test("pedirRecalculo agrega calcPr en su lugar del esquema si no hay", () => {
    expect(pedirRecalculo(`<workbook><sheets><sheet/></sheets><definedNames><definedName/></definedNames><extLst/></workbook>`)).toBe(
      `<workbook><sheets><sheet/></sheets><definedNames><definedName/></definedNames><calcPr fullCalcOnLoad="1"/><extLst/></workbook>`,
    );
    expect(pedirRecalculo(`<workbook><sheets/><calcPr fullCalcOnLoad="0"/></workbook>`)).toBe(`<workbook><sheets/><calcPr fullCalcOnLoad="1"/></workbook>`);
  });

  test("partes XML propias: se reemplazan las nuestras, con propiedades, relaciones y tipos; las ajenas quedan", () => {
    const ajena = `<?xml version="1.0"?><otra xmlns="urn:otro">1</otra>`;
    const base = paquete({
      hojas: [{ nombre: "H", xml: "" }],
      extra: {
        "customXml/item1.xml": ajena,
        "customXml/item2.xml": `<registro xmlns="urn:pat-indicadores:marcas">[1]</registro>`,
        "customXml/itemProps2.xml": `<ds:datastoreItem ds:itemID="{X}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>`,
        "customXml/_rels/item2.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_R}/customXmlProps" Target="itemProps2.xml"/></Relationships>`,
      },
      relsLibro: [
        [`${NS_R}/customXml`, "../customXml/item1.xml"],
        [`${NS_R}/customXml`, "../customXml/item2.xml"],
      ],
      tipos: [["/customXml/itemProps2.xml", "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"]],
    });
    const nueva = `<registro xmlns="urn:pat-indicadores:marcas">[2]</registro>`;
    const despues = parcharLibro(base, { hojas: new Map(), partesXml: { esPropia: (x) => x.includes('xmlns="urn:pat-indicadores:'), agregar: [nueva] } });
    const r = leerLibro(despues);
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(r.valor.info.partesXml.map((p) => p.xml).sort()).toEqual([ajena, nueva].sort());
    const tipos = textoDeParte(despues, "[Content_Types].xml")!;
    expect(tipos.match(/customXmlProperties/g)).toHaveLength(1);
    const z = ArchivoZip.abrir(despues);
    expect(z.nombres().filter((x) => x.startsWith("customXml/")).sort()).toEqual(["customXml/_rels/item2.xml.rels", "customXml/item1.xml", "customXml/item2.xml", "customXml/itemProps2.xml"]);
  });

  test("una hoja nueva se agrega al libro con su relación y su tipo", () => {
    const despues = parcharLibro(libroConFormulas(), { hojas: new Map(), hojasNuevas: [{ nombre: "Resumen PAT", celdas: [{ fila: 1, columna: 1, valor: "Total" }, { fila: 1, columna: 2, valor: 3 }] }] });
    const r = leerLibro(despues);
    if (!r.ok) throw new Error(r.error.mensaje);
    expect(r.valor.info.hojas.map((h) => h.nombre)).toEqual(["H", "Otra", "Resumen PAT"]);
    expect(r.valor.hojas[2].valores[0]).toEqual(["Total", 3]);
  });

  test("la hoja pedida no existe", () => {
    expect(() => parcharLibro(libroConFormulas(), { hojas: new Map([["Nada", [{ fila: 1, columna: 1, valor: 1 }]]]) })).toThrow(/no existe/);
  });
});
