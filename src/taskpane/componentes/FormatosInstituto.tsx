import { Button } from "@fluentui/react-components";
import { useRef } from "react";
import type { Formato } from "../../core";
import { useTextos } from "../../localization";
import { useEstilos } from "../estilos";
import type { FormatosInstituto as Datos } from "../formatosInstituto";
import type { Aviso } from "../logica";
import { Avisos } from "./Avisos";

/** Formatos del instituto (carpeta junto al complemento) y del libro; «Importar formato». */
export function FormatosInstituto(p: {
  readonly instituto: Datos;
  readonly delLibro: ReadonlyArray<Formato>;
  readonly ocupado: boolean;
  readonly alImportar: (texto: string) => void;
  readonly avisos?: ReadonlyArray<Aviso>;
  readonly alCerrarAviso?: (id: string) => void;
}) {
  const t = useTextos();
  const s = useEstilos();
  const archivo = useRef<HTMLInputElement>(null);
  const nombres = (l: ReadonlyArray<Formato>) => l.map((f) => f.nombre[t.idioma]).join(", ");
  const problemas: Aviso[] = p.instituto.problemas.map((x, i) => ({ id: `fp${i}`, intencion: "warning", texto: t("formatos.problema", { archivo: x.archivo, detalle: x.detalle }) }));
  return (
    <section className={s.seccion} aria-labelledby="titulo-formatos" data-testid="formatos">
      <h2 id="titulo-formatos" className={s.h2}>{t("formatos.titulo")}</h2>
      {p.instituto.formatos.length > 0 ? <p className={s.detalle}>{t("formatos.instituto", { n: p.instituto.formatos.length, lista: nombres(p.instituto.formatos) })}</p> : null}
      {p.instituto.perfil ? <p className={s.detalle}>{t("formatos.semaforo", { perfil: p.instituto.perfil.id })}</p> : null}
      {p.delLibro.length > 0 ? <p className={s.detalle}>{t("formatos.libro", { lista: nombres(p.delLibro) })}</p> : null}
      <Avisos avisos={problemas} />
      <div className={s.fila}>
        <Button onClick={() => archivo.current?.click()} disabledFocusable={p.ocupado}>{t("formatos.importar")}</Button>
        <input
          ref={archivo}
          type="file"
          accept=".json,application/json"
          className={s.oculto}
          aria-label={t("formatos.importar")}
          data-testid="importar-formato"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void f.text().then(p.alImportar);
          }}
        />
      </div>
      <Avisos avisos={p.avisos ?? []} alCerrar={p.alCerrarAviso} />
    </section>
  );
}
