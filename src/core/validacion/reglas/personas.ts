/** `personas`: PERSONA = MUJER + HOMBRE. */
import type { ReglaFila } from "./tipos";

export const reglaPersonas: ReglaFila = {
  id: "personas",
  codigos: ["personas-no-suman"],
  revisar({ act, col, emitir }) {
    const cP = col("persona");
    if (cP && act.persona !== null && act.mujer !== null && act.hombre !== null && Math.abs(act.mujer + act.hombre - act.persona) > 1e-9) {
      emitir("personas-no-suman", cP, { persona: act.persona, mujer: act.mujer, hombre: act.hombre });
    }
  },
};
