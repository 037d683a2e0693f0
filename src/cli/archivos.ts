/**
 * Lectura y escritura de archivos para la CLI (solo Node). Solo se leen archivos regulares
 * de un tamaño razonable (una tubería o /dev/zero colgarían la lectura; 3 GiB no caben en
 * un Buffer) y se escribe en un temporal de nombre corto que se borra si el proceso recibe
 * SIGINT/SIGTERM a medio escribir; uno viejo de una corrida muerta se borra en la siguiente.
 */
import { createHash } from "node:crypto";
import { promises as fs, realpathSync, rmSync } from "node:fs";
import * as path from "node:path";
import { ErrorCli, SALIDA_USO } from "./errores";

/** Lo más que se lee de un libro: un PAT real pesa unos MB; Node no lee más de 2 GiB. */
export const MAXIMO_BYTES_LIBRO = 1024 * 1024 * 1024;

function tamano(bytes: number): string {
  return bytes >= 1024 * 1024 * 1024 ? `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB` : `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Lee un archivo completo; los errores del sistema se vuelven una línea en español. Se
 * revisa antes qué es: una carpeta, un dispositivo o una tubería no se leen.
 */
export async function leerArchivo(ruta: string, maximo: number = MAXIMO_BYTES_LIBRO): Promise<Uint8Array> {
  try {
    const st = await fs.stat(ruta);
    if (st.isDirectory()) throw new ErrorCli(`«${ruta}» es una carpeta, no un libro .xlsx.`, SALIDA_USO);
    if (!st.isFile()) throw new ErrorCli(`«${ruta}» no es un archivo (es un dispositivo, una tubería o un socket). Indique un libro .xlsx guardado en el disco.`, SALIDA_USO);
    if (st.size > maximo) throw new ErrorCli(`«${ruta}» pesa ${tamano(st.size)} y lo más que se lee es ${tamano(maximo)}; un PAT pesa unos MB. Revise que sea el libro correcto.`, SALIDA_USO);
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
    case "ENAMETOOLONG":
      return `El nombre «${ruta}» es demasiado largo para el sistema de archivos. Use un nombre o una carpeta más cortos.`;
    case "ERR_FS_FILE_TOO_LARGE":
      return `«${ruta}» es demasiado grande para leerlo (más de 2 GB). Revise que sea el libro correcto.`;
    case "ENOTDIR":
      return `Una parte de la ruta «${ruta}» no es una carpeta.`;
    case "ELOOP":
      return `«${ruta}» es un enlace que apunta a sí mismo (directa o indirectamente).`;
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
    if (!st.isFile()) throw new ErrorCli(`La salida «${salida}» no es un archivo (es un dispositivo, una tubería o un socket). Indique un nombre de archivo ${extension.nombre}.`, SALIDA_USO);
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

/**
 * Prefijo de los temporales de una salida: `.pat-` y 16 cifras hexadecimales del nombre.
 * Corto a propósito: un nombre legal de 240 caracteres más un sufijo pasaba del límite de
 * 255 del sistema de archivos (ENAMETOOLONG). El mismo nombre da el mismo prefijo: así la
 * corrida siguiente reconoce los temporales que dejó una corrida muerta.
 */
export function prefijoTemporal(salida: string): string {
  const nombre = path.basename(path.resolve(salida));
  return `.pat-${createHash("sha256").update(nombre).digest("hex").slice(0, 16)}.`;
}

/** Nombre del temporal de este proceso para una salida (en la misma carpeta). */
export function rutaTemporal(salida: string, pid: number = process.pid): string {
  const abs = path.resolve(salida);
  return path.join(path.dirname(abs), `${prefijoTemporal(abs)}${pid}.tmp`);
}

function procesoVivo(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === "EPERM"; // existe pero es de otro usuario
  }
}

/**
 * Borra los temporales de la misma salida que dejó una corrida muerta (matada con SIGKILL
 * o por un corte de luz). Los de un proceso vivo (otra corrida en curso) se dejan.
 */
export async function borrarTemporalesViejos(salida: string): Promise<string[]> {
  const abs = path.resolve(salida);
  const prefijo = prefijoTemporal(abs);
  let nombres: string[];
  try {
    nombres = await fs.readdir(path.dirname(abs));
  } catch {
    return [];
  }
  const borrados: string[] = [];
  for (const n of nombres) {
    if (!n.startsWith(prefijo) || !n.endsWith(".tmp")) continue;
    const pid = Number(n.slice(prefijo.length, -".tmp".length));
    if (!Number.isInteger(pid) || pid <= 0 || (pid !== process.pid && procesoVivo(pid))) continue;
    const ruta = path.join(path.dirname(abs), n);
    await fs.rm(ruta, { force: true }).catch(() => undefined);
    borrados.push(ruta);
  }
  return borrados;
}

/** Temporales que este proceso está escribiendo: se borran si llega SIGINT o SIGTERM. */
const TEMPORALES_EN_CURSO = new Set<string>();
const CODIGO_SENAL: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

function alRecibirSenal(senal: NodeJS.Signals): void {
  for (const t of TEMPORALES_EN_CURSO) {
    try {
      rmSync(t, { force: true });
    } catch {
      // Nada más que hacer: la corrida siguiente lo borra (borrarTemporalesViejos).
    }
  }
  TEMPORALES_EN_CURSO.clear();
  process.exit(CODIGO_SENAL[senal] ?? 1);
}

/**
 * Escribe en un temporal de la misma carpeta y lo renombra: nunca deja medio archivo con
 * el nombre de la salida, ni un temporal si el proceso se interrumpe con Ctrl+C o SIGTERM.
 */
export async function escribirAtomico(ruta: string, datos: Uint8Array): Promise<void> {
  const abs = path.resolve(ruta);
  await borrarTemporalesViejos(abs);
  const tmp = rutaTemporal(abs);
  TEMPORALES_EN_CURSO.add(tmp);
  if (TEMPORALES_EN_CURSO.size === 1) {
    process.on("SIGINT", alRecibirSenal);
    process.on("SIGTERM", alRecibirSenal);
  }
  try {
    await fs.writeFile(tmp, datos);
    await fs.rename(tmp, abs);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new ErrorCli(mensajeSistema(e, ruta), SALIDA_USO);
  } finally {
    TEMPORALES_EN_CURSO.delete(tmp);
    if (TEMPORALES_EN_CURSO.size === 0) {
      process.off("SIGINT", alRecibirSenal);
      process.off("SIGTERM", alRecibirSenal);
    }
  }
}
