import { analizarHoja, direccion, letraColumna, normalizarEncabezado } from "../../../src/core";
import { avanceLimpia } from "../../fixtures/hojas/avance-metas";
import { resultadosLimpia } from "../../fixtures/hojas/indicadores-resultados";
import { ENCABEZADO_ORGANO, FILAS_ORGANO, patOrganoLimpia } from "../../fixtures/hojas/pat-organo";
import { patTransversalLimpia } from "../../fixtures/hojas/pat-transversal";
import { hoja } from "../../fixtures/hojas/util";

describe("normalizarEncabezado", () => {
  test.each([
    ["DIMENSIÓN DEL INDICADOR (Eficacia, Eficiencia, Economía, Calidad)", "dimension del indicador"],
    ["META PROPUESTA vs (1) META ALCANZADA (= Meta por alcanzar)", "meta propuesta vs meta alcanzada"],
    ["  MES\nINICIAL ", "mes inicial"],
    ["Nombre(s) del(os) indicador(es)", "nombre del indicador"],
    ["PRESUPUESTO APROBADO ( PESOS )", "presupuesto aprobado"],
    ["% CUMPLIM. MODIF.", "% cumplim modif"],
    ["MÉTODO   DE  CÁLCULO", "metodo de calculo"],
  ])("%s → %s", (entrada, salida) => {
    expect(normalizarEncabezado(entrada)).toBe(salida);
  });
});

describe("detección del formato", () => {
  test("pat-organo: encabezado en la fila 7, las 17 columnas en su lugar, año 2024", () => {
    const a = analizarHoja(patOrganoLimpia);
    expect(a.deteccion?.formato.id).toBe("pat-organo");
    expect(a.deteccion?.filaEncabezado).toBe(7);
    expect(a.deteccion?.faltantes).toEqual([]);
    expect(a.deteccion?.puntaje).toBe(1);
    expect(a.deteccion?.columnas).toMatchObject({ numero: 0, actividad: 4, meta: 11, alcanzado: 14, porcentaje: 15, estatus: 16 });
    expect(a.anio).toBe(2024);
  });

  test("pat-transversal: encabezados con aclaraciones entre paréntesis y variantes del seed", () => {
    const a = analizarHoja(patTransversalLimpia);
    expect(a.deteccion?.formato.id).toBe("pat-transversal");
    expect(a.deteccion?.filaEncabezado).toBe(6);
    expect(a.deteccion?.faltantes).toEqual([]);
    expect(a.deteccion?.columnas).toMatchObject({
      dimension: 7, indicador: 8, meta: 13, tendencia: 14, presupuesto: 15, valor1: 17, valor2: 18, alcanzado: 19, porAlcanzar: 20, verificable: 21, porcentaje: 22, estatus: 23,
    });
    expect(a.anio).toBe(2024); // «Programa Anual de Trabajo UCSI 2024», no el «2023-2024» del objetivo
  });

  test("indicadores-resultados: año del periodo «Del 01 de Enero al 31 de Marzo 2024»", () => {
    const a = analizarHoja(resultadosLimpia);
    expect(a.deteccion?.formato.id).toBe("indicadores-resultados");
    expect(a.deteccion?.filaEncabezado).toBe(4);
    expect(a.anio).toBe(2024);
  });

  test("avance-metas: encabezado en dos filas (3 y 4)", () => {
    const a = analizarHoja(avanceLimpia);
    expect(a.deteccion?.formato.id).toBe("avance-metas");
    expect(a.deteccion?.filaEncabezado).toBe(3);
    expect(a.deteccion?.filaFinEncabezado).toBe(4);
    expect(a.deteccion?.faltantes).toEqual([]);
    expect(a.deteccion?.columnas).toMatchObject({
      clave: 0, proyecto: 2, unidad: 3, programado: 4, modificado: 5, alcanzado: 6, porcentaje: 7,
      presupuestoAprobado: 8, presupuestoModificado: 9, presupuestoDevengado: 10, municipio: 11, mujer: 13, hombre: 14, persona: 15,
    });
  });

  test("mayúsculas, acentos, saltos de línea y columnas en otro orden", () => {
    const enc = ["numero", "Politicas generales", "nombre del programa", "objetivo especifico", "Actividad", "Mes\ninicial", "MES  FINAL",
      "indicador", "metodo de calculo", "Frecuencia de medicion", "unidad de medida", "meta", "presupuesto", "observaciones",
      "unidades cumplidas al momento", "porcentaje cumplido", "ESTATUS DE LA ACTIVIDAD"].reverse();
    const a = analizarHoja(hoja("x", [enc]));
    expect(a.deteccion?.formato.id).toBe("pat-organo");
    expect(a.deteccion?.filaEncabezado).toBe(1);
    expect(a.deteccion?.columnas.estatus).toBe(0);
    expect(a.deteccion?.columnas.numero).toBe(16);
  });

  test("columnas que faltan se listan; con menos del 60 % no es un PAT", () => {
    const sinDos = ENCABEZADO_ORGANO.map((h) => (h === "ESTATUS" || h === "UNIDAD DE MEDIDA" ? "OTRA COSA" : h));
    const a = analizarHoja(hoja("x", [["Título"], sinDos]));
    expect(a.deteccion?.formato.id).toBe("pat-organo");
    expect(a.deteccion?.faltantes).toEqual(["UNIDAD DE MEDIDA", "ESTATUS"]);

    const pocas = ENCABEZADO_ORGANO.slice(0, 8);
    const b = analizarHoja(hoja("x", [pocas, ["1", "a", "b", "c", "d", 1, 2, "e"]]));
    expect(b.deteccion).toBeNull();
    const organo = b.candidatos.find((c) => c.formato.id === "pat-organo")!;
    expect(organo.coincidencias).toBe(8); // 8 de 15 = 53 %
    expect(organo.requeridas).toBe(15);
    expect(organo.faltantes).toEqual(expect.arrayContaining(["META", "ESTATUS", "MÉTODO DE CÁLCULO"]));
    expect(b.actividades).toEqual([]);
    expect(b.hallazgos).toEqual([]);
  });

  test("una hoja que no es PAT se rechaza con los candidatos ordenados", () => {
    const nomina = hoja("Nómina", [["NOMBRE", "RFC", "PUESTO", "SUELDO"], ["Ana", "XAXX010101000", "Analista", 12000]]);
    const a = analizarHoja(nomina);
    expect(a.deteccion).toBeNull();
    expect(a.candidatos).toHaveLength(4);
    for (let i = 1; i < a.candidatos.length; i++) {
      const p = (c: (typeof a.candidatos)[number]): number => c.coincidencias / c.requeridas;
      expect(p(a.candidatos[i - 1])).toBeGreaterThanOrEqual(p(a.candidatos[i]));
    }
    expect(analizarHoja(hoja("vacía", [])).deteccion).toBeNull();
  });

  test("el encabezado más allá de la fila 30 no se busca", () => {
    const relleno = Array.from({ length: 30 }, (_, i) => [`Nota ${i}`]);
    expect(analizarHoja(hoja("x", [...relleno, ENCABEZADO_ORGANO])).deteccion).toBeNull();
    expect(analizarHoja(hoja("x", [...relleno.slice(1), ENCABEZADO_ORGANO])).deteccion?.filaEncabezado).toBe(30);
  });

  test("filas de título: el año no sale de rangos como 2023-2024", () => {
    const filas = [["Proceso Local Electoral 2023-2024"], ...FILAS_ORGANO.slice(6, 9)];
    expect(analizarHoja(hoja("x", filas)).anio).toBeNull();
    const conEjercicio = [["Programa de trabajo para el ejercicio 2025"], ...FILAS_ORGANO.slice(6, 9)];
    expect(analizarHoja(hoja("x", conEjercicio)).anio).toBe(2025);
  });
});

describe("direcciones A1", () => {
  test("letraColumna", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(letraColumna)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    expect(() => letraColumna(-1)).toThrow();
  });
  test("direccion", () => {
    expect(direccion(12, 8)).toBe("I12");
    expect(direccion(1, 26)).toBe("AA1");
  });
});
