/**
 * `marcadores`: no quedó un marcador de la plantilla («xxx», «___», «(poner…)») en una celda
 * propia de la fila. Una celda que ya tiene un error no recibe además este aviso: juzga al
 * final, cuando ya se conocen los errores de la fila.
 */
import { marcador } from "../textos";
import type { ReglaFila } from "./tipos";

export const reglaMarcadores: ReglaFila = {
  id: "marcadores",
  codigos: ["marcador-plantilla"],
  momento: "al-final",
  revisar({ presentes, propio, valor, tieneError, emitir }) {
    for (const c of presentes) {
      if (!propio(c)) continue;
      const v = valor(c);
      if (typeof v !== "string" || tieneError(c)) continue;
      const m = marcador(v);
      if (m) emitir("marcador-plantilla", c, { marcador: m });
    }
  },
};
