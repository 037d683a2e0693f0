/**
 * Formatos propios del instituto en el panel (los mismos JSON que `pat --formatos`, validados
 * con el mismo `cargarFormato` del núcleo) desde dos lugares:
 * 1. La carpeta `formatos/` servida junto al complemento (la llena el instituto al
 *    publicarlo): `formatos/indice.json` lista los archivos y, si quiere, el perfil del
 *    semáforo. Se revisa al abrir el panel; cada archivo con problema da una línea en español.
 * 2. El propio libro: «Importar formato» guarda el JSON en una parte XML personalizada
 *    (registro `formatos`), así el libro lleva su formato a cualquier equipo.
 * Un formato con el id de otro lo reemplaza: incluidos < instituto < libro.
 */
import * as z from "zod";
import { cargarFormato, listarFormatos, type Formato } from "../core";
import { leerPerfil, type PerfilSemaforo } from "../core/semaforo";
import type { PuertoLibro } from "../excel/puerto";

/** Junto a taskpane.html (y a preview.html): `dist/formatos/indice.json`. */
export const RUTA_INDICE = "formatos/indice.json";
export const CLAVE_FORMATOS = "formatos";

const esquemaUmbrales = z.object({
  verdeMinimo: z.number(),
  verdeMaximo: z.number(),
  amarilloMinimo: z.number(),
  amarilloMaximo: z.number(),
  sobrecumplirEsVerde: z.boolean().optional(),
});

/** `{"formatos": ["mi-formato.json"], "semaforo": {"perfil": "ascendente"} | {"perfil": "propio", "umbrales": {…}}}` */
const esquemaIndice = z.object({
  formatos: z.array(z.string().regex(/^[\w.-]+\.json$/i, "cada archivo es un nombre «algo.json» de la misma carpeta")).default([]),
  semaforo: z
    .object({
      perfil: z.string().min(1),
      umbrales: esquemaUmbrales.optional(),
    })
    .optional(),
});

export type Semaforo = z.infer<typeof esquemaIndice>["semaforo"];

export interface Problema {
  readonly archivo: string;
  readonly detalle: string;
}

export interface FormatosInstituto {
  readonly formatos: ReadonlyArray<Formato>;
  readonly perfil: PerfilSemaforo | null;
  readonly problemas: ReadonlyArray<Problema>;
}

export const SIN_FORMATOS: FormatosInstituto = { formatos: [], perfil: null, problemas: [] };

/** Un perfil del índice: uno conocido por nombre, o umbrales propios. */
export function perfilDe(s: Semaforo): PerfilSemaforo | string {
  if (!s) return "simetrico";
  if (s.umbrales) {
    const u = s.umbrales;
    if (!(u.amarilloMinimo <= u.verdeMinimo && u.verdeMinimo <= u.verdeMaximo && u.verdeMaximo <= u.amarilloMaximo)) {
      return "los umbrales deben cumplir amarilloMinimo ≤ verdeMinimo ≤ verdeMaximo ≤ amarilloMaximo";
    }
    return { id: s.perfil, ...u, sobrecumplirEsVerde: u.sobrecumplirEsVerde ?? false };
  }
  const r = leerPerfil(s.perfil);
  return r.ok ? r.valor : r.error.mensaje;
}

/** Un texto JSON como formato validado, o el problema en español. */
export function leerFormatoJson(texto: string): { ok: true; formato: Formato } | { ok: false; detalle: string } {
  let json: unknown;
  try {
    json = JSON.parse(texto.charCodeAt(0) === 0xfeff ? texto.slice(1) : texto);
  } catch {
    return { ok: false, detalle: "no es JSON válido; revise comas, comillas, llaves y corchetes." };
  }
  const r = cargarFormato(json);
  return r.ok ? { ok: true, formato: r.valor } : { ok: false, detalle: r.error.mensaje };
}

type Traer = (ruta: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/**
 * Lee la carpeta del instituto. Sin índice (404, o fuera de un servidor) no hay formatos del
 * instituto y no es un error; un índice o un archivo con problemas sí se informa.
 */
export async function cargarFormatosInstituto(traer: Traer = (r) => fetch(r)): Promise<FormatosInstituto> {
  let texto: string;
  try {
    const resp = await traer(RUTA_INDICE);
    if (!resp.ok) return SIN_FORMATOS;
    texto = await resp.text();
  } catch {
    return SIN_FORMATOS;
  }
  let json: unknown;
  try {
    json = JSON.parse(texto);
  } catch {
    return { ...SIN_FORMATOS, problemas: [{ archivo: RUTA_INDICE, detalle: "no es JSON válido." }] };
  }
  const indice = esquemaIndice.safeParse(json);
  if (!indice.success) {
    const i = indice.error.issues[0];
    return { ...SIN_FORMATOS, problemas: [{ archivo: RUTA_INDICE, detalle: `${i.path.join(".") || "raíz"}: ${i.message}` }] };
  }
  const problemas: Problema[] = [];
  const formatos: Formato[] = [];
  for (const archivo of indice.data.formatos) {
    try {
      const resp = await traer(`formatos/${archivo}`);
      if (!resp.ok) {
        problemas.push({ archivo, detalle: `no se encontró en la carpeta formatos/ (HTTP ${resp.status}).` });
        continue;
      }
      const r = leerFormatoJson(await resp.text());
      if (r.ok) formatos.push(r.formato);
      else problemas.push({ archivo, detalle: r.detalle });
    } catch {
      problemas.push({ archivo, detalle: "no se pudo descargar." });
    }
  }
  let perfil: PerfilSemaforo | null = null;
  if (indice.data.semaforo) {
    const p = perfilDe(indice.data.semaforo);
    if (typeof p === "string") problemas.push({ archivo: `${RUTA_INDICE} (semaforo)`, detalle: p });
    else perfil = p;
  }
  return { formatos, perfil, problemas };
}

interface RegistroFormatos {
  readonly version: 1;
  /** Los JSON tal como se importaron (se vuelven a validar al leerlos). */
  readonly formatos: ReadonlyArray<unknown>;
}

/** Los formatos guardados en el libro (los que no pasan la validación se ignoran). */
export async function formatosDelLibro(puerto: PuertoLibro): Promise<Formato[]> {
  const r = await puerto.leerRegistro<RegistroFormatos>(CLAVE_FORMATOS);
  if (!r || r.version !== 1 || !Array.isArray(r.formatos)) return [];
  return r.formatos.flatMap((j) => {
    const f = cargarFormato(j);
    return f.ok ? [f.valor] : [];
  });
}

/** Guarda un formato en el libro (reemplaza uno con el mismo id). */
export async function importarFormato(puerto: PuertoLibro, texto: string): Promise<{ ok: true; formato: Formato } | { ok: false; detalle: string }> {
  const leido = leerFormatoJson(texto);
  if (!leido.ok) return leido;
  const previo = await puerto.leerRegistro<RegistroFormatos>(CLAVE_FORMATOS);
  const json = JSON.parse(texto.charCodeAt(0) === 0xfeff ? texto.slice(1) : texto) as { id?: unknown };
  const otros = previo?.version === 1 && Array.isArray(previo.formatos) ? previo.formatos.filter((f) => (f as { id?: unknown })?.id !== json.id) : [];
  await puerto.guardarRegistro(CLAVE_FORMATOS, { version: 1, formatos: [...otros, json] } satisfies RegistroFormatos);
  return leido;
}

/** Incluidos, luego los del instituto, luego los del libro (el último con un id gana). */
export function combinar(...grupos: ReadonlyArray<ReadonlyArray<Formato>>): Formato[] {
  const porId = new Map<string, Formato>(listarFormatos().map((f) => [f.id, f]));
  for (const g of grupos) for (const f of g) porId.set(f.id, f);
  return [...porId.values()];
}
