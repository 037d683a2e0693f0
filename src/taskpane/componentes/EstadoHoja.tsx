import type { AnalisisHoja } from "../nucleo";
import { useTextos } from "../../localization";
import { useEstilos } from "../estilos";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** Qué formato se reconoció en la hoja o, si ninguno, qué le falta para cada formato. */
export function EstadoHoja(props: { readonly hoja: string; readonly analisis: AnalisisHoja; readonly vacia: boolean; readonly propia?: string | null }) {
  const t = useTextos();
  const s = useEstilos();
  const { analisis } = props;
  if (props.vacia) {
    return (
      <MessageBar intent="info" data-estado="vacia">
        <MessageBarBody>{t("hoja.vacia", { hoja: props.hoja })}</MessageBarBody>
      </MessageBar>
    );
  }
  const d = analisis.deteccion;
  if (!d && props.propia) {
    // Una hoja que hizo el complemento (resumen, observaciones) no es un PAT al que le falte algo.
    return (
      <MessageBar intent="info" data-estado="propia">
        <MessageBarBody>{t("hoja.propia", { tipo: props.propia })}</MessageBarBody>
      </MessageBar>
    );
  }
  if (d) {
    return (
      <section aria-label={t("hoja.titulo", { hoja: props.hoja })} data-estado="reconocida">
        <p className={s.detalle}>
          <strong>{t("hoja.formato", { formato: d.formato.nombre[t.idioma] })}</strong>
        </p>
        <p className={s.detalle}>
          {t("hoja.encabezado", { fila: d.filaEncabezado })} · {t("hoja.actividades", { n: analisis.actividades.length })}
          {analisis.anio ? ` · ${t("hoja.anio", { anio: analisis.anio })}` : ""}
        </p>
      </section>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline" data-estado="no-pat">
      <MessageBarBody>
        <MessageBarTitle>{t("hoja.noPat")}</MessageBarTitle>
        <p className={s.detalle}>{t("hoja.noPatDetalle")}</p>
        <ul>
          {analisis.candidatos.map((c) => (
            <li key={c.formato.id}>
              {t("hoja.candidato", { formato: c.formato.nombre[t.idioma], coincidencias: c.coincidencias, requeridas: c.requeridas })}
              {c.faltantes.length ? `. ${t("hoja.faltan", { faltantes: c.faltantes.join(", ") })}` : ""}
            </li>
          ))}
        </ul>
        <p className={s.detalle}>{t("hoja.noPatAyuda")}</p>
      </MessageBarBody>
    </MessageBar>
  );
}
