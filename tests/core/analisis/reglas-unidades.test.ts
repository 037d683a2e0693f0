/**
 * Reglas como unidades (issue 8): cada código del catálogo lo declara exactamente una familia,
 * y apagar reglas nunca cambia una lectura ni un cálculo, solo los hallazgos.
 */
import fc from "fast-check";
import { analizarHoja, cargarFormato, explicar, listarTiposHallazgo, type AnalisisHoja, type HojaDatos, type ValorCelda } from "../../../src/core";
import { REGLAS } from "../../../src/core/formatos/esquema";
import { REGLAS_DE_FILA } from "../../../src/core/validacion/reglas";
import { lecturaDe } from "../../../src/core/lectura";
import patOrgano from "../../../src/core/formatos/pat-organo.json";
import patTransversal from "../../../src/core/formatos/pat-transversal.json";
import avanceMetas from "../../../src/core/formatos/avance-metas.json";
import { avanceLimpia } from "../../fixtures/hojas/avance-metas";
import { patOrganoLimpia } from "../../fixtures/hojas/pat-organo";
import { patTransversalLimpia } from "../../fixtures/hojas/pat-transversal";

test("cada código del catálogo lo declara exactamente una regla, y cada regla es una del esquema", () => {
  const declarados = REGLAS_DE_FILA.flatMap((r) => r.codigos);
  expect([...declarados].sort()).toEqual(listarTiposHallazgo().map((t) => t.codigo).sort());
  expect(new Set(declarados).size).toBe(declarados.length);
  for (const r of REGLAS_DE_FILA) expect(REGLAS).toContain(r.id);
  // Una unidad por familia: ningún id se repite, y toda regla del esquema tiene su unidad.
  expect(new Set(REGLAS_DE_FILA.map((r) => r.id)).size).toBe(REGLAS_DE_FILA.length);
  expect([...REGLAS].sort()).toEqual(REGLAS_DE_FILA.map((r) => r.id).sort());
});

test("una regla solo emite los códigos que declara", () => {
  // Con una sola regla activa, cada hallazgo es de un código que esa regla declara.
  const VALORES_MALOS: ReadonlyArray<ValorCelda> = [null, 0, 13, -2, "x", "xxx", "Trimestal", "TERMINADA", "(A / B)/100", "=HYPERLINK(1)", "+x", "Efic", "5"];
  const valores = patTransversalLimpia.valores.map((f) => [...f]);
  const filas = analizarHoja(patTransversalLimpia).actividades.map((a) => a.fila - 1);
  filas.forEach((f, i) => { for (let c = 0; c < 24; c++) if ((c + i) % 3 === 0) valores[f][c] = VALORES_MALOS[(c + i) % VALORES_MALOS.length]; });
  const h: HojaDatos = { ...patTransversalLimpia, valores };
  let emitidos = 0;
  for (const r of REGLAS_DE_FILA) {
    const f = cargarFormato({ ...patTransversal, id: `solo-${r.id}`, reglas: [r.id] });
    if (!f.ok) throw new Error("formato");
    const a = analizarHoja(h, { corte: 12, formatos: [f.valor] });
    emitidos += a.hallazgos.length;
    for (const x of a.hallazgos) expect(r.codigos).toContain(x.codigo);
  }
  expect(emitidos).toBeGreaterThan(20);
});

const VALORES: ReadonlyArray<ValorCelda> = [
  null, 0, 1, 6, 13, -2, 83.34, "x", "xxx", "Trimestal", "TERMINADA", "NO CUMPLIDA", "(A / B)/100", "Reducción", "25%", "1\n2", "18\nx", "-1\n2", "0\n3",
];

/** Lo que una regla no puede cambiar: actividades leídas, lecturas (estado y motivo) y cálculos. */
function lecturasYCalculos(a: AnalisisHoja) {
  return {
    actividades: a.actividades,
    lecturas: a.filas.map((f) => a.deteccion!.formato.columnas.map((c) => {
      const l = lecturaDe(f, c);
      // La columna de referencia de las líneas se compara por su clave.
      return l && "razon" in l && l.razon.motivo === "lineas" ? { ...l, razon: { ...l.razon, referencia: l.razon.referencia.clave } } : l;
    })),
    calculos: a.filas.map((f) => Object.fromEntries(Object.entries(f.calculos).map(([k, c]) => [k, [c!.valor, c!.lineas ?? null, explicar(c!)]]))),
  };
}

describe.each([
  ["pat-organo", patOrgano, patOrganoLimpia], ["pat-transversal", patTransversal, patTransversalLimpia], ["avance-metas", avanceMetas, avanceLimpia],
] as const)("%s", (id, json, base) => {
  const todas = cargarFormato(json);
  const ninguna = cargarFormato({ ...json, id: `${id}-sin-reglas`, reglas: [] });
  if (!todas.ok || !ninguna.ok) throw new Error("formato");
  const filas = analizarHoja(base).actividades.map((a) => a.fila - 1);

  test("con todas las reglas o con ninguna, las mismas lecturas y los mismos cálculos", () => {
    const estados = new Set<string>();
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
        for (const f of con.filas) for (const c of con.deteccion!.formato.columnas) {
          const l = lecturaDe(f, c);
          if (l) estados.add(l.estado);
        }
      },
    ), { numRuns: 150 });
    // La propiedad no es vacía: aparecieron los cuatro estados de lectura.
    expect([...estados].sort()).toEqual(["fuera-de-rango", "ilegible", "ok", "vacia"]);
  });
});
