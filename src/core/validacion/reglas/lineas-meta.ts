/** `lineas-meta`: con varias metas por celda, cada columna tiene una línea por meta. */
import { citar } from "../../valores";
import type { ReglaFila } from "./tipos";

const VARIAS_CIFRAS = /^\d+(?:\.\d+)?(?:\s+\d+(?:\.\d+)?)+$/;

export const reglaLineasMeta: ReglaFila = {
  id: "lineas-meta",
  codigos: ["lineas-meta-desiguales"],
  revisar({ lectura, valor, emitir }) {
    for (const { columna: c, lectura: l } of lectura.problemas) {
      // Una calculada con otras líneas la compara «calculados».
      if (c.calculada || l.estado !== "ilegible" || l.razon.motivo !== "lineas") continue;
      const crudo = valor(c);
      const juntas = l.razon.lineas === 1 && typeof crudo === "string" && VARIAS_CIFRAS.test(crudo.trim());
      emitir("lineas-meta-desiguales", c, { lineas: l.razon.lineas, esperadas: l.razon.esperadas, referencia: l.razon.referencia.encabezado, juntas: juntas ? citar(crudo) : null });
    }
  },
};
