/**
 * Comprobaciones de la compilación del complemento:
 * - `PluginModulosProhibidos`: un paquete pesado (exceljs) no entra en los paquetes de las
 *   funciones ni del panel (la vista previa sí puede leer .xlsx en el navegador).
 * - `PluginSintaxisEs2016`: `functions.js` se puede analizar como ECMAScript 2016, lo que
 *   admite el runtime «solo JavaScript» de funciones personalizadas (una expresión regular
 *   con lookbehind o `\p{…}` impediría cargar TODAS las funciones en Excel de escritorio).
 *   Fuente: https://github.com/OfficeDev/office-js-docs-pr/issues/4496 («It supports
 *   ECMAScript 2016», respuesta oficial tras consulta interna de Microsoft, 2024).
 */
"use strict";
const path = require("path");
const { Compilation, WebpackError } = require("webpack");

/** Los módulos «reales» de un módulo del grafo (los internos si es un módulo concatenado). */
function* modulosInternos(m) {
  if (m.modules && typeof m.modules[Symbol.iterator] === "function") {
    for (const interno of m.modules) yield* modulosInternos(interno);
  } else {
    yield m;
  }
}

/**
 * El primer módulo del proyecto (fuera de node_modules) que, dentro del mismo paquete,
 * lleva a `m` siguiendo las importaciones hacia atrás.
 */
function primerImportadorPropio(m, propios, moduleGraph, contexto) {
  const sep = path.sep;
  const cola = [m];
  const visitados = new Set([m]);
  while (cola.length > 0) {
    const actual = cola.shift();
    for (const c of moduleGraph.getIncomingConnections(actual)) {
      const origen = c.originModule;
      if (!origen || visitados.has(origen) || !propios.has(origen)) continue;
      if (origen.resource && !origen.resource.includes(`${sep}node_modules${sep}`)) return path.relative(contexto, origen.resource);
      visitados.add(origen);
      cola.push(origen);
    }
  }
  return "";
}

class PluginModulosProhibidos {
  /**
   * @param {{ paquetes: string[], entradas?: string[] }} opciones — paquetes prohibidos y
   *   los puntos de entrada donde se prohíben (todos si no se indican).
   */
  constructor(opciones) {
    this.paquetes = opciones.paquetes;
    this.entradas = opciones.entradas || null;
  }

  apply(compiler) {
    const nombre = "PluginModulosProhibidos";
    const sep = path.sep;
    compiler.hooks.thisCompilation.tap(nombre, (compilation) => {
      compilation.hooks.processAssets.tap({ name: nombre, stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, () => {
        const { chunkGraph, moduleGraph } = compilation;
        const entradas = this.entradas || [...compilation.entrypoints.keys()];
        for (const entrada of entradas) {
          const punto = compilation.entrypoints.get(entrada);
          if (!punto) continue;
          const propios = new Set();
          for (const chunk of punto.chunks) {
            for (const modulo of chunkGraph.getChunkModulesIterable(chunk)) {
              for (const m of modulosInternos(modulo)) propios.add(m);
            }
          }
          const vistos = new Set();
          for (const m of propios) {
            const recurso = m.resource || "";
            // Empaquetado desde node_modules, o declarado como «externals» (global aparte).
            const externo = typeof m.userRequest === "string" && m.constructor && m.constructor.name === "ExternalModule" ? m.userRequest : "";
            const paquete = this.paquetes.find(
              (p) => recurso.includes(`${sep}node_modules${sep}${p}${sep}`) || externo === p || externo.startsWith(`${p}/`),
            );
            if (!paquete || vistos.has(paquete)) continue;
            vistos.add(paquete);
            const quien = primerImportadorPropio(m, propios, moduleGraph, compiler.context);
            compilation.errors.push(
              new WebpackError(
                `[módulos prohibidos] «${paquete}» no debe entrar en el paquete «${entrada}»` +
                  (quien ? ` (lo importa ${quien})` : "") +
                  ". Úselo solo en la CLI o en la vista previa.",
              ),
            );
          }
        }
      });
    });
  }
}

/** Analiza `codigo` como ES2016; devuelve `null` o el error con línea y columna. */
function errorSintaxisEs2016(codigo) {
  // acorn llega con webpack (es su analizador); se resuelve desde webpack por si no está elevado.
  const acorn = require(require.resolve("acorn", { paths: [path.dirname(require.resolve("webpack/package.json"))] }));
  try {
    acorn.parse(codigo, { ecmaVersion: 2016, sourceType: "script", locations: true });
    return null;
  } catch (e) {
    const loc = e.loc ? ` (línea ${e.loc.line}, columna ${e.loc.column + 1})` : "";
    const pos = typeof e.pos === "number" ? e.pos : 0;
    const extracto = codigo.slice(Math.max(0, pos - 60), pos + 60).replace(/\s+/g, " ");
    return `${e.message.replace(/ ?\(\d+:\d+\)$/, "")}${loc}: …${extracto}…`;
  }
}

class PluginSintaxisEs2016 {
  /**
   * @param {{ activos: string[], soloAdvertir?: boolean }} opciones — activos a revisar
   *   (functions.js); `soloAdvertir` convierte el error en advertencia (PAT_ES2016=advertir).
   */
  constructor(opciones) {
    this.activos = opciones.activos;
    this.soloAdvertir = Boolean(opciones.soloAdvertir);
  }

  apply(compiler) {
    const nombre = "PluginSintaxisEs2016";
    compiler.hooks.thisCompilation.tap(nombre, (compilation) => {
      // Después de minimizar: se revisa exactamente lo que se publica.
      compilation.hooks.processAssets.tap({ name: nombre, stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, () => {
        for (const archivo of this.activos) {
          const activo = compilation.getAsset(archivo);
          if (!activo) continue;
          const error = errorSintaxisEs2016(activo.source.source().toString());
          if (error) {
            (this.soloAdvertir ? compilation.warnings : compilation.errors).push(
              new WebpackError(
                `[ES2016] ${archivo} no es ECMAScript 2016 y el runtime de funciones personalizadas no lo cargaría: ${error}. ` +
                  "Evite en el código de src/functions y src/core lo que TypeScript no traduce: expresiones regulares con " +
                  "lookbehind (?<=…)/(?<!…), grupos con nombre (?<n>…), \\p{…} o la bandera «s».",
              ),
            );
          }
        }
      });
    });
  }
}

module.exports = { PluginModulosProhibidos, PluginSintaxisEs2016, errorSintaxisEs2016 };
