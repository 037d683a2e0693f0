#!/usr/bin/env node
/**
 * `npm start`: compila en modo desarrollo y sirve dist/ (https con los certificados de
 * office-addin-dev-certs si ya están instalados; si no, http://localhost:3000), e imprime la
 * dirección de la vista previa (el panel real sobre un libro en memoria, sin Excel).
 *
 *   npm start                       compila y sirve
 *   npm start -- --solo-servir      sirve el dist/ que ya existe (lo usan las pruebas)
 *   npm start -- --puerto 3100      otro puerto (también PORT=3100)
 *   npm start -- --http             http aunque haya certificados
 *
 * También exporta `servir({ raiz, puerto, https })` para las pruebas de navegador.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const http = require("http");
const https = require("https");
const { spawnSync } = require("child_process");

const RAIZ = path.join(__dirname, "..");
const DIST = path.join(RAIZ, "dist");

const TIPOS = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".txt": "text/plain; charset=utf-8",
};

/** Certificados de office-addin-dev-certs, si existen (no se instalan desde aquí: pide sudo). */
function certificados() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  if (!fs.existsSync(cert) || !fs.existsSync(key)) return null;
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

/**
 * Servidor estático mínimo de `raiz`. Resuelve con { servidor, url, cerrar }.
 * puerto 0 = uno libre (pruebas).
 */
function servir({ raiz = DIST, puerto = 3000, host = "localhost", tls = null } = {}) {
  const base = path.resolve(raiz);
  const manejador = (req, res) => {
    let ruta;
    try {
      ruta = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (ruta.endsWith("/")) ruta += "index.html";
    const archivo = path.resolve(base, "." + ruta);
    if (!archivo.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(archivo, (err, st) => {
      if (err || !st.isFile()) {
        if (ruta === "/index.html") {
          res.writeHead(302, { Location: "/preview.html" }).end();
          return;
        }
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("No encontrado");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TIPOS[path.extname(archivo).toLowerCase()] || "application/octet-stream",
        "Content-Length": st.size,
        "Cache-Control": "no-store",
        "Access-Control-Allow-Origin": "*",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(archivo).pipe(res);
    });
  };
  const servidor = tls ? https.createServer(tls, manejador) : http.createServer(manejador);
  return new Promise((resolver, rechazar) => {
    servidor.once("error", rechazar);
    servidor.listen(puerto, host, () => {
      const p = servidor.address().port;
      resolver({
        servidor,
        url: `${tls ? "https" : "http"}://${host}:${p}/`,
        cerrar: () => new Promise((r) => servidor.close(() => r())),
      });
    });
  });
}

/** Compila dist/ en modo desarrollo; devuelve true si quedó la vista previa. */
function compilar() {
  const r = spawnSync(process.platform === "win32" ? "npx.cmd" : "npx", ["webpack", "--mode", "development"], { cwd: RAIZ, stdio: "inherit" });
  const hay = fs.existsSync(path.join(DIST, "preview.html")) && fs.existsSync(path.join(DIST, "taskpane.html"));
  if (r.status !== 0 && hay) console.warn("[PAT] La compilación informó errores; se sirve lo que quedó en dist/.");
  return hay;
}

async function principal() {
  const args = process.argv.slice(2);
  const soloServir = args.includes("--solo-servir");
  const i = args.indexOf("--puerto");
  const puerto = Number(i >= 0 ? args[i + 1] : process.env.PORT || process.env.npm_package_config_dev_server_port || 3000);
  if (!soloServir && !compilar()) {
    console.error("[PAT] No se pudo compilar dist/. Revise los errores de webpack arriba.");
    process.exit(1);
  }
  if (!fs.existsSync(path.join(DIST, "preview.html"))) {
    console.error("[PAT] No hay dist/preview.html. Ejecute «npm start» (sin --solo-servir) o «npm run build:dev».");
    process.exit(1);
  }
  const tls = args.includes("--http") ? null : certificados();
  const { url } = await servir({ raiz: DIST, puerto, tls });
  console.log(`\nPAT Indicadores sirviendo dist/ en ${url}`);
  console.log(`  Vista previa (panel + libro en memoria): ${url}preview.html`);
  console.log(`  Vista previa en inglés:                  ${url}preview.html?idioma=en`);
  console.log(`  Panel para Excel (manifest.xml):         ${url}taskpane.html`);
  if (!tls) console.log("  (http: sin certificados de office-addin-dev-certs; para Excel: npx office-addin-dev-certs install)");
  console.log("Ctrl+C para terminar.");
}

module.exports = { servir, compilar, certificados };

if (require.main === module) {
  principal().catch((e) => {
    console.error(`[PAT] ${e && e.message ? e.message : e}`);
    process.exit(1);
  });
}
