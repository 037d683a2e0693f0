/**
 * `pat consolidar` sobre un instituto generado (tests/cli/instituto.ts): cada cifra
 * esperada la calcula la prueba con las reglas de la spec, no el código.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { AREAS, CORTE, crearInstituto, esperadoDe, promedioTopado, type AreaPrueba } from "./instituto";
import { carpetaTemporal, pat } from "./ayuda";

interface UnidadJson {
  file: string; sheet: string; format: string; unit: string; activities: number;
  byStatus: Record<string, number>; byLight: Record<string, number>; progress: number | null;
  findings: { error: number; warning: number; info: number };
  offTrack: Array<{ row: number; cell: string; activity: string; status: string; light: string; justification: string | null }>;
}
interface ConsolidadoJson {
  corte: number | null;
  units: UnidadJson[];
  total: { activities: number; byStatus: Record<string, number>; byLight: Record<string, number>; progress: number | null };
  skipped: Array<{ file: string; reason: string }>;
  unreadable: Array<{ file: string; message: string }>;
}

const ESTATUS = ["CUMPLIDA", "EN PROCESO", "PENDIENTE", "NO CUMPLIDA", "CANCELADA", "REPROGRAMADA", "SIN DATOS"];
const SEMAFOROS = ["VERDE", "AMARILLO", "ROJO", "SIN DATO"];

function contarPor<T extends string>(claves: ReadonlyArray<T>, valores: ReadonlyArray<string>): Record<string, number> {
  return Object.fromEntries(claves.map((k) => [k, valores.filter((v) => v === k).length]));
}

let dir: string;
let ilegible: string;
let sinPat: string;
let json: ConsolidadoJson;
let codigo: number;
let err: string;

beforeAll(async () => {
  dir = carpetaTemporal();
  ({ ilegible, sinPat } = await crearInstituto(dir));
  const r = await pat(["consolidar", dir, "--corte", String(CORTE), "--json"]);
  codigo = r.codigo;
  err = r.err;
  json = JSON.parse(r.out) as ConsolidadoJson;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("una unidad por hoja PAT, en el orden de las carpetas; el ilegible y el libro sin PAT listados, el candado ignorado", () => {
  expect(err).toBe("");
  expect(codigo).toBe(1); // hay un archivo ilegible y uno sin PAT: algo que devolver a las áreas
  expect(json.corte).toBe(CORTE);
  const orden = [...AREAS].sort((a, b) => (a.ruta < b.ruta ? -1 : 1));
  expect(json.units.map((u) => [u.file, u.sheet, u.format, u.unit])).toEqual(orden.map((a) => [path.join(dir, a.ruta), a.hoja, a.formato, a.unidad]));
  expect(json.unreadable.map((u) => u.file)).toEqual([ilegible]);
  expect(json.unreadable[0].message).toMatch(/CSV/);
  expect(json.skipped).toEqual([{ file: sinPat, reason: expect.stringMatching(/PAT reconocido/) }]);
});

describe.each(AREAS.map((a) => [a.unidad, a] as [string, AreaPrueba]))("%s", (_nombre, area) => {
  const esperados = area.actividades.map((a) => esperadoDe(a, area.formato, CORTE));
  const unidad = (): UnidadJson => json.units.find((u) => u.file === path.join(dir, area.ruta))!;

  test("actividades por estatus y semáforo, y avance (promedio de min(100, cumplimiento) sin manuales)", () => {
    const u = unidad();
    expect(u.activities).toBe(area.actividades.length);
    expect(u.byStatus).toEqual(contarPor(ESTATUS, esperados.map((e) => e.estatus)));
    expect(u.byLight).toEqual(contarPor(SEMAFOROS, esperados.map((e) => e.semaforo)));
    expect(u.progress).toBeCloseTo(promedioTopado(esperados.map((e) => e.cumplimiento))!, 2);
  });

  test("fuera de ruta: ROJO, AMARILLO o NO CUMPLIDA, con OBSERVACIONES como justificación", () => {
    const u = unidad();
    const desviadas = area.actividades.map((a, i) => ({ a, e: esperados[i] })).filter(({ e }) => e.semaforo === "ROJO" || e.semaforo === "AMARILLO" || e.estatus === "NO CUMPLIDA");
    expect(u.offTrack.map((d) => [d.activity, d.status, d.light, d.justification])).toEqual(desviadas.map(({ a, e }) => [a.texto, e.estatus, e.semaforo, a.obs ?? null]));
    // La celda es la de la actividad (columna E en los dos formatos), en su fila.
    const primera = area.titulos.length + 3;
    expect(u.offTrack.map((d) => d.cell)).toEqual(desviadas.map(({ a }) => `E${primera + area.actividades.indexOf(a)}`));
    // Las sin justificar son exactamente los avisos desviacion-sin-justificar (los datos son limpios).
    expect(u.findings.error).toBe(0);
    expect(u.findings.warning).toBe(desviadas.filter(({ a }) => !a.obs).length);
  });
});

test("total del instituto: sumas y avance sobre todas las actividades (no promedio de promedios)", () => {
  const todos = AREAS.flatMap((area) => area.actividades.map((a) => esperadoDe(a, area.formato, CORTE)));
  expect(json.total.activities).toBe(todos.length);
  expect(json.total.byStatus).toEqual(contarPor(ESTATUS, todos.map((e) => e.estatus)));
  expect(json.total.byLight).toEqual(contarPor(SEMAFOROS, todos.map((e) => e.semaforo)));
  const total = promedioTopado(todos.map((e) => e.cumplimiento))!;
  expect(json.total.progress).toBeCloseTo(total, 2);
  const promedioDePromedios = json.units.reduce((s, u) => s + (u.progress ?? 0), 0) / json.units.length;
  expect(Math.abs(total - promedioDePromedios)).toBeGreaterThan(0.5); // el instituto está hecho para distinguirlos
});

test("la meta que es el valor del indicador no se prorratea: 90 % en junio es AMARILLO", () => {
  const u = json.units.find((x) => x.format === "pat-transversal")!;
  expect(u.offTrack.find((d) => d.activity.startsWith("11.1"))).toMatchObject({ light: "AMARILLO", status: "EN PROCESO" });
});

test("sin --json: texto en español y ni una línea de progreso fuera de una terminal", async () => {
  const r = await pat(["consolidar", dir, "--corte", String(CORTE)]);
  expect(r.out).toMatch(/^Consolidado al corte del mes 6: 3 unidad\(es\)/);
  expect(r.out).toMatch(/DIRECCIÓN EJECUTIVA DE ORGANIZACIÓN ELECTORAL/);
  expect(r.out).toMatch(/sin justificar/);
  expect(r.err).toBe("");
});

test("en una terminal con más de 3 libros: barra de progreso en stderr (y nada de ella en stdout); con --json, silencio", async () => {
  const r = await pat(["consolidar", dir, "--corte", String(CORTE)], true);
  expect(r.err).toMatch(/Consolidando \[.*\] 5\/5 libros/);
  expect(r.out).not.toMatch(/Consolidando/);
  const j = await pat(["consolidar", dir, "--corte", String(CORTE), "--json"], true);
  expect(j.err).toBe("");
  expect(() => JSON.parse(j.out)).not.toThrow();
});

test("errores de uso: carpeta sin libros, perfil desconocido, salida existente (código 2, una línea)", async () => {
  const vacia = carpetaTemporal();
  try {
    const r = await pat(["consolidar", vacia]);
    expect(r.codigo).toBe(2);
    expect(r.err).toMatch(/^No hay libros \.xlsx en/);
    const p = await pat(["consolidar", dir, "--perfil", "raro"]);
    expect(p.codigo).toBe(2);
    expect(p.err).toMatch(/perfil de semáforo/);
    fs.writeFileSync(path.join(vacia, "ya.html"), "x");
    const h = await pat(["consolidar", dir, "--html", path.join(vacia, "ya.html")]);
    expect(h.codigo).toBe(2);
    expect(h.err).toMatch(/Ya existe/);
    expect(fs.readFileSync(path.join(vacia, "ya.html"), "utf8")).toBe("x");
  } finally {
    fs.rmSync(vacia, { recursive: true, force: true });
  }
});
