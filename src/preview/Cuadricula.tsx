/**
 * La cuadrícula de la vista previa: una tabla HTML con encabezados de fila y columna,
 * combinaciones, rellenos, notas y la celda seleccionada resaltada. Dibuja una ventana de
 * filas alrededor de la selección para que 10 000 filas no congelen la página.
 */
import { useEffect, useRef, type CSSProperties } from "react";
import { a1, leerRango, letra } from "../excel/direcciones";
import type { HojaMemoria, LibroMemoria } from "../excel/memoria";
import type { Posicion, ValorCelda } from "../core/tipos";
import { direccionDe } from "../core/validacion/direcciones";
import { useTextos, type Traductor } from "../localization";

export const FILAS_VISIBLES = 300;

function mostrar(v: ValorCelda, formula: string | null, formato: string | null, t: Traductor): string {
  if (v === null || v === undefined) return formula ?? "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") {
    if (formato && /%/.test(formato.replace(/"[^"]*"/g, ""))) return `${Math.round(v * 10000) / 100}%`;
    return String(Math.round(v * 100) / 100);
  }
  if (typeof v === "boolean") return v ? t("valor.verdadero") : t("valor.falso");
  return String(v);
}

/** Un relleno oscuro pide texto blanco (la hoja no guarda aquí el color de la fuente). */
function oscuro(color: string): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/**
 * El gráfico de barras que Excel dibujaría sobre la tabla de una hoja de resumen: aquí un
 * SVG simple (objetivo a la izquierda, avance en % a la derecha), para que «Insertar
 * gráfico» muestre un gráfico también en la vista previa.
 */
function GraficoBarras(props: { readonly libro: LibroMemoria; readonly hoja: HojaMemoria; readonly titulo: string; readonly rango: string }) {
  const r = leerRango(props.rango);
  const filas: Array<{ etiqueta: string; valor: number }> = [];
  for (let i = r.filaInicio + 1; i <= r.filaFin; i++) {
    const e = props.libro.celda(props.hoja, i, r.columnaInicio)?.valor;
    const v = props.libro.celda(props.hoja, i, r.columnaInicio + 1)?.valor;
    filas.push({ etiqueta: String(e ?? ""), valor: typeof v === "number" ? v : 0 });
  }
  const alto = 22;
  const max = Math.max(100, ...filas.map((f) => f.valor));
  const ancho = 640;
  const etiqueta = 260;
  return (
    <figure className="grafico" data-testid="grafico">
      <figcaption>{props.titulo}</figcaption>
      <svg width={ancho} height={filas.length * alto + 10} role="img" aria-label={props.titulo}>
        {filas.map((f, i) => {
          const w = ((ancho - etiqueta - 60) * Math.max(0, f.valor)) / max;
          return (
            <g key={i} transform={`translate(0, ${i * alto + 5})`}>
              <text x={etiqueta - 6} y={14} textAnchor="end" fontSize="11">{f.etiqueta.length > 42 ? `${f.etiqueta.slice(0, 41)}…` : f.etiqueta}<title>{f.etiqueta}</title></text>
              <rect x={etiqueta} y={2} width={w} height={alto - 6} fill="#0f6cbd" />
              <text x={etiqueta + w + 4} y={14} fontSize="11">{`${Math.round(f.valor * 10) / 10} %`}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function Cuadricula(props: { readonly libro: LibroMemoria; readonly hoja: HojaMemoria; readonly alElegir: (posicion: Posicion) => void }) {
  const t = useTextos();
  const { libro, hoja } = props;
  const { filas, columnas } = libro.dimensiones(hoja);
  const cols = Math.max(columnas, 8);
  const total = Math.max(filas, 20);
  const seleccion = libro.seleccion && libro.seleccion.hoja === hoja.nombre ? libro.seleccion.posicion : null;
  // La dirección A1 solo para buscar la celda dibujada (`data-celda`).
  const sel = seleccion ? direccionDe(seleccion) : null;
  const selFila = seleccion ? seleccion.fila - 1 : 0;
  const inicio = selFila >= FILAS_VISIBLES ? Math.max(0, selFila - Math.floor(FILAS_VISIBLES / 2)) : 0;
  const fin = Math.min(total, inicio + FILAS_VISIBLES);

  const contenedor = useRef<HTMLDivElement>(null);
  // Al elegir un hallazgo en el panel, la cuadrícula muestra su celda.
  useEffect(() => {
    if (!sel) return;
    const td = contenedor.current?.querySelector(`td[data-celda="${sel}"]`) as HTMLElement | null;
    td?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [sel, hoja.nombre]);

  const anclas = new Map<string, { filas: number; columnas: number }>();
  const cubiertas = new Set<string>();
  for (const m of hoja.combinaciones) {
    anclas.set(`${m.filaInicio}:${m.columnaInicio}`, { filas: m.filaFin - m.filaInicio + 1, columnas: m.columnaFin - m.columnaInicio + 1 });
    for (let r = m.filaInicio; r <= m.filaFin; r++)
      for (let c = m.columnaInicio; c <= m.columnaFin; c++) if (r !== m.filaInicio || c !== m.columnaInicio) cubiertas.add(`${r}:${c}`);
  }

  const filasHtml = [];
  for (let r = inicio; r < fin; r++) {
    if (hoja.filasOcultas.has(r)) continue;
    const celdas = [];
    for (let c = 0; c < cols; c++) {
      const k = `${r}:${c}`;
      if (cubiertas.has(k)) continue;
      const celda = hoja.celdas.get(k);
      const dir = a1(r, c);
      const ancla = anclas.get(k);
      const estilo: CSSProperties = {};
      if (celda?.relleno) {
        estilo.backgroundColor = celda.relleno;
        if (oscuro(celda.relleno)) estilo.color = "#FFFFFF";
      }
      if (celda?.negrita) estilo.fontWeight = 600;
      const clases = ["celda"];
      if (dir === sel) clases.push("seleccionada");
      if (celda?.nota) clases.push("con-nota");
      if (celda?.formula) clases.push("con-formula");
      celdas.push(
        <td
          key={c}
          data-celda={dir}
          className={clases.join(" ")}
          style={estilo}
          title={celda?.nota ?? celda?.formula ?? undefined}
          aria-selected={dir === sel}
          rowSpan={ancla?.filas}
          colSpan={ancla?.columnas}
          onClick={() => props.alElegir({ fila: r + 1, columna: c + 1 })}
        >
          {celda ? mostrar(celda.valor, celda.formula, celda.formatoNumero, t) : ""}
        </td>,
      );
    }
    filasHtml.push(
      <tr key={r}>
        <th scope="row" className="encabezado-fila">{r + 1}</th>
        {celdas}
      </tr>,
    );
  }

  return (
    <div className="contenedor-cuadricula" ref={contenedor}>
      {hoja.graficos.map((g, i) => (
        <GraficoBarras key={i} libro={libro} hoja={hoja} titulo={g.titulo} rango={g.rango} />
      ))}
      {total > FILAS_VISIBLES ? <p className="recorte">{t("vista.recorteFilas", { n: fin - inicio, total })}</p> : null}
      <table className="cuadricula" aria-label={t("vista.cuadricula", { hoja: hoja.nombre })} data-hoja={hoja.nombre}>
        <thead>
          <tr>
            <th className="esquina" />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} scope="col" style={hoja.anchos.has(c) ? { minWidth: `${hoja.anchos.get(c)! * 7}px` } : undefined}>{letra(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>{filasHtml}</tbody>
      </table>
    </div>
  );
}
