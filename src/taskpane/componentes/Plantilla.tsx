import { Button, Field, Input, Select } from "@fluentui/react-components";
import { useTextos } from "../../localization";
import { useEstilos } from "../estilos";
import type { Aviso } from "../logica";
import type { FormatoListado } from "../nucleo";
import { Avisos } from "./Avisos";

export interface PropsPlantilla {
  readonly formatos: ReadonlyArray<FormatoListado>;
  readonly ocupado: boolean;
  /** Formato y año elegidos: los guarda el panel (no se pierden al agregar la hoja). */
  readonly id: string;
  readonly anio: number;
  readonly alCambiarId: (id: string) => void;
  readonly alCambiarAnio: (anio: number) => void;
  readonly alInsertar: () => void;
  readonly avisos?: ReadonlyArray<Aviso>;
  readonly alCerrarAviso?: (id: string) => void;
}

/** «Insertar plantilla»: elegir un formato y un año, y agregar una hoja nueva con ellos. */
export function Plantilla(p: PropsPlantilla) {
  const t = useTextos();
  const s = useEstilos();
  return (
    <section className={s.seccion} aria-labelledby="titulo-plantilla">
      <h2 id="titulo-plantilla" className={s.h2}>{t("plantilla.titulo")}</h2>
      <Field label={t("plantilla.formato")} className={s.control}>
        <Select value={p.id} onChange={(_, d) => p.alCambiarId(d.value)} className={s.control} data-testid="plantilla-formato">
          {p.formatos.map((f) => (
            <option key={f.id} value={f.id}>{f.nombre}</option>
          ))}
        </Select>
      </Field>
      <Field label={t("plantilla.anio")} className={s.control}>
        <Input
          type="number"
          min={2000}
          max={2100}
          value={String(p.anio)}
          data-testid="plantilla-anio"
          onChange={(_, d) => {
            const n = Number(d.value);
            if (Number.isInteger(n) && n >= 2000 && n <= 2100) p.alCambiarAnio(n);
          }}
        />
      </Field>
      <div className={s.fila}>
        <Button onClick={p.alInsertar} disabledFocusable={p.ocupado || !p.id}>{t("plantilla.boton")}</Button>
      </div>
      <Avisos avisos={p.avisos ?? []} alCerrar={p.alCerrarAviso} />
    </section>
  );
}
