/**
 * Copia manifest.xml a dist/. En producción cambia TODAS las apariciones de la URL de
 * desarrollo (`https://localhost:3000/`) por la de producción (`PAT_URL_PRODUCCION`) y
 * falla la compilación si queda cualquier «localhost» (una sustitución comprobada: la
 * plantilla de Microsoft solo cambiaba la primera).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");
const { revisarOverridesIngles } = require("./idiomas");

const URL_DESARROLLO = "https://localhost:3000/";
/**
 * Solo para las pruebas y la CI (que la pasan EXPLÍCITAMENTE en PAT_URL_PRODUCCION): la
 * compilación de producción ya no la usa sola. Antes, sin la variable, el manifiesto salía
 * apuntando aquí sin aviso y el complemento publicado no cargaba.
 */
const URL_PRODUCCION_PREDETERMINADA = "https://pat-indicadores.example.mx/";

/** La URL de producción normalizada (con «/» final); lanza si falta, no es https o apunta a localhost. */
function urlProduccion(valor) {
  if (!valor || !String(valor).trim()) {
    throw new Error(
      "Falta PAT_URL_PRODUCCION: la compilación de producción necesita la dirección https donde se publicará dist/ " +
        "(por ejemplo PAT_URL_PRODUCCION=https://su-servidor/pat/ npm run build). Para probar en esta máquina use npm run build:dev.",
    );
  }
  let url = String(valor).trim();
  if (!url.endsWith("/")) url += "/";
  let analizada;
  try {
    analizada = new URL(url);
  } catch {
    throw new Error(`PAT_URL_PRODUCCION («${url}») no es una URL válida.`);
  }
  if (analizada.protocol !== "https:") throw new Error(`PAT_URL_PRODUCCION («${url}») debe empezar con https://.`);
  if (/localhost|127\.0\.0\.1|\[::1\]/i.test(analizada.host)) {
    throw new Error(`PAT_URL_PRODUCCION («${url}») no puede apuntar a localhost.`);
  }
  return url;
}

function escaparRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Prepara el texto del manifiesto. En producción sustituye todas las URL de desarrollo y
 * lanza un error que cita las líneas si queda «localhost».
 */
function prepararManifiesto(xml, { produccion, url }) {
  if (!produccion) return { xml, sustituciones: 0 };
  const destino = urlProduccion(url);
  let sustituciones = 0;
  const resultado = xml.replace(new RegExp(escaparRegex(URL_DESARROLLO), "gi"), () => {
    sustituciones++;
    return destino;
  });
  const restantes = resultado
    .split(/\r?\n/)
    .map((linea, i) => ({ linea: i + 1, texto: linea.trim() }))
    .filter((l) => /localhost/i.test(l.texto));
  if (restantes.length > 0) {
    const lista = restantes.map((l) => `  línea ${l.linea}: ${l.texto}`).join("\n");
    throw new Error(`El manifiesto de producción todavía apunta a localhost:\n${lista}`);
  }
  return { xml: resultado, sustituciones };
}

class PluginManifiesto {
  /** @param {{ origen: string, destino?: string, produccion: boolean, url?: string }} opciones */
  constructor(opciones) {
    this.origen = path.resolve(opciones.origen);
    this.destino = opciones.destino || path.basename(this.origen);
    this.produccion = opciones.produccion;
    this.url = opciones.url;
  }

  apply(compiler) {
    const nombre = "PluginManifiesto";
    compiler.hooks.thisCompilation.tap(nombre, (compilation) => {
      compilation.fileDependencies.add(this.origen);
      compilation.hooks.processAssets.tap({ name: nombre, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        try {
          const original = fs.readFileSync(this.origen, "utf8");
          // Cada traducción para todos los idiomas de Office en inglés (un Override es exacto: en-us no cubre en-gb).
          const faltan = revisarOverridesIngles(original);
          if (faltan.length > 0) throw new Error(`Traducciones al inglés incompletas en el manifiesto:\n  ${faltan.join("\n  ")}`);
          const { xml } = prepararManifiesto(original, {
            produccion: this.produccion,
            url: this.url,
          });
          compilation.emitAsset(this.destino, new sources.RawSource(xml));
        } catch (e) {
          compilation.errors.push(new WebpackError(`[manifiesto] ${e.message}`));
        }
      });
    });
  }
}

module.exports = { PluginManifiesto, prepararManifiesto, urlProduccion, URL_DESARROLLO, URL_PRODUCCION_PREDETERMINADA };
