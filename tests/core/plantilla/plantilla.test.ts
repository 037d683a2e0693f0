import { analizarHoja, describirPlantilla, planificarLlenado, type HojaDatos, type ValorCelda } from "../../../src/core";
import { obtenerFormato } from "../../../src/core/formatos";

/** Dibuja la plantilla como una HojaDatos (lo que harían la CLI o el panel). */
function dibujar(p: ReturnType<typeof describirPlantilla>): HojaDatos {
  const filas: ValorCelda[][] = p.titulos.map((t) => [t]);
  filas.push(p.columnas.map((c) => c.encabezado));
  if (p.filaEtiquetas) filas.push(p.columnas.map((c) => c.etiqueta));
  const formulas: Array<Array<string | null>> = filas.map((f) => f.map(() => null));
  return { nombre: p.nombreHoja, valores: filas, formulas };
}

describe("describirPlantilla", () => {
  test("pat-organo: títulos con el año, encabezado, anchos, listas y formatos de número", () => {
    const p = describirPlantilla(obtenerFormato("pat-organo")!, { anio: 2025, filas: 10 });
    expect(p.titulos).toContain("PROGRAMA ANUAL DE TRABAJO 2025");
    expect(p.filaEncabezado).toBe(p.titulos.length + 1);
    expect(p.filaEtiquetas).toBeNull();
    expect(p.primeraFilaDatos).toBe(p.filaEncabezado + 1);
    expect(p.ultimaFilaDatos).toBe(p.primeraFilaDatos + 9);
    expect(p.columnas).toHaveLength(17);
    const col = (clave: string) => p.columnas.find((c) => c.clave === clave)!;
    expect(col("mesInicial").lista).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
    expect(col("frecuencia").lista).toEqual(["Mensual", "Bimestral", "Trimestral", "Cuatrimestral", "Semestral", "Anual", "Bienal"]);
    expect(col("estatus").lista).toEqual(["PENDIENTE", "EN PROCESO", "CUMPLIDA", "NO CUMPLIDA", "CANCELADA", "REPROGRAMADA"]);
    expect(col("actividad").ancho).toBeGreaterThan(col("numero").ancho);
    expect(col("porcentaje")).toMatchObject({ letra: "P", calculada: true, formatoNumero: "0.00" });
  });

  test("las columnas calculadas llevan las mismas fórmulas que el plan de llenado en modo fórmulas", () => {
    const formato = obtenerFormato("pat-organo")!;
    const p = describirPlantilla(formato, { anio: 2025, filas: 3 });
    const f = p.primeraFilaDatos;
    expect(p.formulas.filter((x) => x.fila === f).map((x) => [x.celda, x.formula])).toEqual([
      [`P${f}`, `=PAT.CUMPLIMIENTO(O${f},L${f})`],
      [`Q${f}`, `=PAT.ESTATUS(L${f},O${f},F${f},G${f})`],
    ]);
    expect(p.formulas).toHaveLength(6);
    // La plantilla dibujada se reconoce como su formato; con una fila llena, el plan da las mismas fórmulas.
    const h = dibujar(p);
    const fila: ValorCelda[] = ["1", "Pol", "Prog", "Obj", "Act", 1, 6, "Informe", "A / B x 100", "Mensual", "Documento", 6, null, null, 3, null, null];
    const conFila: HojaDatos = { ...h, valores: [...h.valores, fila], formulas: [...h.formulas!, fila.map(() => null)] };
    const a = analizarHoja(conFila);
    expect(a.deteccion?.formato.id).toBe("pat-organo");
    expect(a.deteccion?.filaEncabezado).toBe(p.filaEncabezado);
    const cambios = planificarLlenado(conFila, a, { modo: "formulas" }).cambios;
    const esperadas = p.formulas.filter((x) => x.fila === f).map((x) => x.formula);
    expect(cambios.map((c) => c.despues)).toEqual(esperadas);
  });

  test("pat-transversal: fila de etiquetas, dimensión, tendencia y fórmulas de las cuatro calculadas", () => {
    const p = describirPlantilla(obtenerFormato("pat-transversal")!, { anio: 2024, filas: 1 });
    expect(p.filaEtiquetas).toBe(p.filaEncabezado + 1);
    const col = (clave: string) => p.columnas.find((c) => c.clave === clave)!;
    expect(col("dimension").lista).toEqual(["Eficacia", "Eficiencia", "Economía", "Calidad"]);
    expect(col("tendencia").lista).toEqual(["Incremento", "Constante", "Reducción"]);
    expect(col("dimension").etiqueta).toBe("Características del Indicador");
    expect(p.formulas.map((x) => x.columna)).toEqual(["T", "U", "W", "X"]);
    const h = dibujar(p);
    expect(analizarHoja(h).deteccion?.formato.id).toBe("pat-transversal");
  });

  test("formato condicional del ESTATUS y colores del semáforo en hex", () => {
    const p = describirPlantilla(obtenerFormato("pat-organo")!, { filas: 50 });
    expect(p.condicionales.map((c) => c.texto)).toEqual(["PENDIENTE", "EN PROCESO", "CUMPLIDA", "NO CUMPLIDA", "CANCELADA", "REPROGRAMADA"]);
    for (const c of p.condicionales) {
      expect(c.rango).toBe(`Q${p.primeraFilaDatos}:Q${p.ultimaFilaDatos}`);
      expect(c.colorFondo).toMatch(/^[0-9A-F]{6}$/);
      expect(c.colorTexto).toMatch(/^[0-9A-F]{6}$/);
    }
    expect(Object.keys(p.semaforo)).toEqual(["VERDE", "AMARILLO", "ROJO", "SIN DATO"]);
  });

  test("avance-metas (varias metas por celda) no lleva fórmulas; indicadores-resultados no tiene calculadas", () => {
    expect(describirPlantilla(obtenerFormato("avance-metas")!).formulas).toEqual([]);
    const r = describirPlantilla(obtenerFormato("indicadores-resultados")!, { anio: 2024 });
    expect(r.formulas).toEqual([]);
    expect(r.condicionales).toEqual([]);
    expect(r.titulos).toContain("Del 01 de Enero al 31 de Marzo 2024");
  });
});
