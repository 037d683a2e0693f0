/**
 * ESLint (configuración plana, ESLint 9 + typescript-eslint) para src, tests y scripts.
 * Regla de la casa: nada de eval ni de construir código desde texto (el método de cálculo
 * se analiza con un analizador propio, nunca con eval): no-eval, no-new-func y
 * no-implied-eval son errores en todo el proyecto.
 */
"use strict";
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const regexp = require("eslint-plugin-regexp");
const officeAddins = require("eslint-plugin-office-addins");
const reactHooks = require("eslint-plugin-react-hooks");

const GLOBALES_NODE = Object.fromEntries(
  [
    "require", "module", "exports", "process", "__dirname", "__filename", "console", "Buffer",
    "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "URL", "performance", "global", "globalThis",
  ].map((g) => [g, "readonly"]),
);

// Declaradas para que no-implied-eval reconozca setTimeout("código") & cía. en TypeScript
// (la regla solo revisa referencias a globales conocidos; no-undef está apagada en TS).
const GLOBALES_EVAL = Object.fromEntries(
  ["setTimeout", "setInterval", "execScript", "window", "self", "global", "globalThis"].map((g) => [g, "readonly"]),
);

module.exports = [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { globals: GLOBALES_EVAL },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", ecmaVersion: 2022, globals: GLOBALES_NODE },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  // Expresiones regulares: el conjunto recomendado de eslint-plugin-regexp y, como errores,
  // las reglas de retroceso superlineal. Una celda legal de Excel llega a 32 767 caracteres:
  // un patrón cuadrático sobre ella cuesta segundos (issue 12), así que no debe volver.
  regexp.configs["flat/recommended"],
  {
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
    },
  },
  // --- Panel y adaptador de Office (issue 10) ---
  {
    // Reglas de Office.js: cargar antes de leer, no sync en bucles sin razón (un sync por
    // trozo acotado es intencional y va con su comentario de disable), etc. El plugin solo
    // reconoce un contexto llamado `context` (así se llama en office.ts); solo donde se usa Excel.run.
    files: ["src/excel/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-office-initialize": "error",
    },
  },
  {
    files: ["src/taskpane/**/*.tsx", "src/taskpane/**/*.ts", "src/preview/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  // --- fin panel
  {
    // Sin eval ni equivalentes, en todos los archivos.
    rules: {
      "no-eval": "error",
      "no-new-func": "error",
      "no-implied-eval": "error",
    },
  },
];
