import { codigoExcel, errorExcel, errorInterno, errorTamanos, valorCelda } from "../../src/functions/errores";

const crear = (codigo: string, mensaje?: string) => ({ codigo, mensaje });

describe("de Resultado a celda de Excel", () => {
  test("códigos: div0 → #DIV/0!, valor → #VALUE!, na → #N/A", () => {
    expect(codigoExcel("div0")).toBe("#DIV/0!");
    expect(codigoExcel("valor")).toBe("#VALUE!");
    expect(codigoExcel("na")).toBe("#N/A");
  });

  test("#DIV/0! no lleva mensaje (Excel no lo mostraría); #VALUE! y #N/A llevan el mensaje en español", () => {
    expect(errorExcel({ tipo: "div0", mensaje: "No se puede dividir", mensajeEn: "x" }, crear)).toEqual({ codigo: "#DIV/0!", mensaje: undefined });
    expect(errorExcel({ tipo: "valor", mensaje: "«abc» no es un número", mensajeEn: "x" }, crear)).toEqual({
      codigo: "#VALUE!",
      mensaje: "«abc» no es un número",
    });
    expect(errorExcel({ tipo: "na", mensaje: "Falta la meta", mensajeEn: "x" }, crear)).toEqual({ codigo: "#N/A", mensaje: "Falta la meta" });
  });

  test("valor correcto, vacío y no finito", () => {
    expect(valorCelda({ ok: true, valor: 83.5 }, crear)).toBe(83.5);
    expect(valorCelda({ ok: true, valor: "CUMPLIDA" }, crear)).toBe("CUMPLIDA");
    expect(valorCelda({ ok: true, valor: null }, crear)).toBe("");
    expect(valorCelda({ ok: true, valor: Infinity }, crear)).toEqual({ codigo: "#VALUE!", mensaje: expect.stringContaining("no es un número finito") });
    expect(valorCelda({ ok: true, valor: NaN }, crear)).toEqual(expect.objectContaining({ codigo: "#VALUE!" }));
  });

  test("error interno y de tamaños: #VALUE! / #N/A con explicación en español", () => {
    expect(errorInterno(new TypeError("x no es función"), crear)).toEqual({
      codigo: "#VALUE!",
      mensaje: expect.stringMatching(/^Error interno de PAT \(x no es función\)/),
    });
    expect(errorInterno(undefined, crear)).toEqual(expect.objectContaining({ codigo: "#VALUE!" }));
    expect(errorTamanos(crear)).toEqual({ codigo: "#N/A", mensaje: expect.stringContaining("tamaños distintos") });
  });
});
