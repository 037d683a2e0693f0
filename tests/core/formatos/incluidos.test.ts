/**
 * Los formatos incluidos se arman al arrancar SIN zod (`completarIncluido`): estas pruebas
 * son la validación que el esquema ya no hace en cada arranque.
 */
import { cargarFormato, completarIncluido, JSON_INCLUIDOS, listarFormatos } from "../../../src/core/formatos";
import { esquemaFormato } from "../../../src/core/formatos/esquema";

describe("formatos incluidos sin zod al arrancar", () => {
  test.each(JSON_INCLUIDOS.map((j) => [(j as { id: string }).id, j] as const))("%s pasa el esquema y completarlo da lo mismo que el esquema", (_id, json) => {
    const r = esquemaFormato.safeParse(json);
    expect(r.error?.issues ?? []).toEqual([]);
    expect(completarIncluido(json)).toStrictEqual(r.data);
  });

  test("un formato mínimo toma del esquema los mismos valores por omisión que completarIncluido", () => {
    // Solo lo obligatorio: todo lo demás sale de los `.default(…)` del esquema.
    const minimo = {
      id: "minimo",
      nombre: { es: "Mínimo", en: "Minimal" },
      descripcion: { es: "Prueba", en: "Test" },
      columnas: [{ clave: "meta", encabezado: "META", rol: "meta", tipo: "numero", requerida: true }],
    };
    expect(completarIncluido(minimo)).toStrictEqual(esquemaFormato.parse(minimo));
  });

  test("los incluidos armados al arrancar son los que arma cargarFormato (con zod)", () => {
    const conZod = JSON_INCLUIDOS.map((j) => {
      const r = cargarFormato(j);
      if (!r.ok) throw new Error(r.error.mensaje);
      return r.valor;
    });
    const ids = new Set(conZod.map((f) => f.id));
    expect(listarFormatos().filter((f) => ids.has(f.id))).toStrictEqual(conZod);
  });
});
