#!/usr/bin/env node
/**
 * `npm start`: compila en modo desarrollo y sirve con webpack-dev-server (la misma
 * configuración que `npm run dev-server`: https con los certificados de
 * office-addin-dev-certs si ya están instalados; si no, http://localhost:3000), e imprime la
 * dirección de la vista previa (el panel real sobre un libro en memoria, sin Excel).
 *
 *   npm start                       compila y sirve (webpack-dev-server, en memoria)
 *   npm start -- --solo-servir      sirve el dist/ que ya existe, sin compilar
 *   npm start -- --puerto 3100      otro puerto (también PORT=3100)
 *   npm start -- --http             http aunque haya certificados (igual que PAT_HTTP=1)
 *
 * También exporta `servir({ raiz, puerto, tls })` para las pruebas de navegador.
 *
 * Nada de servidor hecho a mano: webpack-dev-server 5 exige un compilador (su constructor
 * llama a `compiler.getInfrastructureLogger`), así que para servir un dist/ ya compilado se
 * usan express + serve-static, los mismos paquetes que webpack-dev-server usa por dentro.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const http = require("http");
const https = require("https");

const RAIZ = path.join(__dirname, "..");
const DIST = path.join(RAIZ, "dist");

/**
 * Sirve `raiz` (estático, con express + serve-static). Resuelve con { servidor, url, cerrar }.
 * puerto 0 = uno libre (pruebas). `tls` = opciones de https.createServer (cert, key…) o null.
 */
function servir({ raiz = DIST, puerto = 3000, host = "localhost", tls = null } = {}) {
  const express = require("express");
  const serveStatic = require("serve-static");
  const app = express();
  app.disable("x-powered-by");
  app.use((req, res, siguiente) => {
    res.set({ "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" });
    siguiente();
  });
  app.use(serveStatic(path.resolve(raiz), { cacheControl: false, etag: false, lastModified: false }));
  // Sin index.html: la raíz lleva a la vista previa.
  app.get("/", (req, res) => res.redirect(302, "/preview.html"));
  app.use((req, res) => res.status(404).type("text/plain").send("No encontrado"));

  const servidor = tls ? https.createServer(tls, app) : http.createServer(app);
  return new Promise((resolver, rechazar) => {
    servidor.once("error", rechazar);
    servidor.listen(puerto, host, () => {
      servidor.off("error", rechazar);
      const p = servidor.address().port;
      resolver({
        servidor,
        url: `${tls ? "https" : "http"}://${host}:${p}/`,
        cerrar: () =>
          new Promise((r) => {
            servidor.close(() => r());
            servidor.closeAllConnections?.();
          }),
      });
    });
  });
}

/** Configuración del complemento tal como la ve `webpack serve --mode development`. */
async function configuracionServidor() {
  const fabrica = require(path.join(RAIZ, "webpack.config.js"));
  const [config] = await fabrica({ WEBPACK_SERVE: true }, { mode: "development" });
  return config;
}

function imprimirDirecciones(url, esHttps) {
  console.log(`\nPAT Indicadores sirviendo en ${url}`);
  console.log(`Vista previa: ${url}preview.html`);
  console.log(`  (panel + libro en memoria; en inglés: ${url}preview.html?idioma=en)`);
  console.log(`Panel para Excel (manifest.xml): ${url}taskpane.html`);
  if (!esHttps) console.log("  (http: sin certificados de office-addin-dev-certs; para Excel: npx office-addin-dev-certs install)");
  console.log("Ctrl+C para terminar.");
}

/** Compila y sirve con la API de Node de webpack-dev-server (equivale a `webpack serve`). */
async function compilarYServir({ puerto }) {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = await configuracionServidor();
  const opciones = {
    ...config.devServer,
    port: puerto,
    host: "localhost",
    // Sin index.html: la raíz lleva a la vista previa.
    setupMiddlewares: (middlewares, servidor) => {
      servidor.app.get("/", (req, res) => res.redirect(302, "/preview.html"));
      return middlewares;
    },
  };
  const esHttps = opciones.server && opciones.server.type === "https";
  const compilador = webpack(config);
  const servidor = new WebpackDevServer(opciones, compilador);
  let primera = true;
  compilador.hooks.done.tap("PAT start", (stats) => {
    if (!primera) return;
    primera = false;
    if (stats.hasErrors()) console.warn("[PAT] La compilación informó errores (se ven también en el navegador).");
    const p = (servidor.server && servidor.server.address() && servidor.server.address().port) || puerto;
    imprimirDirecciones(`${esHttps ? "https" : "http"}://localhost:${p}/`, esHttps);
  });
  await servidor.start();
  for (const senal of ["SIGINT", "SIGTERM"]) {
    process.once(senal, () => servidor.stop().finally(() => process.exit(0)));
  }
}

/** Sirve el dist/ que ya existe, con el mismo https/http que elige webpack.config.js. */
async function soloServir({ puerto }) {
  if (!fs.existsSync(path.join(DIST, "preview.html"))) {
    console.error("[PAT] No hay dist/preview.html. Ejecute «npm start» (sin --solo-servir) o «npm run build:dev».");
    process.exit(1);
  }
  const { server } = (await configuracionServidor()).devServer;
  const tls = server && server.type === "https" ? server.options : null;
  const { url } = await servir({ raiz: DIST, puerto, tls });
  imprimirDirecciones(url, Boolean(tls));
}

async function principal() {
  const args = process.argv.slice(2);
  const i = args.indexOf("--puerto");
  const puerto = Number(i >= 0 ? args[i + 1] : process.env.PORT || process.env.npm_package_config_dev_server_port || 3000);
  if (!Number.isInteger(puerto) || puerto < 0 || puerto > 65535) throw new Error(`Puerto no válido: ${i >= 0 ? args[i + 1] : puerto}`);
  // webpack.config.js decide puerto y https/http; PAT_HTTP=1 lo obliga a http.
  process.env.npm_package_config_dev_server_port = String(puerto);
  if (args.includes("--http")) process.env.PAT_HTTP = "1";
  if (args.includes("--solo-servir")) await soloServir({ puerto });
  else await compilarYServir({ puerto });
}

module.exports = { servir };

if (require.main === module) {
  principal().catch((e) => {
    console.error(`[PAT] ${e && e.message ? e.message : e}`);
    process.exit(1);
  });
}
