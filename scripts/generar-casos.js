#!/usr/bin/env node
/**
 * Genera los casos dorados (tests/cases/<caso>/libro.xlsx + esperado.json) y los libros
 * de muestra (samples/) a partir de las semillas (IEEBCS 2024, Durango, Chiapas).
 *
 *   node scripts/generar-casos.js                      # escribe libros y esperado.json
 *   node scripts/generar-casos.js --comprobar          # solo comprueba que lo escrito no cambió
 *   node scripts/generar-casos.js --revisar-mensajes   # muestra los mensajes de dist/cli/pat.js
 *                                                      # que difieren de esperado.json
 *   node scripts/generar-casos.js --revisar-mensajes --aceptar   # …y los copia (tras leerlos)
 *
 * Determinista: fechas fijas en el libro y en el ZIP. No usa NADA de src/: lo esperado
 * (hoja, formato, fila de encabezado, filas de datos y cada hallazgo: celda, código,
 * severidad) está escrito a mano aquí, en la lista de defectos de cada caso, y es lo que
 * esperaría un responsable de planeación según la especificación. El texto de los mensajes
 * es del núcleo: se conserva el de la revisión anterior de esperado.json; un hallazgo
 * nuevo queda «POR REVISAR» hasta que `--revisar-mensajes --aceptar` copie el texto de la
 * orden construida, SOLO para hallazgos con la misma celda y código (nunca añade ni quita
 * hallazgos). Cada texto aceptado se lee antes: ¿dice qué está mal y qué escribir?
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ExcelJS = require("exceljs");
const JSZip = require("jszip");

const RAIZ = path.resolve(__dirname, "..");
const CASOS = path.join(RAIZ, "tests", "cases");
const MUESTRAS = path.join(RAIZ, "samples");
const FECHA = new Date(Date.UTC(2024, 6, 22, 12, 0, 0));

// ------------------------------------------------------------------ utilidades

function letra(c1) {
  let n = c1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
function numCol(l) {
  let c = 0;
  for (const ch of l) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c;
}

function nuevoLibro() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "PAT Indicadores (casos de prueba)";
  wb.lastModifiedBy = "generar-casos.js";
  wb.created = FECHA;
  wb.modified = FECHA;
  return wb;
}

/** Re-empaqueta el ZIP con fechas fijas para que el archivo sea idéntico en cada corrida. */
async function bytesDeterministas(wb) {
  const buf = await wb.xlsx.writeBuffer();
  const zin = await JSZip.loadAsync(buf);
  const zout = new JSZip();
  const nombres = Object.keys(zin.files).sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : 0));
  for (const n of nombres) {
    const f = zin.files[n];
    if (f.dir) continue;
    zout.file(n, await f.async("uint8array"), { date: FECHA, createFolders: false });
  }
  return zout.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}

const NEGRITA = { bold: true };
const BORDE = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
const RELLENO_ENC = { type: "pattern", pattern: "solid", fgColor: { argb: "FF7F1F4B" } };

function titulo(ws, fila, texto, ultimaCol) {
  ws.getCell(fila, 1).value = texto;
  ws.getCell(fila, 1).font = NEGRITA;
  ws.getCell(fila, 1).alignment = { horizontal: "center", wrapText: true };
  ws.mergeCells(fila, 1, fila, ultimaCol);
}

function encabezado(ws, fila, textos) {
  textos.forEach((t, i) => {
    if (t === null || t === undefined) return;
    const c = ws.getCell(fila, i + 1);
    c.value = t;
    c.font = { bold: true, color: { argb: "FFFFFFFF" } };
    c.fill = RELLENO_ENC;
    c.border = BORDE;
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
}

/** Escribe una fila de datos; `null`/`undefined` deja la celda vacía. */
function filaDatos(ws, fila, valores, formatos = {}) {
  valores.forEach((v, i) => {
    const c = ws.getCell(fila, i + 1);
    if (v !== null && v !== undefined && v !== "") c.value = v;
    c.border = BORDE;
    c.alignment = { vertical: "top", wrapText: true };
    const f = formatos[letra(i + 1)];
    if (f) c.numFmt = f;
  });
}

// ------------------------------------------------------------------ IEEBCS: pat-organo

const ORG_ENCABEZADO = [
  "NÚMERO", "POLÍTICAS GENERALES", "NOMBRE DEL PROGRAMA", "OBJETIVO ESPECÍFICO", "ACTIVIDAD", "MES INICIAL", "MES FINAL",
  "INDICADOR", "MÉTODO DE CÁLCULO", "FRECUENCIA DE MEDICIÓN", "UNIDAD DE MEDIDA", "META", "PRESUPUESTO", "OBSERVACIONES",
  "UNIDADES CUMPLIDAS AL MOMENTO", "PORCENTAJE CUMPLIDO (%)", "ESTATUS",
];
const ORG_ANCHOS = [9.5, 26, 26, 36, 44, 9.5, 9.5, 24, 30, 14, 12, 8, 14, 36, 13, 13, 14];
const POLITICA = "Fomento del uso de la tecnología en los procesos de trabajo";
const PROGRAMA = "Implementación de tecnologías de información";
const IND = "Informe de avance de desarrollo";
const MET = "Documento realizado/ Documento presentado X 100";
const OBS_MENSUAL = "La remisión de los informes será de manera mensual posterior a la conclusión de mes en curso. Por ejemplo, el informe de abril 2024 se turnará en el mes de mayo, y así sucesivamente.";
const OBS_POST = "Se estarán reportando trabajos en periodos posteriores.";

/**
 * Las actividades de la hoja «por órgano» del PAT 2024 de la UCSI, tal como en la semilla
 * (incluidas sus rarezas: «5.1» dentro del objetivo, la fila suelta «9» repetida, el
 * objetivo 7 sin fila de sección). `cumplidas` es el avance al corte de junio (2.º trimestre).
 */
const ORG_FILAS = [
  { seccion: "1" },
  { id: "1.1", num: "1", obj: "Implementar la versión 2 del Programa de Resultados Electorales Preliminares (PREP).", act: "1.1 Implementar la versión 2 del Programa de Resultados Electorales Preliminares.", ini: 1, fin: 6, frec: "Mensual", meta: 6, obs: OBS_MENSUAL, cumplidas: 5, estatus: "EN PROCESO" },
  { seccion: "2" },
  { id: "2.1", num: "2", obj: "Implementar la versión 4 del Sistema de Cómputos Distritales y Municipales (SISCOM).", act: "2.1 Implementar la versión 4 del Sistema de Cómputos Distritales y Municipales (SISCOM).", ini: 1, fin: 6, frec: "Mensual", meta: 6, obs: OBS_MENSUAL, cumplidas: 6, estatus: "CUMPLIDA" },
  { seccion: "3" },
  { id: "3.1", num: "3", obj: "Implementar el Sistema \"Candidatas y Candidatos, Conóceles\"", act: "3.1 Implementar el Sistema \"Candidatas y Candidatos, Conóceles\"", ini: 1, fin: 6, frec: "Mensual", meta: 6, cumplidas: 5, estatus: "EN PROCESO" },
  { seccion: "4" },
  { id: "4.1", num: "4", obj: "Implementar el Sistema de Registro de Candidaturas (SRC)", act: "4.1 Implementar el Sistema de Registro de Candidaturas", ini: 1, fin: 3, frec: "Mensual", meta: 3, cumplidas: 3, estatus: "CUMPLIDA" },
  { seccion: "5" },
  { id: "5.1", num: "5", obj: "5.1 Desarrollar el Sistema Integral de Asistencia Electoral (SIRAE).", act: "5.1 Implementar el Sistema Integral de Asistencia Electoral (SIRAE).", ini: 3, fin: 4, frec: "Mensual", meta: 2, obs: OBS_POST, cumplidas: 2, estatus: "CUMPLIDA" },
  { seccion: "6" },
  { id: "6.1", num: "6", obj: "Implementar ajustes menores al Sistema de Declaración Patrimonial (SIDEPA) y el Sistema de Control de Inventarios (SCO).", act: "6.1 Desarrollar e implementar ajustes menores en el Sistema de Declaración Patrimonial (SIDEPA)", ini: 4, fin: 5, frec: "Mensual", meta: 2, obs: OBS_POST, cumplidas: 2, estatus: "CUMPLIDA", combinarAbajo: 1 },
  { id: "6.2", continuacion: true, act: "6.2 Desarrollar e implementar ajustes menores en el Sistema de Control de Inventarios (SCO)", ini: 4, fin: 4, frec: "Mensual", meta: 1, obs: OBS_POST, cumplidas: 1, estatus: "CUMPLIDA" },
  { id: "7.1", num: "7", obj: "Realizar la puesta en marcha del Mini Sitio de la Unidad Técnica de Igualdad de Género y No Discriminación (UTIGND).", act: "7.1 Realizar la puesta en marcha del Mini Sitio de la UTIGND.", ini: 7, fin: 7, frec: "Mensual", meta: 1, obs: OBS_POST, cumplidas: 0, estatus: "PENDIENTE" },
  { seccion: "8" },
  { id: "8.1", num: "8", obj: "Desarrollar o actualizar sistemas informáticos de la RedIEE.", act: "8.1 Desarrollar o actualizar sistemas informáticos de la RedIEE.", ini: 1, fin: 12, frec: "Bimestral", meta: 6, cumplidas: 3, estatus: "EN PROCESO" },
  { seccion: "9" },
  { id: "9.1", num: "9", obj: "Brindar soporte y asesorías técnicas al personal operativo del Instituto y de órganos desconcentrados.", act: "9.1 Recibir y solucionar los requerimientos de soporte y asesorías técnicas relativas a los equipos de cómputo, software, conectividad de red local e internet, entre otros, en el transcurso de todo el año.", ini: 1, fin: 12, frec: "Bimestral", meta: 6, cumplidas: 3, estatus: "EN PROCESO" },
  { seccion: "9" },
  { id: "10.1", num: "10", obj: "Elaborar anteproyecto de sistemas informáticos de innovación tecnológica", act: "10.1 Elaborar anteproyecto de características y funcionalidades de sistemas informáticos que tengan como objetivo la innovación tecnológica institucional.", ini: 8, fin: 12, frec: "Bimestral", meta: 2, cumplidas: 0, estatus: "PENDIENTE" },
];

const ORG_FMT = { F: "0", G: "0", L: "0", M: "$#,##0.00", O: "0", P: "0.00" };

/**
 * Construye la hoja «por órgano». `cambios` (id → campos) planta defectos; `extra` añade
 * filas al final. Devuelve el mapa id → fila (base 1).
 */
function hojaOrgano(wb, nombre, { cambios = {}, extra = [], porcentajeConFormula = true } = {}) {
  const ws = wb.addWorksheet(nombre, { views: [{ state: "frozen", ySplit: 7 }], pageSetup: { orientation: "landscape" } });
  ORG_ANCHOS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const n = ORG_ENCABEZADO.length;
  titulo(ws, 1, "INSTITUTO ESTATAL ELECTORAL DE BAJA CALIFORNIA SUR", n);
  titulo(ws, 2, "FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO", n);
  titulo(ws, 3, "PROGRAMA ANUAL DE TRABAJO 2024", n);
  titulo(ws, 4, "UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS", n);
  titulo(ws, 5, "Desarrollar sistemas informáticos que optimicen los procesos operativos de los órganos del Instituto, incluyendo sistemas a implementarse en el Proceso Local Electoral 2023-2024 y sistemas de carácter ordinario.", n);
  titulo(ws, 6, "Implementar estrategias de soporte y asesorías técnicas tanto a oficinas centrales como a los órganos desconcentrados del Instituto.", n);
  encabezado(ws, 7, ORG_ENCABEZADO);
  ws.getRow(7).height = 42;
  const filas = {};
  let r = 8;
  for (const base of [...ORG_FILAS, ...extra]) {
    if (base.seccion) {
      ws.getCell(r, 1).value = base.seccion;
      ws.getCell(r, 1).font = NEGRITA;
      ws.mergeCells(r, 1, r, n);
      r++;
      continue;
    }
    const a = { ...base, ...(cambios[base.id] || {}) };
    filas[a.id] = r;
    const cont = !!a.continuacion;
    const pct = a.porcentaje !== undefined
      ? a.porcentaje
      : porcentajeConFormula && typeof a.cumplidas === "number" && typeof a.meta === "number"
        ? { formula: `O${r}/L${r}*100`, result: (a.cumplidas / a.meta) * 100 }
        : typeof a.cumplidas === "number" && typeof a.meta === "number"
          ? Math.round((a.cumplidas / a.meta) * 10000) / 100
          : null;
    filaDatos(ws, r, [
      cont ? null : a.num, cont ? null : POLITICA, cont ? null : PROGRAMA, cont ? null : a.obj,
      a.act, a.ini, a.fin, a.ind === undefined ? IND : a.ind, a.met === undefined ? MET : a.met, a.frec,
      a.unidad === undefined ? "Documento" : a.unidad, a.meta, a.presupuesto, a.obs, a.cumplidas, pct, a.estatus,
    ], ORG_FMT);
    if (a.combinarAbajo) for (let c = 1; c <= 4; c++) ws.mergeCells(r, c, r + a.combinarAbajo, c);
    r++;
  }
  return filas;
}

// ------------------------------------------------------------------ IEEBCS: pat-transversal

const TRV_ENCABEZADO = [
  "NÚMERO", "PROGRAMA", "POLÍTICAS", "OBJETIVO ESPECÍFICO", "LÍNEA DE ACCIÓN", "MES INICIAL", "MES FINAL",
  "DIMENSIÓN DEL INDICADOR (Eficacia, Eficiencia, Economía, Calidad)", "INDICADOR (Porcentaje, Índice, Razón)", "MÉTODO DE CÁLCULO",
  "FRECUENCIA DE MEDICIÓN", "UNIDAD DE MEDIDA", "LÍNEA BASE (Valor inicial del Indicador)", "META PROPUESTA (Logros del Indicador)",
  "TENDENCIA (Incremento, Reducción, Constante)", "PRESUPUESTO 2023 PROYECTADO", "OBSERVACIONES", "VALOR DE CÁLCULO 1", "VALOR DE CÁLCULO 2",
  "META ALCANZADA (Límites a la fecha)", "META PROPUESTA vs (1) META ALCANZADA (= Meta por alcanzar)", "METAS ALCANZADAS VERIFICABLES en",
  "PORCENTAJE DE LA META CUMPLIDO (%)", "ESTATUS DE la actividad",
];
const TRV_ETIQUETAS = { A: "Características del Indicador", K: "Dato", P: "Dato", R: "Fórmula", T: "Fórmula", V: "Tabla" };
const TRV_ANCHOS = [8, 30, 30, 34, 40, 8, 8, 12, 28, 36, 12, 12, 34, 10, 12, 12, 28, 26, 26, 24, 16, 18, 12, 12];
const B11 = "Fortalecimiento del régimen democrático electoral. Vinculación con la sociedad civil. Gestión de calidad. Modernización e innovación institucional. Cero tolerancia a la violencia. Capacitación y profesionalización del personal.";
const C11 = "Cultura cívica y participación ciudadana para la sociedad sudcaliforniana. Coordinación Institucional. Vinculación con la sociedad. Transparencia, acceso a la información y protección de datos personales.";
const B12 = "Fortalecimiento del régimen democrático electoral. Vinculación con la sociedad civil. Gestión de calidad. Modernización e innovación institucional. Cero tolerancia a la violencia así como Capacitación y profesionalización del personal.";
const VC12 = "Valor de cálculo 1 / Valor de cálculo 2";
const MAMP = "meta alcanzada / meta propuesta";

/**
 * Filas de la hoja transversal de la semilla, columnas A..X. Donde la extracción del PDF
 * perdió una celda vacía (11.2, 12.2, 13–17) los valores se alinean con su columna real
 * (los textos de instrucción de VALOR DE CÁLCULO 1 y 2 en R y S, la fórmula escrita en T,
 * «meta alcanzada / meta propuesta» en U, «0%» en W, el estatus en X).
 */
function filasTransversal() {
  const f = (o) => o;
  return [
    f({ id: "11.1", A: "11", B: B11, C: C11, D: "Integrar la información de las actividades evaluadas del Proceso Local Electoral 2023-2024 de la Unidad en cumplimiento a la Metodología para realizar el diagnóstico integral de los procesos electorales locales.", E: "Remitir a la DEOE la información de las actividades evaluadas del Proceso Local Electoral 2023-2024 de la Dirección/Unidad en cumplimiento a la Metodología para realizar el diagnóstico integral de los procesos electorales locales.", F: 9, G: 12, H: "Eficacia", I: "Porcentaje de solicitudes de información de la DEOE atendidas.", J: "(Solicitudes de información atendidas / Solicitudes de información turnadas por la DEOE) x 100", K: "bimestral", L: 1, M: "Sin referencia", N: 1, O: "Constante", P: "$0", Q: "Fecha en que atende la remisión de la información en cumplimiento al cronograma de actividades", S: "Fecha en la que se solicita la remisión de la información", T: 0, U: 1, V: "Informe Bimestral DEOE", W: 0, X: "PENDIENTE", combinarAbajo: 1 }),
    f({ id: "11.2", E: "Remitir los formatos actualizados en atención a las observaciones que realice la DEOE.", F: 10, G: 12, H: "Eficacia", I: "Porcentaje observaciones realizadas por la DEOE atendidas.", J: "(Observaciones atendidas / Observaciones solicitadas por la DEOE) x 100", K: "bimestral", L: 1, M: "Sin referencia", N: 1, O: "Reducción", R: "Estrategia Matriz de factores de riesgo presentada", S: "Estrategia de Matriz de factores de riesgo elaborada", T: 0, U: 1, V: "Informe Bimestral DEOE", W: 0, X: "PENDIENTE" }),
    f({ id: "12.1", A: "12", B: B12, C: C11, D: "Coadyuvar con la DEOE en la elaboración de la Memoria del PLE 2023-2024.", E: "Capturar los contenidos para la Memoria del PLE 2023-2024 en la Recopilación de Información (FR)", F: 10, G: 12, H: "Eficacia", I: "Porcentaje de formatos FRI solicitados por la DEOE capturados.", J: "(Formatos FRI capturados / Formatos FRI solicitados por la DEOE) x 100", K: "bimestral", L: "%", M: 1, N: 0, O: "Constante", T: 0, U: 0, V: "Informe Bimestral DEOE", W: 0, X: "PENDIENTE", combinarAbajo: 1 }),
    f({ id: "12.2", E: "Remitir el formato FRI actualizado en atención a las observaciones que realice la DEOE.", F: 10, G: 12, H: "Eficacia", I: "Porcentaje de formatos FRI actualizados en atención a las solicitudes realizadas por la DEOE.", J: "(Formatos FRI actualizados / Formatos FRI solicitados para actualizar por la DEOE) x 100", K: "bimestral", L: "%", M: 1, N: 0, O: "Reducción", T: 0, U: 0, V: "Informe Bimestral DEOE", W: 0 }),
    f({ id: "13.1", A: "13", B: "Gestión administrativa.", C: "Gestión de Calidad.", D: "Proporcionar de manera clara y específica la atención y respuesta a las solicitudes de información pública turnadas por la DTASISPE.", E: "Responder dentro de los plazos establecidos las solicitudes de información en materia de transparencia y acceso a la información relativa a la xxx.", F: 1, G: 12, H: "Eficacia", I: "Solicitudes de información atendidas en los plazos establecidos.", J: "(Solicitudes atendidas y respondidas en el plazo de 10 días/Solicitudes turnadas por la DTASISPE)/100", K: "Bimestral", L: "Solicitudes", M: "De ___ solicitudes turnadas por la DTASISPE en 2023, se atendieron xx solicitudes dentro del plazo de 10 días, lo que representó el 100%", N: "100%", O: "Incremento", R: "Solicitudes atendidas y respondidas en el plazo de 10 días", S: "Solicitudes turnadas por la DTASISPE", T: "Solicitudes atendidas y respondidas en el plazo de 10 días/Solicitudes turnadas por la DTASISPE", U: MAMP, V: 0, W: "0%", X: "PENDIENTE", combinarAbajo: 1 }),
    f({ id: "13.2", E: "Clasificar, en su caso, la información solicitada que contenga datos personales, confidenciales o reservados para ser sometida ante el Comité de Transparencia del Instituto.", F: 1, G: 12, H: "Eficacia", I: "Solicitudes de clasificación de información remitidas a la DTASISPE", J: "(Solicitudes de clasificación de información sometidas a la DTASISPE/ Solicitudes realizadas al área que incluyen documentos por los que se debe solicitar la clasificación)/100", K: "Bimestral", L: "Solicitudes", M: "De ___ solicitudes de clasificación de información realizadas al área en 2023 que incluyeron documentos por los que se debe solicitar la clasificación, se remitieron ___ cantidad de solicitudes de clasificación de información a la DTASISPE, lo que representó el 100%", N: "100%", O: "Incremento", R: "Solicitudes de información sometidas a la DTASISPE", S: "Solicitudes realizadas al área que incluyen documentos por los que se debe solicitar la clasificación", T: "Solicitudes de clasificación de información sometidas a la DTASISPE/ Solicitudes realizadas al área que incluyen documentos por los que se debe solicitar la clasificación", U: MAMP, V: 0, W: "0%", X: "PENDIENTE" }),
    f({ id: "14.1", A: "14", B: "Gestión de los recursos humanos. Gestión administrativa. Mejora de las condiciones y oportunidades.", C: "Gestión de Calidad. Igualdad e Inclusión. Fomento de una Cultura organizacional enfocada a las personas.", D: "Proporcionar información actualizada en la Plataforma Nacional de Transparencia y en el portal institucional, relativo de la Unidad.", E: "Generar la información pública respecto a la Unidad, en los formatos y formatos establecidos para la Plataforma Nacional de Transparencia y que será publicada en el mismo sitio web de transparencia del Instituto.", F: 1, G: 12, H: "Eficacia", I: "Formatos de información pública compilados.", J: "(Número de formatos elaborados en versión pública / número de formatos compilados)*100", K: "Trimestral", L: "Formatos", M: "De ___ formatos que se compilaron durante el ejercicio 2023, se elaboraron ___ versiones públicas, lo que representó el 100%", N: "100%", O: "Incremento", R: "Número de formatos elaborados en versión pública", S: "Número de formatos compilados", T: "Número de formatos elaborados en versión pública / número de formatos compilados", U: MAMP, V: 0, W: "0%", X: "PENDIENTE", combinarAbajo: 1 }),
    f({ id: "14.2", E: "Actualizar periódicamente en la Plataforma Nacional de Transparencia y en el mismo sitio web de transparencia del Instituto, la información correspondiente a las fracciones al artículo 75 de la Ley de Transparencia y Acceso a la Información Pública del Estado Fracciones (a que correspondan)", F: 1, G: 12, H: "Eficacia", I: "Fracciones actualizadas en el mes de cumplimiento solicitadas por la DTASISPE", J: "Número de fracciones actualizadas en el mes de cumplimiento / Número de fracciones solicitadas para su actualización por la DTASISPE", K: "Trimestral", L: "Fracciones", M: "De ___ fracciones por las cuales se solicitó actualización durante el ejercicio 2023, se actualizaron fracciones, lo que representó el 100%", N: "100%", O: "Incremento", R: "Número de fracciones actualizadas en el mes de cumplimiento", S: "Número de fracciones solicitadas para su actualización por la DTASISPE", T: "Número de fracciones actualizadas en el mes de cumplimiento / Número de fracciones solicitadas para su actualización por la DTASISPE", U: MAMP, V: 0, W: "0%", X: "PENDIENTE" }),
    f({ id: "15.1", A: "15", B: "Gestión administrativa.", C: "Gestión de Calidad.", D: "Elaborar el Anteproyecto de Presupuesto de Egresos y el Programa Operativo Anual (POA) de la Unidad correspondiente al ejercicio 2025. (Coordinado por DEAF)", E: "Elaborar el anteproyecto anual de presupuesto de egresos de la Unidad correspondiente al ejercicio 2025, en atención a la solicitud de la Secretaría Ejecutiva.", F: 5, G: 8, H: "Eficacia", I: "Oportunidad en la remisión de la información", J: "(Cantidad de formatos remitidos en tiempo / Cantidad de formatos solicitados por la DEAF) x 100", K: "Anual", L: "Porcentaje", M: "En 2023 se presentó en tiempo y forma con base a lo programado, lo que representó el 100%", N: 1, O: "Incremento", R: "Cantidad de formatos remitidos en tiempo", S: "Cantidad de formatos solicitados por la DEAF", T: VC12, U: MAMP, W: "0%", X: "PENDIENTE", combinarAbajo: 1 }),
    f({ id: "15.2", E: "Elaborar el anteproyecto de Programa Operativo Anual de la Unidad correspondiente al ejercicio 2025, en atención a la solicitud de la Secretaría Ejecutiva.", F: 5, G: 8, H: "Eficacia", I: "Oportunidad en la elaboración del Programa Operativo Anual", J: "(Cantidad de formatos remitidos en tiempo y forma / Cantidad de formatos solicitados por la DEAF) x 100", K: "Anual", L: "Porcentaje", M: "En 2023 se presentó en tiempo y forma con base a lo programado, lo que representó el 100%", N: 1, O: "Incremento", R: "Cantidad de formatos remitidos en tiempo", S: "Cantidad de formatos solicitados por la DEAF", T: VC12, U: MAMP, W: "0%", X: "PENDIENTE" }),
    f({ id: "16.1", A: "16", B: "Gestión administrativa.", C: "Gestión de Calidad.", D: "Dar seguimiento a la estructuración de los instrumentos de planeación institucional de las áreas del Instituto.", E: "Supervisar la elaboración de los manuales de los procesos del órgano ejecutivo y técnico, en su caso.", F: 7, G: 12, H: "Eficacia", I: "Manuales de procesos del órgano", J: "Manual de procesos elaborado / Manual de procesos requerido", K: "Bimestral", L: "Documento", M: "Se espera que se lleve a cabo la elaboración de un manual que indique todos los procesos del área, lo que representará el 100%", N: "100%", O: "Incremento", R: "Manual de procesos elaborado", S: "Manual de procesos requerido", T: VC12, U: MAMP, W: "0%", X: "PENDIENTE" }),
    f({ id: "17.1", A: "17", B: "Cultura cívica y participación ciudadana para la sociedad sudcaliforniana. Vinculación con la sociedad. Innovación y mejora de procesos.", C: "Promoción de la cultura cívica y democrática. Vinculación con la sociedad civil. Igualdad e Inclusión. Modernización e innovación institucional.", D: "Coordinar que la información de las áreas se mantenga actualizada y vigente en el sitio web Institucional, con el fin de dar cumplimiento a los principios de certeza, máxima publicidad y de acceso a la información pública.", E: "Dar seguimiento a que la información de las sesiones de los órganos del Instituto en el sitio web oficial, a través del Sistema de Seguimiento de Sesiones (SISE), así como la información publicada en el sitio web institucional se encuentre vigente.", F: 1, G: 12, H: "Eficacia", I: "Actualización de la información de las sesiones de los órganos del Instituto en el sitio web oficial", J: "Documentos actualizados en el SISE por parte de la Unidad / Cantidad de documentos presentados en las sesiones", K: "Bimestral", L: "Documentos", M: "Se espera que el total de documentos presentados en las sesiones sean registrados en el SISE, lo que representará el 100%", N: "100%", O: "Incremento", R: "Documentos actualizados en el SISE", S: "Cantidad de documentos presentados en las sesiones", T: VC12, U: MAMP, W: "0%", X: "PENDIENTE", combinarAbajo: 1 }),
    f({ id: "17.2", E: "Publicar información concerniente a la Unidad que se considere viable para publicación en el mismo sitio web de Información y Evaluación o en el Repositorio de Datos Abiertos Institucional.", F: 1, G: 12, H: "Eficacia", I: "No existencia de información no vigente publicada en el sitio web institucional de la Unidad", J: "Material considerado para su publicación / Material que se solicitó a la Unidad publicar", K: "Bimestral", L: "Número solicitudes por las áreas", M: "Se espera que el total del material que la Dirección/Unidad considere apto para su publicación en los sitios web señalados, se publique en su totalidad, lo que representará el 100%", N: "100%", O: "Incremento", R: "Material reclasificado al apartado histórico en el sitio web institucional, que se publicó y que cumplió con su vigencia", S: "Material que se solicitó a la UCSI a reclasificar", T: VC12, U: MAMP, W: "0%", X: "PENDIENTE" }),
  ];
}

const TRV_FMT = { F: "0", G: "0", P: "$#,##0.00", W: "0.00" };

function hojaTransversal(wb, nombre, { filas = filasTransversal(), cambios = {} } = {}) {
  const ws = wb.addWorksheet(nombre, { views: [{ state: "frozen", ySplit: 7 }] });
  TRV_ANCHOS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const n = TRV_ENCABEZADO.length;
  titulo(ws, 1, "INSTITUTO ESTATAL ELECTORAL DE BAJA CALIFORNIA SUR", n);
  titulo(ws, 2, "FORMATO DE PROGRAMAS ANUALES DE TRABAJO", n);
  titulo(ws, 3, "Programa Anual de Trabajo UCSI 2024", n);
  titulo(ws, 4, "UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS   OBJETIVOS CON TRANSVERSALIDAD", n);
  titulo(ws, 5, "Desarrollar sistemas informáticos que optimicen los procesos operativos de los órganos del Instituto, incluyendo sistemas a implementarse en el Proceso Local Electoral 2023-2024 y sistemas de carácter ordinario. Implementar estrategias de soporte y asesorías técnicas tanto a oficinas centrales como a los órganos desconcentrados del Instituto.", n);
  encabezado(ws, 6, TRV_ENCABEZADO);
  ws.getRow(6).height = 60;
  for (const [l, t] of Object.entries(TRV_ETIQUETAS)) {
    const c = ws.getCell(`${l}7`);
    c.value = t;
    c.font = { italic: true };
    c.alignment = { horizontal: "center" };
  }
  ws.mergeCells("A7:J7");
  const ids = {};
  let r = 8;
  for (const base of filas) {
    const a = { ...base, ...(cambios[base.id] || {}) };
    ids[a.id] = r;
    const vals = [];
    for (let c = 1; c <= n; c++) vals.push(a[letra(c)]);
    filaDatos(ws, r, vals, TRV_FMT);
    if (a.combinarAbajo) for (let c = 1; c <= 4; c++) ws.mergeCells(r, c, r + a.combinarAbajo, c);
    r++;
  }
  return ids;
}

// ------------------------------------------------------------------ Durango: indicadores-resultados

const DGO_FILAS = [
  ["Solicitar el recurso de manera eficaz", "Solicitud de recurso", "Recurso solicitado", "Trimestral", 75, 100],
  ["Elaborar los estados financieros de manera oportuna", "Elaboración de Estados Financieros", "Estados financieros elaborados", "Trimestral", 75, 100],
  ["Retener y enterar los impuestos federales", "Retener y enterar impuestos", "Retener y enterar impuestos de manera eficaz", "Trimestral", 75, 100],
  ["Realizar las gestiones para las adquisiciones, arrendamientos o contratación", "Adquirir, arrendar o contratar", "Adquirir, arrendar o contratar eficazmente", "Trimestral", 75, 100],
  ["Suministrar a las diferentes áreas sus requerimientos", "Requisiciones atendidas", "Atender las requisiciones de manera eficiente", "Trimestral", 75, 100],
  ["Controlar las entradas, salidas y existencias del almacén", "Control de inventario", "tener un control de inventario eficaz", "Trimestral", 75, 100],
  ["Elaboración de resguardos de los activos fijos", "Elaborar resguardos", "Elaborar los resguardos de manera eficaz", "Trimestral", 75, 100],
  ["Coordinar el uso y mantenimiento vehicular", "Mantenimiento y asignación de vehículos", "Dar mantenimiento a los vehículos y asignarlos de manera eficaz", "Trimestral", 75, 100],
  ["Dar mantenimiento a los bienes inmuebles", "Mantenimiento de bienes inmuebles", "Realizar la reparación y mantenimiento de los bienes eficazmente", "Trimestral", 75, 100],
  ["Facilitar la gestión de Documentos de archivo del IEPC", "Archivo de Concentración", "Organización de archivos", "Trimestral", 100, 30],
  ["Otorgar un óptimo servicio en los procesos informáticos que se llevan a cabo", "Soportes informáticos a usuarios solicitados contra resueltos", "Proporcionar asistencia informática a usuarios del IEPC, desarrollar sistemas informáticos para garantizar buenos resultados en los procesos, optimizar el rendimiento del equipo de cómputo y periféricos y lograr que el personal del IEPC adquiera destreza para la utilización de las herramientas informáticas", "Trimestral", 200, 100],
  ["Difusión al Consejo General, directores y titulares de área los acuerdos emitidos por el Instituto Nacional Electoral", "Acuerdos del INE", "Acuerdos remitidos por el INE", "anual", 100, 100],
  ["Dar trámite, seguimiento y cumplimiento a las solicitudes de información del INE", "Solicitudes de información", "Solicitudes de información del INE al IEPC", "anual", 100, 100],
  ["Dar vista a la autoridad nacional de los acuerdos aprobados por el Consejo General del instituto", "Acuerdos del IEPC", "Acuerdos remitidos por el IEPC", "anual", 100, 100],
  ["Atender las invitaciones/convocatorias de la DESPEN sobre reuniones de trabajo relativas a planeación y evaluación de la implementación de los mecanismos del SPEN en el Instituto.", "Planeación y Evaluación del Servicio", "Participar en actividades y reuniones de trabajo que convoque la DESPEN sobre Planeación y Evaluación del Servicio y, seguimiento para operar de manera directa mecanismos del SPEN", "Trimestral", 90, "25%"],
  ["Desarrollo de actividades de etapa IX. Utilización de lista de reserva de la Convocatoria del Concurso Público 2022-2023 de ingreso para ocupar plazas vacantes del SPEN en el sistema de los OPLE, vigente hasta el 19 de abril de 2024.", "Lista de Reserva del Concurso Público 2023-2024", "Realizar el procedimiento para designación de personas ganadoras para ocupar vacantes en plazas del SPEN, conforme a la Lista de Ingreso por Concurso Público. SPEN OPLE", "Trimestral", 90, "95%"],
  ["Seguimiento a las solicitudes, y gestiones que realice el Órgano de Enlace para las designaciones y renovaciones de encargadurías de despacho, para la ocupación de plazas vacantes del SPEN.", "Encargos de Despacho", "Llevar a cabo el procedimiento para designar personas encargadas de despacho para ocupar plazas vacantes el SPEN.", "Trimestral", 90, "25%"],
  ["Seguimiento a la implementación, desarrollo y evaluación del/los módulos académicos 2024 del Programa de Formación y Desarrollo Profesional Electoral que deban cursar las personas del SPEN.", "Programa de Formación", "Realizar las notificaciones inherentes para que las personas del SPEN cursen el/lo periodos académicos del Programa de Formación 2024 a los que sean convocados por la DESPEN.", "Trimestral", 90, "25%"],
  ["Seguimiento a las actividades de capacitación de carácter obligatorio y opcional 2024, puestas a disposición por la DESPEN mediante el Catálogo de Capacitación para las personas del SPEN del Instituto.", "Capacitación", "Realizar las notificaciones inherentes para que las personas del SPEN cursen las actividades de capacitación 2024 a las que sean convocadas por la DESPEN.", "Trimestral", 90, "25%"],
  ["Seguimiento a la conclusión de la aplicación de la Evaluación del Desempeño sistema OPLE, del periodo de septiembre 2022 a agosto 2023, al Dictamen General de Resultados y, en su caso, a las solicitudes de revisión que presenten las personas del SPEN evaluadas.", "Evaluación del Desempeño", "Realizar las notificaciones y gestiones de soporte técnico hasta la conclusión de la evaluación y, notificación de resultados de la evaluación a las personas del SPEN y de la RA evaluadas, por el periodo septiembre 2022-agosto 2023", "Trimestral", 90, "85%", { negritaFrecuencia: true }],
  ["Seguimiento a las notificaciones de metas y, en su caso, al trámite de solicitudes de incorporación, modificación y/o eliminación, así como a la aplicación de la evaluación de las personas del SPEN del periodo de septiembre 2023 a agosto 2024 y, al inicio del periodo de evaluación de septiembre 2024 a agosto 2025.", "Evaluación del Desempeño", "Notificar a las personas del SPEN los insumos aplicablesa para la evaluación del Desempeño para el periodo de septiembre 2023 a agosto 2024, así como sobre el inicio de la aplicación de la evaluación el mismo periodo.", "Trimestral", 90, "50%"],
  ["Seguimiento a la conclusión de actividades para el otorgamiento de incentivos 2023- el incentivo por excelencia en el desempeño-, por el ejercicio valorado 2022.", "Incentivos", "Realizar las actividades para entregar a las personas del SPEN acreedoras, el incentivo por excelencia en el dessempeño por el ejercicio valorado 2022 a las personas del SPEN.", "Trimestral", 90, "100%"],
  ["Realizar las gestiones presupuestales y notificaciones sobre el Programa de Incentivos para el 2025 y; desarrollar del proceso de otorgamiento de incentivos 2024, por el ejercicio valorado 2023, a las personas del SPEN del Instituto", "Incentivos", "Notificar a la DESPEN presupuesto y programa de incentivos dispolibles para el 2024 y realizar las actiividades para entregar a las personas del SPEN acreedoras, el incentivo por el ejercicio valorado 2023.", "Trimestral", 90, "25%"],
  ["Seguimiento a las notificaciones de información relativa a la permanencia y/o separaciones de las personas del SPEN del Instituto", "Permanencia", "Notificar a la DESPEN y a la Comisión de Seguimiento del SPEN cualquier información relacionada con la separación de personas del SPEN.", "Trimestral", 90, "25%"],
  ["Envío de los informes mensuales a la Dirección Jurídica del INE, sobre quejas y denuncias de prcedimiento laboral sancionador en contra de las personas del SPEN del Instituto.", "Procedimiento Laboral Sancionador", "Enviar a la Direción Jurídica del INE, dentro de los primeros 5 días de cada mes los informes sobre los procedimietos laborales en contra de personas del SPEN.", "Trimestral", 90, "25%"],
  ["Seguimiento a la operación en general de los mecanismos del Servicio, y demás actividades inherentes no contempladas en el programa anual 2024 de manera particular, pero que, en su momento, sean dictaminadas por la DESPEN, en cumplimiento de las disposiciones estatutarias y reglamentarias aplicables.", "Seguimiento a la operación en general de los mecanismos del Servicio", "Realizar las notificaciones, envió y gestión de información de mecanismos del SPEN no especificados en el Programa Anual de Trabajo 2024, pero que sean determinados por la DESPEN.", "Trimestral", 90, "25%"],
  ["Visibilizar las acciones de las personas del SPEN y de la Comisión de Seguimiento del Servicio, dentro y fuera del Instituto.", "Difusión de actividades relevantes de la Comisión y del Servicio", "Levar a cabo difusión de actividades de mayor relevancia desarrolladas por las personas del SPEN y por la Comisión de Seguimiento del Servicio.", "Trimestral", 90, "25%"],
  ["Garantizar el cumplimiento de los derechos y obligaciones de los Partidos Políticos, Agrupaciones Políticas Estatales y Candidatos Independientes.", "Informe de actividades", "Informes de actividades entregados por los Partidos Políticos y Agrupaciones Políticas", "Anual", 7, "25%"],
  ["Conducir los mecanismos para la celebración de sesiones de la Comisión de Partidos Políticos y Agrupaciones Políticas.", "Sesiones de la Comisión de Partidos Políticos y Agrupaciones Políticas", "Sesiones de la Comisión de Partidos Políticos y Agrupaciones Políticas realizadas", "Trimestral", 3, "25%"],
  ["Conducir los mecanismos para la celebración de sesiones del Consejo General.", "Sesiones del Consejo General", "Sesiones del Consejo General realizadas", "Trimestral", 3, "25%"],
  ["Conducir los mecanismos para la celebración de sesiones del Secretariado Técnico.", "Sesiones del Secretariado Técnico", "Sesiones de Secretariado Técnico realizadas", "Trimestral", 3, "25%"],
  ["Garantizar la máxima publicidad de los acuerdos emitidos por el Consejo General.", "Publicación de acuerdos del Consejo General", "Acuerdos de Consejo publicados en el Periódico Oficial del Estado", "Anual", 39, "25%"],
  ["Garantizar la ministración de los recursos de financiamiento público local al que tienen derecho los Partidos Políticos, Agrupaciones Políticas Estatales y Candidatos Independientes.", "Prerrogativas de partidos políticos y agrupaciones políticas", "Trámites de prerrogativas mensuales realizados", "Anual", 33, "25%"],
  ["Conducir los mecanismos para la celebración de sesiones de la Comisión de Fiscalización.", "Sesiones de la Comisión de Fiscalización", "Sesiones de la Comisión de Fiscalización realizadas", "Trimestral", 3, "25%"],
  ...[
    "Aprobación del acuerdo relativo a los Lineamientos de las sesiones especiales de cómputo, el Cuadernillo de consulta sobre votos válidos y nulos.",
    "Seguimiento al Curso de capacitación dirigido a la ciudadanía interesada en acreditarse como observador (a) electoral (enero).",
    "Aprobación de la documentación electoral con emblema personalizada.",
    "Seguimiento a la determinación de los lugares que ocuparán las bodegas electorales para el resguardo de la documentación electoral en los CME",
    "Curso de capacitación dirigido a la ciudadanía interesada en acreditarse como observador (a) electoral (febrero).",
    "Reunión de trabajo para determinar los criterios que se aplicarán en la determinación de la validez o nulidad de los votos reservados",
    "Curso de capacitación dirigido a la ciudadanía interesada en acreditarse como observador (a) electoral (marzo).",
  ].map((t) => [t, t, t, "Trimestral", 1, 100]),
  ["Garantizar el derecho de acceso a la información pública", "Atención a solicitudes de información pública", "solicitudes de información pública atendidas", "Trimestral", 50, 25],
];

function hojaDurango(wb, nombre, cambios = {}) {
  const ws = wb.addWorksheet(nombre);
  [48, 32, 52, 14, 11, 11].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  titulo(ws, 1, "INSTITUTO ELECTORAL Y DE PARTICIPACIÓN CIUDADANA DEL ESTADO DE DURANGO", 6);
  titulo(ws, 2, "Indicadores de Resultados", 6);
  titulo(ws, 3, "Del 01 de Enero al 31 de Marzo 2024", 6);
  encabezado(ws, 4, ["Objetivo institucional", "Nombre(s) del(os) indicador(es)", "Definición del indicador", "Frecuencia de medición", "Línea base", "Avance de metas"]);
  const filas = [];
  DGO_FILAS.forEach((base, i) => {
    const r = 5 + i;
    const v = base.slice(0, 6);
    const cam = cambios[i + 1];
    if (cam) for (const [l, x] of Object.entries(cam)) v[numCol(l) - 1] = x;
    filaDatos(ws, r, v, { E: "0", F: "0" });
    if (base[6] && base[6].negritaFrecuencia) ws.getCell(r, 4).font = NEGRITA;
    filas.push(r);
  });
  return filas;
}

// ------------------------------------------------------------------ Chiapas: avance-metas

/** Proyectos de la semilla: [clave, nombre, metas[], unidades[], prog[], modif[], alcanz[], %[], aprobado, modificado, devengado, mujer, hombre, persona]. */
const CHS_A = [
  ["A001", "PROMOVER Y SUPERVISAR EL CUMPLIMIENTO DE LAS DISPOSICIONES ELECTORALES DEL INSTITUTO DE ELECCIONES Y PARTICIPACIÓN CIUDADANA", ["Porcentaje de acciones de supervisión realizadas"], ["Acción"], [18], [18], [13], [72.22], 17495489.18, 19168943.95, 11607156.79, 65, 114, 179],
  ["A002", "DIRIGIR Y VELAR POR LA UNIDAD Y COHESIÓN DE LAS ACTIVIDADES DE LOS ÓRGANOS DEL INSTITUTO", ["Porcentaje de acciones para el cumplimiento de las disposiciones legales en materia electoral"], ["Acción"], [12], [12], [9], [75], 9011980.86, 11819433.46, 7539899.23, 154, 301, 455],
  ["A003", "ACCIONES DE PREVENCIÓN, VIGILANCIA, SEGUIMIENTO Y CONTROL INTERNO DE LA GESTIÓN INSTITUCIONAL", ["Porcentaje de acciones de control interno implementadas."], ["Acción"], [21], [21], [16], [76.19], 7957988.82, 8738205.32, 5390181.68, 128, 190, 318],
  ["A017", "PRESERVAR EL PATRIMONIO DOCUMENTAL DEL INSTITUTO", ["Porcentaje de acciones de preservación"], ["Acción"], [23], [23], [17], [73.91], 177555.02, 1144779.79, 1021369.91, 20, 30, 50],
  ["A004", "FORTALECIMIENTO DEL DERECHO, ACCESO A LA INFORMACIÓN Y PROTECCIÓN DE DATOS PERSONALES", ["Porcentaje de actividades para el cumplimiento de las obligaciones de transparencia en el IEPC"], ["Actividad"], [18], [18], [13], [72.22], "2 275 339.62", "2 549 202.04", "1 619 022.05", 126, 128, 254],
  ["A005", "DIFUSIÓN DE LA CULTURA CÍVICA DEMOCRÁTICA Y DE LAS ACCIONES Y FINES INSTITUCIONALES", ["Porcentaje de promocionales para difundir las culturas cívicas", "Porcentaje de actividades de producción de contenidos de las acciones institucionales realizadas", "Porcentaje de estudio de percepción pública efectuadas"], ["Promocional", "Actividad", "Estudio"], [24, 16, 1], [24, 16, 1], [18, 12, 0], [75, 75, 0], 3680839.17, 8322170.13, 6048433.56, 19, 22, 41],
  ["A006", "FORTALECIMIENTO Y MODERNIZACIÓN DEL INSTITUTO DE INVESTIGACIONES Y POSGRADOS ELECTORALES", ["Porcentaje de la planificación de las actividades administrativas y académicas del IIPE", "Porcentaje de los trámites ejecutados ante las autoridades de Educación Superior y Estatales", "Porcentaje de convenios de colaboración y acuerdos académicos realizados", "Porcentaje de las gestiones realizadas para la obtención del registro del programa de especialidad ante las autoridades", "Porcentaje de actividades desarrolladas en el diplomado de actualización en materia electoral"], ["Actividad", "Documento", "Convenio", "Gestión", "Actividad"], [16, 12, 2, 2, 2], [16, 12, 2, 2, 2], [12, 6, 1, 2, 1], [75, 50, 50, 100, 50], 1422647.56, 1688135.45, 910653.43, 20, 18, 38],
  ["E001", "IMPLEMENTACIÓN DEL SISTEMA DE CALIDAD ELECTORAL BAJO LA NORMA TÉCNICA ISO 54001:2019. IEPC (SEGUNDA", ["Porcentaje de acciones del sistema de calidad"], ["Acción"], [7], [7], [0], [0], 854807.27, 4807.27, 0, 0, 0, 0],
  ["E003", "SISTEMA GESTIÓN DE CALIDAD BAJO LA NORMA TÉCNICA ISO", ["Porcentaje de acciones del sistema de calidad"], ["Acción"], [5], [5], [4], [80], 0, 850000, 181656, 55, 99, 154],
  ["A007", "ADMINISTRACIÓN DE LOS RECURSOS HUMANOS, FINANCIEROS Y DE SERVICIOS GENERALES", ["Porcentaje de acciones administrativas realizadas"], ["Acción"], [12], [12], [9], [75], 42458764.8, 54195905.5, 36618057.11, 55, 99, 154],
  ["A008", "GESTIÓN PARA LA IMPLEMENTACIÓN DEL MODELO DE PLANEACIÓN INSTITUCIONAL", ["Porcentaje de informes cualitativos elaborados", "Porcentaje de cursos realizados", "Porcentaje de informes cualitativos capturados", "Porcentaje de actividades para la actualización de manuales administrativos"], ["Informe", "Curso", "Informe", "Actividad"], [8, 2, 107, 3], [8, 2, 107, 3], [6, 2, 75, 3], [75, 100, 70.09, 100], 1714519.25, 1917973.03, 1107796.85, 16, 26, 42],
  ["G002", "DEMOCRACIA INCLUYENTE", ["Porcentaje de acciones de promoción de la participación política igualitaria", "Porcentaje de actividades orientadas a la erradicación de la VPG e institucional"], ["Acción", "Actividad"], [9, 11], [9, 11], [7, 8], [77.78, 72.73], 1894599.68, 2525305.38, 1523185.3, 469, 365, 834],
  ["A015", "FORTALECIMIENTO DE LA FE PÚBLICA ELECTORAL", ["Porcentaje de actividades de fe de hechos realizadas"], ["Actividad"], [11], [11], [8], [72.73], 2659953.58, 3014606.37, 1760503.69, 10, 10, 20],
  ["A015", "ESTRATEGIA TECNOLÓGICA Y DE COMUNICACIÓN INSTITUCIONAL", ["Porcentaje de acciones para la administración de la infraestructura y servicios tecnológicos y de comunicaciones", "Porcentaje de acciones para la sistematización de procedimientos administrativos del instituto", "Porcentaje de acciones para la administración de servicios web"], ["Acción", "Acción", "Acción"], [16, 4, 16], [16, 4, 16], [12, 3, 12], [75, 75, 75], 6234655.19, 13922859.72, 10130884.35, "62 540", "57 776", "120 316"],
  ["A008", "COORDINACIÓN, SUPERVISIÓN Y SEGUIMIENTO DE LAS ACCIONES OPERATIVAS ELECTORALES DEL INSTITUTO", ["Porcentaje de acciones de coordinación institucional"], ["Acción"], [20], [20], [15], [75], 3880377.59, 4736589.91, 3031490.11, 18, 25, 43],
];
const CHS_B = [
  ["A013", "ASESORÍA JURÍDICA Y LEGAL A LOS ÓRGANOS ADMINISTRATIVOS DEL INSTITUTO", ["Porcentaje de proyectos de acuerdo y resoluciones elaborados", "Porcentaje de informes de medios de impugnación presentados en contra del instituto", "Porcentaje de contratos y convenios realizados o revisados", "Porcentaje de cursos de capacitación brindados al personal de la Dirección Ejecutiva Jurídica y de lo Contencioso"], ["Proyecto", "Informe", "Contrato", "Curso"], [36, 12, 40, 3], [36, 12, 40, 3], [60, 24, 149, 4], [166.67, 200, 372.5, 133.33], 5710639.68, 6941862.85, 4298396.16, 11, 7, 18],
  ["G001", "ATENCIÓN LEGAL Y JURÍDICA A POSIBLES VÍCTIMAS DE VIOLENCIA POLÍTICA EN RAZÓN DE GÉNERO Y GRUPOS EN SITUACIÓN DE VULNERABILIDAD", ["Porcentaje de expedientes de los procedimientos especiales sancionadores por violencia política en razón de género", "Porcentaje de atención y asesorías a las probables víctimas"], ["Expediente", "Asesoría"], [24, 24], [24, 24], [59, 23], [245.83, 95.83], 115695.42, 115695.42, 13948.95, 35, 0, 35],
  ["A009", "FORTALECIMIENTO AL RÉGIMEN DE LAS ASOCIACIONES POLÍTICAS EN EL ESTADO DE CHIAPAS", ["Porcentaje de acciones otorgadas a los partidos político", "Porcentaje de acciones de constitución de agrupaciones políticas"], ["Acción", "Acción"], [6, 7], [6, 7], [6, 4], [100, 57.14], 168777339.63, 162693525.13, 115882084.33, "1 016", "1 032", "2 048"],
  ["A010", "FORTALECER LOS PROCEDIMIENTOS EN MATERIA DE ORGANIZACIÓN ELECTORAL 2023", ["Porcentaje de cursos realizados", "Porcentaje de actividades de rediseño", "Porcentaje de reuniones con los organismos públicos locales electorales", "Porcentaje de mantenimiento de material electoral en bodega"], ["Curso", "Actividad", "Reunión", "Actividad"], [11, 3, 2, 2], [11, 3, 2, 2], [14, 2, 2, 1], [127.27, 66.67, 100, 50], 7810136.53, 20592364.49, 9633699.27, 50, 45, 95],
  ["A011", "PROMOCIÓN DE LA EDUCACIÓN CÍVICA, CAPACITACIÓN Y EDITORIAL INSTITUCIONAL", ["Porcentaje de acciones de educación cívica, capacitación y editorial realizadas"], ["Acción"], [24], [24], [20], [83.33], 6376862.48, 14182126.78, 7378526.36, "3 169", "3 159", "6 328"],
  ["A016", "FORTALECIMIENTO A LOS CANALES DE COMUNICACIÓN INTERINSTITUCIONAL PARA LA VINCULACIÓN CON EL INE", ["Porcentaje de acciones de seguimiento a las actividades vinculadas con el INE"], ["Acción"], [24], [24], [18], [75], 1754539.47, 1981231.09, 1286557.73, 23, 28, 51],
  ["A019", "OFICINAS REGIONALES DE SERVICIOS INSTITUCIONALES Y PROCESOS ELECTORALES", ["Porcentaje de acciones de servicios en oficinas regionales"], ["Acción"], [10], [10], [0], [0], 362000.02, 0, 0, 0, 0, 0],
  ["A020", "ATENCIÓN Y GESTIÓN ELECTORAL EN LOS MUNICIPIOS INDÍGENAS DEL ESTADO DE CHIAPAS", ["Porcentaje acciones de atención y gestión electoral en municipios indígenas del Estado"], ["Acción"], [10], [10], [4], [40], 0, 211606.48, 77011.33, 266, 172, 438],
  ["E018", "ATENCIÓN Y GESTIÓN ELECTORAL EN LOS MUNICIPIOS INDÍGENAS DEL ESTADO DE CHIAPAS", ["Porcentaje acciones de atención y gestión electoral en municipios indígenas del Estado"], ["Acción"], [10], [10], [0], [0], 211606.48, 0, 0, 0, 0, 0],
  ["A012", "ATENCIÓN, PROMOCIÓN Y FORMACIÓN EN MECANISMOS DE PARTICIPACIÓN CIUDADANA Y CULTURA PARTICIPATIVA", ["Porcentaje acciones de promoción realizada"], ["Acción"], [23], [23], [13], [56.52], 3735841.33, 5030834.09, 3253050.24, "1 028", "1 928", "2 956"],
  ["A014", "CONSOLIDACIÓN DEL SERVICIO PROFESIONAL ELECTORAL DEL INSTITUTO", ["Porcentaje de acciones para la implementación de los mecanismos de desarrollo del Servicio Profesional Electoral"], ["Acción"], [16], [16], [14], [87.5], 4250210.43, 2524366.96, 1028524.84, 47, 61, 108],
];

function encabezadoChiapas(ws, r) {
  encabezado(ws, r, ["CLAVE DEL PROYECTO", "OBJETIVO DE DESARROLLO SOSTENIBLE", "SUBFUNCIÓN / TIPO DE PROYECTO\nPROYECTOS / METAS (CONCEPTOS)", "UNIDAD DE MEDIDA", "METAS", null, null, null, "PRESUPUESTO APROBADO\n( PESOS )", "PRESUPUESTO MODIFICADO\n( PESOS )", "PRESUPUESTO DEVENGADO\n( PESOS )", "BENEFICIARIOS"]);
  encabezado(ws, r + 1, [null, null, null, null, "PROGRAM. ANUAL", "MODIF. ANUAL", "ALCANZ. AL PERIODO", "% CUMPLIM. MODIF.", null, null, null, "MUNICIPIO", "LOCALIDAD", "MUJER", "HOMBRE", "PERSONA"]);
  for (const c of ["A", "B", "C", "D", "I", "J", "K"]) ws.mergeCells(`${c}${r}:${c}${r + 1}`);
  ws.mergeCells(`E${r}:H${r}`);
  ws.mergeCells(`L${r}:P${r}`);
}

function dos(n) {
  return n.toFixed(2);
}

function filaProyecto(ws, r, p, cambios) {
  const [clave, nombre, metas, unidades, prog, modif, alc, pct, apr, mod, dev, mujer, hombre, persona] = p;
  const varias = metas.length > 1;
  const lineas = (xs) => (varias ? xs.map((x) => (typeof x === "number" ? dos(x) : x)).join("\n") : xs[0]);
  const v = [clave, 16.7, null, lineas(unidades), lineas(prog), lineas(modif), lineas(alc), lineas(pct), apr, mod, dev, "Cobertura Estatal", "Cobertura Estatal", mujer, hombre, persona];
  if (cambios) for (const [l, x] of Object.entries(cambios)) v[numCol(l) - 1] = x;
  filaDatos(ws, r, v, { B: "0.0", E: "0.00", F: "0.00", G: "0.00", H: "0.00", I: "#,##0.00", J: "#,##0.00", K: "#,##0.00", N: "#,##0", O: "#,##0", P: "#,##0" });
  // Nombre del proyecto en negrita y, debajo, una meta por línea (texto enriquecido).
  ws.getCell(r, 3).value = { richText: [{ font: { bold: true }, text: nombre }, { text: `\n${metas.join("\n")}` }] };
}

function hojaChiapas(wb, nombre, cambiosPorClave = {}) {
  const ws = wb.addWorksheet(nombre);
  [9.5, 11, 60, 13, 10, 10, 10, 10, 16, 16, 16, 14, 14, 8, 8, 9.5].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  encabezadoChiapas(ws, 1);
  const filas = {};
  const vistos = {};
  let r = 3;
  ws.getCell(r, 1).value = "COORDINACIÓN DE LA POLÍTICA DE GOBIERNO";
  ws.getCell(r, 1).font = NEGRITA;
  r++;
  ws.getCell(r, 1).value = "ORGANIZACIÓN DE PROCESOS ELECTORALES";
  ws.getCell(r, 1).font = NEGRITA;
  for (const [l, x] of [["I", 300824389.06], ["J", 348872530.61], ["K", 231342089.27]]) {
    ws.getCell(`${l}${r}`).value = x;
    ws.getCell(`${l}${r}`).numFmt = "#,##0.00";
    ws.getCell(`${l}${r}`).font = NEGRITA;
  }
  r++;
  ws.getCell(r, 3).value = "PROYECTOS DE GASTO CORRIENTE:";
  ws.getCell(r, 3).font = NEGRITA;
  r++;
  const poner = (p) => {
    vistos[p[0]] = (vistos[p[0]] || 0) + 1;
    const id = vistos[p[0]] > 1 ? `${p[0]}#${vistos[p[0]]}` : p[0];
    filaProyecto(ws, r, p, cambiosPorClave[id]);
    filas[id] = r;
    r++;
  };
  CHS_A.forEach(poner);
  r++; // salto de página en el original: fila vacía y encabezado repetido
  encabezadoChiapas(ws, r);
  r += 2;
  CHS_B.forEach(poner);
  return filas;
}

function hojaJustificaciones(wb) {
  const ws = wb.addWorksheet("Justificaciones");
  [10, 50, 90].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell("A1").value = "JUSTIFICACIONES";
  ws.getCell("A1").font = NEGRITA;
  encabezado(ws, 2, ["PROYECTOS", null, "DESCRIPCIÓN"]);
  ws.mergeCells("A2:B2");
  encabezado(ws, 3, ["CLAVE", "NOMBRE"]);
  filaDatos(ws, 4, ["E001", "Implementación del Sistema de calidad electoral bajo la norma técnica ISO 54001:2019. IEPC (Segunda Etapa)", "No se presenta avance, ya que mediante acuerdo No. IEPC/JGE-A/005/2023 de la Junta General Ejecutiva del IEPC; determinó realizar modificaciones al presupuesto de egresos 2023 y el programa operativo anual, transfiriendo ( 850,000.00 pesos) los recursos al proyecto: Sistema de Gestión de Calidad bajo la norma Técnica ISO ; cabe mencionar que el área de presupuestos de este Instituto, realizo los traspasos, ante la Secretaria de Hacienda, dejando 4,807.27 que seran traspasados al proyecto de Administración de los Recursos Humanos, Financieros y Servicios Personales ."]);
}

// ------------------------------------------------------------------ casos

/**
 * Cada caso: cómo se construye, opciones de la orden (`args` de «pat validar») y la lista
 * de hallazgos esperados escrita a mano: [celda, código, severidad] (o una función que
 * recibe el mapa de filas y la devuelve). Nada de esto sale del código bajo prueba.
 */
const CASOS_DEF = [
  {
    nombre: "ieebcs-organo-limpio",
    descripcion: "Hoja «por órgano» del PAT 2024 de la UCSI (IEEBCS), fiel a la semilla, con el avance al corte de junio bien capturado (% con fórmula).",
    args: ["--corte", "6"],
    construir(wb) {
      return hojaOrgano(wb, "PAT 2024 UCSI");
    },
    hojas: [
      {
        formato: "pat-organo", encabezado: 7, filasDatos: 11,
        // La única nota es real: 10.1 es bimestral de agosto a diciembre (3 informes) con meta 2.
        // 3.1 terminó en junio con 5 de 6 (ROJO al corte) y sin OBSERVACIONES: el informe
        // trimestral pide explicar la desviación.
        esperados: (f) => [[`L${f["10.1"]}`, "meta-periodos", "info"], [`N${f["3.1"]}`, "desviacion-sin-justificar", "warning"]],
      },
    ],
  },
  {
    nombre: "ieebcs-organo-defectos",
    descripcion: "La misma hoja con defectos típicos de captura plantados, uno por fila.",
    args: ["--corte", "6"],
    construir(wb) {
      return hojaOrgano(wb, "PAT 2024 UCSI", {
        porcentajeConFormula: false,
        cambios: {
          "1.1": { porcentaje: 50 }, // 5 de 6 son 83.33, no 50
          "2.1": { cumplidas: 2, porcentaje: 33.33, estatus: "CUMPLIDA" }, // CUMPLIDA con 2 de 6
          "3.1": { frec: "Trimestal" }, // errata
          "4.1": { fin: 13 }, // mes 13
          "5.1": { ini: 4, fin: 3 }, // mes inicial > final
          "6.1": { meta: "seis", porcentaje: null, estatus: "EN PROCESO" }, // meta en letra
          "6.2": { act: "6.2 Desarrollar e implementar ajustes menores en el Sistema de Control de Inventarios (xxx)" }, // marcador
          "7.1": { cumplidas: -1, porcentaje: 0 }, // alcanzado negativo
          "8.1": { obs: "-Se entregaron los informes de enero a abril." }, // texto que empieza con «-»
          "9.1": { estatus: "EN REVISIÓN" }, // estatus fuera del catálogo
        },
        extra: [
          { id: "10.2", continuacion: true, act: "10.2 Presentar el anteproyecto a la Secretaría Ejecutiva.", ini: 9, fin: 12, ind: null, frec: "Mensual", meta: 4, cumplidas: 0, porcentaje: 0, estatus: "PENDIENTE" }, // indicador vacío
          { id: "10.3", continuacion: true, act: "10.3 Integrar las observaciones al anteproyecto.", ini: 9, fin: 12, met: "Documento realizado / (Documento presentado X 100", frec: "Bimestral", meta: 2, cumplidas: 0, porcentaje: 0, estatus: "PENDIENTE" }, // paréntesis sin cerrar
        ],
      });
    },
    hojas: [
      {
        formato: "pat-organo", encabezado: 7, filasDatos: 13,
        esperados: (f) => [
          [`P${f["1.1"]}`, "calculo-discrepante", "warning"],
          [`Q${f["2.1"]}`, "estatus-contradictorio", "warning"],
          [`J${f["3.1"]}`, "frecuencia-invalida", "error"],
          [`N${f["3.1"]}`, "desviacion-sin-justificar", "warning"], // 5 de 6 al cerrar junio, sin OBSERVACIONES
          [`G${f["4.1"]}`, "mes-invalido", "error"],
          [`F${f["5.1"]}`, "meses-invertidos", "error"],
          [`L${f["6.1"]}`, "meta-no-numerica", "error"],
          [`E${f["6.2"]}`, "marcador-plantilla", "warning"],
          [`O${f["7.1"]}`, "valor-negativo", "error"],
          [`N${f["8.1"]}`, "inyeccion-formula", "warning"],
          [`Q${f["9.1"]}`, "estatus-invalido", "error"],
          [`L${f["10.1"]}`, "meta-periodos", "info"], // de la semilla
          [`H${f["10.2"]}`, "celda-requerida-vacia", "error"],
          [`I${f["10.3"]}`, "metodo-invalido", "error"],
        ],
      },
    ],
  },
  {
    nombre: "ieebcs-transversal",
    descripcion: "Hoja de objetivos con transversalidad del PAT 2024 de la UCSI, con sus rarezas reales: segunda fila de encabezado, métodos «/100», texto de instrucción en VALOR DE CÁLCULO, metas «100%» y «1», marcadores «___».",
    args: [],
    construir(wb) {
      return hojaTransversal(wb, "Transversales");
    },
    hojas: [
      {
        formato: "pat-transversal", encabezado: 6, filasDatos: 13,
        esperados: (f) => {
          const e = [];
          const fila = (id) => f[id];
          // 11.1 y 11.2: unidad «1», meta 1 en indicador de porcentaje, instrucción en VALOR DE CÁLCULO.
          e.push([`L${fila("11.1")}`, "unidad-numerica", "warning"], [`N${fila("11.1")}`, "meta-porcentaje-uno", "warning"], [`S${fila("11.1")}`, "valor-no-numerico", "error"]);
          e.push([`L${fila("11.2")}`, "unidad-numerica", "warning"], [`N${fila("11.2")}`, "meta-porcentaje-uno", "warning"], [`R${fila("11.2")}`, "valor-no-numerico", "error"], [`S${fila("11.2")}`, "valor-no-numerico", "error"]);
          // 12.x: meta propuesta 0 (y línea base 1: valores invertidos).
          e.push([`N${fila("12.1")}`, "meta-no-positiva", "error"], [`N${fila("12.2")}`, "meta-no-positiva", "error"]);
          // 13.1: «xxx» en la línea de acción, método «/100», «___»/«xx» en línea base.
          e.push([`E${fila("13.1")}`, "marcador-plantilla", "warning"], [`J${fila("13.1")}`, "metodo-divide-entre-100", "warning"], [`M${fila("13.1")}`, "marcador-plantilla", "warning"]);
          e.push([`R${fila("13.1")}`, "valor-no-numerico", "error"], [`S${fila("13.1")}`, "valor-no-numerico", "error"], [`T${fila("13.1")}`, "calculado-con-texto", "info"], [`U${fila("13.1")}`, "calculado-con-texto", "info"]);
          e.push([`J${fila("13.2")}`, "metodo-divide-entre-100", "warning"], [`M${fila("13.2")}`, "marcador-plantilla", "warning"]);
          e.push([`R${fila("13.2")}`, "valor-no-numerico", "error"], [`S${fila("13.2")}`, "valor-no-numerico", "error"], [`T${fila("13.2")}`, "calculado-con-texto", "info"], [`U${fila("13.2")}`, "calculado-con-texto", "info"]);
          e.push([`M${fila("14.1")}`, "marcador-plantilla", "warning"]);
          e.push([`R${fila("14.1")}`, "valor-no-numerico", "error"], [`S${fila("14.1")}`, "valor-no-numerico", "error"], [`T${fila("14.1")}`, "calculado-con-texto", "info"], [`U${fila("14.1")}`, "calculado-con-texto", "info"]);
          // 14.2: meta 100% con método que no multiplica por 100.
          e.push([`J${fila("14.2")}`, "porcentaje-sin-por-100", "warning"], [`M${fila("14.2")}`, "marcador-plantilla", "warning"]);
          e.push([`R${fila("14.2")}`, "valor-no-numerico", "error"], [`S${fila("14.2")}`, "valor-no-numerico", "error"], [`T${fila("14.2")}`, "calculado-con-texto", "info"], [`U${fila("14.2")}`, "calculado-con-texto", "info"]);
          for (const id of ["15.1", "15.2"]) {
            e.push([`N${fila(id)}`, "meta-porcentaje-uno", "warning"]);
            e.push([`R${fila(id)}`, "valor-no-numerico", "error"], [`S${fila(id)}`, "valor-no-numerico", "error"], [`T${fila(id)}`, "calculado-con-texto", "info"], [`U${fila(id)}`, "calculado-con-texto", "info"]);
          }
          for (const id of ["16.1", "17.1", "17.2"]) {
            e.push([`J${fila(id)}`, "porcentaje-sin-por-100", "warning"]);
            e.push([`R${fila(id)}`, "valor-no-numerico", "error"], [`S${fila(id)}`, "valor-no-numerico", "error"], [`T${fila(id)}`, "calculado-con-texto", "info"], [`U${fila(id)}`, "calculado-con-texto", "info"]);
          }
          return e;
        },
      },
    ],
  },
  {
    nombre: "durango-indicadores",
    descripcion: "Indicadores de Resultados del IEPC Durango, 1.er trimestre 2024 (fiel a la semilla: «anual» en minúsculas, avances «25%» y 100, frecuencia en negrita), con dos defectos plantados.",
    args: [],
    construir(wb) {
      return hojaDurango(wb, "Indicadores 1T 2024", {
        3: { D: "Trimestal" }, // errata en la frecuencia
        31: { B: null }, // nombre del indicador vacío
      });
    },
    hojas: [
      {
        formato: "indicadores-resultados", encabezado: 4, filasDatos: DGO_FILAS.length,
        esperados: (f) => [
          [`D${f[2]}`, "frecuencia-invalida", "error"],
          [`B${f[30]}`, "celda-requerida-vacia", "error"],
        ],
      },
    ],
  },
  {
    nombre: "chiapas-avance-metas",
    descripcion: "Avance de metas del IEPC Chiapas: encabezado en dos filas (repetido tras el salto de página), filas de grupo con totales, varias metas por celda separadas por saltos de línea, claves A015 y A008 repetidas como en la semilla, cifras con espacio de miles; defectos plantados: PERSONA ≠ MUJER + HOMBRE en A016 y una meta sin su línea de ALCANZ. en G002.",
    args: [],
    construir(wb) {
      const f = hojaChiapas(wb, "Avance de metas", {
        A016: { P: 52 }, // 23 + 28 = 51
        G002: { G: "7.00" }, // falta la segunda línea (8.00)
      });
      hojaJustificaciones(wb);
      return f;
    },
    hojas: [
      {
        formato: "avance-metas", encabezado: 1, filasDatos: CHS_A.length + CHS_B.length,
        esperados: (f) => [
          [`G${f.G002}`, "lineas-meta-desiguales", "error"],
          [`A${f["A015#2"]}`, "clave-repetida", "warning"],
          [`A${f["A008#2"]}`, "clave-repetida", "warning"],
          // Sobrecumplimientos reales de la semilla, uno por meta que supera su programación.
          [`G${f.A013}`, "sobrecumplimiento", "info"],
          [`G${f.A013}`, "sobrecumplimiento", "info"],
          [`G${f.A013}`, "sobrecumplimiento", "info"],
          [`G${f.A013}`, "sobrecumplimiento", "info"],
          [`G${f.G001}`, "sobrecumplimiento", "info"],
          [`G${f.A010}`, "sobrecumplimiento", "info"],
          [`P${f.A016}`, "personas-no-suman", "error"],
        ],
      },
      { nombre: "Justificaciones", formato: null },
    ],
  },
  {
    nombre: "no-pat",
    descripcion: "Un libro que no es un PAT: el directorio de la unidad.",
    args: [],
    construir(wb) {
      const ws = wb.addWorksheet("Directorio");
      [34, 40, 34, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
      titulo(ws, 1, "DIRECTORIO DE LA UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS", 4);
      encabezado(ws, 2, ["NOMBRE", "CARGO", "CORREO ELECTRÓNICO", "EXTENSIÓN"]);
      [
        ["Mario Yee Castro", "Titular de la Unidad", "mario.yee@ieebcs.org.mx", 1201],
        ["Ana Lucía Romero Geraldo", "Jefa de Departamento de Desarrollo", "ana.romero@ieebcs.org.mx", 1202],
        ["Jesús Manuel Cota Ojeda", "Analista Programador", "jesus.cota@ieebcs.org.mx", 1203],
        ["Karla Patricia Amador Lucero", "Auxiliar de Infraestructura", "karla.amador@ieebcs.org.mx", 1204],
      ].forEach((v, i) => filaDatos(ws, 3 + i, v));
      return {};
    },
    hojas: [{ formato: null }],
  },
];

// ------------------------------------------------------------------ archivos dañados

async function casosDanados(dir) {
  fs.mkdirSync(dir, { recursive: true });
  // Un libro válido y pequeño para truncarlo.
  const wb = nuevoLibro();
  hojaOrgano(wb, "PAT 2024 UCSI");
  const bueno = await bytesDeterministas(wb);
  const archivos = {
    "vacio.xlsx": Buffer.alloc(0),
    "truncado.xlsx": bueno.subarray(0, Math.floor(bueno.length / 2)),
    "csv-renombrado.xlsx": Buffer.from(
      "NÚMERO,ACTIVIDAD,MES INICIAL,MES FINAL,META\r\n1,Implementar la versión 2 del PREP,1,6,6\r\n2,Implementar la versión 4 del SISCOM,1,6,6\r\n",
      "utf8",
    ),
    "antiguo.xls": Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0), Buffer.from("Libro de Excel 97-2003", "latin1"), Buffer.alloc(1024, 0)]),
  };
  for (const [n, b] of Object.entries(archivos)) fs.writeFileSync(path.join(dir, n), b);
  // Lo esperado: código de salida 2 y UNA línea en stderr que dice qué pasa y qué hacer.
  const esperado = {
    "vacio.xlsx": { exitCode: 2, stderr: "vacio.xlsx: El archivo está vacío (0 bytes): no contiene ningún libro. Vuelva a copiarlo o descargarlo desde su origen." },
    "truncado.xlsx": { exitCode: 2, stderr: "truncado.xlsx: El archivo .xlsx está incompleto (truncado o dañado al copiarlo). Vuelva a copiarlo o descargarlo, o guárdelo de nuevo desde Excel." },
    "csv-renombrado.xlsx": { exitCode: 2, stderr: "csv-renombrado.xlsx: El archivo no es un libro .xlsx válido: parece un CSV con la extensión cambiada. Ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)»." },
    "antiguo.xls": { exitCode: 2, stderr: "antiguo.xls: El archivo no es un libro .xlsx: es un libro antiguo .xls o un libro protegido con contraseña. Ábralo en Excel, quite la contraseña si la tiene y guárdelo como «Libro de Excel (.xlsx)»." },
  };
  fs.writeFileSync(path.join(dir, "esperado.json"), JSON.stringify(esperado, null, 2) + "\n");
}

// ------------------------------------------------------------------ esperado.json

function mensajesPrevios(archivo) {
  const m = new Map();
  if (!fs.existsSync(archivo)) return m;
  try {
    const e = JSON.parse(fs.readFileSync(archivo, "utf8"));
    for (const s of e.sheets || []) {
      const cuenta = new Map();
      for (const i of s.issues || []) {
        const k = `${s.name}|${i.cell}|${i.code}`;
        const n = (cuenta.get(k) || 0) + 1;
        cuenta.set(k, n);
        if (i.message && i.message !== "POR REVISAR") m.set(`${k}|${n}`, i.message);
      }
    }
  } catch {
    /* se regenera */
  }
  return m;
}

function esperadoDe(caso, wb, filas, previos) {
  const sheets = wb.worksheets.map((ws, idx) => {
    const def = caso.hojas.find((h) => h.nombre === ws.name) || caso.hojas[idx] || { formato: null };
    if (!def.formato) return { name: ws.name, format: null, headerRow: null, dataRows: 0, issues: [] };
    const lista = def.esperados(filas);
    const cuenta = new Map();
    const issues = lista
      .map(([cell, code, severity], orden) => {
        const m = /^([A-Z]+)(\d+)$/.exec(cell);
        return { cell, code, severity, row: Number(m[2]), column: m[1], orden };
      })
      .sort((a, b) => a.row - b.row || numCol(a.column) - numCol(b.column) || a.orden - b.orden)
      .map((i) => {
        const k = `${ws.name}|${i.cell}|${i.code}`;
        const n = (cuenta.get(k) || 0) + 1;
        cuenta.set(k, n);
        return { severity: i.severity, code: i.code, cell: i.cell, row: i.row, column: i.column, message: previos.get(`${k}|${n}`) || "POR REVISAR" };
      });
    return { name: ws.name, format: def.formato, headerRow: def.encabezado, dataRows: def.filasDatos, issues };
  });
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const s of sheets) for (const i of s.issues) summary[i.severity === "error" ? "errors" : i.severity === "warning" ? "warnings" : "infos"]++;
  return { file: "libro.xlsx", sheets, summary };
}

// ------------------------------------------------------------------ muestras

async function muestraIeebcs() {
  const wb = nuevoLibro();
  wb.title = "Programa Anual de Trabajo 2024 — UCSI (muestra)";
  // Avance al corte de junio con tres defectos típicos: un % que no cuadra, un estatus
  // contradictorio y una errata en la frecuencia. Los % y estatus de 8.1–10.1 están vacíos
  // para que «Llenar» los escriba.
  hojaOrgano(wb, "PAT 2024 UCSI", {
    porcentajeConFormula: false,
    cambios: {
      "1.1": { porcentaje: 50 },
      "2.1": { cumplidas: 4, porcentaje: 66.67, estatus: "CUMPLIDA" },
      "3.1": { frec: "Trimestal" },
      "8.1": { porcentaje: null, estatus: null },
      "9.1": { porcentaje: null, estatus: null },
      "10.1": { porcentaje: null, estatus: null },
    },
  });
  // Transversales con los valores de cálculo del 2.º trimestre capturados y las celdas
  // calculadas vacías para que «Llenar» las escriba. Quedan defectos típicos de la semilla:
  // meta 0 en 12.1 (error), métodos «/100» en 13.x, «xxx» y «___» sin llenar, un método sin
  // «× 100» con meta en % (14.2) y una meta «1» en un indicador de porcentaje (15.1).
  const filas = filasTransversal();
  const vacias = { T: null, U: null, W: null, X: null };
  const cambios = {
    "11.1": { L: "Porcentaje", N: "100%", Q: null, R: 3, S: 3, ...vacias },
    "11.2": { L: "Porcentaje", N: "100%", O: "Incremento", R: 1, S: 2, ...vacias },
    "12.1": { ...vacias },
    "12.2": { M: 0, N: "100%", ...vacias },
    "13.1": { M: "De 48 solicitudes turnadas por la DTASISPE en 2023, se atendieron 48 dentro del plazo de 10 días, lo que representó el 100%", R: 20, S: 21, ...vacias },
    "13.2": { R: 2, S: 2, ...vacias },
    "14.1": { M: "De 40 formatos que se compilaron durante el ejercicio 2023, se elaboraron 40 versiones públicas, lo que representó el 100%", R: 10, S: 10, ...vacias },
    "14.2": { M: "De 12 fracciones por las cuales se solicitó actualización durante el ejercicio 2023, se actualizaron 12, lo que representó el 100%", R: 6, S: 6, ...vacias },
    "15.1": { R: 12, S: 12, ...vacias },
    "15.2": { N: "100%", R: 10, S: 12, ...vacias },
    "16.1": { J: "(Manual de procesos elaborado / Manual de procesos requerido) x 100", R: 0, S: 1, ...vacias },
    "17.1": { J: "(Documentos actualizados en el SISE por parte de la Unidad / Cantidad de documentos presentados en las sesiones) x 100", R: 35, S: 40, ...vacias },
    "17.2": { J: "(Material considerado para su publicación / Material que se solicitó a la Unidad publicar) x 100", R: 5, S: 6, ...vacias },
  };
  hojaTransversal(wb, "Transversales", { filas, cambios });
  return bytesDeterministas(wb);
}

// ------------------------------------------------------------------ principal

function revisarMensajes(aceptar) {
  const { spawnSync } = require("node:child_process");
  const cli = path.join(RAIZ, "dist", "cli", "pat.js");
  if (!fs.existsSync(cli)) throw new Error("Construya antes la orden: npx webpack --mode development --config-name cli");
  let cambios = 0;
  for (const caso of CASOS_DEF) {
    const dir = path.join(CASOS, caso.nombre);
    const r = spawnSync(process.execPath, [cli, "validar", "libro.xlsx", "--json", ...caso.args], { cwd: dir, encoding: "utf8" });
    if (r.status === 2) throw new Error(`${caso.nombre}: ${r.stderr}`);
    const real = JSON.parse(r.stdout);
    const archivo = path.join(dir, "esperado.json");
    const esperado = JSON.parse(fs.readFileSync(archivo, "utf8"));
    esperado.sheets.forEach((hoja, i) => {
      const otra = real.sheets[i];
      if (!otra) return;
      const vistos = new Map();
      for (const x of hoja.issues) {
        const k = `${x.cell}|${x.code}`;
        const n = vistos.get(k) || 0;
        vistos.set(k, n + 1);
        const y = otra.issues.filter((z) => `${z.cell}|${z.code}` === k)[n];
        if (y && y.message !== x.message) {
          console.log(`${caso.nombre} ${k}\n  esperado: ${x.message}\n  núcleo:   ${y.message}`);
          cambios++;
          if (aceptar) x.message = y.message;
        }
      }
    });
    if (aceptar) fs.writeFileSync(archivo, JSON.stringify(esperado, null, 2) + "\n");
  }
  console.log(cambios ? `${cambios} mensaje(s) distintos${aceptar ? " (aceptados)" : ""}.` : "Los mensajes coinciden.");
}

async function principal() {
  if (process.argv.includes("--revisar-mensajes")) return revisarMensajes(process.argv.includes("--aceptar"));
  const comprobar = process.argv.includes("--comprobar");
  const distintos = [];
  const escribir = (archivo, bytes) => {
    if (comprobar) {
      const previo = fs.existsSync(archivo) ? fs.readFileSync(archivo) : null;
      if (!previo || Buffer.compare(previo, Buffer.from(bytes)) !== 0) distintos.push(path.relative(RAIZ, archivo));
      return;
    }
    fs.mkdirSync(path.dirname(archivo), { recursive: true });
    fs.writeFileSync(archivo, bytes);
  };
  for (const caso of CASOS_DEF) {
    const dir = path.join(CASOS, caso.nombre);
    const wb = nuevoLibro();
    const filas = caso.construir(wb);
    escribir(path.join(dir, "libro.xlsx"), await bytesDeterministas(wb));
    const previos = mensajesPrevios(path.join(dir, "esperado.json"));
    const esperado = esperadoDe(caso, wb, filas, previos);
    escribir(path.join(dir, "esperado.json"), Buffer.from(JSON.stringify(esperado, null, 2) + "\n"));
    escribir(path.join(dir, "caso.json"), Buffer.from(JSON.stringify({ descripcion: caso.descripcion, args: caso.args }, null, 2) + "\n"));
    const pend = esperado.sheets.reduce((n, s) => n + s.issues.filter((i) => i.message === "POR REVISAR").length, 0);
    if (!comprobar) console.log(`${caso.nombre}: ${esperado.summary.errors} errores, ${esperado.summary.warnings} avisos, ${esperado.summary.infos} notas${pend ? ` (${pend} mensajes POR REVISAR)` : ""}`);
  }
  if (!comprobar) {
    await casosDanados(path.join(CASOS, "danados"));
    console.log("danados: vacio.xlsx, truncado.xlsx, csv-renombrado.xlsx, antiguo.xls");
  }
  escribir(path.join(MUESTRAS, "pat-ieebcs-2024.xlsx"), await muestraIeebcs());
  if (comprobar) {
    if (distintos.length) {
      console.error(`Cambiaron: ${distintos.join(", ")}`);
      process.exitCode = 1;
    } else console.log("Los casos están al día.");
  } else console.log("samples/pat-ieebcs-2024.xlsx");
}

module.exports = { hojaOrgano, hojaTransversal, nuevoLibro, bytesDeterministas, ORG_FILAS };

if (require.main === module) {
  principal().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
