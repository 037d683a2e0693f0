/**
 * `pat comparar` sobre un par de trimestres generado: cada uno de los siete códigos
 * plantado una vez (y nada más), y un par de control con avance normal que no dice nada.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { libroArea, type ActividadPrueba, type AreaPrueba } from "./instituto";
import { carpetaTemporal, pat } from "./ayuda";

const TITULOS = ["INSTITUTO ELECTORAL DEL ESTADO", "PROGRAMA ANUAL DE TRABAJO 2024", "DIRECCIÓN EJECUTIVA DE ORGANIZACIÓN ELECTORAL"];
const area = (actividades: ActividadPrueba[]): AreaPrueba => ({ ruta: "x.xlsx", formato: "pat-organo", hoja: "PAT", titulos: TITULOS, unidad: "", actividades });
const PRIMERA = TITULOS.length + 3; // primera fila de datos

// Primer trimestre (corte marzo).
const ANTERIOR: ActividadPrueba[] = [
  { texto: "1.1 Informes mensuales de la bodega electoral", ini: 1, fin: 12, meta: 12, alcanzado: 3 },
  { texto: "1.2 Recorridos de ubicación de casillas", ini: 1, fin: 12, meta: 12, alcanzado: 7 },
  { texto: "1.3 Capacitación a consejos distritales", ini: 1, fin: 12, meta: 12, alcanzado: 3 },
  { texto: "2.1 Inventario de material electoral", ini: 1, fin: 3, meta: 3, alcanzado: 3 },
  { texto: "2.2 Simulacros del PREP", ini: 1, fin: 12, meta: 4, alcanzado: 1 },
  { texto: "2.3 Mantenimiento de urnas", ini: 8, fin: 12, meta: 2, alcanzado: 0 },
  { texto: "3.1 Estudio de zonas de difícil acceso", ini: 1, fin: 12, meta: 4, alcanzado: 1 },
  { texto: "3.2 Reporte de avance al Consejo", ini: 1, fin: 12, meta: 10, alcanzado: 10 },
];

// Segundo trimestre: avance normal en todas, más un cambio plantado por código.
const ACTUAL: ActividadPrueba[] = [
  // Renumerada con el mismo texto: se empareja por el texto, no es nueva.
  { texto: "1.4 Informes mensuales de la bodega electoral", ini: 1, fin: 12, meta: 12, alcanzado: 6 },
  { texto: "1.2 Recorridos de ubicación de casillas", ini: 1, fin: 12, meta: 12, alcanzado: 6 }, // avance-disminuye 7 → 6
  { texto: "1.3 Capacitación a consejos distritales", ini: 1, fin: 12, meta: 10, alcanzado: 6 }, // meta-modificada 12 → 10
  // 2.1 se borró: actividad-eliminada
  { texto: "2.2 Simulacros del PREP", ini: 1, fin: 10, meta: 4, alcanzado: 2 }, // meses-modificados 1–12 → 1–10
  { texto: "2.3 Mantenimiento de urnas", ini: 8, fin: 12, meta: 2, alcanzado: 0, metodo: "Urnas reparadas / Urnas programadas X 100" }, // metodo-modificado
  // Texto corregido con el mismo número: se empareja por el número.
  { texto: "3.1 Estudio de las zonas de difícil acceso", ini: 1, fin: 12, meta: 4, alcanzado: 2 },
  { texto: "3.2 Reporte de avance al Consejo", ini: 1, fin: 12, meta: 10, alcanzado: 10, estatus: "CANCELADA" }, // estatus-retrocede
  { texto: "3.3 Foro de participación ciudadana", ini: 5, fin: 9, meta: 1, alcanzado: 0 }, // actividad-nueva
];

interface CambioJson { code: string; severity: string; activity: string; cell: string; before: unknown; after: unknown; message: string }

let dir: string;
beforeAll(async () => {
  dir = carpetaTemporal();
  fs.writeFileSync(path.join(dir, "1t.xlsx"), await libroArea(area(ANTERIOR)));
  fs.writeFileSync(path.join(dir, "2t.xlsx"), await libroArea(area(ACTUAL)));
  // Control: el mismo programa con más avance en cada actividad.
  fs.writeFileSync(path.join(dir, "2t-normal.xlsx"), await libroArea(area(ANTERIOR.map((a) => ({ ...a, alcanzado: Math.min(a.meta, a.alcanzado + 2) })))));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("cada cambio plantado sale con su código, severidad, celda del trimestre actual, antes y después; nada más", async () => {
  const r = await pat(["comparar", path.join(dir, "1t.xlsx"), path.join(dir, "2t.xlsx"), "--json"]);
  expect(r.err).toBe("");
  expect(r.codigo).toBe(1); // avance-disminuye es un error
  const { changes } = JSON.parse(r.out) as { changes: CambioJson[] };
  const fila = (i: number) => PRIMERA + i;
  // pat-organo: F/G meses, I MÉTODO, L META, O CUMPLIDAS, Q ESTATUS, E ACTIVIDAD.
  expect(changes.map((c) => [c.code, c.severity, c.cell, c.before, c.after])).toEqual([
    ["avance-disminuye", "error", `O${fila(1)}`, 7, 6],
    ["meta-modificada", "warning", `L${fila(2)}`, 12, 10],
    ["meses-modificados", "warning", `F${fila(3)}`, "1–12", "1–10"],
    ["metodo-modificado", "warning", `I${fila(4)}`, "Documento realizado / Documento programado X 100", "Urnas reparadas / Urnas programadas X 100"],
    ["estatus-retrocede", "warning", `Q${fila(6)}`, "CUMPLIDA", "CANCELADA"],
    ["actividad-nueva", "warning", `E${fila(7)}`, null, "3.3 Foro de participación ciudadana"],
    ["actividad-eliminada", "warning", `E${PRIMERA + 3}`, "2.1 Inventario de material electoral", null],
  ]);
  expect(changes.find((c) => c.code === "avance-disminuye")!.message).toMatch(/^Lo alcanzado bajó de 7 a 6\./);
  expect(changes.find((c) => c.code === "meta-modificada")!.activity).toBe("1.3 Capacitación a consejos distritales");
  for (const c of changes) expect(c.message).toMatch(/\.$/);
  // El texto cuenta los siete cambios plantados y su único error, en singular o plural como corresponde.
  const t = await pat(["comparar", path.join(dir, "1t.xlsx"), path.join(dir, "2t.xlsx")]);
  expect(t.out.split("\n")[0]).toBe(`7 cambios entre «${path.join(dir, "1t.xlsx")}» y «${path.join(dir, "2t.xlsx")}» (1 error):`);
});

test("control: avance normal (más alcanzado, estatus que avanza) no dice nada y termina con 0", async () => {
  const r = await pat(["comparar", path.join(dir, "1t.xlsx"), path.join(dir, "2t-normal.xlsx"), "--json"]);
  expect(r.codigo).toBe(0);
  expect(JSON.parse(r.out)).toEqual({ changes: [] });
  const t = await pat(["comparar", path.join(dir, "1t.xlsx"), path.join(dir, "2t-normal.xlsx")]);
  expect(t.out).toMatch(/^Sin cambios que explicar/);
});

test("un archivo ilegible: una línea en español y código 2", async () => {
  fs.writeFileSync(path.join(dir, "roto.xlsx"), "no es un libro");
  const r = await pat(["comparar", path.join(dir, "1t.xlsx"), path.join(dir, "roto.xlsx")]);
  expect(r.codigo).toBe(2);
  expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  expect(r.out).toBe("");
});
