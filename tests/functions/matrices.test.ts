import fc from "fast-check";
import { aMatriz, difundir, elemento, FUERA_DE_RANGO, formaDe, formaResultado } from "../../src/functions/matrices";

const faltante = () => "#N/A";
const suma = (celdas: unknown[]) => celdas.reduce<number>((s, v) => s + Number(v ?? 0), 0);

describe("aMatriz", () => {
  test("escalares y opcionales omitidos son 1×1", () => {
    expect(aMatriz(5)).toEqual([[5]]);
    expect(aMatriz("texto")).toEqual([["texto"]]);
    expect(aMatriz(null)).toEqual([[null]]);
    expect(aMatriz(undefined)).toEqual([[null]]);
  });
  test("una matriz queda igual; un vector es una fila; una matriz vacía es una celda vacía", () => {
    const m = [[1, 2], [3, 4]];
    expect(aMatriz(m)).toBe(m);
    expect(aMatriz([1, 2, 3])).toEqual([[1, 2, 3]]);
    expect(aMatriz([])).toEqual([[null]]);
    expect(aMatriz([[]])).toEqual([[null]]);
  });
});

describe("formas", () => {
  test("formaDe usa la fila más larga", () => {
    expect(formaDe([[1], [2, 3], []])).toEqual({ filas: 3, columnas: 2 });
  });
  test("formaResultado es el máximo de filas y de columnas", () => {
    expect(formaResultado([{ filas: 1, columnas: 1 }, { filas: 10, columnas: 1 }, { filas: 1, columnas: 3 }])).toEqual({ filas: 10, columnas: 3 });
    expect(formaResultado([])).toEqual({ filas: 1, columnas: 1 });
  });
  test("elemento difunde filas y columnas únicas y marca lo que no existe", () => {
    const columna = [[1], [2], [3]];
    const fc3 = formaDe(columna);
    expect(elemento(columna, fc3, 2, 5)).toBe(3);
    expect(elemento(columna, fc3, 3, 0)).toBe(FUERA_DE_RANGO);
    const corta = [[1, 2], [3]];
    expect(elemento(corta, formaDe(corta), 1, 1)).toBeNull();
  });
});

describe("difundir", () => {
  test("1×1 contra una columna: el escalar se repite en cada fila", () => {
    expect(difundir([[[1], [2], [3]], [[10]]], suma, faltante)).toEqual([[11], [12], [13]]);
  });
  test("una fila contra una columna da la tabla completa", () => {
    expect(difundir([[[1, 2, 3]], [[10], [20]]], suma, faltante)).toEqual([
      [11, 12, 13],
      [21, 22, 23],
    ]);
  });
  test("rangos de tamaños distintos: los elementos sin pareja son #N/A, como en Excel", () => {
    expect(difundir([[[1], [2], [3]], [[10], [20]]], suma, faltante)).toEqual([[11], [22], ["#N/A"]]);
  });
  test("recibe las celdas en el orden de los argumentos, con los omitidos como null", () => {
    const vistos: unknown[][] = [];
    difundir([[["a"]], null, [["c"]]], (c) => vistos.push(c), faltante);
    expect(vistos).toEqual([["a", null, "c"]]);
  });
  test("propiedad: con una columna y un escalar, el resultado tiene la forma de la columna", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 200 }), fc.integer(), (col, k) => {
        const r = difundir([col.map((v) => [v]), [[k]]], suma, faltante);
        expect(r).toHaveLength(col.length);
        r.forEach((fila, i) => expect(fila).toEqual([col[i] + k]));
      }),
    );
  });
});
