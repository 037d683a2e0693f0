/**
 * Compilación de PAT Indicadores (estilo de la plantilla de Microsoft):
 * 1. «complemento» (navegador): funciones personalizadas (functions.js/.html/.json y
 *    functions.en.json), panel (taskpane), vista previa (si existe src/preview), página de
 *    comandos, íconos y manifiesto (con URL de producción en `--mode production`).
 * 2. «cli» (Node): src/cli/pat.ts → dist/cli/pat.js ejecutable (si existe src/cli/pat.ts).
 *
 * Variables: PAT_URL_PRODUCCION (https://…/, predeterminada https://pat-indicadores.example.mx/);
 * PAT_ES2016=advertir (solo para trabajo local: en producción la sintaxis posterior a
 * ES2016 en functions.js pasa de error a advertencia; en desarrollo siempre es advertencia);
 * PAT_HTTP=1 (servidor de desarrollo en http aunque haya certificados).
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { PluginMetadatosIngles } = require("./scripts/compilacion/metadatos-ingles");
const { PluginManifiesto } = require("./scripts/compilacion/manifiesto");
const { PluginModulosProhibidos, PluginSintaxisEs2016 } = require("./scripts/compilacion/comprobaciones");

const raiz = __dirname;
const existe = (relativa) => fs.existsSync(path.join(raiz, relativa));
const puerto = Number(process.env.npm_package_config_dev_server_port || 3000);

/**
 * Certificados de desarrollo de office-addin-dev-certs si ya están instalados
 * (`npx office-addin-dev-certs install`); si no, el servidor usa http. No se instalan desde
 * aquí: la instalación pide sudo y colgaría el servidor.
 */
function opcionesHttps() {
  if (process.env.PAT_HTTP === "1") return null;
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const archivos = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (!Object.values(archivos).every((a) => fs.existsSync(path.join(dir, a)))) return null;
  return Object.fromEntries(Object.entries(archivos).map(([k, a]) => [k, fs.readFileSync(path.join(dir, a))]));
}

/** Regla de TypeScript: solo transpila (los tipos los revisa `npm run lint`). */
function reglaTs(target) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        transpileOnly: true,
        configFile: path.join(raiz, "tsconfig.json"),
        compilerOptions: { target, module: "esnext", sourceMap: true, noEmit: false },
      },
    },
  };
}

function paginaHtml({ nombre, plantilla, chunks, titulo }) {
  return new HtmlWebpackPlugin({
    filename: `${nombre}.html`,
    ...(plantilla && existe(plantilla) ? { template: path.join(raiz, plantilla) } : { title: titulo }),
    chunks,
  });
}

function configComplemento({ produccion, servidor }) {
  const entry = {
    functions: "./src/functions/functions.ts",
    taskpane: "./src/taskpane/index.tsx",
  };
  const paginas = [
    paginaHtml({ nombre: "functions", plantilla: "src/functions/functions.html", chunks: ["functions"] }),
    paginaHtml({ nombre: "taskpane", plantilla: "src/taskpane/taskpane.html", chunks: ["taskpane"], titulo: "PAT Indicadores" }),
    paginaHtml({ nombre: "commands", plantilla: "src/commands/commands.html", chunks: [] }),
  ];
  if (existe("src/preview/index.tsx")) {
    entry.preview = "./src/preview/index.tsx";
    paginas.push(paginaHtml({ nombre: "preview", plantilla: "src/preview/preview.html", chunks: ["preview"], titulo: "PAT Indicadores — vista previa" }));
  }
  // --- Vista previa (issue 4): exceljs NO se empaqueta en ningún paquete del navegador; la
  // vista previa lo carga aparte como script global (vendor/exceljs.min.js, copiado de
  // node_modules/exceljs/dist) y `import ExcelJS from "exceljs"` se resuelve a ese global.
  // El libro de muestra se copia a dist/samples/ para que la vista previa lo abra al iniciar.
  const vistaPrevia = existe("src/preview/index.tsx");
  const copiasVistaPrevia = vistaPrevia
    ? [
        { from: "node_modules/exceljs/dist/exceljs.min.js", to: "vendor/exceljs.min.js" },
        { from: "samples/*.xlsx", to: "samples/[name][ext]", noErrorOnMissing: true },
      ]
    : [];
  // --- fin vista previa

  const config = {
    name: "complemento",
    mode: produccion ? "production" : "development",
    // El runtime «solo JavaScript» de funciones personalizadas admite ES2016: todo el
    // paquete del navegador se traduce a ES2016 (PluginSintaxisEs2016 lo comprueba).
    target: ["web", "es2016"],
    devtool: "source-map",
    context: raiz,
    entry,
    output: {
      path: path.join(raiz, "dist"),
      filename: "[name].js",
      clean: { keep: /^cli[\\/]/ },
      // Reescribe siempre: tests/global-setup.js compara fechas de dist/ con las fuentes.
      compareBeforeEmit: false,
      devtoolModuleFilenameTemplate: "webpack:///[resource-path]?[loaders]",
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    // Vista previa (issue 4): exceljs llega como global `ExcelJS` (ver copiasVistaPrevia).
    externals: vistaPrevia ? { exceljs: "ExcelJS" } : {},
    module: {
      rules: [reglaTs("ES2016"), { test: /\.(png|jpg|jpeg|gif|ico|svg)$/, type: "asset/resource" }],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new PluginMetadatosIngles({ tabla: path.join(raiz, "src/functions/localization/en.json") }),
      ...paginas,
      // formatos/ (opcional): los formatos del instituto junto al complemento (issue 10).
      new CopyWebpackPlugin({ patterns: [{ from: "assets", to: "assets", noErrorOnMissing: false }, { from: "formatos", to: "formatos", noErrorOnMissing: true }, ...copiasVistaPrevia] }),
      new PluginManifiesto({
        origen: path.join(raiz, "manifest.xml"),
        produccion,
        url: process.env.PAT_URL_PRODUCCION,
      }),
      // exceljs (≈ 1 MB) fuera de las funciones y del panel; la vista previa sí lo usa.
      new PluginModulosProhibidos({ paquetes: ["exceljs"], entradas: ["functions", "taskpane"] }),
      // Error en producción (la compilación que se publica); advertencia en desarrollo.
      new PluginSintaxisEs2016({ activos: ["functions.js"], soloAdvertir: !produccion || process.env.PAT_ES2016 === "advertir" }),
    ],
    performance: { hints: produccion ? "warning" : false, maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
  };

  if (servidor) {
    const https = opcionesHttps();
    if (!https) {
      console.warn(
        `[PAT] Sin certificados de desarrollo: el servidor usa http://localhost:${puerto}/ (basta para la vista previa en el navegador).\n` +
          "      Para cargar el complemento en Excel: npx office-addin-dev-certs install, y vuelva a iniciar.",
      );
    }
    config.devServer = {
      port: puerto,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      static: false,
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
}

/** Paquetes que van dentro de dist/cli/pat.js (ver `externals` de configCli). */
const EN_EL_PAQUETE_CLI = new Set(["saxes", "xmlchars", "fflate", "commander", "picocolors"]);

function configCli({ produccion }) {
  return {
    name: "cli",
    mode: produccion ? "production" : "development",
    target: "node20",
    devtool: "source-map",
    context: raiz,
    entry: { pat: "./src/cli/pat.ts" },
    output: { path: path.join(raiz, "dist", "cli"), filename: "[name].js", clean: true, compareBeforeEmit: false },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: { rules: [reglaTs("ES2022")] },
    externalsPresets: { node: true },
    // Los paquetes de node_modules se cargan en tiempo de ejecución (commonjs), salvo los
    // que toda orden carga al arrancar: dentro del paquete se ahorran la resolución y la
    // lectura de decenas de archivos. zod queda fuera: solo se carga al validar un formato
    // propio (≈ 80 ms entonces); dentro del paquete, V8 compilaba sus ≈ 370 KB en cada arranque.
    externals: [
      ({ request }, callback) => {
        const paquete = request?.split("/")[0] ?? "";
        if (request && !request.startsWith(".") && !path.isAbsolute(request) && !EN_EL_PAQUETE_CLI.has(paquete)) return callback(null, `commonjs ${request}`);
        return callback();
      },
    ],
    optimization: { minimize: false },
    plugins: [
      new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, entryOnly: true }),
      {
        apply(compiler) {
          compiler.hooks.afterEmit.tap("Ejecutable", () => {
            const archivo = path.join(raiz, "dist", "cli", "pat.js");
            if (fs.existsSync(archivo)) fs.chmodSync(archivo, 0o755);
          });
        },
      },
    ],
  };
}

module.exports = async (env = {}, options = {}) => {
  const produccion = options.mode !== "development";
  const servidor = Boolean(env.WEBPACK_SERVE);
  const configs = [configComplemento({ produccion, servidor })];
  if (!servidor && existe("src/cli/pat.ts")) configs.push(configCli({ produccion }));
  return configs;
};
