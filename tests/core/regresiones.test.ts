/** Regresiones de la revisión del núcleo: cada prueba falla sin su arreglo. */
import {
  analizarHoja, CATALOGO, citar, direccionDelCambio, estatusEscritoAceptable, leerEstatus, leerFrecuencia, leerSentido, planificarLlenado, razonDelCambio,
  type CambioCelda, type HojaDatos, type ValorCelda,
} from "../../src/core";
import { ENCABEZADO_ORGANO } from "../fixtures/hojas/pat-organo";
import { ENCABEZADO_TRANSVERSAL } from "../fixtures/hojas/pat-transversal";
import { hoja } from "../fixtures/hojas/util";
import { mostrarHallazgo } from "../../src/core/validacion/mostrar-hallazgo";

type Fila = ValorCelda[];
// pat-organo: A NÚMERO … E ACTIVIDAD, F/G meses, H INDICADOR, I MÉTODO, J FRECUENCIA, K UNIDAD, L META, O CUMPLIDAS, P %, Q ESTATUS.
const ORG = ["1", "Política", "Programa", "Objetivo", "1.1 Actividad", 1, 6, "Informe de avance", "Documento realizado / Documento presentado X 100", "Mensual", "Documento", 6, null, null, 5, 83.33, "EN PROCESO"];
const org = (cambios: Record<number, ValorCelda> = {}): Fila => { const f: Fila = [...ORG]; for (const [k, v] of Object.entries(cambios)) f[Number(k)] = v; return f; };
// pat-transversal: H DIMENSIÓN, I INDICADOR, J MÉTODO, K FRECUENCIA, L UNIDAD, N META, O TENDENCIA, R/S VALOR 1/2, T META ALCANZADA, U POR ALCANZAR, W %, X ESTATUS.
const TRA = ["1", "Prog", "Pol", "Obj", "Línea", 1, 12, "Eficacia", "Porcentaje de solicitudes atendidas", "(Solicitudes atendidas / Solicitudes recibidas) x 100", "Trimestral", "Porcentaje", "Sin referencia", "100%", "Incremento", null, null, 8, 10, 80, 20, "Informe", 80, "EN PROCESO"];
const tra = (cambios: Record<number, ValorCelda> = {}): Fila => { const f: Fila = [...TRA]; for (const [k, v] of Object.entries(cambios)) f[Number(k)] = v; return f; };

const organo = (...filas: Fila[]): HojaDatos => hoja("o", [ENCABEZADO_ORGANO, ...filas]);
const transversal = (...filas: Fila[]): HojaDatos => hoja("t", [ENCABEZADO_TRANSVERSAL, ...filas]);
const analizar = (h: HojaDatos, corte: number | null = null) => analizarHoja(h, { corte });
const codigos = (h: HojaDatos, corte: number | null = null): string[] => analizar(h, corte).hallazgos.map((x) => `${x.celda} ${x.codigo}`);
const plan = (h: HojaDatos, opciones: { corte?: number | null; modo?: "valores" | "formulas" } = {}) =>
  planificarLlenado(h, analizar(h, opciones.corte ?? null), opciones);
const porCelda = (cs: CambioCelda[]): Record<string, CambioCelda> => Object.fromEntries(cs.map((c) => [direccionDelCambio(c), c]));

describe("1. estatus manuales escritos con texto de más", () => {
  test.each([
    ["Cancelada por oficio", "CANCELADA"], ["CANCELADA.", "CANCELADA"], ["cancelado!", "CANCELADA"],
    ["Reprogramada para julio", "REPROGRAMADA"], ["REPROGRAMADO;", "REPROGRAMADA"], ["En proceso.", "EN PROCESO"],
  ])("«%s» → %s", (texto, esperado) => {
    expect(leerEstatus(texto)).toEqual({ ok: true, valor: esperado });
  });
  test("el plan no sobrescribe «Cancelada por oficio» ni «CANCELADA.»", () => {
    const h = organo(org({ 16: "Cancelada por oficio" }), org({ 16: "CANCELADA." }));
    const c = porCelda(plan(h).cambios);
    expect(c.Q2).toBeUndefined();
    expect(c.Q3).toBeUndefined();
    expect(codigos(h)).toEqual([]);
  });
  test("un estatus ilegible conserva su hallazgo y el plan no lo pisa (ni con fórmulas)", () => {
    const h = organo(org({ 16: "TERMINADA" }));
    expect(codigos(h)).toEqual(["Q2 estatus-invalido"]);
    expect(porCelda(plan(h).cambios).Q2).toBeUndefined();
    expect(porCelda(plan(h, { modo: "formulas" }).cambios).Q2).toBeUndefined();
  });
});

describe("2. NO CUMPLIDA sin mes de corte: la validación y el plan coinciden", () => {
  // 1–3, meta 3, 2 cumplidas: calculado EN PROCESO sin corte, NO CUMPLIDA al corte 6.
  const h = organo(org({ 6: 3, 11: 3, 14: 2, 15: 66.67, 16: "NO CUMPLIDA" }));
  test("sin corte: ni hallazgo ni cambio", () => {
    expect(codigos(h)).toEqual([]);
    expect(porCelda(plan(h).cambios).Q2).toBeUndefined();
    expect(porCelda(plan(h, { modo: "formulas" }).cambios).Q2).toBeUndefined();
  });
  test("con una meta cumplida, NO CUMPLIDA sí se corrige", () => {
    const cumplida = organo(org({ 6: 3, 11: 3, 14: 3, 15: 100, 16: "NO CUMPLIDA" }));
    expect(codigos(cumplida)).toEqual(["Q2 estatus-contradictorio"]);
    expect(porCelda(plan(cumplida).cambios).Q2.despues).toBe("CUMPLIDA");
  });
  test("la regla está en un solo lugar", () => {
    expect(estatusEscritoAceptable("NO CUMPLIDA", "EN PROCESO", null)).toBe(true);
    expect(estatusEscritoAceptable("NO CUMPLIDA", "EN PROCESO", 6)).toBe(false);
    expect(estatusEscritoAceptable("NO CUMPLIDA", "CUMPLIDA", null)).toBe(false);
    expect(estatusEscritoAceptable("PENDIENTE", "EN PROCESO", null)).toBe(false);
    expect(estatusEscritoAceptable("EN PROCESO", "EN PROCESO", 6)).toBe(true);
  });
});

describe("3. una fila con NÚMERO cuyo texto empieza con palabra de cierre no termina la tabla", () => {
  test("«2 | Notas informativas semanales» no descarta las actividades de abajo", () => {
    const corta: Fila = [2, null, null, null, "Notas informativas semanales"];
    const a = analizar(organo(org(), corta, org({ 0: "3", 4: "3.1 Otra" })));
    expect(a.actividades.map((x) => x.fila)).toContain(4);
  });
  test("una nota de cierre sin NÚMERO sí termina la tabla", () => {
    const a = analizar(organo(org(), [null, null, null, null, "Notas: cifras preliminares"], org({ 0: "3" })));
    expect(a.actividades.map((x) => x.fila)).toEqual([2]);
  });
});

describe("4. el «/100» se lee como × 100 solo en indicadores de porcentaje", () => {
  const metodo = "(Solicitudes atendidas / Solicitudes recibidas)/100";
  test("indicador que no es de porcentaje: se evalúa como está escrito y se avisa", () => {
    const h = transversal(tra({ 8: "Solicitudes atendidas", 9: metodo, 11: "Solicitudes", 13: 10, 19: null, 20: null, 22: null, 23: null }));
    const a = analizar(h);
    expect(a.actividades[0].esPorcentaje).toBe(false);
    const aviso = a.hallazgos.find((x) => x.codigo === "metodo-divide-entre-100");
    expect(aviso?.celda).toBe("J2");
    expect(aviso && mostrarHallazgo(aviso, "es")).not.toContain("se lee como");
    expect(porCelda(plan(h).cambios).T2.despues).not.toBe(80);
  });
  test("indicador de porcentaje: sigue leyéndose como × 100", () => {
    const h = transversal(tra({ 9: metodo, 19: null, 20: null, 22: null, 23: null }));
    expect(analizar(h).actividades[0].esPorcentaje).toBe(true);
    expect(porCelda(plan(h).cambios).T2.despues).toBe(80);
  });
});

describe("5. una fecha inválida en una celda no rompe el análisis", () => {
  test("citar no lanza", () => {
    expect(() => citar(new Date(NaN))).not.toThrow();
  });
  test("analizarHoja no lanza y señala la celda", () => {
    const h = organo(org({ 7: new Date(NaN), 10: new Date(NaN), 5: new Date(NaN) }));
    expect(() => analizar(h)).not.toThrow();
    expect(codigos(h)).toContain("F2 mes-invalido");
  });
});

describe("6. punto final en valores de catálogo", () => {
  test("frecuencia, sentido y estatus", () => {
    expect(leerFrecuencia("Trimestral.")).toMatchObject({ ok: true, valor: { nombre: "Trimestral" } });
    expect(leerSentido("Reducción.")).toEqual({ ok: true, valor: "descendente" });
    expect(leerEstatus("CUMPLIDA.")).toEqual({ ok: true, valor: "CUMPLIDA" });
  });
  test("«Trimestral.» y «Eficacia.» en la hoja no dan hallazgos", () => {
    expect(codigos(transversal(tra({ 7: "Eficacia.", 10: "Trimestral.", 14: "Incremento." })))).toEqual([]);
  });
});

describe("7. inyección de fórmula: el consejo quita el signo", () => {
  test("no aconseja el apóstrofo (Excel lo guarda como estilo y el signo sigue)", () => {
    const h = organo(org({ 4: "- Actividad con guion" }));
    const aviso = analizar(h).hallazgos.find((x) => x.codigo === "inyeccion-formula");
    expect(aviso && mostrarHallazgo(aviso, "es")).toMatch(/Quite el signo inicial/);
    expect(aviso && mostrarHallazgo(aviso, "es")).toContain("•");
    expect(aviso && mostrarHallazgo(aviso, "es")).not.toMatch(/ap[óo]strofo/);
    const m = CATALOGO["inyeccion-formula"].mensaje;
    expect(m.en).not.toMatch(/apostrophe/);
    expect(m.en).toContain("•");
  });
});

describe("8. explicación del estatus en indicadores de reducción", () => {
  test("CUMPLIDA: «se redujo a 5 (meta: 10 o menos)», no «se alcanzó 5 de 10»", () => {
    const h = transversal(tra({ 8: "Incidencias registradas", 9: "Incidencias registradas / Incidencias del año anterior", 11: "Incidencias", 13: 10, 14: "Reducción", 17: null, 18: null, 19: 5, 20: null, 22: null, 23: null }));
    const x = porCelda(plan(h).cambios).X2;
    expect(x.despues).toBe("CUMPLIDA");
    expect(razonDelCambio(x, "es")).toContain("se redujo a 5 (meta: 10 o menos)");
    expect(razonDelCambio(x, "es")).not.toContain("5 de 10");
    expect(razonDelCambio(x, "en")).toContain("reduced to 5 (goal: 10 or less)");
  });
});
