/**
 * Propiedades de «un análisis, una respuesta» (issue 8) sobre hojas generadas de los cuatro
 * formatos incluidos: se parte de la hoja limpia de cada formato y se cambian celdas de sus
 * actividades por valores buenos, malos o vacíos (también en las columnas calculadas).
 */
import fc from "fast-check";
import { actividadesDe, analizarHoja, direccion, direccionDelCambio, esVacio, leerEstatus, planificarLlenado, type HojaDatos, type ValorCelda } from "../../../src/core";
import { avanceLimpia } from "../../fixtures/hojas/avance-metas";
import { resultadosLimpia } from "../../fixtures/hojas/indicadores-resultados";
import { patOrganoLimpia } from "../../fixtures/hojas/pat-organo";
import { patTransversalLimpia } from "../../fixtures/hojas/pat-transversal";

const VALORES: ReadonlyArray<ValorCelda> = [
  null, "", 0, 1, 3, 6, 12, 13, 5.5, -2, 80, 83.33, 83.34, 100, 0.8333, "25%", "100%", "x", "xxx",
  "Mensual", "Trimestral", "Trimestal", "Anual", "enero", "junio", "PENDIENTE", "EN PROCESO", "CUMPLIDA", "NO CUMPLIDA",
  "CANCELADA", "TERMINADA", "Incremento", "Reducción", "A / B x 100", "(A / B)/100", "Documento", "Porcentaje",
  "6.00\n2.00", "1\n2\n3", "50.00\n75.00",
];

interface Cambio { readonly fila: number; readonly columna: number; readonly valor: ValorCelda }

function aplicar(base: HojaDatos, filas: ReadonlyArray<number>, ancho: number, cambios: ReadonlyArray<Cambio>): HojaDatos {
  const valores = base.valores.map((f) => [...f]);
  for (const c of cambios) {
    const f = filas[c.fila % filas.length];
    valores[f][c.columna % ancho] = c.valor;
  }
  return { ...base, valores };
}

const HOJAS: ReadonlyArray<[string, HojaDatos]> = [
  ["pat-organo", patOrganoLimpia], ["pat-transversal", patTransversalLimpia], ["avance-metas", avanceLimpia], ["indicadores-resultados", resultadosLimpia],
];

describe.each(HOJAS)("%s", (id, base) => {
  const limpia = analizarHoja(base);
  const det = limpia.deteccion!;
  const filas = limpia.actividades.map((a) => a.fila - 1);
  const ancho = Math.max(...Object.values(det.columnas)) + 1;
  // La mitad de los cambios van a las columnas calculadas, donde validar y llenar se encuentran.
  const calculadas = det.formato.columnas.filter((c) => c.calculada && det.columnas[c.clave] !== undefined).map((c) => det.columnas[c.clave]);
  const columna = calculadas.length > 0 ? fc.oneof(fc.nat(), fc.constantFrom(...calculadas)) : fc.nat();
  const cambio = fc.record({ fila: fc.nat(), columna, valor: fc.constantFrom(...VALORES) });

  test("la hoja limpia se reconoce y tiene actividades", () => {
    expect(det.formato.id).toBe(id);
    expect(filas.length).toBeGreaterThan(0);
  });

  test("validar, llenar y el resumen dan una sola respuesta", () => {
    const vistos = { cambios: 0, reemplazos: 0, omitidas: 0 };
    fc.assert(fc.property(fc.array(cambio, { maxLength: 8 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }), (cambios, corte) => {
      const h = aplicar(base, filas, ancho, cambios);
      const a = analizarHoja(h, { corte });
      const plan = planificarLlenado(h, a, { corte });
      const conHallazgo = new Set(a.hallazgos.map((x) => x.celda));
      const limpiaDeAvisos = !a.hallazgos.some((x) => x.severidad !== "info");
      const conError = new Set(a.hallazgos.filter((x) => x.severidad === "error").map((x) => x.fila));

      // Las celdas son números; «A1» se arma de ellos.
      for (const x of a.hallazgos) {
        expect(direccion(x.posicion.fila, x.posicion.columna - 1)).toBe(x.celda);
        expect(x.posicion.fila).toBe(x.fila);
      }
      for (const c of plan.cambios) {
        // Sin errores ni advertencias, el plan solo escribe celdas calculadas vacías.
        if (limpiaDeAvisos) expect(esVacio(c.antes)).toBe(true);
        // Una celda calculada con algo escrito que el plan cambia tiene un hallazgo en esa celda.
        if (!esVacio(c.antes)) expect(conHallazgo.has(direccionDelCambio(c))).toBe(true);
        // Una fila con un error no recibe cambios.
        expect(conError.has(c.posicion.fila)).toBe(false);
      }
      // Toda fila con error está entre las omitidas, con su motivo.
      for (const f of conError) {
        if (!a.actividades.some((x) => x.fila === f) || !a.filas.some((x) => x.fila === f && x.calculadas.length > 0)) continue;
        expect(plan.filasOmitidas).toContain(f);
      }
      expect(plan.motivos.map((m) => m.fila)).toEqual(plan.filasOmitidas);
      vistos.cambios += plan.cambios.length;
      vistos.reemplazos += plan.cambios.filter((c) => !esVacio(c.antes)).length;
      vistos.omitidas += plan.filasOmitidas.length;

      // El estatus del resumen es el que deja el llenado (el que escribe o el que conserva).
      const colEstatus = det.formato.porRol.estatus;
      const indice = colEstatus?.calculada ? det.columnas[colEstatus.clave] : undefined;
      if (indice === undefined) return;
      const resumen = new Map(actividadesDe(a).map((x) => [x.fila, x.estatus]));
      for (const act of a.actividades) {
        const escrito = plan.cambios.find((c) => c.posicion.fila === act.fila && c.encabezado === colEstatus!.encabezado);
        const estatus = resumen.get(act.fila);
        if (escrito) expect(estatus).toBe(escrito.despues);
        else if (conError.has(act.fila)) expect(estatus === "SIN DATOS" || estatus === "CANCELADA" || estatus === "REPROGRAMADA").toBe(true);
        else if (estatus !== "SIN DATOS") {
          const leido = leerEstatus(h.valores[act.fila - 1][indice]);
          expect(leido.ok && leido.valor).toBe(estatus);
        }
      }
    }), { numRuns: 300 });
    // La propiedad no es vacía: hubo cambios, reemplazos y filas omitidas que revisar.
    if (calculadas.length > 0) {
      expect(vistos.cambios).toBeGreaterThan(0);
      expect(vistos.reemplazos).toBeGreaterThan(0);
      expect(vistos.omitidas).toBeGreaterThan(0);
    }
  });
});
