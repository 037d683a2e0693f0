/**
 * ESLint (su API de Node) en un proceso aparte: eslint-plugin-regexp se publica como módulo
 * ES y el cargador de módulos de jest no lo puede `require`; Node 20 sí. Devuelve los
 * mensajes de cada texto tal como los da `ESLint.lintText` con la configuración del proyecto.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

export const RAIZ = path.resolve(__dirname, "..", "..");

export interface MensajeLint {
  readonly ruleId: string | null;
  readonly severity: number;
  readonly message: string;
}

const PROGRAMA = `
const { ESLint } = require("eslint");
const entradas = JSON.parse(require("fs").readFileSync(0, "utf8"));
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const salida = [];
  for (const { texto, archivo } of entradas) {
    const [r] = await eslint.lintText(texto, { filePath: require("path").join(process.cwd(), archivo) });
    salida.push(r.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, message: m.message })));
  }
  process.stdout.write(JSON.stringify(salida));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

/** Lintea cada `{ texto, archivo }` (ruta relativa a la raíz: decide qué bloque de la configuración aplica). */
export function lintear(entradas: ReadonlyArray<{ texto: string; archivo: string }>): MensajeLint[][] {
  const r = spawnSync(process.execPath, ["-e", PROGRAMA], { cwd: RAIZ, input: JSON.stringify(entradas), encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`ESLint falló: ${r.stderr}`);
  return JSON.parse(r.stdout) as MensajeLint[][];
}
