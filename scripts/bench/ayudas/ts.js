/**
 * Carga archivos .ts de src/ transpilándolos al vuelo (las mediciones del núcleo y del panel
 * corren el código fuente en proceso, sin compilar dist/). Una sola vez por proceso.
 */
"use strict";
const fs = require("node:fs");

function registrarTs() {
  if (require.extensions[".ts"]) return;
  const ts = require("typescript");
  require.extensions[".ts"] = (modulo, archivo) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(archivo, "utf8"), {
      fileName: archivo,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true, jsx: ts.JsxEmit.ReactJSX },
    });
    modulo._compile(outputText, archivo);
  };
}

module.exports = { registrarTs };
