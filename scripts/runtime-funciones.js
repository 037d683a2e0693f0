/**
 * Carga el paquete construido `dist/functions.js` como lo haría el runtime «solo
 * JavaScript» de Excel: en un contexto `vm` sin DOM, sin Node (ni `require`, ni `process`,
 * ni `console`), con solo `CustomFunctions.associate`, `CustomFunctions.Error`,
 * `CustomFunctions.ErrorCode` y un `Office` mínimo. Por defecto quita además lo que la
 * biblioteca estándar ganó después de ES2016 (Object.values, padStart, flat…), porque ese
 * runtime admite ES2016. Lo usan las pruebas (tests/functions) y la medición (scripts/bench).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const RAIZ = path.join(__dirname, "..");

// Se ejecuta DENTRO del contexto: así los objetos (errores, matrices) son del contexto.
const PRELUDIO = `
(function (g) {
  var asociadas = {};
  function ErrorPersonalizado(code, message) {
    if (!(this instanceof ErrorPersonalizado)) throw new TypeError("CustomFunctions.Error requiere new");
    this.code = code;
    if (message !== undefined) this.message = message;
  }
  ErrorPersonalizado.prototype.type = "CustomFunctionError";
  g.CustomFunctions = {
    associate: function (id, funcion) {
      if (id && typeof id === "object") {
        for (var k in id) asociadas[k.toUpperCase()] = id[k];
        return;
      }
      if (typeof id !== "string" || typeof funcion !== "function") throw new TypeError("associate(id, funcion)");
      asociadas[id.toUpperCase()] = funcion;
    },
    Error: ErrorPersonalizado,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!"
    }
  };
  g.Office = {
    onReady: function (cb) {
      var info = { host: "Excel", platform: "PC" };
      if (typeof cb === "function") cb(info);
      return Promise.resolve(info);
    },
    context: { displayLanguage: "es-MX" }
  };
  g.__asociadas = asociadas;
})(this);
`;

// Lo que la biblioteca estándar añadió después de ES2016.
const POSTERIOR_A_ES2016 = `
(function (g) {
  var quitar = [
    [Object, ["values", "entries", "getOwnPropertyDescriptors", "fromEntries", "hasOwn", "groupBy"]],
    [String.prototype, ["padStart", "padEnd", "trimStart", "trimEnd", "trimLeft", "trimRight", "matchAll", "replaceAll", "at", "isWellFormed", "toWellFormed"]],
    [Array.prototype, ["flat", "flatMap", "at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced", "with"]],
    [Promise.prototype, ["finally"]],
    [Promise, ["allSettled", "any", "withResolvers"]],
    [Symbol, ["asyncIterator"]],
    [Map, ["groupBy"]],
    [g, ["globalThis", "SharedArrayBuffer", "Atomics", "BigInt", "WeakRef", "FinalizationRegistry", "AggregateError", "queueMicrotask", "structuredClone"]]
  ];
  for (var i = 0; i < quitar.length; i++) {
    for (var j = 0; j < quitar[i][1].length; j++) {
      try { delete quitar[i][0][quitar[i][1][j]]; } catch (e) { /* no configurable */ }
    }
  }
})(this);
`;

/**
 * @param {{ dist?: string, es2016?: boolean }} [opciones]
 * @returns {{ funciones: Map<string, Function>, metadatos: any, metadatosEn: any, contexto: object,
 *            ErrorPersonalizado: Function, llamar: (id: string, ...args: any[]) => any }}
 */
function cargarFunciones(opciones = {}) {
  const dist = opciones.dist || path.join(RAIZ, "dist");
  const es2016 = opciones.es2016 !== false;
  const archivo = path.join(dist, "functions.js");
  const codigo = fs.readFileSync(archivo, "utf8");
  const metadatos = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
  const rutaEn = path.join(dist, "functions.en.json");
  const metadatosEn = fs.existsSync(rutaEn) ? JSON.parse(fs.readFileSync(rutaEn, "utf8")) : null;

  const contexto = vm.createContext({}, { name: "runtime de funciones personalizadas (simulado)" });
  if (es2016) vm.runInContext(POSTERIOR_A_ES2016, contexto, { filename: "es2016.js" });
  vm.runInContext(PRELUDIO, contexto, { filename: "preludio.js" });
  vm.runInContext(codigo, contexto, { filename: archivo, timeout: 10000 });

  const funciones = new Map(Object.entries(contexto.__asociadas));
  const ErrorPersonalizado = contexto.CustomFunctions.Error;
  function llamar(id, ...args) {
    const f = funciones.get(id);
    if (!f) throw new Error(`La función ${id} no está asociada.`);
    return f(...args);
  }
  return { funciones, metadatos, metadatosEn, contexto, ErrorPersonalizado, llamar };
}

module.exports = { cargarFunciones };
