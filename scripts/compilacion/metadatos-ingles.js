/**
 * Metadatos en inglés de las funciones personalizadas. custom-functions-metadata-plugin
 * genera `functions.json` (español) desde los JSDoc; este plugin lo lee y escribe
 * `functions.en.json` con los mismos ID y nombres y descripciones de la tabla
 * `src/functions/localization/en.json`. Falla la compilación si a un ID o a un parámetro
 * le falta traducción, o si la tabla traduce algo que ya no existe.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");

const NOMBRE_VALIDO = /^\p{L}[\p{L}\d._]*$/u;

/**
 * Traduce los metadatos. Devuelve `{ metadatos, errores }`; con errores, `metadatos` es
 * `null`. Puro: sin archivos ni webpack.
 */
function traducirMetadatos(espanol, tabla) {
  const errores = [];
  if (!espanol || !Array.isArray(espanol.functions)) {
    return { metadatos: null, errores: ["functions.json no tiene la lista «functions»."] };
  }
  const ids = new Set(espanol.functions.map((f) => f.id));
  for (const id of Object.keys(tabla)) {
    if (!ids.has(id)) errores.push(`La tabla en inglés traduce el ID ${id}, que no existe en functions.json.`);
  }
  const nombres = new Map();
  const functions = espanol.functions.map((f) => {
    const t = tabla[f.id];
    if (!t) {
      errores.push(`Falta la traducción al inglés del ID ${f.id} (${f.name}) en src/functions/localization/en.json.`);
      return f;
    }
    if (typeof t.name !== "string" || !NOMBRE_VALIDO.test(t.name) || t.name.length < 3) {
      errores.push(`El nombre inglés de ${f.id} («${t.name}») no es válido: letras, dígitos, «.» o «_», empezando con letra.`);
    } else if (nombres.has(t.name.toUpperCase())) {
      errores.push(`El nombre inglés ${t.name} se repite en ${nombres.get(t.name.toUpperCase())} y ${f.id}.`);
    } else {
      nombres.set(t.name.toUpperCase(), f.id);
    }
    if (typeof t.description !== "string" || t.description.trim() === "") {
      errores.push(`Falta la descripción inglesa de ${f.id}.`);
    }
    const parametrosTabla = t.parameters || {};
    const parametros = (f.parameters || []).map((p) => {
      const tp = parametrosTabla[p.name];
      if (!tp || typeof tp.name !== "string" || !tp.name || typeof tp.description !== "string" || !tp.description.trim()) {
        errores.push(`Falta la traducción (name y description) del parámetro «${p.name}» de ${f.id}.`);
        return p;
      }
      return { ...p, name: tp.name, description: tp.description };
    });
    const conocidos = new Set((f.parameters || []).map((p) => p.name));
    for (const nombre of Object.keys(parametrosTabla)) {
      if (!conocidos.has(nombre)) errores.push(`La tabla en inglés traduce el parámetro «${nombre}» de ${f.id}, que no existe.`);
    }
    return { ...f, name: t.name, description: t.description, parameters: parametros };
  });
  if (errores.length > 0) return { metadatos: null, errores };
  return { metadatos: { ...espanol, functions }, errores };
}

/**
 * custom-functions-metadata-plugin agrega `allowCustomDataForDataTypeAny: true`, una opción
 * de CustomFunctionsRuntime 1.4 (pasar tipos de datos/entidades a parámetros `any`). El
 * manifiesto declara 1.2 (más versiones de Excel) y las funciones PAT.* no reciben tipos de
 * datos: se quita, en vez de pedir 1.4 y dejar fuera a quien tiene un Excel anterior.
 */
function sinOpcionesDeRuntime14(metadatos) {
  const resto = { ...metadatos };
  delete resto.allowCustomDataForDataTypeAny;
  return resto;
}

class PluginMetadatosIngles {
  /**
   * @param {{ entrada?: string, salida?: string, tabla: string }} opciones
   *   entrada: el activo generado (functions.json); salida: functions.en.json; tabla: ruta de en.json.
   */
  constructor(opciones) {
    this.entrada = opciones.entrada || "functions.json";
    this.salida = opciones.salida || "functions.en.json";
    this.tabla = path.resolve(opciones.tabla);
  }

  apply(compiler) {
    const nombre = "PluginMetadatosIngles";
    // thisCompilation: solo la compilación principal (no las hijas de HtmlWebpackPlugin).
    compiler.hooks.thisCompilation.tap(nombre, (compilation) => {
      compilation.fileDependencies.add(this.tabla);
      compilation.hooks.processAssets.tap(
        { name: nombre, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const fallar = (mensaje) => compilation.errors.push(new WebpackError(`[metadatos en inglés] ${mensaje}`));
          const activo = compilation.getAsset(this.entrada);
          if (!activo) {
            // El plugin de metadatos ya informó su propio error (p. ej. un JSDoc inválido).
            if (compilation.errors.length === 0) fallar(`No se generó ${this.entrada}.`);
            return;
          }
          let espanol;
          let tabla;
          try {
            espanol = sinOpcionesDeRuntime14(JSON.parse(activo.source.source().toString()));
          } catch (e) {
            fallar(`${this.entrada} no es JSON válido: ${e.message}`);
            return;
          }
          compilation.updateAsset(this.entrada, new sources.RawSource(JSON.stringify(espanol, null, 2)));
          try {
            tabla = JSON.parse(fs.readFileSync(this.tabla, "utf8"));
          } catch (e) {
            fallar(`No se pudo leer ${path.relative(process.cwd(), this.tabla)}: ${e.message}`);
            return;
          }
          const { metadatos, errores } = traducirMetadatos(espanol, tabla);
          if (errores.length > 0) {
            for (const e of errores) fallar(e);
            return;
          }
          compilation.emitAsset(this.salida, new sources.RawSource(JSON.stringify(metadatos, null, 2)));
        },
      );
    });
  }
}

module.exports = { PluginMetadatosIngles, traducirMetadatos, sinOpcionesDeRuntime14 };
