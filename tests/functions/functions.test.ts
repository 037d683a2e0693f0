/**
 * functions.ts con un `CustomFunctions` falso en el global: los envoltorios pasan los
 * argumentos en el orden correcto y fabrican errores con CustomFunctions.Error.
 */
class ErrorFalso {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const global_ = globalThis as unknown as { CustomFunctions?: unknown };
global_.CustomFunctions = {
  Error: ErrorFalso,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" },
  associate: () => undefined,
};

// eslint-disable-next-line @typescript-eslint/no-require-imports -- después de definir el global
const f = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

afterAll(() => {
  delete global_.CustomFunctions;
});

describe("envoltorios de functions.ts", () => {
  test("cada función recibe rangos y devuelve una matriz", () => {
    expect(f.porcentaje([[5]], [[10]])).toEqual([[50]]);
    expect(f.razon([[1]], [[4]])).toEqual([[0.25]]);
    expect(f.tasaVariacion([[120]], [[100]])[0][0]).toBeCloseTo(20, 10);
    expect(f.cumplimiento([[5]], [[10]], null as unknown as undefined)).toEqual([[50]]);
    expect(f.porAlcanzar([[10]], [[4]])).toEqual([[6]]);
    expect(f.metaAlCorte([[12]], [["enero"]], [["diciembre"]], [[3]])).toEqual([[3]]);
    expect(f.periodos([[1]], [[12]], [["Trimestral"]])).toEqual([[4]]);
    expect(f.estatus([[6]], [[5]], [[1]], [[6]], [[6]])).toEqual([["EN PROCESO"]]);
    expect(f.semaforo([[100]], [[100]])).toEqual([["VERDE"]]);
    expect(f.numero([["1,234.50"]])).toEqual([[1234.5]]);
    expect(f.evaluarMetodo([["a / b X 100"]], [[[1]], [[4]]])).toEqual([[25]]);
    expect(f.validarMetodo([["a / b X 100"]])).toEqual([["OK"]]);
  });

  test("los opcionales omitidos llegan como null", () => {
    const nulo = null as unknown as undefined;
    expect(f.estatus([[6]], [[6]], nulo, nulo, nulo, nulo)).toEqual([["CUMPLIDA"]]);
    expect(f.semaforo([[120]], [[100]], nulo)).toEqual([["ROJO"]]);
    expect(f.porAlcanzar([[5]], [[8]], [["Reducción"]])).toEqual([[3]]);
  });

  test("los errores son CustomFunctions.Error con el código y el mensaje en español", () => {
    const d = f.porcentaje([[1]], [[0]])[0][0];
    expect(d).toBeInstanceOf(ErrorFalso);
    expect(d).toEqual(new ErrorFalso("#DIV/0!"));
    const v = f.numero([["abc"]])[0][0] as ErrorFalso;
    expect(v).toBeInstanceOf(ErrorFalso);
    expect(v.code).toBe("#VALUE!");
    expect(v.message).toMatch(/^texto: «abc» no es un número/);
    const n = f.porcentaje([[1]], [[null]])[0][0] as ErrorFalso;
    expect(n.code).toBe("#N/A");
    expect(n.message).toMatch(/Falta el denominador/);
  });

  test("METODO sin ningún valor: #N/A que nombra la variable que falta (README); sin variables, se evalúa", () => {
    for (const sinValores of [[], null] as unknown as unknown[][][][]) {
      const [[r]] = f.evaluarMetodo([["a / b"]], sinValores) as unknown as ErrorFalso[][];
      expect(r).toBeInstanceOf(ErrorFalso);
      expect(r.code).toBe("#N/A");
      expect(r.message).toMatch(/Falta el valor de «a»/);
    }
    // «1/0» no tiene variables: sus constantes se evalúan (issue 12) y dan #DIV/0!.
    const [[div]] = f.evaluarMetodo([["1/0"]], [] as unknown as unknown[][][]) as unknown as ErrorFalso[][];
    expect(div.code).toBe("#DIV/0!");
    expect(f.evaluarMetodo([["10 × 10"]], [] as unknown as unknown[][][])).toEqual([[100]]);
    // Con valores escritos pero vacíos (fila sin llenar), la celda queda vacía.
    expect(f.evaluarMetodo([["a / b"]], [[[null]], [[""]]])).toEqual([[""]]);
  });
});
