/** `desviacion`: una actividad fuera de ruta al corte explica por qué en OBSERVACIONES. */
import { fueraDeRuta } from "../../avance";
import type { ReglaFila } from "./tipos";

export const reglaDesviacion: ReglaFila = {
  id: "desviacion",
  codigos: ["desviacion-sin-justificar"],
  momento: "avance",
  revisar({ act, avance, corte, col, emitir }) {
    // Solo con corte (sin él no se sabe qué se esperaba).
    const cObs = col("observaciones");
    if (!avance || corte === null || !cObs || act.observaciones !== null || !fueraDeRuta(avance)) return;
    const situacion = avance.semaforo === "ROJO" || avance.semaforo === "AMARILLO" ? avance.semaforo : "NO CUMPLIDA";
    emitir("desviacion-sin-justificar", cObs, { situacion, alcanzado: avance.alcanzado ?? 0, esperado: avance.esperado ?? act.meta ?? 0 });
  },
};
