/**
 * JSON con sangría de 2 escrito en bloques: el mismo texto que `JSON.stringify(v, null, 2)`,
 * pero las listas largas (y las marcadas con `EnBloques`, que además se convierten elemento
 * a elemento al escribirse) salen de a poco: nunca hay un texto con todo el informe. Con
 * 200 000 actividades, `pat llenar --json` son ≈ 400 000 cambios: ≈ 140 MB de texto y otros
 * tantos objetos si se arman enteros, justo cuando el libro llenado aún está en memoria.
 */

/** Una lista que se escribe en bloques: cada elemento pasa por `convertir` al escribirse. */
export class EnBloques<T, U = unknown> {
  constructor(
    readonly elementos: ReadonlyArray<T>,
    readonly convertir: (e: T) => U,
  ) {}

  /** Si alguien la pasa a `JSON.stringify`, sale entera (el mismo texto, sin ahorro). */
  toJSON(): U[] {
    return this.elementos.map((e) => this.convertir(e));
  }
}

/** Elementos por bloque. */
const POR_BLOQUE = 1000;

/** ¿Hay una lista larga o una `EnBloques` dentro de `v`? Solo por ese camino se escribe a mano. */
function tieneBloques(v: unknown): boolean {
  if (v instanceof EnBloques) return true;
  if (Array.isArray(v)) return v.length > POR_BLOQUE || v.some(tieneBloques);
  if (v !== null && typeof v === "object" && !(v instanceof Date)) return Object.values(v).some(tieneBloques);
  return false;
}

/** El texto de `JSON.stringify(v, null, 2)` metido donde la sangría ya es `sangria` (en una lista, lo que no tiene JSON es null). */
function plano(v: unknown, sangria: string): string {
  return (JSON.stringify(v, null, 2) ?? "null").replace(/\n/g, `\n${sangria}`);
}

function* escribir(v: unknown, sangria: string): Generator<string> {
  if (!tieneBloques(v)) {
    yield plano(v, sangria);
    return;
  }
  const dentro = `${sangria}  `;
  const bloques = v instanceof EnBloques ? v : Array.isArray(v) && v.length > POR_BLOQUE ? new EnBloques(v, (x) => x) : null;
  if (bloques) {
    const { elementos, convertir } = bloques;
    const n = elementos.length;
    if (n === 0) {
      yield "[]";
      return;
    }
    yield "[\n";
    for (let i = 0; i < n; i += POR_BLOQUE) {
      const bloque: string[] = [];
      for (let j = i; j < Math.min(n, i + POR_BLOQUE); j++) bloque.push(dentro + plano(convertir(elementos[j]), dentro));
      yield bloque.join(",\n") + (i + POR_BLOQUE < n ? ",\n" : "");
    }
    yield `\n${sangria}]`;
    return;
  }
  if (Array.isArray(v)) {
    yield "[\n";
    for (let i = 0; i < v.length; i++) {
      yield dentro;
      // Como JSON.stringify: en una lista, lo que no tiene JSON (undefined, funciones) es null.
      yield* escribir(v[i] === undefined || typeof v[i] === "function" ? null : v[i], dentro);
      yield i < v.length - 1 ? ",\n" : "\n";
    }
    yield `${sangria}]`;
    return;
  }
  // Como JSON.stringify: en un objeto, lo que no tiene JSON no se escribe.
  const campos = Object.entries(v as object).filter(([, x]) => x !== undefined && typeof x !== "function");
  yield "{\n";
  for (let i = 0; i < campos.length; i++) {
    const [clave, x] = campos[i];
    yield `${dentro}${JSON.stringify(clave)}: `;
    yield* escribir(x, dentro);
    yield i < campos.length - 1 ? ",\n" : "\n";
  }
  yield `${sangria}}`;
}

/** `JSON.stringify(v, null, 2) + "\n"` en bloques de texto (para escribirlos en cuanto salen). */
export function* jsonEnBloques(v: unknown): Generator<string> {
  yield* escribir(v, "");
  yield "\n";
}
