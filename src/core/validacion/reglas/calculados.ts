/**
 * `calculados`: lo escrito en una columna calculada coincide con lo calculado. Coincidir lo
 * decide `coincideNumero` / `celdaCoincide`, lo mismo que usa el plan de llenado: si esta
 * regla calla, el plan no cambia la celda.
 */
import { vacio } from "../../filas";
import { cifra } from "../../llenado/calculo";
import { celdaCoincide, coincideNumero } from "../../llenado/coincidencia";
import { citar, formatoEsPorcentaje } from "../../valores";
import { lineasDe } from "./lineas";
import type { ReglaFila } from "./tipos";


export const reglaCalculados: ReglaFila = {
  id: "calculados",
  codigos: ["calculo-discrepante", "calculado-con-texto"],
  revisar({ formato, calc, calculadasPresentes, calculadasLeidas, propio, valor, formatoNumero, emitir }) {
    for (const c of calculadasPresentes) {
      if (!propio(c)) continue;
      const crudo = valor(c);
      if (vacio(crudo)) continue;
      const esperado = calc[c.rol];
      const fmt = formatoNumero(c);
      const enPorcentaje = formatoEsPorcentaje(fmt);
      const mostrar = (x: number): string => (enPorcentaje ? `${cifra(x)}%` : cifra(x));

      if (c.porMeta && formato.variasMetasPorCelda) {
        if (!esperado?.lineas) continue;
        const ls = lineasDe(crudo);
        if (ls.length !== esperado.lineas.length) {
          emitir("calculo-discrepante", c, { forma: "lineas", escritas: ls.map((l) => citar(l)), esperadas: esperado.lineas, linea: null, explicacion: esperado });
          continue;
        }
        for (let i = 0; i < ls.length; i++) {
          if (celdaCoincide(ls[i], fmt, esperado.lineas[i])) continue;
          emitir("calculo-discrepante", c, { forma: "lineas", escritas: ls.map((l) => citar(l)), esperadas: esperado.lineas, linea: i + 1, explicacion: esperado });
          break;
        }
        continue;
      }

      const leido = calculadasLeidas[c.rol];
      if (leido === "texto") {
        if (esperado && typeof esperado.valor === "number") {
          emitir("calculo-discrepante", c, { forma: "celda", valor: citar(crudo), esperado: mostrar(esperado.valor), explicacion: esperado });
        } else emitir("calculado-con-texto", c, { valor: citar(crudo) });
        continue;
      }
      if (!leido || !esperado || typeof esperado.valor !== "number") continue;
      if (!coincideNumero(leido.valor, esperado.valor)) {
        emitir("calculo-discrepante", c, { forma: "celda", valor: leido.porcentaje ? `${cifra(leido.valor)}%` : cifra(leido.valor), esperado: mostrar(esperado.valor), explicacion: esperado });
      }
    }
  },
};
