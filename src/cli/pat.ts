/**
 * Punto de entrada de la orden `pat` (se construye a `dist/cli/pat.js`).
 * Toda la lógica está en `programa.ts`; aquí solo se conecta con el proceso.
 */
import { ejecutar } from "./programa";

function escribir(flujo: NodeJS.WriteStream) {
  return (texto: string) => {
    flujo.write(texto);
  };
}

// «pat validar … | head»: la tubería se cierra antes de tiempo; no es un error del libro.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
});

process.on("uncaughtException", (e) => {
  process.stderr.write(`Error inesperado: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
  process.exit(2);
});

ejecutar(process.argv.slice(2), {
  out: escribir(process.stdout),
  err: escribir(process.stderr),
  outEsTTY: !!process.stdout.isTTY,
  errEsTTY: !!process.stderr.isTTY,
  ci: !!process.env.CI,
}).then(
  (codigo) => {
    process.exitCode = codigo;
  },
  (e: unknown) => {
    process.stderr.write(`Error inesperado: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
    process.exitCode = 2;
  },
);
