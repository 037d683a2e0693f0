/**
 * `alcanzado`: lo alcanzado, los valores de cálculo, presupuestos y personas son cifras no
 * negativas (en varias metas por celda, cada línea de MODIFICADO y ALCANZADO).
 */
import { citar } from "../../valores";
import type { ReglaFila } from "./tipos";

export const reglaAlcanzado: ReglaFila = {
  id: "alcanzado",
  codigos: ["valor-no-numerico", "valor-negativo"],
  revisar({ lectura, col, propio, valor, emitir }) {
    const cMeta = col("meta");
    for (const { columna: c, lectura: l } of lectura.problemas) {
      if (c === cMeta || c.calculada) continue;
      if (l.estado === "ilegible" && l.razon.motivo === "numero") {
        const linea = l.razon.linea;
        if (linea) emitir("valor-no-numerico", c, { valor: citar(linea.valor), rol: c.rol, linea: linea.numero });
        else if (propio(c)) emitir("valor-no-numerico", c, { valor: citar(valor(c)), rol: c.rol, linea: null });
      } else if (l.estado === "fuera-de-rango" && l.razon.motivo === "negativo") {
        const linea = l.razon.linea;
        if (linea) emitir("valor-negativo", c, { valor: l.razon.valor, linea: linea.de > 1 ? linea.numero : null });
        else if (propio(c)) emitir("valor-negativo", c, { valor: l.razon.valor, linea: null });
      }
    }
  },
};
