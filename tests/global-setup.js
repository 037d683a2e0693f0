/**
 * globalSetup de jest: construye `dist/` (`npx webpack --mode production`) solo si falta
 * o si es más viejo que sus fuentes (src, manifest.xml, assets, samples, webpack.config.js,
 * scripts/compilacion, tsconfig.json, package.json). Un candado evita dos compilaciones
 * a la vez (varias ejecuciones de jest o varias pruebas que lo llaman desde beforeAll).
 *
 * También se puede llamar desde una prueba: `await require("../global-setup")()`.
 * Con PAT_DIST_LISTO=1 no construye nada (dist/ ya lo construyó otro paso, p. ej. en CI).
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const crypto = require("crypto");

const RAIZ = path.join(__dirname, "..");
const DIST = path.join(RAIZ, "dist");
const FUENTES = ["src", "assets", "samples", "manifest.xml", "webpack.config.js", "scripts/compilacion", "tsconfig.json", "package.json"];
const CANDADO = path.join(os.tmpdir(), `pat-build-${crypto.createHash("sha1").update(RAIZ).digest("hex").slice(0, 10)}.lock`);
const ESPERA_MAXIMA_MS = 10 * 60 * 1000;

/** La fecha de modificación más reciente bajo `ruta` (0 si no existe). */
function masReciente(ruta) {
  let st;
  try {
    st = fs.statSync(ruta);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(ruta)) max = Math.max(max, masReciente(path.join(ruta, e)));
  return max;
}

/** Los archivos que la compilación debe dejar en dist/. */
function salidasEsperadas() {
  const salidas = ["functions.js", "functions.json", "functions.en.json", "functions.html", "taskpane.js", "taskpane.html", "manifest.xml"];
  if (fs.existsSync(path.join(RAIZ, "src/preview/index.tsx"))) salidas.push("preview.js", "preview.html");
  if (fs.existsSync(path.join(RAIZ, "src/cli/pat.ts"))) salidas.push("cli/pat.js");
  return salidas.map((s) => path.join(DIST, s));
}

const fuenteMasReciente = () => Math.max(...FUENTES.map((f) => masReciente(path.join(RAIZ, f))));

/** Razón por la que hay que construir, o `null` si dist/ está al día. */
function razonParaConstruir() {
  const salidas = salidasEsperadas();
  const faltante = salidas.find((s) => !fs.existsSync(s));
  if (faltante) return `falta ${path.relative(RAIZ, faltante)}`;
  const salida = Math.min(...salidas.map((s) => fs.statSync(s).mtimeMs));
  return fuenteMasReciente() > salida ? "las fuentes son más recientes que dist/" : null;
}

// Una compilación fallida con las mismas fuentes no se repite (cada archivo de prueba
// que llama a este módulo recibiría el mismo error tras otro minuto de compilación).
const FALLO = `${CANDADO}.fallo.json`;
function falloAnterior(fuente) {
  try {
    const f = JSON.parse(fs.readFileSync(FALLO, "utf8"));
    return f.fuente === fuente ? f.mensaje : null;
  } catch {
    return null;
  }
}

const dormir = (ms) => new Promise((r) => setTimeout(r, ms));

async function tomarCandado() {
  const inicio = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(CANDADO);
      return;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      let edad = 0;
      try {
        edad = Date.now() - fs.statSync(CANDADO).mtimeMs;
      } catch {
        continue;
      }
      if (edad > ESPERA_MAXIMA_MS) fs.rmSync(CANDADO, { recursive: true, force: true });
      else if (Date.now() - inicio > ESPERA_MAXIMA_MS) throw new Error(`Otra compilación tiene el candado ${CANDADO} desde hace demasiado.`);
      else await dormir(500);
    }
  }
}

module.exports = async function construirSiHaceFalta() {
  if (process.env.PAT_DIST_LISTO === "1" || !razonParaConstruir()) return;
  await tomarCandado();
  try {
    // Otra ejecución pudo haber construido mientras esperábamos el candado.
    const razon = razonParaConstruir();
    if (!razon) return;
    // La clave incluye las variables que cambian el resultado de la compilación.
    const fuente = [fuenteMasReciente(), process.env.PAT_ES2016 || "", process.env.PAT_URL_PRODUCCION || ""].join("|");
    const anterior = falloAnterior(fuente);
    if (anterior) throw new Error(`${anterior}\n(Resultado de la compilación anterior con las mismas fuentes; cambie algo y vuelva a probar.)`);
    process.stderr.write(`\n[global-setup] Construyendo dist/ (${razon}): npx webpack --mode production\n`);
    const r = spawnSync("npx", ["webpack", "--mode", "production"], {
      cwd: RAIZ,
      encoding: "utf8",
      // Las pruebas compilan producción con una URL de prueba explícita (la compilación falla sin ella).
      env: { ...process.env, NODE_ENV: "production", PAT_URL_PRODUCCION: process.env.PAT_URL_PRODUCCION || "https://pat-indicadores.example.mx/" },
      timeout: ESPERA_MAXIMA_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) {
      const salida = `${r.stdout || ""}\n${r.stderr || ""}`.trim().split("\n").slice(-60).join("\n");
      const mensaje = `La compilación falló (código ${r.status}${r.error ? `, ${r.error.message}` : ""}):\n${salida}`;
      if (!r.error) fs.writeFileSync(FALLO, JSON.stringify({ fuente, mensaje }));
      throw new Error(mensaje);
    }
    fs.rmSync(FALLO, { force: true });
  } finally {
    fs.rmSync(CANDADO, { recursive: true, force: true });
  }
};

module.exports.razonParaConstruir = razonParaConstruir;
