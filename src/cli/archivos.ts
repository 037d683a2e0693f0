/** Lectura y escritura de archivos para la CLI (solo Node). */
import { promises as fs, realpathSync } from "node:fs";
import * as path from "node:path";
import { ErrorCli, SALIDA_USO } from "./errores";

/** Lee un archivo completo; los errores del sistema se vuelven una línea en español. */
export async function leerArchivo(ruta: string): Promise<Uint8Array> {
  try {
    const st = await fs.stat(ruta);
    if (st.isDirectory()) throw new ErrorCli(`«${ruta}» es una carpeta, no un libro .xlsx.`, SALIDA_USO);
    const buf = await fs.readFile(ruta);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if (e instanceof ErrorCli) throw e;
    throw new ErrorCli(mensajeSistema(e, ruta), SALIDA_USO);
  }
}

export function mensajeSistema(e: unknown, ruta: string): string {
  const code = (e as { code?: string })?.code;
  switch (code) {
    case "ENOENT":
      return `No existe el archivo «${ruta}». Revise el nombre y la carpeta.`;
    case "EACCES":
    case "EPERM":
      return `No hay permiso para usar «${ruta}». Revise los permisos o ciérrelo si está abierto en otro programa.`;
    case "EISDIR":
      return `«${ruta}» es una carpeta, no un archivo.`;
    case "ENOSPC":
      return `No hay espacio en el disco para escribir «${ruta}».`;
    case "EROFS":
      return `La carpeta de «${ruta}» es de solo lectura.`;
    default:
      return `No se pudo usar el archivo «${ruta}» (${code ?? "error del sistema"}).`;
  }
}

function resolverReal(ruta: string): string {
  const abs = path.resolve(ruta);
  try {
    return realpathSync(abs);
  } catch {
    // El archivo no existe: resolver la carpeta.
    try {
      return path.join(realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Comprueba que la salida es distinta de la entrada y que no existe (salvo `sobrescribir`). */
export async function comprobarSalida(salida: string, entrada: string | null, sobrescribir: boolean, extension = { patron: /\.xlsx$/i, nombre: ".xlsx" }): Promise<void> {
  if (!extension.patron.test(salida)) throw new ErrorCli(`La salida «${salida}» debe terminar en ${extension.nombre}.`, SALIDA_USO);
  if (entrada !== null && resolverReal(salida) === resolverReal(entrada)) {
    throw new ErrorCli(`La salida «${salida}» es el mismo archivo que la entrada: el libro original nunca se sobrescribe. Elija otro nombre con --salida.`, SALIDA_USO);
  }
  let existe = false;
  try {
    const st = await fs.stat(salida);
    if (st.isDirectory()) throw new ErrorCli(`La salida «${salida}» es una carpeta. Indique un nombre de archivo ${extension.nombre}.`, SALIDA_USO);
    existe = true;
  } catch (e) {
    if (e instanceof ErrorCli) throw e;
  }
  if (existe && !sobrescribir) throw new ErrorCli(`Ya existe «${salida}». Elija otro nombre o use --sobrescribir para reemplazarlo.`, SALIDA_USO);
  try {
    const st = await fs.stat(path.dirname(path.resolve(salida)));
    if (!st.isDirectory()) throw new Error("ENOTDIR");
  } catch {
    throw new ErrorCli(`No existe la carpeta de la salida «${salida}». Créela primero.`, SALIDA_USO);
  }
}

/** Escribe en un temporal de la misma carpeta y lo renombra: nunca deja medio archivo. */
export async function escribirAtomico(ruta: string, datos: Uint8Array): Promise<void> {
  const abs = path.resolve(ruta);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(tmp, datos);
    await fs.rename(tmp, abs);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new ErrorCli(mensajeSistema(e, ruta), SALIDA_USO);
  }
}
