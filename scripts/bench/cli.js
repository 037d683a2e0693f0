/**
 * Medición de la CLI (la fusiona scripts/bench.js):
 *   cli.read20k.ms            lector completo de exceljs sobre un pat-organo de 20 000 actividades
 *   cli.validate20k.ms        `node dist/cli/pat.js validar --json` completo (tiempo de pared)
 *   core.validateRowsPerSecond analizarHoja solo (filas de actividad por segundo, en caliente)
 * El libro se genera en una carpeta temporal. Meta: validate ≤ 1.3 × read.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const ExcelJS = require("exceljs");

const RAIZ = path.resolve(__dirname, "..", "..");
const N = 20000;

/** Carga archivos .ts de src/ transpilándolos al vuelo (solo para medir el núcleo). */
function registrarTs() {
  if (require.extensions[".ts"]) return;
  const ts = require("typescript");
  require.extensions[".ts"] = (m, archivo) => {
    const fuente = fs.readFileSync(archivo, "utf8");
    const salida = ts.transpileModule(fuente, {
      fileName: archivo,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
    }).outputText;
    m._compile(salida, archivo);
  };
}

async function generar(archivo) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PAT 2024");
  const enc = ["NÚMERO", "POLÍTICAS GENERALES", "NOMBRE DEL PROGRAMA", "OBJETIVO ESPECÍFICO", "ACTIVIDAD", "MES INICIAL", "MES FINAL", "INDICADOR", "MÉTODO DE CÁLCULO", "FRECUENCIA DE MEDICIÓN", "UNIDAD DE MEDIDA", "META", "PRESUPUESTO", "OBSERVACIONES", "UNIDADES CUMPLIDAS AL MOMENTO", "PORCENTAJE CUMPLIDO (%)", "ESTATUS"];
  ws.getCell("A1").value = "INSTITUTO ESTATAL ELECTORAL DE BAJA CALIFORNIA SUR";
  ws.getCell("A2").value = "FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO";
  ws.getCell("A3").value = "PROGRAMA ANUAL DE TRABAJO 2024";
  ws.getRow(4).values = enc;
  const frec = ["Mensual", "Bimestral", "Trimestral"];
  for (let i = 0; i < N; i++) {
    const ini = 1 + (i % 6);
    const fin = ini + 5;
    // Datos limpios: la meta es el número de informes del periodo y el avance cuadra.
    const meta = [6, 3, 2][i % 3];
    const c = Math.floor(i / 3) % (meta + 1);
    ws.addRow([
      String(1 + Math.floor(i / 3)),
      "Fomento del uso de la tecnología en los procesos de trabajo",
      "Implementación de tecnologías de información",
      `Objetivo específico ${1 + Math.floor(i / 3)} de la unidad`,
      `${1 + Math.floor(i / 3)}.${1 + (i % 3)} Actividad número ${i + 1} del programa anual`,
      ini, fin, "Informe de avance de desarrollo", "Documento realizado/ Documento presentado X 100",
      frec[i % 3], "Documento", meta, 1000 + i, i % 5 === 0 ? "Se reportará en periodos posteriores." : null,
      c, Math.round((c / meta) * 10000) / 100, c >= meta ? "CUMPLIDA" : c > 0 ? "EN PROCESO" : "PENDIENTE",
    ]);
  }
  await wb.xlsx.writeFile(archivo);
}

function mediana(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

module.exports = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pat-bench-"));
  const archivo = path.join(dir, "pat-20k.xlsx");
  try {
    await generar(archivo);
    const bytes = fs.readFileSync(archivo);

    // Lector completo de exceljs (lo que usa `pat llenar`).
    const lecturas = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes);
      lecturas.push(performance.now() - t0);
    }

    // La orden completa, como la usa la gente.
    const cli = path.join(RAIZ, "dist", "cli", "pat.js");
    let validar = null;
    if (fs.existsSync(cli)) {
      const tiempos = [];
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [cli, "validar", "--json", archivo], { encoding: "utf8", maxBuffer: 1 << 30 });
        tiempos.push(performance.now() - t0);
        if (r.status === 2) throw new Error(`pat validar falló: ${r.stderr}`);
      }
      validar = mediana(tiempos);
    }

    // Solo el núcleo, en caliente.
    registrarTs();
    const { leerLibro } = require(path.join(RAIZ, "src", "xlsx", "leer.ts"));
    const { analizarHoja } = require(path.join(RAIZ, "src", "core", "index.ts"));
    const leido = await leerLibro(new Uint8Array(bytes));
    if (!leido.ok) throw new Error(leido.error.mensaje);
    const hoja = leido.valor.hojas[0];
    analizarHoja(hoja, { corte: 6 });
    const t0 = performance.now();
    const vueltas = 3;
    for (let k = 0; k < vueltas; k++) analizarHoja(hoja, { corte: 6 });
    const seg = (performance.now() - t0) / 1000;

    const salida = {
      "cli.read20k.ms": Math.round(mediana(lecturas)),
      "core.validateRowsPerSecond": Math.round((N * vueltas) / seg),
    };
    if (validar !== null) salida["cli.validate20k.ms"] = Math.round(validar);
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
