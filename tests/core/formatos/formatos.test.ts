import * as fs from "fs";
import * as path from "path";
import { analizarHoja, cargarFormato, listarFormatos, quitarFormato, registrarFormato, type Formato } from "../../../src/core";
import { obtenerFormato } from "../../../src/core/formatos";
import { hoja } from "../../fixtures/hojas/util";

const rutaPropio = path.join(__dirname, "../../fixtures/formatos/poa-municipal.json");
const leerPropio = (): unknown => JSON.parse(fs.readFileSync(rutaPropio, "utf8"));

describe("formatos incluidos", () => {
  test("los cuatro formatos se cargan y validan", () => {
    const ids = listarFormatos().map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(["pat-organo", "pat-transversal", "indicadores-resultados", "avance-metas"]));
  });

  test("pat-organo tiene 17 columnas y calcula PORCENTAJE CUMPLIDO y ESTATUS", () => {
    const f = obtenerFormato("pat-organo")!;
    expect(f.columnas).toHaveLength(17);
    expect(f.columnas.filter((c) => c.calculada).map((c) => c.encabezado)).toEqual(["PORCENTAJE CUMPLIDO (%)", "ESTATUS"]);
    expect(f.metaEsValorIndicador).toBe(false);
  });

  test("pat-transversal tiene 24 columnas, fila de etiquetas y cuatro calculadas", () => {
    const f = obtenerFormato("pat-transversal")!;
    expect(f.columnas).toHaveLength(24);
    expect(f.columnas.filter((c) => c.calculada).map((c) => c.clave)).toEqual(["alcanzado", "porAlcanzar", "porcentaje", "estatus"]);
    expect(f.filasEtiqueta.length).toBeGreaterThan(0);
    expect(f.metaEsValorIndicador).toBe(true);
  });

  test("avance-metas admite varias metas por celda; indicadores-resultados no calcula nada", () => {
    const a = obtenerFormato("avance-metas")!;
    expect(a.columnas).toHaveLength(16);
    expect(a.variasMetasPorCelda).toBe(true);
    expect(a.columnas.filter((c) => c.porMeta).map((c) => c.clave)).toEqual(["unidad", "programado", "modificado", "alcanzado", "porcentaje"]);
    const r = obtenerFormato("indicadores-resultados")!;
    expect(r.columnas).toHaveLength(6);
    expect(r.columnas.some((c) => c.calculada)).toBe(false);
  });

  test("las variantes se normalizan al cargar (sin acentos, paréntesis ni signos)", () => {
    const f = obtenerFormato("pat-transversal")!;
    expect(f.porClave.dimension.normalizadas).toContain("dimension del indicador");
    expect(f.porClave.porAlcanzar.normalizadas).toContain("meta propuesta vs meta alcanzada");
  });
});

describe("cargarFormato", () => {
  test("un formato propio válido se carga", () => {
    const r = cargarFormato(leerPropio());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.valor.porRol.meta?.clave).toBe("meta");
  });

  test("un tipo desconocido da un mensaje en español que nombra el campo", () => {
    const json = leerPropio() as { columnas: Array<Record<string, unknown>> };
    json.columnas[2].tipo = "fecha";
    const r = cargarFormato(json);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.mensaje).toContain("poa-municipal");
      expect(r.error.mensaje).toContain("columnas[2].tipo");
      expect(r.error.mensaje).toContain("escriba uno de");
      expect(r.error.mensajeEn).toContain("columnas[2].tipo");
    }
  });

  test("un campo que falta se nombra", () => {
    const json = leerPropio() as Record<string, unknown>;
    delete json.nombre;
    const r = cargarFormato(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.mensaje).toMatch(/nombre: falta el campo/);
  });

  test("claves repetidas y un id que no es kebab-case se rechazan", () => {
    const json = leerPropio() as { id: string; columnas: Array<Record<string, unknown>> };
    json.columnas[1].clave = "folio";
    const r = cargarFormato(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.mensaje).toMatch(/columnas\[1\]\.clave: la clave «folio» está repetida/);
    const json2 = leerPropio() as { id: string };
    json2.id = "POA Municipal";
    const r2 = cargarFormato(json2);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.mensaje).toMatch(/^El formato «POA Municipal» no es válido: id:/);
  });

  test("cualquier cosa que no es un objeto se rechaza sin lanzar", () => {
    for (const x of [null, 3, "hola", [], { id: "x" }]) expect(cargarFormato(x).ok).toBe(false);
  });
});

describe("formato propio (solo existe en las pruebas)", () => {
  const filas = [
    ["Instituto Electoral Municipal de Prueba"],
    ["POA 2025"],
    ["FOLIO", "ACCIÓN MUNICIPAL", "MES DE ARRANQUE", "MES DE CIERRE", "CANTIDAD PROGRAMADA", "CANTIDAD LOGRADA", "AVANCE (%)", "SITUACIÓN"],
    ["M-1", "Instalar módulos de atención", 1, 6, 6, 3, 50, "EN PROCESO"],
    [null, "Capacitar al personal", 2, 4, 4, 4, 10, "CUMPLIDA"],
  ];

  test("no se reconoce sin registrarlo y sí pasándolo en opciones.formatos", () => {
    const h = hoja("POA", filas);
    expect(analizarHoja(h).deteccion).toBeNull();
    const r = cargarFormato(leerPropio());
    if (!r.ok) throw new Error(r.error.mensaje);
    const a = analizarHoja(h, { formatos: [r.valor] });
    expect(a.deteccion?.formato.id).toBe("poa-municipal");
    expect(a.deteccion?.filaEncabezado).toBe(3);
    expect(a.actividades).toHaveLength(2);
    expect(a.actividades[1].numero).toBe("M-1");
    expect(a.hallazgos.map((x) => [x.celda, x.codigo])).toEqual([["G5", "calculo-discrepante"]]);
  });

  test("registrarFormato lo agrega a listarFormatos y quitarFormato lo quita", () => {
    const r = registrarFormato(leerPropio());
    expect(r.ok).toBe(true);
    try {
      expect(listarFormatos().map((f: Formato) => f.id)).toContain("poa-municipal");
      expect(analizarHoja(hoja("POA", filas)).deteccion?.formato.id).toBe("poa-municipal");
    } finally {
      quitarFormato("poa-municipal");
    }
    expect(listarFormatos().map((f) => f.id)).not.toContain("poa-municipal");
  });
});
