import { analizarHoja, planificarLlenado } from "../../../src/core";
import { ENCABEZADO_ORGANO } from "../../fixtures/hojas/pat-organo";
test("r", () => {
  const valores: any[][] = [ENCABEZADO_ORGANO, [0,0,0,null,null,0,0,0,null,"Mensual",0,0.000003235617416579393,"Mensual",null,9,0,0]];
  const h = { nombre: "p", valores };
  const p = planificarLlenado(h, analizarHoja(h), {});
  console.log(JSON.stringify(p.cambios.map((c) => [c.celda, c.antes, c.despues])));
  for (const c of p.cambios) valores[c.fila - 1][c.columna.charCodeAt(0) - 65] = c.despues;
  const p2 = planificarLlenado(h, analizarHoja(h), {});
  console.log(JSON.stringify(p2.cambios.map((c) => [c.celda, c.antes, c.despues, c.razon.es])));
});
