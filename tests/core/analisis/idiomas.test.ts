/** Issue 8: un hallazgo en inglés no lleva español («línea N», «Columna X», «más de»). */
import { analizarHoja, type HojaDatos } from "../../../src/core";
import { avanceDefectos } from "../../fixtures/hojas/avance-metas";
import { patOrganoDefectos, ENCABEZADO_ORGANO } from "../../fixtures/hojas/pat-organo";
import { patTransversalDefectos } from "../../fixtures/hojas/pat-transversal";
import { resultadosDefectos } from "../../fixtures/hojas/indicadores-resultados";
import { FILAS_AVANCE } from "../../fixtures/hojas/avance-metas";
import { hoja } from "../../fixtures/hojas/util";
import { mostrarHallazgo } from "../../../src/core/validacion/mostrar-hallazgo";

const ESPANOL = /\blínea|\bColumna\b|\bmás de\b|\bdebe tener\b/;

const fila8 = FILAS_AVANCE[7];
const CASOS: ReadonlyArray<[string, HojaDatos]> = [
  ["pat-organo (defectos)", patOrganoDefectos],
  ["pat-transversal (defectos)", patTransversalDefectos],
  ["avance-metas (defectos)", avanceDefectos],
  ["indicadores-resultados (defectos)", resultadosDefectos],
  // Una línea de meta que no es número, un negativo en la línea 2 y un % con 8 líneas.
  ["avance-metas por líneas", hoja("a", [...FILAS_AVANCE.slice(0, 7),
    [fila8[0], fila8[1], "P\nQ", "Acción\nAcción", "18\nx", "18\n-1", "13\n1", "72.22\n0"],
    [fila8[0] + "B", fila8[1], "P", "Acción", 18, 18, 13, "1\n2\n3\n4\n5\n6\n7\n8"]])],
  // Un signo de fórmula en una columna que el formato no conoce.
  ["inyección fuera del formato", hoja("o", [ENCABEZADO_ORGANO,
    ["1", "P", "Pr", "O", "1.1 A", 1, 6, "Informe", "A / B x 100", "Mensual", "Documento", 6, null, null, 5, null, null, "=HYPERLINK(\"x\")"]])],
];

test.each(CASOS)("%s: cada mensaje en inglés está en inglés", (_nombre, h) => {
  const a = analizarHoja(h, { corte: 12 });
  expect(a.hallazgos.length).toBeGreaterThan(0);
  for (const x of a.hallazgos) expect(mostrarHallazgo(x, "en")).not.toMatch(ESPANOL);
});

test("la línea de meta se nombra en cada idioma", () => {
  const a = analizarHoja(CASOS[4][1]);
  const h = a.hallazgos.find((x) => x.codigo === "meta-no-numerica");
  expect(h && mostrarHallazgo(h, "es")).toMatch(/línea 2/);
  expect(h && mostrarHallazgo(h, "en")).toMatch(/line 2/);
});
