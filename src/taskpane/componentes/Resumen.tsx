import { Button, tokens } from "@fluentui/react-components";
import { ORDEN_ESTATUS_AVANCE as ORDEN_ESTATUS, ORDEN_SEMAFORO_AVANCE as ORDEN_SEMAFORO, type UnidadConsolidada } from "../../core/consolidado";
import { useTextos, type ClaveTexto } from "../../localization";
import { useEstilos } from "../estilos";

const COLOR_ESTATUS: Readonly<Record<string, string>> = {
  CUMPLIDA: tokens.colorPaletteGreenBackground3,
  "EN PROCESO": tokens.colorPaletteBlueBorderActive,
  PENDIENTE: tokens.colorNeutralForeground3,
  "NO CUMPLIDA": tokens.colorPaletteRedBackground3,
  CANCELADA: tokens.colorNeutralStrokeAccessible,
  REPROGRAMADA: tokens.colorPaletteDarkOrangeBackground3,
  "SIN DATOS": tokens.colorNeutralStroke1,
};
const COLOR_SEMAFORO: Readonly<Record<string, string>> = {
  VERDE: tokens.colorPaletteGreenBackground3,
  AMARILLO: tokens.colorPaletteYellowBackground3,
  ROJO: tokens.colorPaletteRedBackground3,
  "SIN DATO": tokens.colorNeutralStroke1,
};

function Barra(p: { readonly etiqueta: string; readonly valor: number; readonly maximo: number; readonly color: string; readonly texto: string; readonly accesible: string; readonly etiquetaLarga?: boolean }) {
  const s = useEstilos();
  const ancho = p.maximo > 0 ? Math.max(0, Math.min(100, (p.valor / p.maximo) * 100)) : 0;
  // Un objetivo es una frase larga: va completo en su propia línea, sobre la barra.
  return (
    <div className={p.etiquetaLarga ? s.barraFilaLarga : s.barraFila} role="img" aria-label={p.accesible}>
      <span className={p.etiquetaLarga ? s.etiquetaLarga : s.etiquetaBarra} title={p.etiqueta}>{p.etiqueta}</span>
      <div className={s.barraFondo}>
        <div className={s.barra} style={{ width: `${ancho}%`, backgroundColor: p.color }} />
      </div>
      <span>{p.texto}</span>
    </div>
  );
}

/**
 * «Resumen»: la vista de unidad de la hoja abierta (la misma de `pat consolidar`): unidad,
 * avance, cuentas por estatus y semáforo, avance por objetivo en barras, actividades fuera de
 * ruta con su justificación; «Insertar gráfico».
 */
export function Resumen(p: { readonly resumen: UnidadConsolidada; readonly mes: number; readonly ocupado: boolean; readonly alInsertarGrafico: () => void }) {
  const t = useTextos();
  const s = useEstilos();
  const r = p.resumen;
  const total = r.actividades;
  if (total === 0) return <p className={s.detalle}>{t("resumen.sinActividades")}</p>;
  const fmt = new Intl.NumberFormat(t.idioma === "en" ? "en-US" : "es-MX", { maximumFractionDigits: 1 });
  return (
    <div className={s.grupo} data-testid="resumen">
      <p className={s.detalle} data-testid="resumen-unidad"><strong>{r.unidad}</strong></p>
      <p className={s.detalle}>{t("resumen.total", { n: total, mes: t(`mes.${p.mes}` as ClaveTexto) })}</p>
      <p className={s.detalle}>{r.avance === null ? t("resumen.avanceUnidadSinMeta") : t("resumen.avanceUnidad", { avance: fmt.format(r.avance) })}</p>
      <h3 className={s.h3}>{t("resumen.porEstatus")}</h3>
      {ORDEN_ESTATUS.filter((e) => r.porEstatus[e] > 0).map((e) => {
        const etiqueta = t(`estatus.${e}` as ClaveTexto);
        return (
          <Barra key={e} etiqueta={etiqueta} valor={r.porEstatus[e]} maximo={total} color={COLOR_ESTATUS[e]} texto={String(r.porEstatus[e])}
            accesible={t("resumen.barra", { etiqueta, valor: r.porEstatus[e] })} />
        );
      })}
      <h3 className={s.h3}>{t("resumen.porSemaforo")}</h3>
      {ORDEN_SEMAFORO.filter((e) => r.porSemaforo[e] > 0).map((e) => {
        const etiqueta = t(`semaforo.${e}` as ClaveTexto);
        return (
          <Barra key={e} etiqueta={etiqueta} valor={r.porSemaforo[e]} maximo={total} color={COLOR_SEMAFORO[e]} texto={String(r.porSemaforo[e])}
            accesible={t("resumen.barra", { etiqueta, valor: r.porSemaforo[e] })} />
        );
      })}
      <h3 className={s.h3}>{t("resumen.porObjetivo")}</h3>
      {r.porObjetivo.map((o, i) => {
        const objetivo = o.objetivo ?? t("resumen.sinObjetivo");
        const avance = o.avance ?? 0;
        return (
          <Barra key={`${i}-${objetivo}`} etiquetaLarga etiqueta={objetivo} valor={avance} maximo={100} color={tokens.colorBrandBackground} texto={`${fmt.format(avance)} %`}
            accesible={t("resumen.avance", { objetivo, avance: fmt.format(avance), n: o.actividades })} />
        );
      })}
      <h3 className={s.h3}>{t("resumen.desviadas", { n: r.desviadas.length })}</h3>
      {r.desviadas.length === 0 ? <p className={s.detalle}>{t("resumen.sinDesviadas")}</p> : (
        <ul className={s.detalle} data-testid="resumen-desviadas">
          {r.desviadas.map((d) => (
            <li key={d.celda}>
              {`${d.celda} · ${d.actividad ?? ""} — ${t(`estatus.${d.estatus}` as ClaveTexto)}, ${t(`semaforo.${d.semaforo}` as ClaveTexto)}: `}
              {d.justificacion ?? <em>{t("resumen.sinJustificar")}</em>}
            </li>
          ))}
        </ul>
      )}
      <div className={s.fila}>
        <Button onClick={p.alInsertarGrafico} disabledFocusable={p.ocupado}>{t("resumen.grafico")}</Button>
      </div>
    </div>
  );
}
