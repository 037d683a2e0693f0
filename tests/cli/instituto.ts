/**
 * Un instituto generado para las pruebas de `pat consolidar`: los libros de varias áreas en
 * formatos distintos (carpetas anidadas), un archivo ilegible, un libro sin PAT y el
 * candado «~$…» de Excel. Lo esperado lo calcula AQUÍ la prueba con las reglas de la spec
 * (§3: estatus, meta programada al corte, semáforo simétrico; avance = promedio de
 * min(100, cumplimiento) sin estatus manuales), sin usar el código bajo prueba.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { ENCABEZADO_ORGANO } from "../fixtures/hojas/pat-organo";
import { ENCABEZADO_TRANSVERSAL } from "../fixtures/hojas/pat-transversal";

export interface ActividadPrueba {
  readonly texto: string;
  readonly ini: number;
  readonly fin: number;
  readonly meta: number;
  /** pat-organo: UNIDADES CUMPLIDAS; pat-transversal: VALOR 1 de VALOR 2 = 100 (o sea, el %). */
  readonly alcanzado: number;
  readonly obs?: string;
  readonly estatus?: "CANCELADA" | "REPROGRAMADA";
  /** MÉTODO DE CÁLCULO (pat-organo), si no el de siempre. */
  readonly metodo?: string;
}

export interface AreaPrueba {
  readonly ruta: string;
  readonly formato: "pat-organo" | "pat-transversal";
  readonly hoja: string;
  /** Filas de título (la unidad, si la hay). */
  readonly titulos: ReadonlyArray<string>;
  readonly unidad: string;
  readonly actividades: ReadonlyArray<ActividadPrueba>;
}

export const AREAS: ReadonlyArray<AreaPrueba> = [
  {
    ruta: "organizacion/pat-2t.xlsx", formato: "pat-organo", hoja: "PAT 2024",
    titulos: ["INSTITUTO ELECTORAL DEL ESTADO", "FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO", "PROGRAMA ANUAL DE TRABAJO 2024", "DIRECCIÓN EJECUTIVA DE ORGANIZACIÓN ELECTORAL"],
    unidad: "DIRECCIÓN EJECUTIVA DE ORGANIZACIÓN ELECTORAL",
    actividades: [
      { texto: "1.1 Informes mensuales de la bodega electoral", ini: 1, fin: 6, meta: 6, alcanzado: 6 },
      { texto: "1.2 Recorridos de ubicación de casillas", ini: 1, fin: 12, meta: 12, alcanzado: 6 },
      { texto: "1.3 Capacitación a consejos distritales", ini: 1, fin: 12, meta: 12, alcanzado: 5, obs: "Se reprogramaron dos sesiones por la veda." },
      { texto: "2.1 Inventario de material electoral", ini: 1, fin: 3, meta: 3, alcanzado: 2 },
      { texto: "2.2 Simulacros del PREP", ini: 1, fin: 12, meta: 4, alcanzado: 1 },
      { texto: "2.3 Mantenimiento de urnas", ini: 8, fin: 12, meta: 2, alcanzado: 0 },
      { texto: "3.1 Estudio de zonas de difícil acceso", ini: 1, fin: 12, meta: 4, alcanzado: 1, estatus: "CANCELADA" },
      { texto: "3.2 Reporte de avance al Consejo", ini: 1, fin: 12, meta: 10, alcanzado: 12 },
    ],
  },
  {
    ruta: "organizacion/transversal/pat-transversal.xlsx", formato: "pat-transversal", hoja: "Transversales",
    titulos: ["INSTITUTO ELECTORAL DEL ESTADO", "FORMATO DE PROGRAMAS ANUALES DE TRABAJO", "Programa Anual de Trabajo 2024", "UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS   OBJETIVOS CON TRANSVERSALIDAD"],
    unidad: "UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS",
    actividades: [
      // La meta es el valor del indicador: lo esperado al corte es 100, no se prorratea.
      { texto: "11.1 Solicitudes de soporte atendidas", ini: 1, fin: 12, meta: 100, alcanzado: 90 },
      { texto: "11.2 Sistemas publicados a tiempo", ini: 1, fin: 12, meta: 100, alcanzado: 100 },
      { texto: "11.3 Respaldos verificados", ini: 1, fin: 12, meta: 100, alcanzado: 50, obs: "Falla del servidor de respaldos en abril." },
      { texto: "11.4 Incidentes cerrados en plazo", ini: 1, fin: 4, meta: 100, alcanzado: 80 },
    ],
  },
  {
    ruta: "secretaria.xlsx", formato: "pat-organo", hoja: "Hoja1",
    // Plantilla sin el nombre del órgano: la unidad es el nombre del archivo.
    titulos: ["INSTITUTO ELECTORAL DEL ESTADO", "PROGRAMA ANUAL DE TRABAJO 2024", "(NOMBRE DEL ÓRGANO)"],
    unidad: "secretaria",
    actividades: [
      { texto: "1.1 Actas de sesiones", ini: 1, fin: 12, meta: 24, alcanzado: 11 },
      { texto: "1.2 Acuerdos publicados", ini: 1, fin: 6, meta: 6, alcanzado: 6 },
    ],
  },
];

export const CORTE = 6;

type Estatus = "CUMPLIDA" | "EN PROCESO" | "PENDIENTE" | "NO CUMPLIDA" | "CANCELADA" | "REPROGRAMADA" | "SIN DATOS";
type Semaforo = "VERDE" | "AMARILLO" | "ROJO" | "SIN DATO";

export interface EsperadoActividad {
  readonly estatus: Estatus;
  readonly semaforo: Semaforo;
  readonly cumplimiento: number | null;
}

/** Spec §3, hecho a mano. */
export function esperadoDe(a: ActividadPrueba, formato: AreaPrueba["formato"], corte: number): EsperadoActividad {
  if (a.estatus) return { estatus: a.estatus, semaforo: "SIN DATO", cumplimiento: null };
  const estatus: Estatus = a.alcanzado >= a.meta ? "CUMPLIDA" : corte > a.fin ? "NO CUMPLIDA" : a.alcanzado > 0 ? "EN PROCESO" : "PENDIENTE";
  const programado = formato === "pat-organo" ? a.meta * Math.min(Math.max((corte - a.ini + 1) / (a.fin - a.ini + 1), 0), 1) : a.meta;
  let semaforo: Semaforo = "SIN DATO";
  if (programado > 0) {
    const r = (a.alcanzado / programado) * 100;
    semaforo = r >= 95 && r <= 105 ? "VERDE" : (r >= 85 && r < 95) || (r > 105 && r <= 115) ? "AMARILLO" : "ROJO";
  }
  return { estatus, semaforo, cumplimiento: (a.alcanzado / a.meta) * 100 };
}

export function promedioTopado(cs: ReadonlyArray<number | null>): number | null {
  const v = cs.filter((c): c is number => c !== null).map((c) => Math.min(100, c));
  return v.length ? Math.round((v.reduce((s, x) => s + x, 0) / v.length) * 100) / 100 : null;
}

function hojaOrgano(ws: ExcelJS.Worksheet, area: AreaPrueba): void {
  area.titulos.forEach((t, i) => (ws.getCell(i + 1, 1).value = t));
  const enc = area.titulos.length + 2;
  ws.getRow(enc).values = [...ENCABEZADO_ORGANO];
  area.actividades.forEach((a, i) => {
    const objetivo = a.texto.split(".")[0];
    ws.getRow(enc + 1 + i).values = [
      objetivo, "Política", "Programa", `Objetivo ${objetivo}`, a.texto, a.ini, a.fin, "Informe de avance", a.metodo ?? "Documento realizado / Documento programado X 100", "Mensual", "Documento",
      a.meta, null, a.obs ?? null, a.alcanzado, null, a.estatus ?? null,
    ];
  });
}

function hojaTransversal(ws: ExcelJS.Worksheet, area: AreaPrueba): void {
  area.titulos.forEach((t, i) => (ws.getCell(i + 1, 1).value = t));
  const enc = area.titulos.length + 2;
  ws.getRow(enc).values = [...ENCABEZADO_TRANSVERSAL];
  area.actividades.forEach((a, i) => {
    const objetivo = a.texto.split(".")[0];
    ws.getRow(enc + 1 + i).values = [
      objetivo, "Programa", "Políticas", `Objetivo ${objetivo}`, a.texto, a.ini, a.fin, "Eficacia", "Porcentaje de solicitudes atendidas", "(Solicitudes atendidas / Solicitudes recibidas) x 100", "Trimestral", "Porcentaje",
      "Sin referencia", `${a.meta}%`, "Incremento", null, a.obs ?? null, a.alcanzado, 100, null, null, "Informe", null, a.estatus ?? null,
    ];
  });
}

/** Escribe un libro de un área. */
export async function libroArea(area: AreaPrueba): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(area.hoja);
  if (area.formato === "pat-organo") hojaOrgano(ws, area);
  else hojaTransversal(ws, area);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Crea el instituto en `dir`; devuelve las rutas de los archivos que no son de un área. */
export async function crearInstituto(dir: string): Promise<{ ilegible: string; sinPat: string }> {
  for (const area of AREAS) {
    const ruta = path.join(dir, area.ruta);
    fs.mkdirSync(path.dirname(ruta), { recursive: true });
    fs.writeFileSync(ruta, await libroArea(area));
  }
  const ilegible = path.join(dir, "organizacion", "dañado.xlsx");
  fs.writeFileSync(ilegible, "NÚMERO,ACTIVIDAD\n1,Algo\n");
  const sinPat = path.join(dir, "notas.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Notas").getCell("A1").value = "Pendientes de la reunión";
  fs.writeFileSync(sinPat, new Uint8Array(await wb.xlsx.writeBuffer()));
  // El candado de Excel de un libro abierto: se ignora.
  fs.writeFileSync(path.join(dir, "~$secretaria.xlsx"), "candado");
  return { ilegible, sinPat };
}
