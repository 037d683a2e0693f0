/** `requeridas`: una columna que toda actividad debe llenar no está vacía. */
import type { ReglaFila } from "./tipos";

export const reglaRequeridas: ReglaFila = {
  id: "requeridas",
  codigos: ["celda-requerida-vacia"],
  revisar({ lectura, emitir }) {
    for (const c of lectura.obligatoriasVacias) emitir("celda-requerida-vacia", c, { rol: c.rol });
  },
};
