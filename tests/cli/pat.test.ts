import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { comprobarSalida, escribirAtomico } from "../../src/cli/archivos";
import { CASOS, MUESTRA, carpetaTemporal, pat } from "./ayuda";

const LIMPIO = path.join(CASOS, "ieebcs-organo-limpio", "libro.xlsx");
const DEFECTOS = path.join(CASOS, "ieebcs-organo-defectos", "libro.xlsx");
const NO_PAT = path.join(CASOS, "no-pat", "libro.xlsx");

function unaLinea(s: string): void {
  expect(s.endsWith("\n")).toBe(true);
  expect(s.trimEnd().split("\n")).toHaveLength(1);
  expect(s).not.toMatch(/\bat .+:\d+:\d+/); // nunca una pila
}

describe("orden y opciones", () => {
  test("sin argumentos: ayuda en español, código 2", async () => {
    const r = await pat([]);
    expect(r.codigo).toBe(2);
    expect(r.out).toMatch(/Uso: pat \[opciones\] \[orden\]/);
    expect(r.out).toMatch(/Órdenes:/);
    expect(r.out).toMatch(/validar/);
  });

  test("--ayuda y --help: código 0", async () => {
    for (const a of ["--ayuda", "--help", "-h"]) {
      const r = await pat([a]);
      expect(r.codigo).toBe(0);
      expect(r.out).toMatch(/Opciones:/);
      expect(r.out).toMatch(/Códigos de salida/);
    }
    const v = await pat(["validar", "--ayuda"]);
    expect(v.codigo).toBe(0);
    expect(v.out).toMatch(/Uso: pat validar \[opciones\] <libros\.\.\.>/);
    expect(v.out).toMatch(/--corte <mes>/);
    const a = await pat(["ayuda", "llenar"]);
    expect(a.codigo).toBe(0);
    expect(a.out).toMatch(/--salida <nuevo>/);
  });

  test("--version", async () => {
    const r = await pat(["--version"]);
    expect(r.codigo).toBe(0);
    expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test.each([
    [["validar", LIMPIO, "--corte", "13"], /mes de corte .* de 1 a 12 .*«13»/],
    [["validar", LIMPIO, "--corte", "junio"], /mes de corte/],
    [["validar", LIMPIO, "--xyz"], /Opción desconocida: --xyz/],
    [["validar"], /Falta el argumento libros/],
    [["borrar", "x.xlsx"], /Orden desconocida: borrar/],
    [["llenar", LIMPIO], /Falta la opción obligatoria --salida <nuevo>/],
    [["validar", LIMPIO, "--corte"], /La opción --corte <mes> necesita un valor/],
    [["plantilla", "x.xlsx", "--formato", "pat-organo", "--anio", "24"], /año .* de 2000 a 2100/],
  ])("%j → código 2 y una línea en español", async (args, mensaje) => {
    const r = await pat(args as string[]);
    expect(r.codigo).toBe(2);
    expect(r.err).toMatch(mensaje);
    unaLinea(r.err);
  });

  test("archivo inexistente, carpeta, hoja inexistente", async () => {
    const a = await pat(["validar", "/no/existe/pat.xlsx"]);
    expect(a.codigo).toBe(2);
    expect(a.err).toMatch(/No existe el archivo «\/no\/existe\/pat\.xlsx»/);
    unaLinea(a.err);
    const b = await pat(["validar", CASOS]);
    expect(b.codigo).toBe(2);
    expect(b.err).toMatch(/es una carpeta/);
    const c = await pat(["validar", LIMPIO, "--hoja", "Hoja9"]);
    expect(c.codigo).toBe(2);
    expect(c.err).toMatch(/La hoja «Hoja9» no existe .* Hojas del libro: «PAT 2024 UCSI»/);
    unaLinea(c.err);
  });
});

describe("pat validar", () => {
  test("informe legible agrupado por hoja y fila, sin color fuera de una terminal", async () => {
    const r = await pat(["validar", DEFECTOS, "--corte", "6"]);
    expect(r.codigo).toBe(1);
    expect(r.out).toMatch(/Hoja «PAT 2024 UCSI»: .*\[pat-organo\], encabezado en la fila 7/);
    expect(r.out).toMatch(/ {4}Fila 13\n {6}✖ error {2}J13: FRECUENCIA DE MEDICIÓN: .*Trimestral.* \[frecuencia-invalida\]/);
    expect(r.out).toMatch(/✖ error {2}F17 \(MES INICIAL\): El mes inicial \(4\) es posterior/);
    expect(r.out).toMatch(/Resumen: \d+ errores, \d+ avisos, 1 nota\./);
    expect(r.out.includes("\u001b[")).toBe(false);
    expect(r.err).toBe("");
  });

  test("con terminal: color y progreso en stderr", async () => {
    const r = await pat(["validar", DEFECTOS], true);
    expect(r.out.includes("\u001b[")).toBe(true);
    expect(r.err).toMatch(/Revisando .* \(1 de 1\)/);
  });

  test("libro limpio: código 0; libro sin hoja PAT: código 1", async () => {
    const a = await pat(["validar", LIMPIO, "--corte", "6"]);
    expect(a.codigo).toBe(0);
    // Su único aviso: 3.1 cerró junio con 5 de 6 sin explicarlo (desviacion-sin-justificar).
    expect(a.out).toMatch(/0 errores, 1 aviso, 1 nota/);
    expect(a.out).toMatch(/N13 \(OBSERVACIONES\): Explique en OBSERVACIONES/);
    const b = await pat(["validar", NO_PAT]);
    expect(b.codigo).toBe(1);
    expect(b.out).toMatch(/Hoja «Directorio»: no es una hoja PAT/);
  });

  test("varios libros con --json: una lista; uno ilegible no detiene a los demás (código 2)", async () => {
    const dir = carpetaTemporal();
    const vacio = path.join(dir, "vacio.xlsx");
    fs.writeFileSync(vacio, "");
    const r = await pat(["validar", "--json", LIMPIO, vacio, NO_PAT]);
    expect(r.codigo).toBe(2);
    const j = JSON.parse(r.out);
    expect(Array.isArray(j)).toBe(true);
    expect(j.map((x: { file: string }) => x.file)).toEqual([LIMPIO, NO_PAT]);
    expect(r.err).toMatch(/vacio\.xlsx: El archivo está vacío/);
    unaLinea(r.err);
  });

  test("--hoja elige una hoja", async () => {
    const r = await pat(["validar", "--json", MUESTRA, "--hoja", "Transversales"]);
    const j = JSON.parse(r.out);
    expect(j.sheets.map((s: { name: string }) => s.name)).toEqual(["Transversales"]);
    expect(j.sheets[0].format).toBe("pat-transversal");
  });
});

/** Todas las celdas de una hoja de exceljs: dirección → {valor, fórmula, formato}. */
function celdas(ws: ExcelJS.Worksheet): Map<string, { v: unknown; f: string | null; n: string | undefined }> {
  const m = new Map<string, { v: unknown; f: string | null; n: string | undefined }>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (c) => {
      const v = c.value as unknown;
      const esF = !!v && typeof v === "object" && ("formula" in (v as object) || "sharedFormula" in (v as object));
      m.set(c.address, { v: esF ? c.result ?? null : JSON.parse(JSON.stringify(v ?? null)), f: esF ? c.formula : null, n: c.numFmt });
    });
  });
  return m;
}

describe("pat llenar", () => {
  test("solo cambian las celdas calculadas: ida y vuelta celda por celda", async () => {
    const dir = carpetaTemporal();
    const salida = path.join(dir, "llenado.xlsx");
    const r = await pat(["llenar", MUESTRA, "--salida", salida, "--corte", "6", "--json"]);
    expect([0, 1]).toContain(r.codigo);
    const j = JSON.parse(r.out);
    const cambiadas = new Map<string, Set<string>>();
    for (const s of j.sheets) cambiadas.set(s.name, new Set(s.changes.map((c: { cell: string }) => c.cell)));
    expect(j.summary.changes).toBeGreaterThan(0);

    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(MUESTRA);
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(salida);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const wa of a.worksheets) {
      const wb = b.getWorksheet(wa.name)!;
      const ca = celdas(wa);
      const cb = celdas(wb);
      const cambios = cambiadas.get(wa.name) ?? new Set<string>();
      const todas = new Set([...ca.keys(), ...cb.keys()]);
      for (const dir of todas) {
        if (cambios.has(dir)) continue;
        expect({ dir, ...(cb.get(dir) ?? { v: null, f: null, n: undefined }) }).toEqual({ dir, ...(ca.get(dir) ?? { v: null, f: null, n: undefined }) });
      }
      // Las celdas cambiadas tienen lo que dice el informe.
      for (const s of j.sheets.filter((x: { name: string }) => x.name === wa.name)) {
        for (const c of s.changes) {
          const celda = wb.getCell(c.cell);
          if (c.formula) expect(`=${celda.formula}`).toBe(c.after);
          else expect(celda.value).toEqual(c.after);
          expect(celda.numFmt).toBe(wa.getCell(c.cell).numFmt);
        }
      }
      expect([...Object.keys((wb as unknown as { _merges: object })._merges)].sort()).toEqual([...Object.keys((wa as unknown as { _merges: object })._merges)].sort());
      expect(wb.columns.map((c) => c.width)).toEqual(wa.columns.map((c) => c.width));
      expect(wb.views).toEqual(wa.views);
    }
  });

  test("--formulas escribe fórmulas", async () => {
    const dir = carpetaTemporal();
    const salida = path.join(dir, "formulas.xlsx");
    const r = await pat(["llenar", MUESTRA, "--salida", salida, "--corte", "6", "--formulas", "--json"]);
    const j = JSON.parse(r.out);
    const f = j.sheets.flatMap((s: { changes: { formula: boolean }[] }) => s.changes).filter((c: { formula: boolean }) => c.formula);
    expect(f.length).toBeGreaterThan(0);
    // Excel recalcula al abrir: las fórmulas escritas no traen resultado guardado.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(salida));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(salida);
    const celda = b.getWorksheet(j.sheets[0].name)!.getCell(f[0].cell);
    expect(`=${celda.formula}`).toBe(f[0].after);
  });

  test("nunca sobre la entrada; no reemplaza sin --sobrescribir; informe de texto", async () => {
    const dir = carpetaTemporal();
    const entrada = path.join(dir, "pat.xlsx");
    fs.copyFileSync(MUESTRA, entrada);
    const antes = fs.readFileSync(entrada);
    const a = await pat(["llenar", entrada, "--salida", path.join(dir, ".", "pat.xlsx"), "--sobrescribir"]);
    expect(a.codigo).toBe(2);
    expect(a.err).toMatch(/es el mismo archivo que la entrada/);
    unaLinea(a.err);
    expect(fs.readFileSync(entrada).equals(antes)).toBe(true);

    const salida = path.join(dir, "salida.xlsx");
    fs.writeFileSync(salida, "previo");
    const b = await pat(["llenar", entrada, "--salida", salida]);
    expect(b.codigo).toBe(2);
    expect(b.err).toMatch(/Ya existe .*--sobrescribir/);
    expect(fs.readFileSync(salida, "utf8")).toBe("previo");

    const c = await pat(["llenar", entrada, "--salida", salida, "--sobrescribir", "--corte", "6"]);
    expect([0, 1]).toContain(c.codigo);
    expect(c.out).toMatch(/Hoja «PAT 2024 UCSI» \[pat-organo\]: \d+ celdas? cambiadas?/);
    expect(c.out).toMatch(/→/);
    expect(fs.readFileSync(salida).subarray(0, 2).toString()).toBe("PK");
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("sin hoja PAT: código 1 y no se crea nada; archivo dañado: código 2", async () => {
    const dir = carpetaTemporal();
    const a = await pat(["llenar", NO_PAT, "--salida", path.join(dir, "x.xlsx")]);
    expect(a.codigo).toBe(1);
    expect(a.err).toMatch(/ninguna hoja es un PAT reconocido/);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    const b = await pat(["llenar", path.join(CASOS, "danados", "csv-renombrado.xlsx"), "--salida", path.join(dir, "y.xlsx")]);
    expect(b.codigo).toBe(2);
    expect(b.err).toMatch(/parece un CSV/);
    unaLinea(b.err);
    expect(fs.existsSync(path.join(dir, "y.xlsx"))).toBe(false);
    const c = await pat(["llenar", LIMPIO, "--salida", path.join(dir, "z.csv")]);
    expect(c.codigo).toBe(2);
    expect(c.err).toMatch(/debe terminar en \.xlsx/);
  });
});

describe("pat plantilla y pat formatos", () => {
  test("formatos --json: los cuatro formatos con sus columnas", async () => {
    const r = await pat(["formatos", "--json"]);
    expect(r.codigo).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(["pat-organo", "pat-transversal", "indicadores-resultados", "avance-metas"]));
    const org = j.find((f: { id: string }) => f.id === "pat-organo");
    expect(org.columns).toHaveLength(17);
    expect(org.columns.find((c: { header: string }) => c.header === "ESTATUS").computed).toBe(true);
    const t = await pat(["formatos"]);
    expect(t.out).toMatch(/pat-organo: .*\(17 columnas\)/);
  });

  test("formatos: dice aparte qué encabezados deben existir y qué celdas no pueden quedar vacías (issue 8)", async () => {
    const j = JSON.parse((await pat(["formatos", "--json"])).out);
    for (const id of ["pat-organo", "pat-transversal"]) {
      const cols = j.find((f: { id: string }) => f.id === id).columns as Array<{ header: string; required: boolean; notEmpty: boolean }>;
      expect(cols.find((c) => c.header === "MES INICIAL")).toMatchObject({ required: true, notEmpty: true });
      expect(cols.find((c) => c.header === "MES FINAL")).toMatchObject({ required: true, notEmpty: true });
      // OBJETIVO: el encabezado debe estar, la celda puede heredar (vacía).
      expect(cols.find((c) => /OBJETIVO/.test(c.header))).toMatchObject({ notEmpty: false });
    }
    const t = (await pat(["formatos"])).out;
    expect(t).toMatch(/MES INICIAL \(encabezado requerido, celda no puede quedar vacía\)/);
    expect(t).toMatch(/MES FINAL \(encabezado requerido, celda no puede quedar vacía\)/);
    expect(t).not.toMatch(/\(requerida/);
  });

  test.each(["pat-organo", "pat-transversal", "indicadores-resultados", "avance-metas"])("plantilla %s: se reconoce y valida sin errores", async (id) => {
    const dir = carpetaTemporal();
    const archivo = path.join(dir, `${id}.xlsx`);
    const r = await pat(["plantilla", archivo, "--formato", id, "--anio", "2025"]);
    expect(r.codigo).toBe(0);
    expect(r.out).toMatch(/Plantilla .* creada/);
    const v = await pat(["validar", "--json", archivo]);
    const j = JSON.parse(v.out);
    expect(j.sheets[0].format).toBe(id);
    expect(j.summary.errors).toBe(0);
    const otra = await pat(["plantilla", archivo, "--formato", id]);
    expect(otra.codigo).toBe(2);
    expect(otra.err).toMatch(/Ya existe/);
  });

  test("plantilla → captura → llenar: conserva listas desplegables, formato condicional y fórmulas", async () => {
    const dir = carpetaTemporal();
    const plantilla = path.join(dir, "plantilla.xlsx");
    expect((await pat(["plantilla", plantilla, "--formato", "pat-organo", "--anio", "2025", "--filas", "5"])).codigo).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plantilla);
    const ws = wb.worksheets[0];
    // Encabezado en la fila 6 (5 títulos); se captura una actividad en la fila 7.
    let filaEnc = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === "NÚMERO") filaEnc = r;
    });
    expect(filaEnc).toBeGreaterThan(0);
    const r = filaEnc + 1;
    ["1", "Política", "Programa", "Objetivo", "1.1 Actividad", 1, 6, "Informe de avance", "Documento realizado / Documento programado X 100", "Mensual", "Documento", 6, null, null, 3].forEach((v, i) => {
      if (v !== null) ws.getCell(r, i + 1).value = v;
    });
    const capturado = path.join(dir, "capturado.xlsx");
    await wb.xlsx.writeFile(capturado);
    const salida = path.join(dir, "llenado.xlsx");
    const ll = await pat(["llenar", capturado, "--salida", salida, "--corte", "6", "--json"]);
    expect(ll.codigo).toBe(0);
    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(capturado);
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(salida);
    const wa = a.worksheets[0];
    const wbb = b.worksheets[0];
    const dv = (w: ExcelJS.Worksheet) => (w as unknown as { dataValidations: { model: object } }).dataValidations.model;
    expect(Object.keys(dv(wa)).length).toBeGreaterThan(0);
    expect(dv(wbb)).toEqual(dv(wa));
    const cf = (w: ExcelJS.Worksheet) => (w as unknown as { conditionalFormattings: object[] }).conditionalFormattings;
    expect(cf(wa).length).toBeGreaterThan(0);
    expect(cf(wbb)).toEqual(cf(wa));
    const j = JSON.parse(ll.out);
    const cambios = j.sheets[0].changes as { cell: string; after: unknown }[];
    expect(cambios.map((c) => c.cell)).toEqual(expect.arrayContaining([`P${r}`, `Q${r}`]));
    expect(wbb.getCell(`Q${r}`).value).toBe("EN PROCESO");
  });

  test("formato desconocido", async () => {
    const r = await pat(["plantilla", path.join(carpetaTemporal(), "x.xlsx"), "--formato", "poa"]);
    expect(r.codigo).toBe(2);
    expect(r.err).toMatch(/Formato desconocido «poa»\. Formatos: .*pat-organo/);
  });
});

describe("archivos", () => {
  test("escribirAtomico: una carpeta inexistente falla sin dejar temporales", async () => {
    await expect(escribirAtomico("/no/existe/x.xlsx", new Uint8Array([1]))).rejects.toThrow(/No existe el archivo|No se pudo/);
  });
  test("comprobarSalida: carpeta de salida inexistente", async () => {
    await expect(comprobarSalida("/no/existe/x.xlsx", null, false)).rejects.toThrow(/No existe la carpeta/);
  });
});
