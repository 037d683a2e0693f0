/** La unidad responsable en las filas de título (formas vistas en los PAT reales). */
import { unidadEnTitulo } from "../../src/core/unidad";

test.each([
  ["UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS", "UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS"],
  ["UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS   OBJETIVOS CON TRANSVERSALIDAD", "UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS"],
  ["PROGRAMA ANUAL DE TRABAJO DE LA UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS PARA EL EJERCICIO 2024", "UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS"],
  ["DIRECCIÓN EJECUTIVA DE ORGANIZACIÓN ELECTORAL", "DIRECCIÓN EJECUTIVA DE ORGANIZACIÓN ELECTORAL"],
  ["Secretaría Ejecutiva", "Secretaría Ejecutiva"],
  ["Unidad responsable: Coordinación de Comunicación Social", "Coordinación de Comunicación Social"],
])("«%s» → «%s»", (titulo, unidad) => {
  expect(unidadEnTitulo(titulo)).toBe(unidad);
});

test.each([
  "INSTITUTO ESTATAL ELECTORAL DE BAJA CALIFORNIA SUR",
  "FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO",
  "PROGRAMA ANUAL DE TRABAJO 2024",
  "(NOMBRE DEL ÓRGANO)   OBJETIVOS CON TRANSVERSALIDAD",
  "UNIDAD DE MEDIDA",
  "Desarrollar sistemas informáticos que optimicen los procesos operativos de los órganos del Instituto.",
])("«%s» no nombra una unidad", (titulo) => {
  expect(unidadEnTitulo(titulo)).toBeNull();
});
