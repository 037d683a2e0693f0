/**
 * Reglas como unidades (issue 8): cada código del catálogo lo declara exactamente una familia,
 * y apagar reglas nunca cambia una lectura ni un cálculo, solo los hallazgos.
 */
import fc from "fast-check";
import { analizarHoja, cargarFormato, explicar, listarTiposHallazgo, type AnalisisHoja, type HojaDatos, type ValorCelda } from "../../../src/core";
import { REGLAS } from "../../../src/core/formatos/esquema";
import { CODIGOS_DE_LECTURA, REGLAS_DE_FILA } from "../../../src/core/validacion/reglas";
import { estadoDe } from "../../../src/core/lectura";
import patOrgano from "../../../src/core/formatos/pat-organo.json";
import patTransversal from "../../../src/core/formatos/pat-transversal.json";
import { patOrganoLimpia } from "../../fixtures/hojas/pat-organo";
import { patTransversalLimpia } from "../../fixtures/hojas/pat-transversal";

test("cada código del catálogo lo emite una sola familia de reglas, y cada familia es una regla del esquema", () => {
  const declarados = [...REGLAS_DE_FILA.flatMap((r) => r.codigos), ...Object.values(CODIGOS_DE_LECTURA).flat()];
  expect([...declarados].sort()).toEqual(listarTiposHallazgo().map((t) => t.codigo).sort());
  expect(new Set(declarados).size).toBe(declarados.length);
  for (const r of REGLAS_DE_FILA) expect(REGLAS).toContain(r.id);
  for (const id of Object.keys(CODIGOS_DE_LECTURA)) expect(REGLAS).toContain(id);
});

const VALORES: ReadonlyArray<ValorCelda> = [null, 0, 1, 6, 13, -2, 83.34, "x", "xxx", "Trimestal", "TERMINADA", "NO CUMPLIDA", "(A / B)/100", "Reducción", "25%"];

/** Lo que una regla no puede cambiar: actividades leídas, estados de lectura y cálculos. */
function lecturasYCalculos(a: AnalisisHoja) {
  return {
    actividades: a.actividades,
    estados: a.filas.map((f) => a.deteccion!.formato.columnas.map((c) => estadoDe(f, c))),
    calculos: a.filas.map((f) => Object.fromEntries(Object.entries(f.calculos).map(([k, c]) => [k, [c!.valor, c!.lineas ?? null, explicar(c!)]]))),
  };
}

describe.each([["pat-organo", patOrgano, patOrganoLimpia], ["pat-transversal", patTransversal, patTransversalLimpia]] as const)("%s", (id, json, base) => {
  const todas = cargarFormato(json);
  const ninguna = cargarFormato({ ...json, id: `${id}-sin-reglas`, reglas: [] });
  if (!todas.ok || !ninguna.ok) throw new Error("formato");
  const filas = analizarHoja(base).actividades.map((a) => a.fila - 1);

  test("con todas las reglas o con ninguna, las mismas lecturas y los mismos cálculos", () => {
    fc.assert(fc.property(
      fc.array(fc.record({ fila: fc.nat(), columna: fc.nat({ max: 23 }), valor: fc.constantFrom(...VALORES) }), { maxLength: 8 }),
      fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
      (cambios, corte) => {
        const valores = base.valores.map((f) => [...f]);
        for (const c of cambios) valores[filas[c.fila % filas.length]][c.columna] = c.valor;
        const h: HojaDatos = { ...base, valores };
        const con = analizarHoja(h, { corte, formatos: [todas.valor] });
        const sin = analizarHoja(h, { corte, formatos: [ninguna.valor] });
        expect(sin.hallazgos).toEqual([]);
        expect(lecturasYCalculos(sin)).toEqual(lecturasYCalculos(con));
      },
    ), { numRuns: 150 });
  });
});
