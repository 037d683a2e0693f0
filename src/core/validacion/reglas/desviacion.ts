/** `desviacion`: una actividad fuera de ruta al corte explica por qué en OBSERVACIONES. */
import { fueraDeRuta } from "../../avance";
import { cifra } from "../../llenado/calculo";
import type { ReglaFila } from "./tipos";

export const reglaDesviacion: ReglaFila = {
  id: "desviacion",
  codigos: ["desviacion-sin-justificar"],
  despuesDelAvance: true,
  revisar({ act, avance, corte, col, emitir }) {
    // Solo con corte (sin él no se sabe qué se esperaba).
    const cObs = col("observaciones");
    if (!avance || corte === null || !cObs || act.observaciones !== null || !fueraDeRuta(avance)) return;
    const situacion = avance.semaforo === "ROJO" || avance.semaforo === "AMARILLO"
      ? { es: `va en ${avance.semaforo}`, en: `is ${avance.semaforo === "ROJO" ? "RED" : "YELLOW"}` }
      : { es: "quedó NO CUMPLIDA", en: "ended NOT MET" };
    emitir("desviacion-sin-justificar", cObs, {
      situacion: situacion.es, situacionEn: situacion.en,
      alcanzado: cifra(avance.alcanzado ?? 0), esperado: cifra(avance.esperado ?? act.meta ?? 0),
    });
  },
};
