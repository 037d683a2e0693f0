/**
 * Dibuja en una hoja nueva de exceljs la descripción de plantilla del núcleo
 * (`describirPlantilla`): títulos, encabezado y etiquetas, anchos, listas desplegables,
 * formatos de número, la celda del mes de corte, fórmulas nativas de las columnas calculadas
 * y formato condicional del estatus.
 * Sin dependencias de Node (sirve también a la vista previa en el navegador).
 */
import type ExcelJS from "exceljs";
import type { Plantilla } from "../core/plantilla";

const ENCABEZADO_FONDO = "FF7F1F4B";
const BORDE: Partial<ExcelJS.Borders> = {
  top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" },
};

function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return h.length === 6 ? `FF${h}` : h;
}

/** Lista para una validación de datos: «"a,b,c"» (Excel admite hasta 255 caracteres). */
function formulaLista(valores: ReadonlyArray<string>): string | null {
  const texto = valores.map((v) => v.replace(/"/g, "")).join(",");
  return texto.length <= 253 ? `"${texto}"` : null;
}

/** Dibuja la plantilla en una hoja nueva del libro y la devuelve. */
export function renderizarPlantilla(libro: ExcelJS.Workbook, p: Plantilla): ExcelJS.Worksheet {
  const ultimaFilaFija = p.filaEtiquetas ?? p.filaEncabezado;
  const ws = libro.addWorksheet(p.nombreHoja, {
    views: [{ state: "frozen", ySplit: ultimaFilaFija, xSplit: 0 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const n = p.columnas.length;

  p.columnas.forEach((c) => {
    ws.getColumn(c.indice + 1).width = c.ancho;
  });

  p.titulos.forEach((t, i) => {
    const fila = i + 1;
    const celda = ws.getCell(fila, 1);
    celda.value = t;
    celda.font = { bold: true, size: i === 0 ? 12 : 11 };
    celda.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    if (n > 1) ws.mergeCells(fila, 1, fila, n);
  });

  if (p.corte) {
    const k = p.corte;
    ws.mergeCells(k.combinacionEtiqueta);
    const etiqueta = ws.getCell(k.celdaEtiqueta);
    etiqueta.value = k.etiqueta;
    etiqueta.font = { bold: true };
    etiqueta.alignment = { horizontal: "right", vertical: "middle" };
    const valor = ws.getCell(k.celda);
    valor.border = BORDE;
    valor.numFmt = "0";
    valor.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    valor.alignment = { horizontal: "center", vertical: "middle" };
    valor.dataValidation = {
      type: "whole", operator: "between", allowBlank: true, formulae: [1, 12], showErrorMessage: true,
      errorStyle: "stop", errorTitle: k.etiqueta, error: "Escriba un número de mes del 1 al 12.",
    };
    const ayuda = ws.getCell(k.celdaAyuda);
    ayuda.value = k.ayuda;
    ayuda.font = { italic: true, color: { argb: "FF595959" } };
  }

  const enc = ws.getRow(p.filaEncabezado);
  enc.height = p.altoEncabezado;
  for (const c of p.columnas) {
    const celda = enc.getCell(c.indice + 1);
    celda.value = c.encabezado;
    celda.font = { bold: true, color: { argb: "FFFFFFFF" } };
    celda.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.calculada ? "FF4B1F7F" : ENCABEZADO_FONDO } };
    celda.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    celda.border = BORDE;
    if (c.calculada) {
      celda.note = p.formulas.some((f) => f.columna === c.letra)
        ? "Columna calculada: cada fila tiene una fórmula de Excel que se recalcula sola (también sin el complemento)."
        : "Columna calculada: escriba el método y los valores de cálculo y use «Llenar» (valores o fórmulas).";
    }
  }
  if (p.filaEtiquetas !== null) {
    const et = ws.getRow(p.filaEtiquetas);
    for (const c of p.columnas) {
      const celda = et.getCell(c.indice + 1);
      if (c.etiqueta) celda.value = c.etiqueta;
      celda.font = { italic: true };
      celda.alignment = { horizontal: "center" };
      celda.border = BORDE;
    }
  }

  // Formato, borde y lista desplegable de cada columna en las filas de captura.
  for (const c of p.columnas) {
    const letra = c.letra;
    const rango = `${letra}${p.primeraFilaDatos}:${letra}${p.ultimaFilaDatos}`;
    for (let f = p.primeraFilaDatos; f <= p.ultimaFilaDatos; f++) {
      const celda = ws.getCell(f, c.indice + 1);
      celda.border = BORDE;
      celda.alignment = { vertical: "top", wrapText: true };
      if (c.formatoNumero) celda.numFmt = c.formatoNumero;
    }
    if (c.lista && c.lista.length) {
      const formula = formulaLista(c.lista);
      if (formula) {
        (ws as unknown as { dataValidations: { add(rango: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(rango, {
          type: "list",
          allowBlank: true,
          formulae: [formula],
          showErrorMessage: true,
          errorStyle: "warning",
          errorTitle: c.encabezado.slice(0, 32),
          error: `Escriba uno de: ${c.lista.join(", ")}`.slice(0, 255),
        });
      }
    }
  }

  for (const f of p.formulas) {
    const texto = f.formula.startsWith("=") ? f.formula.slice(1) : f.formula;
    ws.getCell(f.celda).value = { formula: texto } as ExcelJS.CellFormulaValue;
  }

  // Formato condicional: una regla por valor, agrupadas por rango.
  const porRango = new Map<string, ExcelJS.ConditionalFormattingRule[]>();
  let prioridad = 1;
  for (const r of p.condicionales) {
    const reglas = porRango.get(r.rango) ?? [];
    reglas.push({
      type: "cellIs",
      operator: "equal",
      formulae: [`"${r.texto.replace(/"/g, '""')}"`],
      priority: prioridad++,
      style: {
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(r.colorFondo) } },
        font: { color: { argb: argb(r.colorTexto) } },
      },
    } as ExcelJS.ConditionalFormattingRule);
    porRango.set(r.rango, reglas);
  }
  for (const [ref, rules] of porRango) ws.addConditionalFormatting({ ref, rules });
  return ws;
}
