/**
 * `inyeccion`: ningún texto de la fila empieza como fórmula y ninguna fórmula fuera de las
 * calculadas llama a otro programa o a la red. Toda la fila, también las columnas que el
 * formato no conoce (ver `core/inyeccion.ts`).
 */
import { llamadaExterna, signoDeInyeccion } from "../../inyeccion";
import { citar, leerCantidad } from "../../valores";
import type { ReglaFila } from "./tipos";

/** «-5», «+3»: un número escrito con signo no es una fórmula. */
function esCifraEscrita(t: string): boolean {
  return leerCantidad(t).ok;
}

export const reglaInyeccion: ReglaFila = {
  id: "inyeccion",
  codigos: ["inyeccion-formula", "formula-externa"],
  revisar({ filaCruda, formulas, columnaEn, emitirEnIndice }) {
    const n = Math.max(filaCruda.length, formulas?.length ?? 0);
    for (let i = 0; i < n; i++) {
      const c = columnaEn(i);
      const formula = formulas?.[i];
      if (formula) {
        const llamada = c?.calculada ? null : llamadaExterna(formula);
        if (llamada) emitirEnIndice("formula-externa", i, { llamada, valor: citar(formula), fueraDelFormato: !c });
        continue;
      }
      const v = filaCruda[i];
      const signo = signoDeInyeccion(v, esCifraEscrita);
      if (signo) emitirEnIndice("inyeccion-formula", i, { caracter: signo.caracter, valor: citar(v), fueraDelFormato: !c });
    }
  },
};
