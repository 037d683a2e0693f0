/** `meta`: la meta es una cifra mayor que 0 (en varias metas por celda, cada línea). */
import { citar } from "../../valores";
import type { ReglaFila } from "./tipos";

export const reglaMeta: ReglaFila = {
  id: "meta",
  codigos: ["meta-no-numerica", "meta-no-positiva"],
  revisar({ formato, col, lecturaDe, propio, valor, emitir }) {
    const c = col("meta");
    const l = c && lecturaDe(c);
    if (!c || !l) return;
    if (l.estado === "ilegible" && l.razon.motivo === "numero" && !c.calculada) {
      const linea = l.razon.linea;
      // Una celda de varias líneas se juzga aunque venga de una combinación (como su fila).
      if (linea) emitir("meta-no-numerica", c, { valor: citar(linea.valor), linea: linea.numero, ejemplo: "12.00" });
      else if (propio(c)) emitir("meta-no-numerica", c, { valor: citar(valor(c)), linea: null, ejemplo: formato.metaEsValorIndicador ? "100%" : "6" });
    } else if (l.estado === "fuera-de-rango" && l.razon.motivo === "meta-no-positiva") {
      const linea = l.razon.linea;
      if (linea) emitir("meta-no-positiva", c, { valor: l.razon.valor, linea: linea.de > 1 ? linea.numero : null, ejemplo: "12.00" });
      else if (propio(c)) emitir("meta-no-positiva", c, { valor: l.razon.valor, linea: null, ejemplo: formato.metaEsValorIndicador ? "100%" : "6" });
    }
  },
};
