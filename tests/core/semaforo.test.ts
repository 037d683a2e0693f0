import { calcularSemaforo, clasificarAvance, leerPerfil, PERFILES_SEMAFORO } from "../../src/core/semaforo";

const s = (a: number | null, p: number | null, perfil?: string) => {
  const r = calcularSemaforo(a, p, perfil ?? null);
  if (!r.ok) throw new Error(r.error.mensaje);
  return r.valor;
};

describe("semáforo (spec §3)", () => {
  test("perfil simétrico: bandas en los bordes", () => {
    expect(s(95, 100)).toBe("VERDE");
    expect(s(105, 100)).toBe("VERDE");
    expect(s(94.9, 100)).toBe("AMARILLO");
    expect(s(85, 100)).toBe("AMARILLO");
    expect(s(84.9, 100)).toBe("ROJO");
    expect(s(105.1, 100)).toBe("AMARILLO");
    expect(s(115, 100)).toBe("AMARILLO");
    expect(s(115.1, 100)).toBe("ROJO");
  });
  test("perfil ascendente: sobrecumplir es VERDE", () => {
    expect(s(150, 100, "ascendente")).toBe("VERDE");
    expect(s(90, 100, "ascendente")).toBe("AMARILLO");
    expect(s(50, 100, "Ascendente")).toBe("ROJO");
  });
  test("SIN DATO cuando no se puede calcular", () => {
    expect(s(null, 100)).toBe("SIN DATO");
    expect(s(5, 0)).toBe("SIN DATO");
    expect(s(5, null)).toBe("SIN DATO");
  });
  test("perfil desconocido → error; perfil propio de un instituto", () => {
    expect(leerPerfil("estricto").ok).toBe(false);
    expect(leerPerfil("constructor").ok).toBe(false);
    expect(leerPerfil("__proto__").ok).toBe(false);
    const propio = { ...PERFILES_SEMAFORO.simetrico, id: "propio", verdeMinimo: 90, amarilloMinimo: 70 };
    expect(clasificarAvance(91, propio)).toBe("VERDE");
    expect(clasificarAvance(75, propio)).toBe("AMARILLO");
    const r = calcularSemaforo(91, 100, propio);
    expect(r.ok && r.valor).toBe("VERDE");
  });
});
