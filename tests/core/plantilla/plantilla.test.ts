import { analizarHoja, describirPlantilla, planificarLlenado, type HojaDatos, type ValorCelda } from "../../../src/core";
import { obtenerFormato } from "../../../src/core/formatos";

/** Dibuja la plantilla como una HojaDatos (lo que harían la CLI o el panel). */
function dibujar(p: ReturnType<typeof describirPlantilla>): HojaDatos {
  const filas: ValorCelda[][] = p.titulos.map((t) => [t]);
  if (p.corte) filas.push([p.corte.etiqueta, null, null, p.corte.ayuda]);
  filas.push(p.columnas.map((c) => c.encabezado));
  if (p.filaEtiquetas) filas.push(p.columnas.map((c) => c.etiqueta));
  const formulas: Array<Array<string | null>> = filas.map((f) => f.map(() => null));
  return { nombre: p.nombreHoja, valores: filas, formulas };
}

describe("describirPlantilla", () => {
  test("pat-organo: títulos con el año, encabezado, anchos, listas y formatos de número", () => {
    const p = describirPlantilla(obtenerFormato("pat-organo")!, { anio: 2025, filas: 10 });
    expect(p.titulos).toContain("PROGRAMA ANUAL DE TRABAJO 2025");
    // Bajo los títulos, la celda rotulada del mes de corte; luego el encabezado.
    expect(p.corte).toMatchObject({ fila: p.titulos.length + 1, etiqueta: "MES DE CORTE", celda: `C${p.titulos.length + 1}`, referencia: `$C$${p.titulos.length + 1}` });
    expect(p.filaEncabezado).toBe(p.titulos.length + 2);
    expect(p.filaEtiquetas).toBeNull();
    expect(p.nombreHoja).toBe("PAT órgano 2025");
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

  test("las columnas calculadas llevan fórmulas nativas (sin PAT.*) que miran la celda del corte, las mismas del plan en modo fórmulas", () => {
    const formato = obtenerFormato("pat-organo")!;
    const p = describirPlantilla(formato, { anio: 2025, filas: 3 });
    const f = p.primeraFilaDatos;
    const deLaFila = p.formulas.filter((x) => x.fila === f);
    expect(deLaFila.map((x) => x.celda)).toEqual([`P${f}`, `Q${f}`]);
    for (const x of p.formulas) expect(x.formula).not.toMatch(/PAT\./);
    expect(deLaFila[1].formula).toContain(`AND(ISNUMBER(${p.corte!.referencia}),ISNUMBER(G${f}),${p.corte!.referencia}>G${f})`);
    expect(p.formulas).toHaveLength(6);
    // La plantilla dibujada se reconoce como su formato; con una fila llena, el plan (sin corte) da la misma fórmula de porcentaje.
    const h = dibujar(p);
    const fila: ValorCelda[] = ["1", "Pol", "Prog", "Obj", "Act", 1, 6, "Informe", "A / B x 100", "Mensual", "Documento", 6, null, null, 3, null, null];
    const conFila: HojaDatos = { ...h, valores: [...h.valores, fila], formulas: [...h.formulas!, fila.map(() => null)] };
    const a = analizarHoja(conFila);
    expect(a.deteccion?.formato.id).toBe("pat-organo");
    expect(a.deteccion?.filaEncabezado).toBe(p.filaEncabezado);
    const cambios = planificarLlenado(conFila, a, { modo: "formulas" }).cambios;
    expect(cambios.map((c) => c.despues)[0]).toBe(deLaFila[0].formula);
  });

  test("encabezados legibles a su ancho: ninguna palabra se parte y la fila de encabezado tiene alto para todas sus líneas", () => {
    const p = describirPlantilla(obtenerFormato("pat-transversal")!, { anio: 2025 });
    const col = (clave: string) => p.columnas.find((c) => c.clave === clave)!;
    // «PROPUESTA», «PORCENTAJE», «CUMPLIDAS» caben enteras (≈ 1.25 unidades por letra en negrita).
    expect(col("meta").ancho).toBeGreaterThanOrEqual(Math.ceil("PROPUESTA".length * 1.25));
    expect(col("porcentaje").ancho).toBeGreaterThanOrEqual(Math.ceil("PORCENTAJE".length * 1.25));
    expect(p.altoEncabezado).toBeGreaterThanOrEqual(60);
    expect(describirPlantilla(obtenerFormato("pat-organo")!).columnas.find((c) => c.clave === "alcanzado")!.ancho).toBeGreaterThanOrEqual(Math.ceil("CUMPLIDAS".length * 1.25));
  });

  test("pat-transversal: fila de etiquetas, dimensión, tendencia y fórmulas de las cuatro calculadas", () => {
    const p = describirPlantilla(obtenerFormato("pat-transversal")!, { anio: 2024, filas: 1 });
    expect(p.filaEtiquetas).toBe(p.filaEncabezado + 1);
    const col = (clave: string) => p.columnas.find((c) => c.clave === clave)!;
    expect(col("dimension").lista).toEqual(["Eficacia", "Eficiencia", "Economía", "Calidad"]);
    expect(col("tendencia").lista).toEqual(["Incremento", "Constante", "Reducción"]);
    expect(col("dimension").etiqueta).toBe("Características del Indicador");
    // META ALCANZADA (T) depende del método, que la plantilla aún no tiene: sin fórmula.
    expect(p.formulas.map((x) => x.columna)).toEqual(["U", "W", "X"]);
    expect(p.nombreHoja).toBe("PAT transversal 2024");
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

  test("avance-metas: % CUMPLIM. con fórmula (una meta por celda) y sin celda de corte; indicadores-resultados no tiene calculadas", () => {
    const am = describirPlantilla(obtenerFormato("avance-metas")!);
    expect(new Set(am.formulas.map((x) => x.columna))).toEqual(new Set(["H"]));
    expect(am.corte).toBeNull();
    const r = describirPlantilla(obtenerFormato("indicadores-resultados")!, { anio: 2024 });
    expect(r.formulas).toEqual([]);
    expect(r.condicionales).toEqual([]);
    expect(r.titulos).toContain("Del 01 de Enero al 31 de Marzo 2024");
  });
});
