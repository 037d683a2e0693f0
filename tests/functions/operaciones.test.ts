/**
 * Cada función PAT a través de `ejecutar` (lo mismo que hace functions.ts), con un
 * fabricante de errores simple en lugar de CustomFunctions.Error.
 */
import { ejecutar } from "../../src/functions/ejecutar";
import * as op from "../../src/functions/operaciones";

const crear = (codigo: string, mensaje?: string) => ({ codigo, mensaje });
type Op = op.Operacion;

/** Llama con argumentos escalares (cada uno 1×1) y devuelve la única celda. */
function uno(o: Op, ...args: unknown[]): unknown {
  const r = ejecutar(o, args.map((a) => [[a]]), crear);
  expect(r).toHaveLength(1);
  expect(r[0]).toHaveLength(1);
  return r[0][0];
}
const col = (...v: unknown[]) => v.map((x) => [x]);
const div0 = { codigo: "#DIV/0!", mensaje: undefined };
const valor = (texto: string | RegExp) => ({ codigo: "#VALUE!", mensaje: typeof texto === "string" ? expect.stringContaining(texto) : expect.stringMatching(texto) });
const na = (texto: string | RegExp) => ({ codigo: "#N/A", mensaje: typeof texto === "string" ? expect.stringContaining(texto) : expect.stringMatching(texto) });

describe("PAT.PORCENTAJE", () => {
  test("n / d × 100, también con números escritos como texto", () => {
    expect(uno(op.PORCENTAJE, 5, 6)).toBeCloseTo(83.3333, 3);
    expect(uno(op.PORCENTAJE, "1,234.50", "2 469")).toBeCloseTo(50, 10);
    expect(uno(op.PORCENTAJE, "$ 1,200", "2\u00a0400")).toBeCloseTo(50, 10);
    expect(uno(op.PORCENTAJE, "25%", 100)).toBeCloseTo(25, 10);
  });
  test("ambos vacíos → celda vacía; uno vacío → #N/A con mensaje", () => {
    expect(uno(op.PORCENTAJE, null, null)).toBe("");
    expect(uno(op.PORCENTAJE, "", "  ")).toBe("");
    expect(uno(op.PORCENTAJE, 5, null)).toEqual(na("Falta el denominador"));
    expect(uno(op.PORCENTAJE, null, 5)).toEqual(na("Falta el numerador"));
  });
  test("denominador 0 → #DIV/0! sin mensaje; texto → #VALUE! que nombra el argumento", () => {
    expect(uno(op.PORCENTAJE, 5, 0)).toEqual(div0);
    expect(uno(op.PORCENTAJE, 5, "0")).toEqual(div0);
    expect(uno(op.PORCENTAJE, 5, "abc")).toEqual(valor(/^denominador: «abc» no es un número/));
    expect(uno(op.PORCENTAJE, "xxx", 5)).toEqual(valor(/^numerador: «xxx» no es un número/));
    expect(uno(op.PORCENTAJE, true, 5)).toEqual(valor("numerador:"));
  });
  test("una columna contra una celda fija: un resultado por fila, con errores por elemento", () => {
    const r = ejecutar(op.PORCENTAJE, [col(1, "2", "x", null, 0), [[4]]], crear);
    expect(r).toHaveLength(5);
    expect(r[0][0]).toBeCloseTo(25);
    expect(r[1][0]).toBeCloseTo(50);
    expect(r[2][0]).toEqual(valor("numerador"));
    expect(r[3][0]).toEqual(na("Falta el numerador"));
    expect(r[4][0]).toBe(0);
  });
  test("dos columnas: filas sin llenar quedan vacías; tamaños distintos → #N/A", () => {
    expect(ejecutar(op.PORCENTAJE, [col(1, null, 3), col(2, null, 0)], crear)).toEqual([[50], [""], [div0]]);
    expect(ejecutar(op.PORCENTAJE, [col(1, 2, 3), col(4, 4)], crear)).toEqual([[25], [50], [na("tamaños distintos")]]);
  });
});

describe("PAT.RAZON y PAT.TASA_VARIACION", () => {
  test("razón n / d", () => {
    expect(uno(op.RAZON, 1, 4)).toBe(0.25);
    expect(uno(op.RAZON, "3", "1,000")).toBe(0.003);
    expect(uno(op.RAZON, 1, 0)).toEqual(div0);
    expect(uno(op.RAZON, null, null)).toBe("");
  });
  test("tasa (actual / anterior − 1) × 100", () => {
    expect(uno(op.TASA_VARIACION, 110, 100)).toBeCloseTo(10, 10);
    expect(uno(op.TASA_VARIACION, "90", "100")).toBeCloseTo(-10, 10);
    expect(uno(op.TASA_VARIACION, 5, 0)).toEqual(div0);
    expect(uno(op.TASA_VARIACION, "mucho", 1)).toEqual(valor(/^actual: /));
    expect(uno(op.TASA_VARIACION, null, null)).toBe("");
  });
});

describe("PAT.CUMPLIMIENTO", () => {
  test("ascendente por omisión; descendente con «Reducción»", () => {
    expect(uno(op.CUMPLIMIENTO, 5, 6)).toBeCloseTo(83.33, 2);
    expect(uno(op.CUMPLIMIENTO, 5, 6, null)).toBeCloseTo(83.33, 2);
    expect(uno(op.CUMPLIMIENTO, 5, 6, "Reducción")).toBeCloseTo(120, 10);
    expect(uno(op.CUMPLIMIENTO, 0, 6, "DESCENDENTE")).toBe(100);
    expect(uno(op.CUMPLIMIENTO, "6", "6", "Incremento")).toBe(100);
  });
  test("vacíos, meta 0 y sentido inválido", () => {
    expect(uno(op.CUMPLIMIENTO, null, null, "Reducción")).toBe("");
    expect(uno(op.CUMPLIMIENTO, 5, 0)).toEqual(div0);
    expect(uno(op.CUMPLIMIENTO, 5, null)).toEqual(na("Falta la meta"));
    expect(uno(op.CUMPLIMIENTO, 5, 6, "de lado")).toEqual(valor(/^sentido: «de lado» no es un sentido/));
  });
  test("columna de alcanzados, columna de metas, sentido fijo", () => {
    const r = ejecutar(op.CUMPLIMIENTO, [col(5, 6, "x"), col(10, 6, 4), [["ascendente"]]], crear);
    expect(r).toEqual([[50], [100], [valor("alcanzado:")]]);
  });
});

describe("PAT.POR_ALCANZAR", () => {
  test("nunca negativo, en ambos sentidos", () => {
    expect(uno(op.POR_ALCANZAR, 6, 5)).toBe(1);
    expect(uno(op.POR_ALCANZAR, 6, 8)).toBe(0);
    expect(uno(op.POR_ALCANZAR, "6", "")).toBe(6);
    expect(uno(op.POR_ALCANZAR, 5, 8, "Reducción")).toBe(3);
    expect(uno(op.POR_ALCANZAR, 5, 2, "Reducción")).toBe(0);
  });
  test("vacíos y errores", () => {
    expect(uno(op.POR_ALCANZAR, null, null)).toBe("");
    expect(uno(op.POR_ALCANZAR, null, 3)).toEqual(na("Falta la meta"));
    expect(uno(op.POR_ALCANZAR, "seis", 3)).toEqual(valor(/^meta: «seis»/));
  });
});

describe("PAT.META_AL_CORTE", () => {
  test("avance lineal con meses en número o en palabras", () => {
    expect(uno(op.META_AL_CORTE, 12, 1, 12, 6)).toBe(6);
    expect(uno(op.META_AL_CORTE, 12, "enero", "Diciembre", "jun")).toBe(6);
    expect(uno(op.META_AL_CORTE, "6", "1", "6", "3")).toBe(3);
    expect(uno(op.META_AL_CORTE, 12, 1, 6, 9)).toBe(12);
    expect(uno(op.META_AL_CORTE, 2, 8, 12, 6)).toBe(0);
  });
  test("fila sin meta ni meses → vacía aunque el corte esté escrito; errores de meses", () => {
    expect(uno(op.META_AL_CORTE, null, null, null, 6)).toBe("");
    expect(uno(op.META_AL_CORTE, null, 1, 12, 6)).toBe("");
    expect(uno(op.META_AL_CORTE, 12, "trece", 12, 6)).toEqual(valor(/^mes_inicial: «trece» no es un mes/));
    expect(uno(op.META_AL_CORTE, 12, 10, 3, 6)).toEqual(valor("posterior al mes final"));
    expect(uno(op.META_AL_CORTE, 12, 1, 12, null)).toEqual(na("Falta"));
  });
  test("columna de metas y meses con un corte fijo", () => {
    const r = ejecutar(op.META_AL_CORTE, [col(12, 6, null), col(1, "julio", null), col(12, 12, null), [[6]]], crear);
    expect(r).toEqual([[6], [0], [""]]);
  });
});

describe("PAT.PERIODOS", () => {
  test("frecuencias del catálogo o número de meses", () => {
    expect(uno(op.PERIODOS, 1, 6, "Mensual")).toBe(6);
    expect(uno(op.PERIODOS, 1, 12, "BIMESTRAL")).toBe(6);
    expect(uno(op.PERIODOS, "enero", "dic", "trimestral")).toBe(4);
    expect(uno(op.PERIODOS, 1, 12, 3)).toBe(4);
    expect(uno(op.PERIODOS, 1, 12, "Anual")).toBe(1);
  });
  test("vacíos y erratas con sugerencia", () => {
    expect(uno(op.PERIODOS, null, null, null)).toBe("");
    expect(uno(op.PERIODOS, 1, 12, "Trimestal")).toEqual(valor("¿Quiso decir «Trimestral»?"));
    expect(uno(op.PERIODOS, 1, 12, null)).toEqual(na("Falta"));
    expect(uno(op.PERIODOS, 7, 3, "Mensual")).toEqual(valor("posterior al mes final"));
  });
});

describe("PAT.ESTATUS", () => {
  test("los ejemplos de la spec al corte 6", () => {
    expect(uno(op.ESTATUS, 6, 5, 1, 6, 6)).toBe("EN PROCESO");
    expect(uno(op.ESTATUS, 3, 2, 1, 3, 6)).toBe("NO CUMPLIDA");
    expect(uno(op.ESTATUS, 2, 0, 8, 12, 6)).toBe("PENDIENTE");
  });
  test("cumplida, sin meses, con meses en palabras y sentido descendente", () => {
    expect(uno(op.ESTATUS, 6, 6)).toBe("CUMPLIDA");
    expect(uno(op.ESTATUS, "6", "7")).toBe("CUMPLIDA");
    expect(uno(op.ESTATUS, 6, null)).toBe("PENDIENTE");
    expect(uno(op.ESTATUS, 3, 1, "enero", "marzo", "junio")).toBe("NO CUMPLIDA");
    expect(uno(op.ESTATUS, 10, 8, null, null, null, "Reducción")).toBe("CUMPLIDA");
  });
  test("vacíos y errores", () => {
    expect(uno(op.ESTATUS, null, null, 1, 12, 6)).toBe("");
    expect(uno(op.ESTATUS, null, 3)).toEqual(na("Falta la meta"));
    expect(uno(op.ESTATUS, 0, 3)).toEqual(valor("mayor que 0"));
    expect(uno(op.ESTATUS, 6, 3, 1, 6, "junioo")).toEqual(valor(/^mes_corte: «junioo» no es un mes/));
  });
  test("columnas con corte fijo (difusión de una celda)", () => {
    const r = ejecutar(op.ESTATUS, [col(6, 3, 2, null), col(5, 2, 0, null), col(1, 1, 8, null), col(6, 3, 12, null), [[6]]], crear);
    expect(r).toEqual([["EN PROCESO"], ["NO CUMPLIDA"], ["PENDIENTE"], [""]]);
  });
});

describe("PAT.SEMAFORO", () => {
  test("bandas del perfil simétrico y del ascendente", () => {
    expect(uno(op.SEMAFORO, 100, 100)).toBe("VERDE");
    expect(uno(op.SEMAFORO, 90, 100)).toBe("AMARILLO");
    expect(uno(op.SEMAFORO, 110, 100)).toBe("AMARILLO");
    expect(uno(op.SEMAFORO, 120, 100)).toBe("ROJO");
    expect(uno(op.SEMAFORO, 120, 100, "ascendente")).toBe("VERDE");
    expect(uno(op.SEMAFORO, "50", "100", "Simétrico")).toBe("ROJO");
  });
  test("SIN DATO, vacíos y perfil desconocido", () => {
    expect(uno(op.SEMAFORO, 5, 0)).toBe("SIN DATO");
    expect(uno(op.SEMAFORO, null, 5)).toBe("SIN DATO");
    expect(uno(op.SEMAFORO, null, null)).toBe("");
    expect(uno(op.SEMAFORO, 1, 1, "raro")).toEqual(valor(/^perfil: «raro» no es un perfil/));
  });
});

describe("PAT.NUMERO", () => {
  test("el número que se quiso escribir", () => {
    expect(uno(op.NUMERO, "2 275 339.62")).toBe(2275339.62);
    expect(uno(op.NUMERO, "2\u202f275\u202f339.62")).toBe(2275339.62);
    expect(uno(op.NUMERO, "1,234.50")).toBe(1234.5);
    expect(uno(op.NUMERO, "$ 1,200")).toBe(1200);
    expect(uno(op.NUMERO, "$0")).toBe(0);
    expect(uno(op.NUMERO, "25%")).toBe(25);
    expect(uno(op.NUMERO, 7)).toBe(7);
  });
  test("vacío y texto que no es número", () => {
    expect(uno(op.NUMERO, null)).toBe("");
    expect(uno(op.NUMERO, "   ")).toBe("");
    expect(uno(op.NUMERO, "abc")).toEqual(valor(/^texto: «abc» no es un número\. Escriba solo la cifra/));
  });
  test("una columna", () => {
    expect(ejecutar(op.NUMERO, [col("1,000", "", "x", 5)], crear)).toEqual([[1000], [""], [valor("texto:")], [5]]);
  });
});

describe("PAT.METODO", () => {
  const metodo = "Documento realizado / Documento presentado X 100";
  test("evalúa el texto con los valores en orden de aparición", () => {
    expect(ejecutar(op.METODO, [[[metodo]], [[5]], [[10]]], crear)).toEqual([[50]]);
    expect(ejecutar(op.METODO, [[[metodo]], [["5"]], [["1,000"]]], crear)).toEqual([[0.5]]);
    expect(ejecutar(op.METODO, [[["(A - B) / B * 100"]], [[110]], [[100]]], crear)[0][0]).toBeCloseTo(10, 10);
  });
  test("sin valores todavía → vacío; sin método → #N/A; valor que no es número → #VALUE!", () => {
    expect(ejecutar(op.METODO, [[[metodo]], [[null]], [[""]]], crear)).toEqual([[""]]);
    expect(ejecutar(op.METODO, [[[null]], [[null]], [[null]]], crear)).toEqual([[""]]);
    expect(ejecutar(op.METODO, [[[null]], [[5]], [[10]]], crear)).toEqual([[na("Falta el método de cálculo")]]);
    expect(ejecutar(op.METODO, [[[metodo]], [["Número de documentos"]], [[10]]], crear)).toEqual([[valor(/^valor1: «Número de documentos»/)]]);
    expect(ejecutar(op.METODO, [[[metodo]], [[5]], [[null]]], crear)).toEqual([[na("Falta el valor de «Documento presentado»")]]);
  });
  test("división entre cero y método que no se entiende (con la posición)", () => {
    expect(ejecutar(op.METODO, [[["a / b"]], [[5]], [[0]]], crear)).toEqual([[div0]]);
    expect(ejecutar(op.METODO, [[["a / / b"]], [[5]], [[1]]], crear)).toEqual([[valor("posición 5")]]);
    expect(ejecutar(op.METODO, [[["xxx"]], [[5]], [[1]]], crear)).toEqual([[valor("plantilla")]]);
  });
  test("un método fijo contra columnas de valores, con errores por fila", () => {
    const r = ejecutar(op.METODO, [[[metodo]], col(1, 2, null, "x"), col(4, 0, null, 1)], crear);
    expect(r).toEqual([[25], [div0], [""], [valor("valor1:")]]);
  });
  test("una columna de métodos distintos (se analizan una vez cada uno)", () => {
    const r = ejecutar(op.METODO, [col("a / b", "a / b X 100", "a + b"), col(1, 1, 1), col(4, 4, 4)], crear);
    expect(r).toEqual([[0.25], [25], [5]]);
  });
});

describe("PAT.VALIDAR_METODO", () => {
  test("OK, el problema en español, o vacío", () => {
    expect(uno(op.VALIDAR_METODO, "Documento realizado / Documento presentado X 100")).toBe("OK");
    expect(uno(op.VALIDAR_METODO, "(a / b)/100")).toMatch(/divide entre 100/);
    expect(uno(op.VALIDAR_METODO, "a / / b")).toMatch(/^No se entiende el método en la posición 5/);
    expect(uno(op.VALIDAR_METODO, null)).toBe("");
    expect(ejecutar(op.VALIDAR_METODO, [col("a / b", "", "a +")], crear)).toEqual([["OK"], [""], [expect.stringMatching(/^No se entiende/)]]);
  });
});

describe("robustez", () => {
  test("una excepción dentro de una operación se vuelve #VALUE! en esa celda, no escapa", () => {
    const rota: op.Operacion = {
      nombre: "ROTA",
      datos: [0],
      calcular: ([v]) => {
        if (v === 2) throw new Error("¡pum!");
        return { ok: true, valor: Number(v) };
      },
    };
    expect(ejecutar(rota, [col(1, 2, 3)], crear)).toEqual([[1], [valor("Error interno de PAT (¡pum!)")], [3]]);
  });
  test("aunque el fabricante de errores falle, se devuelve algo", () => {
    const explota = () => {
      throw new Error("sin CustomFunctions");
    };
    expect(ejecutar(op.PORCENTAJE, [[[1]], [[0]]], explota)).toEqual([["#VALUE!"]]);
  });
  test("filaSinDatos considera los argumentos repetidos de METODO", () => {
    expect(op.filaSinDatos(op.METODO, ["a / b", null, "", "  "])).toBe(true);
    expect(op.filaSinDatos(op.METODO, ["a / b", null, 0])).toBe(false);
    expect(op.filaSinDatos(op.META_AL_CORTE, [null, null, null, 6])).toBe(true);
  });
});
