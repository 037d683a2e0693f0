/** `pat formatos`: los formatos conocidos y sus columnas. */
import { listarFormatos } from "../core";
import { escaparControles as e } from "../core/mostrar";
import { colores } from "./reporte";

type FormatoCore = ReturnType<typeof listarFormatos>[number];

/** `propios`: ids de los formatos cargados con `--formatos` o `PAT_FORMATOS`. */
export function formatosJson(formatos: ReadonlyArray<FormatoCore> = listarFormatos(), propios: ReadonlySet<string> = new Set()) {
  return formatos.map((f) => ({
    id: f.id,
    name: f.nombre.es,
    nameEn: f.nombre.en,
    custom: propios.has(f.id),
    columns: f.columnas.map((c) => ({
      key: c.clave,
      header: c.encabezado,
      role: c.rol,
      type: c.tipo,
      required: !!c.requerida,
      /** La celda no puede quedar vacía en una actividad (`required` solo pide el encabezado). */
      notEmpty: !!c.obligatoria,
      computed: !!c.calculada,
      variants: [...(c.variantes ?? [])],
    })),
  }));
}

export function reporteFormatos(formatos: ReadonlyArray<FormatoCore>, color: boolean, propios: ReadonlySet<string> = new Set()): string {
  const c = colores(color);
  const l: string[] = [];
  for (const f of formatos) {
    l.push(`${c.bold(e(f.id))}: ${e(f.nombre.es)} (${f.columnas.length} columnas${propios.has(f.id) ? ", formato propio" : ""})`);
    f.columnas.forEach((col, i) => {
      // Dos cosas distintas: el encabezado debe existir para reconocer el formato, y la celda
      // de cada actividad no puede quedar vacía.
      const marcas = [
        col.requerida ? "encabezado requerido" : null,
        col.obligatoria ? "celda no puede quedar vacía" : null,
        col.calculada ? c.cyan("calculada") : null,
      ].filter(Boolean).join(", ");
      l.push(`  ${String(i + 1).padStart(2)}. ${e(col.encabezado)}${marcas ? ` ${c.dim(`(${marcas})`)}` : ""}`);
    });
    l.push("");
  }
  l.push(`Use «pat plantilla nuevo.xlsx --formato <id>» para crear una plantilla en blanco.`);
  return l.join("\n") + "\n";
}
