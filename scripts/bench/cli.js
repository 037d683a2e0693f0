/**
 * Medición de la CLI (la fusiona scripts/bench.js), todo en la misma corrida:
 *   cli.floor20k.ms              piso: unzip (fflate) + SAX (saxes) de todas las partes XML del
 *                                libro de 20 000 actividades, sin hacer nada más, en proceso
 *   cli.validate20k.ms           `node dist/cli/pat.js validar --json` completo (tiempo de pared)
 *   cli.fill20k.ms               `pat llenar` sobre una plantilla CON ESTILO de 20 000 actividades
 *   cli.fill20k.peakRssMB        pico de memoria del proceso de `pat llenar`
 *   cli.exceljsRoundTrip20k.ms   exceljs solo: load + writeBuffer de esa misma plantilla
 *   cli.validateOverFloor        validate / floor            (meta ≤ 2)
 *   cli.fillOverExceljs          fill / exceljsRoundTrip     (meta ≤ 0.25; pico ≤ 300 MB)
 *   cli.validate200k.ms / .peakRssMB, cli.fill200k.ms / .peakRssMB   200 000 actividades (meta < 1 GB)
 *   cli.*.cpuMs, cli.*OverFloorCpu / *OverExceljsCpu   lo mismo en tiempo de CPU (usuario +
 *                                sistema, mediana): en una máquina compartida el tiempo de
 *                                pared sube con la carga ajena y el de CPU casi no
 *   core.validateRowsPerSecond   analizarHoja solo (filas de actividad por segundo, en caliente)
 *   cli.nodeStart.ms             `node -e 0`: lo que cuesta arrancar un proceso de Node, nada más
 *   cli.validateBoundOverFloor   (piso + arranque de Node + análisis del núcleo en caliente) / piso:
 *                                una COTA INFERIOR de validateOverFloor. Es lo que costaría validar
 *                                si leer la hoja a partir de los eventos de saxes, escribir el JSON
 *                                y la basura que eso deja no costaran nada; si pasa de 2, la meta
 *                                ≤ 2 no se alcanza sin un núcleo o un arranque más ligeros
 *   cli.fillBoundOverExceljs     (piso de la plantilla + arranque + análisis en caliente) / exceljs:
 *                                la misma cota para fillOverExceljs (el análisis es el del libro sin
 *                                estilo: las mismas filas), sin contar siquiera el parche
 *   cli.floorProcess20k.ms       el mismo piso como proceso propio (arrancar Node, unzip + SAX en
 *                                frío, salir): la lectura más generosa de «piso» para una orden de
 *                                la CLI; cli.validateOverFloorProcess = validate / ese piso
 *   cli.validateTwoCoreBoundOverFloor   (CPU de validate / 2 núcleos) / piso: lo más bajo que
 *                                llegaría validateOverFloor repartiendo el trabajo de hoy, sin
 *                                costo alguno de reparto, entre los dos núcleos de la máquina
 *   cli.fillTwoCoreBoundOverExceljs     (CPU de fill / 2) / exceljs: lo mismo para fillOverExceljs
 * Los libros se generan en una carpeta temporal. `PAT_BENCH_200K=0` omite los de 200 000.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const ExcelJS = require("exceljs");

const { registrarTs } = require("./ayudas/ts");
const { piso } = require("./ayudas/piso");

const RAIZ = path.resolve(__dirname, "..", "..");
const N = 20000;
/** Los núcleos de la máquina de la meta (la de CI y la de desarrollo tienen 2). */
const NUCLEOS = 2;

const BORDE = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };

/**
 * Un pat-organo de `n` actividades. `estilo`: bordes, ajuste de texto y formatos por celda,
 * encabezado con relleno, lista desplegable y formato condicional (como una plantilla real).
 * `flujo`: con el escritor en flujo de exceljs (para 200 000 sin agotar la memoria al generar).
 */
async function generar(archivo, { n = N, estilo = false, flujo = false } = {}) {
  const wb = flujo ? new ExcelJS.stream.xlsx.WorkbookWriter({ filename: archivo, useSharedStrings: true, useStyles: true }) : new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PAT 2024");
  const enc = ["NÚMERO", "POLÍTICAS GENERALES", "NOMBRE DEL PROGRAMA", "OBJETIVO ESPECÍFICO", "ACTIVIDAD", "MES INICIAL", "MES FINAL", "INDICADOR", "MÉTODO DE CÁLCULO", "FRECUENCIA DE MEDICIÓN", "UNIDAD DE MEDIDA", "META", "PRESUPUESTO", "OBSERVACIONES", "UNIDADES CUMPLIDAS AL MOMENTO", "PORCENTAJE CUMPLIDO (%)", "ESTATUS"];
  ws.getCell("A1").value = "INSTITUTO ESTATAL ELECTORAL DE BAJA CALIFORNIA SUR";
  ws.getCell("A2").value = "FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO";
  ws.getCell("A3").value = "PROGRAMA ANUAL DE TRABAJO 2024";
  const filaEnc = ws.getRow(4);
  filaEnc.values = enc;
  if (estilo) {
    filaEnc.eachCell((c) => {
      c.font = { bold: true, color: { argb: "FFFFFFFF" } };
      c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF7F1F4B" } };
      c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      c.border = BORDE;
    });
    ws.mergeCells("A1:Q1");
    ws.mergeCells("A2:Q2");
    ws.mergeCells("A3:Q3");
  }
  const frec = ["Mensual", "Bimestral", "Trimestral"];
  for (let i = 0; i < n; i++) {
    const ini = 1 + (i % 6);
    const fin = ini + 5;
    // Datos limpios: la meta es el número de informes del periodo y el avance cuadra.
    const meta = [6, 3, 2][i % 3];
    const c = Math.floor(i / 3) % (meta + 1);
    const fila = ws.addRow([
      String(1 + Math.floor(i / 3)),
      "Fomento del uso de la tecnología en los procesos de trabajo",
      "Implementación de tecnologías de información",
      `Objetivo específico ${1 + Math.floor(i / 3)} de la unidad`,
      `${1 + Math.floor(i / 3)}.${1 + (i % 3)} Actividad número ${i + 1} del programa anual`,
      ini, fin, "Informe de avance de desarrollo", "Documento realizado/ Documento presentado X 100",
      frec[i % 3], "Documento", meta, 1000 + i, i % 5 === 0 ? "Se reportará en periodos posteriores." : null,
      // En la plantilla con estilo el avance está por calcular (lo llena `pat llenar`).
      c, estilo ? null : Math.round((c / meta) * 10000) / 100, estilo ? null : c >= meta ? "CUMPLIDA" : c > 0 ? "EN PROCESO" : "PENDIENTE",
    ]);
    if (estilo) {
      for (let k = 1; k <= enc.length; k++) {
        const celda = fila.getCell(k);
        celda.border = BORDE;
        celda.alignment = { vertical: "top", wrapText: true };
        if (k === 16) celda.numFmt = "0.00";
      }
    }
    if (flujo) fila.commit();
  }
  if (estilo && !flujo) {
    ws.dataValidations.add(`J5:J${n + 4}`, { type: "list", allowBlank: true, formulae: ['"Mensual,Bimestral,Trimestral,Semestral,Anual"'] });
    ws.addConditionalFormatting({
      ref: `Q5:Q${n + 4}`,
      rules: [{ type: "cellIs", operator: "equal", formulae: ['"CUMPLIDA"'], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } } } }],
    });
  }
  if (flujo) {
    ws.commit();
    await wb.commit();
  } else await wb.xlsx.writeFile(archivo);
}

/** El piso en un proceso propio (un hijo que corre `piso` y sale); tiempo de pared en ms. */
function pisoEnProceso(archivo) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [require.resolve("./ayudas/piso"), archivo], { encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`el piso en proceso falló: ${r.stderr}`);
  return ms;
}

/** Corre la CLI; devuelve tiempo de pared (ms), tiempo de CPU (ms) y pico de memoria (MB). */
function correr(args, dir) {
  const cli = path.join(RAIZ, "dist", "cli", "pat.js");
  const rss = path.join(dir, `rss-${process.hrtime.bigint()}.txt`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["-r", path.join(__dirname, "ayudas", "rss.js"), cli, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { ...process.env, PAT_BENCH_RSS: rss },
  });
  const ms = performance.now() - t0;
  if (r.status === 2) throw new Error(`pat ${args[0]} falló: ${r.stderr}`);
  const { rssMB, cpuMs } = JSON.parse(fs.readFileSync(rss, "utf8"));
  return { ms, rssMB, cpuMs };
}

function mediana(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

module.exports = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pat-bench-"));
  const archivo = path.join(dir, "pat-20k.xlsx");
  const plantilla = path.join(dir, "plantilla-20k.xlsx");
  const cli = path.join(RAIZ, "dist", "cli", "pat.js");
  if (!fs.existsSync(cli)) throw new Error("falta dist/cli/pat.js: corra npm run build");
  try {
    await generar(archivo);
    await generar(plantilla, { estilo: true });
    const bytes = fs.readFileSync(archivo);
    const bytesPlantilla = fs.readFileSync(plantilla);

    const cpuMs = (c) => (c.user + c.system) / 1000;
    const pisos = [];
    const pisosCpu = [];
    for (let k = 0; k < 3; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      piso(bytes);
      pisos.push(performance.now() - t0);
      pisosCpu.push(cpuMs(process.cpuUsage(c0)));
    }

    const validar = [];
    const validarCpu = [];
    for (let k = 0; k < 3; k++) {
      const r = correr(["validar", "--json", archivo], dir);
      validar.push(r.ms);
      validarCpu.push(r.cpuMs);
    }

    const llenar = [];
    const llenarCpu = [];
    let rssLlenar = 0;
    for (let k = 0; k < 3; k++) {
      const salida = path.join(dir, `llenado-${k}.xlsx`);
      const r = correr(["llenar", plantilla, "--salida", salida, "--corte", "6"], dir);
      llenar.push(r.ms);
      llenarCpu.push(r.cpuMs);
      rssLlenar = Math.max(rssLlenar, r.rssMB);
    }

    const idas = [];
    const idasCpu = [];
    for (let k = 0; k < 2; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytesPlantilla);
      await wb.xlsx.writeBuffer();
      idas.push(performance.now() - t0);
      idasCpu.push(cpuMs(process.cpuUsage(c0)));
    }

    // Arrancar Node sin hacer nada (la CLI lo paga; el piso, medido dentro de este proceso, no).
    const arranques = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      spawnSync(process.execPath, ["-e", "0"]);
      arranques.push(performance.now() - t0);
    }
    const pisosProceso = [];
    for (let k = 0; k < 3; k++) pisosProceso.push(pisoEnProceso(archivo));
    const pisosPlantilla = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      piso(bytesPlantilla);
      pisosPlantilla.push(performance.now() - t0);
    }

    // Solo el núcleo, en caliente.
    registrarTs();
    const { leerLibro } = require(path.join(RAIZ, "src", "xlsx", "lector.ts"));
    const { analizarHoja } = require(path.join(RAIZ, "src", "core", "index.ts"));
    const leido = leerLibro(new Uint8Array(bytes));
    if (!leido.ok) throw new Error(leido.error.mensaje);
    const hoja = leido.valor.hojas[0];
    analizarHoja(hoja, { corte: 6 });
    const t0 = performance.now();
    const vueltas = 3;
    for (let k = 0; k < vueltas; k++) analizarHoja(hoja, { corte: 6 });
    const seg = (performance.now() - t0) / 1000;

    const floor = mediana(pisos);
    const arranque = mediana(arranques);
    const analisis = (seg * 1000) / vueltas;
    const validate = mediana(validar);
    const fill = mediana(llenar);
    const ida = mediana(idas);
    const salida = {
      "cli.floor20k.ms": Math.round(floor),
      "cli.validate20k.ms": Math.round(validate),
      "cli.fill20k.ms": Math.round(fill),
      "cli.fill20k.peakRssMB": rssLlenar,
      "cli.exceljsRoundTrip20k.ms": Math.round(ida),
      "cli.validateOverFloor": Math.round((validate / floor) * 100) / 100,
      "cli.fillOverExceljs": Math.round((fill / ida) * 100) / 100,
      "core.validateRowsPerSecond": Math.round((N * vueltas) / seg),
      "cli.nodeStart.ms": Math.round(arranque),
      "cli.validateBoundOverFloor": Math.round(((floor + arranque + analisis) / floor) * 100) / 100,
      "cli.fillBoundOverExceljs": Math.round(((mediana(pisosPlantilla) + arranque + analisis) / ida) * 100) / 100,
      "cli.floorProcess20k.ms": Math.round(mediana(pisosProceso)),
      "cli.validateOverFloorProcess": Math.round((validate / mediana(pisosProceso)) * 100) / 100,
    };
    const floorCpu = mediana(pisosCpu);
    const validateCpu = mediana(validarCpu);
    const fillCpu = mediana(llenarCpu);
    const idaCpu = mediana(idasCpu);
    Object.assign(salida, {
      "cli.floor20k.cpuMs": Math.round(floorCpu),
      "cli.validate20k.cpuMs": Math.round(validateCpu),
      "cli.fill20k.cpuMs": Math.round(fillCpu),
      "cli.exceljsRoundTrip20k.cpuMs": Math.round(idaCpu),
      "cli.validateOverFloorCpu": Math.round((validateCpu / floorCpu) * 100) / 100,
      "cli.fillOverExceljsCpu": Math.round((fillCpu / idaCpu) * 100) / 100,
      // Un reparto perfecto entre los 2 núcleos no baja el tiempo de pared de CPU / 2.
      "cli.validateTwoCoreBoundOverFloor": Math.round((validateCpu / NUCLEOS / floor) * 100) / 100,
      "cli.fillTwoCoreBoundOverExceljs": Math.round((fillCpu / NUCLEOS / ida) * 100) / 100,
    });

    if (process.env.PAT_BENCH_200K !== "0") {
      const grande = path.join(dir, "pat-200k.xlsx");
      await generar(grande, { n: 200_000, estilo: true, flujo: true });
      const v = correr(["validar", "--json", grande], dir);
      const l = correr(["llenar", grande, "--salida", path.join(dir, "llenado-200k.xlsx"), "--corte", "6"], dir);
      salida["cli.validate200k.ms"] = Math.round(v.ms);
      salida["cli.validate200k.peakRssMB"] = v.rssMB;
      salida["cli.validate200k.cpuMs"] = v.cpuMs;
      salida["cli.fill200k.ms"] = Math.round(l.ms);
      salida["cli.fill200k.peakRssMB"] = l.rssMB;
      salida["cli.fill200k.cpuMs"] = l.cpuMs;
    }
    return salida;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

if (require.main === module) {
  module.exports().then((r) => console.log(JSON.stringify(r, null, 2)), (e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
module.exports.generar = generar;
