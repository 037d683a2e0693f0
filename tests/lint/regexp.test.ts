/**
 * eslint-plugin-regexp en la configuración del proyecto: un patrón de retroceso superlineal
 * es un error de lint (issue 12: `/[\s.,;:!]+$/` sobre 32 000 puntos costaba 0.7 s por celda).
 */
import { lintear } from "./eslint-aparte";

describe("lint: expresiones regulares sin retroceso superlineal", () => {
  test("los patrones cuadráticos fallan; sus versiones lineales pasan", () => {
    const casos = [
      // Se prueba en cada posición de inicio: cuadrático con «....x».
      { archivo: "src/core/prueba.ts", texto: 'export const quitar = (t: string): string => t.replace(/[\\s.,;:!]+$/, "");\n' },
      // Dos «\\s*» que intercambian caracteres: «1» + espacios + «x».
      { archivo: "src/core/prueba.ts", texto: "export const numerico = /^\\s*\\d+\\s*%?\\s*$/;\n" },
      { archivo: "scripts/prueba.js", texto: 'module.exports = (t) => t.replace(/\\s*[\\r\\n]+\\s*/g, " ");\n' },
      // Lineales: anclado sin cuantificadores que se solapen.
      { archivo: "src/core/prueba.ts", texto: "export const numerico = /^\\$?\\d+(?:[.,]\\d+)?%?$/;\n" },
    ];
    const r = lintear(casos);
    const reglas = r.map((mensajes) => [...new Set(mensajes.filter((m) => m.severity === 2).map((m) => m.ruleId))]);
    expect(reglas[0]).toContain("regexp/no-super-linear-move");
    expect(reglas[1]).toContain("regexp/no-super-linear-backtracking");
    expect(reglas[2].some((x) => x === "regexp/no-super-linear-move" || x === "regexp/no-super-linear-backtracking")).toBe(true);
    expect(reglas[3]).toEqual([]);
  }, 60_000);
});
