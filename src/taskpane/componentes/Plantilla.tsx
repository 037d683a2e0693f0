import { Button, Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import { useTextos } from "../../localization";
import { useEstilos } from "../estilos";
import type { FormatoListado } from "../nucleo";

/** «Insertar plantilla»: elegir un formato y agregar una hoja nueva con él. */
export function Plantilla(p: { readonly formatos: ReadonlyArray<FormatoListado>; readonly ocupado: boolean; readonly alInsertar: (id: string) => void }) {
  const t = useTextos();
  const s = useEstilos();
  const [id, setId] = useState(p.formatos[0]?.id ?? "");
  return (
    <section className={s.seccion} aria-labelledby="titulo-plantilla">
      <h2 id="titulo-plantilla" className={s.h2}>{t("plantilla.titulo")}</h2>
      <Field label={t("plantilla.formato")} className={s.control}>
        <Select value={id} onChange={(_, d) => setId(d.value)} className={s.control}>
          {p.formatos.map((f) => (
            <option key={f.id} value={f.id}>{f.nombre}</option>
          ))}
        </Select>
      </Field>
      <div className={s.fila}>
        <Button onClick={() => p.alInsertar(id)} disabledFocusable={p.ocupado || !id}>{t("plantilla.boton")}</Button>
      </div>
    </section>
  );
}
