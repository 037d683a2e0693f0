/** `metodo`: MÉTODO DE CÁLCULO se puede leer como fórmula y no termina dividiendo entre 100. */
import type { ReglaFila } from "./tipos";

export const reglaMetodo: ReglaFila = {
  id: "metodo",
  codigos: ["metodo-invalido", "metodo-divide-entre-100"],
  revisar({ act, formato, lectura, col, lecturaDe, propio, emitir }) {
    const c = col("metodo");
    if (!c || !propio(c)) return;
    const l = lecturaDe(c);
    // Un método que aún es el marcador de la plantilla lo señala «marcadores».
    if (l?.estado === "ilegible" && l.razon.motivo === "metodo" && act.metodo !== null) {
      emitir("metodo-invalido", c, { texto: act.metodo });
      return;
    }
    const m = lectura.metodo;
    if (!m || !m.divideEntre100) return;
    const ast = m.ast;
    const izquierda = ast.tipo === "binario" ? m.texto.slice(ast.izquierda.inicio, ast.izquierda.fin).replace(/\s+/g, " ").trim() : "(A / B)";
    emitir("metodo-divide-entre-100", c, { correccion: `${izquierda} × 100`, nota: !!formato.porRol.alcanzado?.calculada && act.esPorcentaje });
  },
};
