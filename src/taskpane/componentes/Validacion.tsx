import { escaparControles } from "../../core/mostrar";
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, Select } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Hallazgo } from "../../core/tipos";
import { mostrarHallazgo } from "../../core/validacion/mostrar-hallazgo";
import { useTextos, type ClaveTexto } from "../../localization";
import { useEstilos } from "../estilos";
import { agruparPorFila, contarPorSeveridad, PAGINA, type Aviso, type FiltroSeveridad } from "../logica";
import { Avisos } from "./Avisos";
import { IconoSeveridad } from "./IconoSeveridad";

export interface PropsValidacion {
  readonly hallazgos: ReadonlyArray<Hallazgo> | null;
  readonly ocupado: boolean;
  readonly hayMarcas: boolean;
  /** Hoja protegida: no se puede marcar (el aviso de la hoja dice por qué). */
  readonly protegida?: boolean;
  /** La hoja cambió fuera del panel después de calcular los hallazgos. */
  readonly desactualizado?: boolean;
  /** Mensajes de esta sección (junto a sus botones). */
  readonly avisos?: ReadonlyArray<Aviso>;
  readonly alCerrarAviso?: (id: string) => void;
  readonly alValidar: () => void;
  readonly alActualizar?: () => void;
  readonly alElegir: (h: Hallazgo) => void;
  readonly alMarcar: () => void;
  readonly alQuitarMarcas: () => void;
  /** «Exportar observaciones»: una hoja nueva con los hallazgos. */
  readonly alExportar?: () => void;
  /** Solo en la vista previa: descargar las observaciones como .xlsx. */
  readonly alDescargar?: () => void;
}

/** «Validar hoja»: hallazgos por fila, cuentas, filtro por severidad; un clic lleva a la celda. */
export function Validacion(p: PropsValidacion) {
  const t = useTextos();
  const s = useEstilos();
  const [filtro, setFiltro] = useState<FiltroSeveridad>("todas");
  const [limite, setLimite] = useState(PAGINA);
  const grupos = useMemo(() => agruparPorFila(p.hallazgos ?? [], filtro), [p.hallazgos, filtro]);
  const cuentas = useMemo(() => contarPorSeveridad(p.hallazgos ?? []), [p.hallazgos]);
  const visibles = grupos.slice(0, limite);

  return (
    <section className={s.seccion} aria-labelledby="titulo-validacion">
      <h2 id="titulo-validacion" className={s.h2}>{t("validar.titulo")}</h2>
      <div className={s.fila}>
        <Button appearance="primary" onClick={p.alValidar} disabledFocusable={p.ocupado}>{t("validar.boton")}</Button>
        <Button onClick={p.alMarcar} disabledFocusable={p.ocupado || p.protegida === true || !p.hallazgos?.length}>{t("marcas.marcar")}</Button>
        <Button onClick={p.alQuitarMarcas} disabledFocusable={p.ocupado || !p.hayMarcas}>{t("marcas.quitar")}</Button>
        {p.alExportar ? <Button onClick={p.alExportar} disabledFocusable={p.ocupado || !p.hallazgos?.length}>{t("validar.exportar")}</Button> : null}
        {p.alDescargar ? <Button onClick={p.alDescargar} disabledFocusable={p.ocupado || !p.hallazgos?.length}>{t("validar.descargarObservaciones")}</Button> : null}
      </div>
      <Avisos avisos={p.avisos ?? []} alCerrar={p.alCerrarAviso} />
      {p.desactualizado && p.hallazgos ? (
        <MessageBar intent="warning" data-testid="desactualizado">
          <MessageBarBody>{t("validar.desactualizado")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={p.alActualizar ?? p.alValidar} disabledFocusable={p.ocupado}>{t("validar.actualizar")}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {p.hallazgos ? (
        <>
          <p className={s.detalle} data-testid="conteo-hallazgos">
            {t("validar.conteo", { errores: cuentas.error, advertencias: cuentas.warning, info: cuentas.info })}
          </p>
          {cuentas.error + cuentas.warning === 0 ? <p className={s.detalle}>{t("validar.sinHallazgos")}</p> : null}
          {p.hallazgos.length > 0 ? (
            <Field label={t("validar.filtro")} className={s.control}>
              <Select
                value={filtro}
                onChange={(_, d) => {
                  setFiltro(d.value as FiltroSeveridad);
                  setLimite(PAGINA);
                }}
              >
                <option value="todas">{t("validar.filtro.todas")}</option>
                <option value="error">{t("validar.filtro.error")}</option>
                <option value="warning">{t("validar.filtro.warning")}</option>
                <option value="info">{t("validar.filtro.info")}</option>
              </Select>
            </Field>
          ) : null}
          <ul className={s.lista} aria-label={t("validar.lista")}>
            {visibles.map((g) => (
              <li key={g.fila} className={s.grupo}>
                <h3 className={s.h3}>
                  <IconoSeveridad severidad={g.severidad} /> {t("validar.fila", { fila: g.fila })}
                </h3>
                <ul className={s.lista}>
                  {g.hallazgos.map((h, i) => {
                    const sev = t(`severidad.${h.severidad}` as ClaveTexto);
                    // Un mensaje cita celdas del libro: sin caracteres de control a la vista.
                    const mensaje = escaparControles(mostrarHallazgo(h, t.idioma));
                    return (
                      <li key={`${h.celda}-${h.codigo}-${i}`}>
                        <Button
                          appearance="subtle"
                          className={s.hallazgo}
                          icon={<IconoSeveridad severidad={h.severidad} />}
                          aria-label={t("validar.irA", { celda: h.celda, severidad: sev, mensaje })}
                          data-celda={h.celda}
                          data-severidad={h.severidad}
                          onClick={() => p.alElegir(h)}
                        >
                          <span>
                            <span className={s.celda}>{h.celda}</span>
                            {mensaje}
                          </span>
                        </Button>
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          {grupos.length > visibles.length ? (
            <div className={s.fila}>
              <span className={s.detalle}>{t("validar.recorte", { mostradas: visibles.length, total: grupos.length })}</span>
              <Button size="small" onClick={() => setLimite((l) => l + PAGINA)}>{t("validar.masFilas")}</Button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
