/**
 * Formatos propios de un instituto, sin tocar código: archivos `.json` (o carpetas con
 * archivos `.json`) indicados con `--formatos <ruta>` (repetible o lista con comas) o con
 * la variable de entorno `PAT_FORMATOS` (rutas separadas por `path.delimiter`: «:» en
 * Linux y macOS, «;» en Windows). Cada archivo se valida con `cargarFormato`; el primer
 * problema termina la orden con UNA línea en español (código 2) que nombra el archivo y
 * el campo equivocado.
 *
 * Los formatos se pasan al núcleo en `opciones.formatos` (no se registran globalmente).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cargarFormato, listarFormatos, type Formato } from "../core";
import { mensajeSistema } from "./archivos";
import { ErrorCli, SALIDA_USO } from "./errores";

export const VARIABLE_FORMATOS = "PAT_FORMATOS";

/** Texto de ayuda de la opción (el mismo en todas las órdenes). */
export const AYUDA_FORMATOS =
  "formatos propios: archivo .json o carpeta con archivos .json (repetible o separados por comas; también la variable PAT_FORMATOS)";

/** Acumulador de commander para `--formatos`: repetible y con listas separadas por comas. */
export function acumularRutas(valor: string, previas: string[] = []): string[] {
  return [...previas, ...valor.split(",").map((s) => s.trim()).filter((s) => s.length > 0)];
}

/** Las rutas de `PAT_FORMATOS` (separadas por `path.delimiter`). */
export function rutasDeEntorno(env: NodeJS.ProcessEnv = process.env): string[] {
  const valor = env[VARIABLE_FORMATOS];
  if (!valor) return [];
  return valor.split(path.delimiter).map((s) => s.trim()).filter((s) => s.length > 0);
}

interface Origen {
  readonly ruta: string;
  /** «--formatos» o «PAT_FORMATOS», para decir de dónde vino la ruta. */
  readonly fuente: string;
}

function fallo(origen: Origen, detalle: string): ErrorCli {
  return new ErrorCli(`Formato propio «${origen.ruta}» (${origen.fuente}): ${detalle}`, SALIDA_USO);
}

/** Dónde falla el JSON, en español (los mensajes de JSON.parse vienen en inglés y cambian según Node). */
function lugarJson(texto: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : "";
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return ` (línea ${lc[1]}, columna ${lc[2]})`;
  const pos = /position (\d+)/.exec(msg);
  if (pos) {
    const antes = texto.slice(0, Number(pos[1]));
    return ` (línea ${antes.split("\n").length}, columna ${antes.length - antes.lastIndexOf("\n")})`;
  }
  if (/Unexpected end of JSON input/.test(msg)) return " (el archivo termina antes de cerrar todas las llaves o corchetes)";
  const token = /Unexpected token '?([^',\s])/.exec(msg);
  if (token) return ` (carácter inesperado «${token[1]}»)`;
  return "";
}

/** Un formato real tiene unos KB; más que esto no se lee (memoria acotada). */
export const MAXIMO_BYTES_FORMATO = 4 * 1024 * 1024;

async function cargarArchivo(origen: Origen): Promise<Formato> {
  let texto: string;
  try {
    const st = await fs.stat(origen.ruta);
    if (!st.isFile()) throw fallo(origen, "no es un archivo; indique un archivo .json o una carpeta con archivos .json.");
    if (st.size > MAXIMO_BYTES_FORMATO) throw fallo(origen, `pesa ${Math.round(st.size / 1048576)} MB y un formato pesa unos KB (máximo ${MAXIMO_BYTES_FORMATO / 1048576} MB); revise que sea el archivo correcto.`);
    texto = await fs.readFile(origen.ruta, "utf8");
  } catch (e) {
    if (e instanceof ErrorCli) throw e;
    throw fallo(origen, mensajeSistema(e, origen.ruta));
  }
  if (texto.charCodeAt(0) === 0xfeff) texto = texto.slice(1); // BOM del Bloc de notas
  let json: unknown;
  try {
    json = JSON.parse(texto);
  } catch (e) {
    throw fallo(origen, `no es JSON válido${lugarJson(texto, e)}; revise comas, comillas, llaves y corchetes.`);
  }
  const r = cargarFormato(json);
  if (!r.ok) throw fallo(origen, r.error.mensaje);
  return r.valor;
}

/** Los archivos `.json` de una ruta: ella misma o, si es carpeta, los suyos (en orden). */
async function archivosDe(origen: Origen): Promise<Origen[]> {
  let st;
  try {
    st = await fs.stat(origen.ruta);
  } catch (e) {
    throw fallo(origen, mensajeSistema(e, origen.ruta));
  }
  if (!st.isDirectory()) return [origen];
  let nombres: string[];
  try {
    nombres = await fs.readdir(origen.ruta);
  } catch (e) {
    throw fallo(origen, mensajeSistema(e, origen.ruta));
  }
  const json = nombres.filter((n) => /\.json$/i.test(n)).sort();
  if (json.length === 0) throw fallo(origen, "la carpeta no tiene archivos .json.");
  return json.map((n) => ({ ruta: path.join(origen.ruta, n), fuente: origen.fuente }));
}

/**
 * Carga los formatos de `PAT_FORMATOS` y de `--formatos` (en ese orden). Lanza `ErrorCli`
 * (código 2) ante el primer archivo ilegible, que no es JSON o que no cumple el esquema.
 */
export async function cargarFormatosPropios(rutasOpcion: ReadonlyArray<string> = [], env: NodeJS.ProcessEnv = process.env): Promise<Formato[]> {
  const origenes: Origen[] = [
    ...rutasDeEntorno(env).map((ruta) => ({ ruta, fuente: VARIABLE_FORMATOS })),
    ...rutasOpcion.map((ruta) => ({ ruta, fuente: "--formatos" })),
  ];
  const formatos: Formato[] = [];
  for (const o of origenes) {
    for (const archivo of await archivosDe(o)) formatos.push(await cargarArchivo(archivo));
  }
  return formatos;
}

/**
 * Los formatos incluidos y registrados más los propios. Un formato propio con el id de
 * otro lo reemplaza (como `registrarFormato`); el último gana. `undefined` si no hay
 * propios: el núcleo usa entonces los registrados.
 */
export function combinarFormatos(propios: ReadonlyArray<Formato>): ReadonlyArray<Formato> | undefined {
  if (propios.length === 0) return undefined;
  const porId = new Map<string, Formato>(listarFormatos().map((f) => [f.id, f]));
  for (const f of propios) porId.set(f.id, f);
  return [...porId.values()];
}

/** Atajo para las órdenes: carga y combina. */
export async function formatosDeLaOrden(rutasOpcion: ReadonlyArray<string> | undefined, env: NodeJS.ProcessEnv = process.env): Promise<ReadonlyArray<Formato> | undefined> {
  return combinarFormatos(await cargarFormatosPropios(rutasOpcion ?? [], env));
}
