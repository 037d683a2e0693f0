/**
 * `calculados`: lo escrito en una columna calculada coincide con lo calculado. Coincidir lo
 * decide `coincideNumero` / `celdaCoincide`, lo mismo que usa el plan de llenado: si esta
 * regla calla, el plan no cambia la celda.
 */
import { vacio } from "../../filas";
import { cifra, cifra2, explicar } from "../../llenado/calculo";
import { celdaCoincide, coincideNumero } from "../../llenado/coincidencia";
import { citar, formatoEsPorcentaje } from "../../valores";
import { lineasDe } from "./lineas";
import type { ReglaFila } from "./tipos";

/** Líneas de una celda para un mensaje: las primeras y cuántas son (una celda puede tener 16 000). */
function unirLineas(lineas: ReadonlyArray<string>, idioma: "es" | "en" = "es"): string {
  const MAXIMO = 6;
  if (lineas.length <= MAXIMO) return lineas.join(" / ");
  return `${lineas.slice(0, MAXIMO).join(" / ")} / … (${lineas.length} ${idioma === "en" ? "lines" : "líneas"})`;
}

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
        const esperadoTexto = unirLineas(esperado.lineas.map(cifra2));
        if (ls.length !== esperado.lineas.length) {
          emitir("calculo-discrepante", c, {
            valor: unirLineas(ls.map((l) => citar(l))),
            valorEn: unirLineas(ls.map((l) => citar(l)), "en"),
            esperadoEn: unirLineas(esperado.lineas.map(cifra2), "en"),
            calculo: `debe tener ${esperado.lineas.length} línea(s): ${explicar(esperado).es}`,
            calculoEn: `it must have ${esperado.lineas.length} line(s): ${explicar(esperado).en}`,
            esperado: esperadoTexto,
          });
          continue;
        }
        for (let i = 0; i < ls.length; i++) {
          if (celdaCoincide(ls[i], fmt, esperado.lineas[i])) continue;
          const explicacion = explicar(esperado);
          const parte = explicacion.es.split("; ")[i] ?? explicacion.es;
          const parteEn = explicacion.en.split("; ")[i] ?? explicacion.en;
          emitir("calculo-discrepante", c, {
            valor: unirLineas(ls.map((l) => citar(l))),
            valorEn: unirLineas(ls.map((l) => citar(l)), "en"),
            esperadoEn: unirLineas(esperado.lineas.map(cifra2), "en"),
            calculo: `en la línea ${i + 1}, ${parte}`,
            calculoEn: `on line ${i + 1}, ${parteEn}`,
            esperado: esperadoTexto,
          });
          break;
        }
        continue;
      }

      const leido = calculadasLeidas[c.rol];
      if (leido === "texto") {
        if (esperado && typeof esperado.valor === "number") {
          emitir("calculo-discrepante", c, { valor: citar(crudo), calculo: explicar(esperado).es, calculoEn: explicar(esperado).en, esperado: mostrar(esperado.valor) });
        } else emitir("calculado-con-texto", c, { valor: citar(crudo) });
        continue;
      }
      if (!leido || !esperado || typeof esperado.valor !== "number") continue;
      if (!coincideNumero(leido.valor, esperado.valor)) {
        emitir("calculo-discrepante", c, { valor: leido.porcentaje ? `${cifra(leido.valor)}%` : cifra(leido.valor), calculo: explicar(esperado).es, calculoEn: explicar(esperado).en, esperado: mostrar(esperado.valor) });
      }
    }
  },
};
