// Tres proyectos: núcleo/CLI/funciones en Node, el panel en jsdom y las pruebas de
// navegador (Playwright + Chromium de Debian) contra la vista previa construida.
const tsJest = [
  "ts-jest",
  {
    // Solo transpila (isolatedModules: rápido); la verificación de tipos es `npm run lint` (tsc --noEmit).
    diagnostics: false,
    tsconfig: { isolatedModules: true, module: "commonjs", moduleResolution: "node10", jsx: "react-jsx", esModuleInterop: true, resolveJsonModule: true },
  },
];
const comun = {
  transform: { "^.+\\.tsx?$": tsJest },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

module.exports = {
  testTimeout: 30000,
  // Construye dist/ solo si falta o es más viejo que sus fuentes (pruebas del paquete construido).
  globalSetup: "<rootDir>/tests/global-setup.js",
  reporters: ["default", "<rootDir>/tests/reportero-resumen.js"],
  projects: [
    { ...comun, displayName: "nucleo", testEnvironment: "node", testMatch: ["<rootDir>/tests/**/*.test.ts"], testPathIgnorePatterns: ["/tests/navegador/", "/tests/panel/"] },
    { ...comun, displayName: "panel", testEnvironment: "jsdom", testMatch: ["<rootDir>/tests/panel/**/*.test.ts?(x)"] },
    { ...comun, displayName: "navegador", testEnvironment: "node", testMatch: ["<rootDir>/tests/navegador/**/*.test.ts"] },
  ],
};
