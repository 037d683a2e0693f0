/**
 * La plantilla de `pat plantilla` de cada formato, con datos escritos en sus filas y el mes
 * de corte en su celda, recalculada por LibreOffice: sus columnas calculadas valen lo mismo
 * que escribe `llenar` (modo de valores, con el mismo corte) sobre los mismos datos sin
 * fórmulas. Una fila sin nada que calcular da "" en la fórmula y nada en el llenado.
 */
import ExcelJS from "exceljs";
import { crearPlantilla } from "../../src/cli/plantilla";
import { llenarBytes } from "../../src/cli/llenar";
import { describirPlantilla, listarFormatos, type Plantilla, type ValorCelda } from "../../src/core";
import { leerValores, recalcularConLibreOffice, type LibroRecalculado } from "../apoyo/libreoffice";

const CORTE = 7;
type Fila = Record<string, ValorCelda>;

/** Filas de prueba por formato (clave de columna → valor): casos típicos y bordes. */
const FILAS: Record<string, Fila[]> = {
  "pat-organo": [
    { meta: 6, alcanzado: 5, mesInicial: 1, mesFinal: 6 },
    { meta: 6, alcanzado: 6, mesInicial: 1, mesFinal: 12 },
    { meta: 3, alcanzado: 2, mesInicial: 1, mesFinal: 3 },
    { meta: 2, alcanzado: null, mesInicial: 8, mesFinal: 12 },
    { meta: 4, alcanzado: 0, mesInicial: 1, mesFinal: 5 },
    { meta: 3, alcanzado: 1, mesInicial: 1, mesFinal: 12 },
    { meta: 7, alcanzado: 9, mesInicial: 2, mesFinal: 4 },
    { meta: 0, alcanzado: 1, mesInicial: 1, mesFinal: 6 },
    { meta: null, alcanzado: null, mesInicial: null, mesFinal: null },
    { meta: 12, alcanzado: 11.996, mesInicial: 1, mesFinal: 6 },
    { meta: 5, alcanzado: -1, mesInicial: 1, mesFinal: 6 },
    { meta: 5, alcanzado: 2, mesInicial: 9, mesFinal: 3 },
  ],
  "pat-transversal": [
    { meta: 100, alcanzado: 80, tendencia: "Incremento", mesInicial: 1, mesFinal: 6 },
    { meta: 100, alcanzado: 100, tendencia: "Constante", mesInicial: 1, mesFinal: 12 },
    { meta: 10, alcanzado: 8, tendencia: "Reducción", mesInicial: 1, mesFinal: 6 },
    { meta: 10, alcanzado: 12, tendencia: "Reducción", mesInicial: 1, mesFinal: 12 },
    { meta: 10, alcanzado: null, tendencia: "Reducción", mesInicial: 1, mesFinal: 6 },
    { meta: 10, alcanzado: 0, tendencia: "Reducción", mesInicial: 1, mesFinal: 12 },
    { meta: 50, alcanzado: 33.333, tendencia: null, mesInicial: 3, mesFinal: 9 },
    { meta: 100, alcanzado: null, tendencia: "Incremento", mesInicial: 8, mesFinal: 12 },
    { meta: null, alcanzado: null, tendencia: null, mesInicial: null, mesFinal: null },
  ],
  "avance-metas": [
    { programado: 10, modificado: 8, alcanzado: 6 },
    { programado: 10, modificado: null, alcanzado: 4 },
    { programado: 10, modificado: 0, alcanzado: 4 },
    { programado: 3, modificado: 3, alcanzado: null },
    { programado: null, modificado: null, alcanzado: null },
  ],
  "indicadores-resultados": [{}],
};

/** Texto de relleno para las columnas obligatorias de texto, para que cada fila sea una actividad completa. */
function textoDe(clave: string, k: number): ValorCelda {
  const t: Record<string, string> = {
    numero: String(k + 1), actividad: `Actividad ${k + 1}`, indicador: "Avance del programa", metodo: "Realizadas / Programadas x 100",
    frecuencia: "Mensual", unidad: "Documento", clave: `P-${k + 1}`, proyecto: `Proyecto ${k + 1}`, politicas: "Política", programa: "Programa",
    objetivo: "Objetivo", dimension: "Eficacia",
  };
  return t[clave] ?? null;
}

interface Caso {
  formato: string;
  plantilla: Plantilla;
  conFormulas: Uint8Array;
  llenado: LibroRecalculado;
  /** Filas (base 1) con errores: `llenar` no las llena (issue 8); las fórmulas de la plantilla sí calculan. */
  conErrores: ReadonlySet<number>;
  recalculado?: LibroRecalculado;
}

async function escribirFilas(bytes: Uint8Array, p: Plantilla, filas: Fila[], quitarFormulas: boolean): Promise<Uint8Array> {
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = libro.getWorksheet(p.nombreHoja)!;
  if (p.corte) ws.getCell(p.corte.celda).value = CORTE;
  filas.forEach((f, k) => {
    const fila = p.primeraFilaDatos + k;
    for (const c of p.columnas) {
      if (c.calculada && c.clave !== "alcanzado") continue;
      const v = c.clave in f ? f[c.clave] : textoDe(c.clave, k);
      if (v !== null && v !== undefined) ws.getCell(fila, c.indice + 1).value = v as ExcelJS.CellValue;
    }
  });
  if (quitarFormulas) for (const f of p.formulas) ws.getCell(f.celda).value = null;
  return new Uint8Array(await libro.xlsx.writeBuffer());
}

const casos: Caso[] = [];

beforeAll(async () => {
  for (const formato of listarFormatos()) {
    const filas = FILAS[formato.id];
    if (!filas) continue;
    const plantilla = describirPlantilla(formato, { anio: 2025, filas: 20 });
    const bytes = await crearPlantilla(formato, { anio: 2025, filas: 20 });
    const conFormulas = await escribirFilas(bytes, plantilla, filas, false);
    const sinFormulas = await escribirFilas(bytes, plantilla, filas, true);
    const llenado = await llenarBytes(sinFormulas, "plantilla.xlsx", { corte: CORTE });
    const conErrores = new Set(llenado.hojas.flatMap((h) => h.motivos.filter((m) => m.conErrores).map((m) => m.fila)));
    casos.push({ formato: formato.id, plantilla, conFormulas, llenado: await leerValores(llenado.bytes), conErrores });
  }
  const r = await recalcularConLibreOffice(casos.map((c) => c.conFormulas));
  casos.forEach((c, i) => (c.recalculado = r[i]));
}, 300_000);

describe("plantilla de pat plantilla con datos, recalculada por LibreOffice", () => {
  test("un caso por formato", () => {
    expect(casos.map((c) => c.formato).sort()).toEqual(["avance-metas", "indicadores-resultados", "pat-organo", "pat-transversal"]);
  });

  test("las columnas calculadas con fórmula valen lo que escribe llenar con valores", () => {
    const diferencias: string[] = [];
    let comparadas = 0;
    let conValor = 0;
    for (const c of casos) {
      const hoja = c.plantilla.nombreHoja;
      for (const f of c.plantilla.formulas) {
        if (f.fila >= c.plantilla.primeraFilaDatos + FILAS[c.formato].length) continue;
        const esperado = c.llenado.valor(hoja, f.celda);
        const obtenido = c.recalculado!.valor(hoja, f.celda);
        // Una fila con errores no se llena; la fórmula de la plantilla no sabe de errores.
        if (c.conErrores.has(f.fila)) {
          if (esperado !== "") diferencias.push(`${c.formato} ${f.celda}: fila con errores llenada (${JSON.stringify(esperado)})`);
          continue;
        }
        comparadas++;
        if (esperado !== "") conValor++;
        const ok = typeof esperado === "number" && typeof obtenido === "number" ? Math.abs(esperado - obtenido) <= 1e-9 * Math.max(1, Math.abs(esperado)) : esperado === obtenido;
        if (!ok) diferencias.push(`${c.formato} ${f.celda}: llenar ${JSON.stringify(esperado)}, fórmula ${JSON.stringify(obtenido)}`);
      }
    }
    expect(diferencias).toEqual([]);
    // Sin las filas con errores (órgano: meta 0, fila vacía, cumplidas −1, meses 9 → 3;
    // transversal y avance: la fila vacía): 8 × 2 (órgano) + 8 × 3 (transversal) + 4 (avance);
    // 41 con un valor calculado (antes 42: el 40 % de la fila de meses invertidos ya no se escribe).
    expect(comparadas).toBe(44);
    expect(conValor).toBe(41);
    expect(casos.map((c) => [c.formato, c.conErrores.size])).toEqual(expect.arrayContaining([["pat-organo", 4], ["pat-transversal", 1], ["avance-metas", 1]]));
  });

  test("cada estatus del catálogo calculado aparece (los datos cubren las cuatro reglas)", () => {
    const vistos = new Set<string>();
    for (const c of casos) for (const f of c.plantilla.formulas) vistos.add(String(c.recalculado!.valor(c.plantilla.nombreHoja, f.celda)));
    for (const e of ["PENDIENTE", "EN PROCESO", "CUMPLIDA", "NO CUMPLIDA"]) expect(vistos).toContain(e);
  });

  test("ninguna fórmula de la plantilla llama a PAT.*", () => {
    for (const c of casos) for (const f of c.plantilla.formulas) expect(f.formula).not.toMatch(/PAT\./i);
  });
});
