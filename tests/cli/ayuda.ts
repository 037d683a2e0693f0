/** Utilidades de las pruebas de la CLI: ejecutar `pat` en proceso y capturar sus salidas. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ejecutar } from "../../src/cli/programa";

export interface Corrida {
  codigo: number;
  out: string;
  err: string;
}

export async function pat(args: string[], tty = false): Promise<Corrida> {
  let out = "";
  let err = "";
  const codigo = await ejecutar(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    outEsTTY: tty,
    errEsTTY: tty,
  });
  return { codigo, out, err };
}

export function carpetaTemporal(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "pat-cli-"));
}

export const CASOS = path.resolve(__dirname, "..", "cases");
export const MUESTRA = path.resolve(__dirname, "..", "..", "samples", "pat-ieebcs-2024.xlsx");
