/**
 * La página del informe consolidado (`pat consolidar --html`): un solo archivo, sin nada
 * externo, que se abre en un navegador y se imprime a PDF. Las mismas tablas que el libro
 * (`informe-tablas.ts`) y los gráficos de estatus y semáforo por unidad dibujados en SVG por
 * el renderizador de servidor de ECharts (sin navegador ni DOM).
 */
import * as echarts from "echarts";
import { ORDEN_ESTATUS_AVANCE, ORDEN_SEMAFORO_AVANCE } from "../core";
import type { Consolidado } from "./consolidar";
import { COLOR_ESTATUS, COLOR_SEMAFORO, NOMBRE_ESTATUS, NOMBRE_SEMAFORO, tablaArchivos, tablaDesviaciones, tablaResumen, type Celda, type Tabla } from "./informe-tablas";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function celda(v: Celda): string {
  if (v === null) return `<td class="vacia">—</td>`;
  if (typeof v === "number") return `<td class="num">${esc(Number.isInteger(v) ? String(v) : v.toFixed(2))}</td>`;
  return `<td>${esc(v)}</td>`;
}

function tablaHtml(t: Tabla, id: string): string {
  const cuerpo = t.filas.length
    ? t.filas.map((f) => `<tr>${f.map(celda).join("")}</tr>`).join("\n")
    : `<tr><td colspan="${t.encabezados.length}" class="vacia">Ninguna.</td></tr>`;
  const total = t.total ? `<tfoot><tr>${t.total.map(celda).join("")}</tr></tfoot>` : "";
  return `<section id="${id}"><h2>${esc(t.titulo)}</h2><table><thead><tr>${t.encabezados.map((e) => `<th>${esc(e)}</th>`).join("")}</tr></thead><tbody>\n${cuerpo}\n</tbody>${total}</table></section>`;
}

/** Un gráfico de barras apiladas horizontales en SVG (ECharts, render de servidor). */
function graficoSvg(titulo: string, categorias: ReadonlyArray<string>, series: ReadonlyArray<{ nombre: string; valores: ReadonlyArray<number>; color: string }>): string {
  const alto = Math.max(240, 110 + categorias.length * 28);
  const grafico = echarts.init(null, null, { renderer: "svg", ssr: true, width: 900, height: alto });
  try {
    grafico.setOption({
      animation: false,
      title: { text: titulo, left: "center", textStyle: { fontSize: 15 } },
      legend: { bottom: 0 },
      grid: { left: 10, right: 20, top: 40, bottom: 40, containLabel: true },
      xAxis: { type: "value", minInterval: 1, name: "Actividades", nameLocation: "middle", nameGap: 24 },
      yAxis: { type: "category", inverse: true, data: categorias.map((c) => (c.length > 45 ? `${c.slice(0, 44)}…` : c)) },
      // «-» (sin dato) en vez de 0: no se dibuja una barra vacía (la mitad del trabajo con 200 unidades).
      series: series.map((s) => ({ name: s.nombre, type: "bar", stack: "total", data: s.valores.map((v) => (v === 0 ? "-" : v)), itemStyle: { color: `#${s.color}` } })),
    });
    return grafico.renderToSVGString();
  } finally {
    grafico.dispose();
  }
}

const ESTILO = `
body { font-family: "Segoe UI", Arial, sans-serif; color: #1b1b1b; margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 24px 0 8px; }
p.sub { color: #555; margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { border: 1px solid #c8c8c8; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #d9e1f2; } td.num { text-align: right; } td.vacia { color: #888; }
tfoot td { font-weight: bold; background: #f2f2f2; }
.grafico svg { max-width: 100%; height: auto; }
@media print { body { margin: 10mm; } section, .grafico { break-inside: avoid; } th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

/** El HTML completo del informe. */
export function paginaInforme(c: Consolidado): string {
  const categorias = c.unidades.map((u) => u.unidad);
  const graficos = c.unidades.length === 0 ? "" : [
    graficoSvg("Estatus de las actividades por área", categorias, ORDEN_ESTATUS_AVANCE.map((e) => ({ nombre: NOMBRE_ESTATUS[e], valores: c.unidades.map((u) => u.porEstatus[e]), color: COLOR_ESTATUS[e] }))),
    graficoSvg("Semáforo al corte por área", categorias, ORDEN_SEMAFORO_AVANCE.map((s) => ({ nombre: NOMBRE_SEMAFORO[s], valores: c.unidades.map((u) => u.porSemaforo[s]), color: COLOR_SEMAFORO[s] }))),
  ].map((svg, i) => `<div class="grafico" id="grafico-${i === 0 ? "estatus" : "semaforo"}">${svg}</div>`).join("\n");
  const avance = c.total.avance === null ? "—" : `${c.total.avance.toFixed(2)} %`;
  return `<!DOCTYPE html>
<html lang="es">
<head><meta charset="utf-8"><title>Informe consolidado del PAT</title><style>${ESTILO}</style></head>
<body>
<h1>Informe consolidado del Programa Anual de Trabajo</h1>
<p class="sub">${c.corte ? `Corte: mes ${c.corte}` : "Sin mes de corte"} · ${c.unidades.length} unidad(es) · ${c.total.actividades} actividades · avance del instituto ${esc(avance)}</p>
${graficos}
${tablaHtml(tablaResumen(c), "resumen")}
${tablaHtml(tablaDesviaciones(c), "desviaciones")}
${tablaHtml(tablaArchivos(c), "archivos")}
</body>
</html>
`;
}
