import { revisarMetodo } from "../../../src/core/metodo";

describe("revisarMetodo (PAT.VALIDAR_METODO)", () => {
  test.each([
    "Documento realizado/ Documento presentado X 100",
    "Manual de procesos elaborado / Manual de procesos requerido",
    "((a / b) - 1) x 100",
    "Documentos entregados",
  ])("sin problemas: %s", (texto) => {
    expect(revisarMetodo(texto)).toEqual({ ok: true, problemas: [] });
  });

  test("divide entre 100: propone el método con × 100", () => {
    const r = revisarMetodo("(Solicitudes atendidas/Solicitudes turnadas por la DTASISPE)/100");
    expect(r.ok).toBe(false);
    expect(r.problemas).toHaveLength(1);
    expect(r.problemas[0].es).toBe(
      "El método divide entre 100; para un porcentaje multiplique: «(A / B) × 100». " +
        "Escriba «(Solicitudes atendidas/Solicitudes turnadas por la DTASISPE) × 100».",
    );
    expect(r.problemas[0].en).toContain("divides by 100");
  });

  test("no se entiende: el mensaje del analizador, con la posición", () => {
    const r = revisarMetodo("Documentos realizados /");
    expect(r.ok).toBe(false);
    expect(r.problemas).toHaveLength(1);
    expect(r.problemas[0].es).toContain("posición 23: falta un operando después de «/»");
    expect(r.problemas[0].en).toContain("position 23");
  });

  test("solo números", () => {
    const r = revisarMetodo("80 / 100");
    expect(r.ok).toBe(false);
    expect(r.problemas[0].es).toContain("El método solo tiene números («80 / 100»)");
    expect(r.problemas[0].es).toContain("Escriba, por ejemplo");
  });

  test.each(["", "   "])("vacío: %j", (texto) => {
    const r = revisarMetodo(texto);
    expect(r.ok).toBe(false);
    expect(r.problemas[0].es).toContain("está vacío");
    expect(r.problemas[0].en).toContain("is empty");
  });

  test("plantilla sin llenar", () => {
    expect(revisarMetodo("xxx").problemas[0].es).toContain("plantilla sin llenar («xxx»)");
  });
});
