/**
 * Sección `taskpane` de scripts/bench.js: tamaño del panel que descarga Excel, en KB
 * comprimidos con gzip, de la compilación de PRODUCCIÓN de dist/taskpane.js. Si el
 * dist/taskpane.js que hay es de desarrollo (o no hay), compila solo la entrada del panel en
 * modo producción en una carpeta temporal (con la configuración del proyecto), sin tocar dist/.
 * Falla si el panel contiene exceljs.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");

const RAIZ = path.join(__dirname, "..", "..");
const ARCHIVO = path.join(RAIZ, "dist", "taskpane.js");

function esProduccion(codigo) {
  // La compilación de desarrollo deja los módulos como /***/ "./src/…" y eval/comentarios.
  return !/\/\*\*\*\/ "\.\/src\//.test(codigo) && !codigo.includes("__webpack_require__.r(__webpack_exports__)");
}

async function compilarProduccion() {
  const webpack = require(require.resolve("webpack", { paths: [RAIZ] }));
  const fabrica = require(path.join(RAIZ, "webpack.config.js"));
  const configs = await (typeof fabrica === "function" ? fabrica({}, { mode: "production" }) : fabrica);
  const base = (Array.isArray(configs) ? configs : [configs]).find((c) => c.entry && c.entry.taskpane);
  if (!base) throw new Error("webpack.config.js no tiene la entrada «taskpane».");
  const salida = fs.mkdtempSync(path.join(os.tmpdir(), "pat-bench-panel-"));
  const config = {
    ...base,
    mode: "production",
    devtool: false,
    entry: { taskpane: base.entry.taskpane },
    output: { ...base.output, path: salida, clean: true },
    // Solo la guarda de paquetes prohibidos; sin páginas, metadatos ni manifiesto.
    plugins: (base.plugins || []).filter((p) => p && p.constructor && p.constructor.name === "PluginModulosProhibidos"),
  };
  await new Promise((resolver, rechazar) =>
    webpack(config, (err, stats) => {
      if (err) return rechazar(err);
      if (stats.hasErrors()) return rechazar(new Error(stats.toString({ all: false, errors: true })));
      resolver();
    }),
  );
  const codigo = fs.readFileSync(path.join(salida, "taskpane.js"));
  fs.rmSync(salida, { recursive: true, force: true });
  return codigo;
}

module.exports = async function medirPanel() {
  let codigo = fs.existsSync(ARCHIVO) ? fs.readFileSync(ARCHIVO) : null;
  if (!codigo || !esProduccion(codigo.toString("utf8"))) codigo = await compilarProduccion();
  if (/\bExcelJS\b|node_modules[\\/]exceljs/.test(codigo.toString("utf8"))) throw new Error("El panel contiene exceljs: no debe incluirlo.");
  const gzip = zlib.gzipSync(codigo, { level: 9 }).length;
  return { "taskpane.bundleKB": Math.round((gzip / 1024) * 10) / 10 };
};
