/** `clave-repetida`: una CLAVE DEL PROYECTO aparece una sola vez en la hoja. */
import { normalizar } from "../../valores";
import type { ReglaFila } from "./tipos";

export const reglaClaveRepetida: ReglaFila = {
  id: "clave-repetida",
  codigos: ["clave-repetida"],
  revisar({ act, col, propio, claves, emitir }) {
    const cC = col("clave");
    if (!cC || act.clave === null || !propio(cC)) return;
    // Sin caché: cada CLAVE aparece (casi) una vez, una memoria de textos no se reusaría.
    const k = normalizar(act.clave).toUpperCase();
    const primera = claves.get(k);
    if (primera !== undefined) emitir("clave-repetida", cC, { valor: act.clave, primera });
    else claves.set(k, act.fila);
  },
};
