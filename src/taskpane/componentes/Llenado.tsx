import { Button, Field, Radio, RadioGroup } from "@fluentui/react-components";
import { useState } from "react";
import { textoOmision, type FilaOmitida } from "../../core/llenado/decision";
import { escaparControles } from "../../core/mostrar";
import { direccionDelCambio, razonDelCambio } from "../../core/llenado/razon";
import type { CambioCelda } from "../../core/tipos";
import { useTextos } from "../../localization";
import { useEstilos } from "../estilos";
import { PAGINA, textoValor, type Aviso } from "../logica";
import { Avisos } from "./Avisos";

export type ModoLlenado = "valores" | "formulas";

export interface PropsLlenado {
  readonly habilitado: boolean;
  readonly motivoDeshabilitado: string | null;
  readonly modo: ModoLlenado;
  readonly cambios: ReadonlyArray<CambioCelda> | null;
  /** Filas que no se llenaron, con el motivo de cada una. */
  readonly omitidas: ReadonlyArray<FilaOmitida>;
  readonly ocupado: boolean;
  readonly hayDeshacer: boolean;
  /** Mensajes de esta sección (junto a «Aplicar» y «Deshacer llenado»). */
  readonly avisos?: ReadonlyArray<Aviso>;
  readonly alCerrarAviso?: (id: string) => void;
  readonly alCambiarModo: (m: ModoLlenado) => void;
  readonly alLlenar: () => void;
  readonly alAplicar: () => void;
  readonly alCancelar: () => void;
  readonly alDeshacer: () => void;
}

/** «Llenar cálculos» (al mes de corte de arriba): valores o fórmulas, vista previa de cada cambio y «Aplicar». */
export function Llenado(p: PropsLlenado) {
  const t = useTextos();
  const s = useEstilos();
  const [limite, setLimite] = useState(PAGINA);
  const cambios = p.cambios ?? [];
  const visibles = cambios.slice(0, limite);

  return (
    <section className={s.seccion} aria-labelledby="titulo-llenado">
      <h2 id="titulo-llenado" className={s.h2}>{t("llenar.titulo")}</h2>
      {p.motivoDeshabilitado ? <p className={s.detalle}>{p.motivoDeshabilitado}</p> : null}
      <Field label={t("llenar.modo")}>
        <RadioGroup value={p.modo} onChange={(_, d) => p.alCambiarModo(d.value as ModoLlenado)} disabled={!p.habilitado}>
          <Radio value="valores" label={t("llenar.modo.valores")} />
          <Radio value="formulas" label={t("llenar.modo.formulas")} />
        </RadioGroup>
      </Field>
      <div className={s.fila}>
        <Button appearance="primary" onClick={p.alLlenar} disabledFocusable={p.ocupado || !p.habilitado}>{t("llenar.boton")}</Button>
        <Button onClick={p.alDeshacer} disabledFocusable={p.ocupado || !p.hayDeshacer}>{t("llenar.deshacer")}</Button>
      </div>
      {!p.cambios?.length ? <Avisos avisos={p.avisos ?? []} alCerrar={p.alCerrarAviso} /> : null}
      {p.cambios && p.cambios.length > 0 ? (
        <>
          <p className={s.detalle} data-testid="resumen-cambios">
            <strong>{t("llenar.vistaPrevia", { n: cambios.length })}</strong>
            {p.omitidas.length > 0 ? ` · ${t("llenar.omitidas", { n: p.omitidas.length })}` : ""}
          </p>
          {p.omitidas.length > 0 ? (
            <ul className={s.detalle} data-testid="filas-omitidas">
              {p.omitidas.slice(0, PAGINA).map((m) => (
                <li key={m.fila}>{t("llenar.filaOmitida", { fila: m.fila, motivo: escaparControles(textoOmision(m, t.idioma)) })}</li>
              ))}
            </ul>
          ) : null}
          <div className={s.contenedorTabla} tabIndex={0} role="region" aria-label={t("llenar.tabla")}>
            <table className={s.tabla}>
              <caption>{t("llenar.tabla")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("llenar.celda")}</th>
                  <th scope="col">{t("llenar.antes")}</th>
                  <th scope="col">{t("llenar.despues")}</th>
                  <th scope="col">{t("llenar.razon")}</th>
                </tr>
              </thead>
              <tbody>
                {visibles.map((c) => {
                  const celda = direccionDelCambio(c);
                  return (
                  <tr key={celda} data-celda={celda}>
                    <th scope="row" className={s.celda}>{celda}</th>
                    <td title={c.reemplaza ? t("llenar.reemplaza") : undefined}>
                      {c.formulaAntes ? c.formulaAntes : textoValor(c.antes, t)}
                      {c.reemplaza ? (
                        <>
                          <span aria-hidden="true"> ⚠</span>
                          <span className={s.oculto}>{` ${t("llenar.reemplazaOculto")}`}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{textoValor(c.despues, t)}</td>
                    <td className={s.motivo}>{razonDelCambio(c, t.idioma)}</td>
                  </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {cambios.length > visibles.length ? (
            <div className={s.fila}>
              <span className={s.detalle}>{t("llenar.recorte", { mostrados: visibles.length, total: cambios.length })}</span>
              <Button size="small" onClick={() => setLimite((l) => l + PAGINA * 5)}>{t("llenar.masCambios")}</Button>
            </div>
          ) : null}
          <div className={s.fila}>
            <Button appearance="primary" onClick={p.alAplicar} disabledFocusable={p.ocupado || !p.habilitado}>{t("llenar.aplicar")}</Button>
            <Button onClick={p.alCancelar} disabledFocusable={p.ocupado}>{t("llenar.cancelar")}</Button>
          </div>
          <Avisos avisos={p.avisos ?? []} alCerrar={p.alCerrarAviso} />
        </>
      ) : null}
    </section>
  );
}
