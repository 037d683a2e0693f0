/**
 * Medición de `pat consolidar` (la fusiona scripts/bench.js):
 *   cli.consolidate200.ms          `node dist/cli/pat.js consolidar` sobre 200 libros de 50 actividades,
 *                                  con --json, --salida (libro con gráficos) y --html (tiempo de pared)
 *   cli.consolidate200.peakRssMB   memoria máxima (RSS) de ese proceso
 *   cli.consolidate200.cpuMs       su tiempo de CPU (usuario + sistema), que no depende de la carga de la máquina
 *   cli.validate200.ms             piso medido en la misma corrida: `pat validar --json` de los mismos 200 libros
 *   cli.consolidate200.vsValidate  consolidate / validate (lo que cuestan el consolidado y los informes)
 * Metas: < 10 s y < 400 MB en una máquina de 2 núcleos.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const ExcelJS = require("exceljs");

const RAIZ = path.resolve(__dirname, "..", "..");
const LIBROS = 200;
const ACTIVIDADES = 50;
const UNIDADES = ["DIRECCIÓN EJECUTIVA DE ORGANIZACIÓN ELECTORAL", "DIRECCIÓN EJECUTIVA DE ADMINISTRACIÓN", "UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS", "SECRETARÍA EJECUTIVA"];
const ENCABEZADO = ["NÚMERO", "POLÍTICAS GENERALES", "NOMBRE DEL PROGRAMA", "OBJETIVO ESPECÍFICO", "ACTIVIDAD", "MES INICIAL", "MES FINAL", "INDICADOR", "MÉTODO DE CÁLCULO", "FRECUENCIA DE MEDICIÓN", "UNIDAD DE MEDIDA", "META", "PRESUPUESTO", "OBSERVACIONES", "UNIDADES CUMPLIDAS AL MOMENTO", "PORCENTAJE CUMPLIDO (%)", "ESTATUS"];

async function libro(unidad, semilla) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PAT 2024");
  ws.getCell("A1").value = "INSTITUTO ELECTORAL DEL ESTADO";
  ws.getCell("A2").value = "PROGRAMA ANUAL DE TRABAJO 2024";
  ws.getCell("A3").value = unidad;
  ws.getRow(5).values = ENCABEZADO;
  for (let i = 0; i < ACTIVIDADES; i++) {
    const ini = 1 + ((i + semilla) % 6);
    const meta = [6, 3, 2, 12][i % 4];
    const c = (i * 7 + semilla) % (meta + 2);
    ws.addRow([
      String(1 + Math.floor(i / 4)), "Política institucional", "Programa de trabajo", `Objetivo ${1 + Math.floor(i / 4)}`,
      `${1 + Math.floor(i / 4)}.${1 + (i % 4)} Actividad ${i + 1} de la unidad`, ini, Math.min(12, ini + 6), "Informe de avance",
      "Documento realizado / Documento programado X 100", "Mensual", "Documento", meta, 1000 + i, i % 3 === 0 ? "Avance conforme a lo programado." : null,
      c, null, null,
    ]);
  }
  return wb.xlsx.writeBuffer();
}

/** Corre la orden con un `--require` que anota la RSS máxima del proceso al salir. */
function correr(args, rss) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--require", rss.script, path.join(RAIZ, "dist", "cli", "pat.js"), ...args], {
    encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, PAT_BENCH_RSS: rss.archivo, CI: "1" },
  });
  const ms = performance.now() - t0;
  if (r.status === 2) throw new Error(`pat ${args[0]} falló: ${r.stderr}`);
  const uso = JSON.parse(fs.readFileSync(rss.archivo, "utf8"));
  // maxRSS en KB; userCPUTime y systemCPUTime en µs (la CPU no depende de la carga de la máquina).
  return { ms, rssMB: uso.maxRSS / 1024, cpuMs: (uso.userCPUTime + uso.systemCPUTime) / 1000 };
}

module.exports = async function medir() {
  const cli = path.join(RAIZ, "dist", "cli", "pat.js");
  if (!fs.existsSync(cli)) throw new Error("Construya antes la orden: npm run build");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pat-bench-consolidar-"));
  try {
    // Cuatro libros distintos, copiados a 200 archivos en carpetas por área.
    const modelos = await Promise.all(UNIDADES.map((u, k) => libro(u, k)));
    const rutas = [];
    for (let i = 0; i < LIBROS; i++) {
      const carpeta = path.join(dir, "areas", `area-${i % 10}`);
      fs.mkdirSync(carpeta, { recursive: true });
      const ruta = path.join(carpeta, `pat-${i}.xlsx`);
      fs.writeFileSync(ruta, modelos[i % modelos.length]);
      rutas.push(ruta);
    }
    const rss = { script: path.join(dir, "rss.js"), archivo: path.join(dir, "rss.txt") };
    fs.writeFileSync(rss.script, "process.on('exit', () => require('fs').writeFileSync(process.env.PAT_BENCH_RSS, JSON.stringify(process.resourceUsage())));\n");

    const validar = correr(["validar", "--json", "--corte", "6", ...rutas], rss);
    const consolidar = correr(["consolidar", path.join(dir, "areas"), "--corte", "6", "--json", "--salida", path.join(dir, "informe.xlsx"), "--html", path.join(dir, "informe.html")], rss);
    return {
      "cli.consolidate200.ms": Math.round(consolidar.ms),
      "cli.consolidate200.peakRssMB": Math.round(consolidar.rssMB),
      "cli.consolidate200.cpuMs": Math.round(consolidar.cpuMs),
      "cli.validate200.cpuMs": Math.round(validar.cpuMs),
      "cli.validate200.ms": Math.round(validar.ms),
      "cli.consolidate200.vsValidate": Math.round((consolidar.ms / validar.ms) * 100) / 100,
    };
  } finally {
    if (!process.env.PAT_BENCH_CONSERVAR) fs.rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`[bench] libros en ${dir}\n`);
  }
};

if (require.main === module) {
  module.exports().then((r) => console.log(JSON.stringify(r, null, 2)), (e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
