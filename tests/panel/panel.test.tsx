/**
 * El panel real contra el puerto en memoria (React Testing Library, jsdom).
 */
import "./entorno";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Panel } from "../../src/taskpane/Panel";
import { PuertoMemoria } from "../../src/excel/memoria";
import { escribirConDeshacer, leerDeshacer } from "../../src/excel/deshacer";
import { HOY, celda, hojaGrande, libroEjemplo } from "./fixtures";

const HOJA = "PAT 2024";
const texto = (e: Element): string => (e.textContent ?? "").replace(/\s+/g, " ");

async function abrir(opciones: Parameters<typeof libroEjemplo>[0] = {}, idioma: "es" | "en" = "es") {
  const { libro, puerto } = libroEjemplo(opciones);
  const usuario = userEvent.setup();
  const vista = render(<Panel puerto={puerto} idioma={idioma} hoy={HOY} />);
  return { libro, puerto, usuario, vista };
}

async function esperarFormato() {
  await screen.findByText(/Formato reconocido: Programa Anual de Trabajo por órgano/);
}

// El panel completo en jsdom: getByRole recorre el árbol accesible; holgura en una máquina compartida.
jest.setTimeout(90_000);

describe("Panel", () => {
  test("al abrir: formato reconocido, fila de encabezado y número de actividades", async () => {
    await abrir();
    await esperarFormato();
    expect(texto(screen.getByText(/Encabezado en la fila 6/))).toContain("7 actividades");
    expect(texto(screen.getByText(/Encabezado en la fila 6/))).toContain("2024");
  });

  test("Validar hoja: hallazgos por fila con cuentas, filtro por severidad y clic que selecciona la celda", async () => {
    const { libro, usuario } = await abrir();
    await esperarFormato();
    await usuario.click(screen.getByRole("button", { name: "Validar hoja" }));
    const conteo = await screen.findByTestId("conteo-hallazgos");
    // Al corte de diciembre, N7, N9 y N11 van en ROJO sin OBSERVACIONES (desviacion-sin-justificar);
    // la fila 10 tiene un error (FRECUENCIA «Trimestal»): sin estatus al corte hasta corregirlo (issue 8).
    expect(texto(conteo)).toContain("2 errores · 7 advertencias · 0 informativos");
    const lista = screen.getByRole("list", { name: "Hallazgos por fila" });
    expect(within(lista).getByRole("heading", { name: /Fila 10/ })).toBeTruthy();
    const frecuencia = screen.getByRole("button", { name: /^Ir a J10 \(Error\): .*Trimestal/ });
    await usuario.click(frecuencia);
    await waitFor(() => expect(libro.seleccion).toEqual({ hoja: HOJA, posicion: { fila: 10, columna: 10 } }));

    await usuario.selectOptions(screen.getByRole("combobox", { name: "Mostrar" }), "error");
    expect(screen.getAllByRole("button", { name: /^Ir a / })).toHaveLength(2);
    expect(screen.queryByRole("button", { name: /^Ir a D13/ })).toBeNull();
    await usuario.selectOptions(screen.getByRole("combobox", { name: "Mostrar" }), "warning");
    expect(screen.getAllByRole("button", { name: /^Ir a / })).toHaveLength(7);
  });

  test("Marcar celdas y Quitar marcas: relleno y nota, y restauración exacta (también de un color propio)", async () => {
    const { libro, usuario } = await abrir({ rellenos: [{ celda: "D13", color: "#00B050" }], notas: [{ celda: "J10", nota: "revisar con la unidad" }] });
    await esperarFormato();
    await usuario.click(screen.getByRole("button", { name: "Validar hoja" }));
    await screen.findByTestId("conteo-hallazgos");
    await usuario.click(screen.getByRole("button", { name: "Marcar celdas" }));
    await screen.findByText(/Se marcaron 9 celdas/);
    expect(celda(libro, HOJA, "J10")).toMatchObject({ relleno: "#FFC7CE" });
    expect(celda(libro, HOJA, "J10").nota).toMatch(/Trimestal/);
    expect(celda(libro, HOJA, "D13").relleno).toBe("#FFEB9C");
    await usuario.click(screen.getByRole("button", { name: "Quitar marcas" }));
    await screen.findByText(/Se quitaron las marcas de 9 celdas/);
    expect(celda(libro, HOJA, "J10")).toMatchObject({ relleno: null, nota: "revisar con la unidad" });
    expect(celda(libro, HOJA, "D13")).toMatchObject({ relleno: "#00B050", nota: null });
    expect(celda(libro, HOJA, "Q8")).toMatchObject({ relleno: null, nota: null });
  });

  test("Llenar cálculos: corte por defecto diciembre (año pasado), vista previa, Aplicar y Deshacer llenado", async () => {
    const { libro, usuario } = await abrir();
    await esperarFormato();
    expect((screen.getByRole("combobox", { name: "Mes de corte" }) as HTMLSelectElement).value).toBe("12");
    await usuario.click(screen.getByRole("button", { name: "Llenar cálculos" }));
    const tabla = await screen.findByRole("table", { name: "Cambios que se harán" });
    const filaP7 = within(tabla).getByRole("row", { name: /P7/ });
    expect(texto(filaP7)).toContain("(vacía)");
    expect(texto(filaP7)).toContain("50");
    expect(texto(filaP7)).toContain("PORCENTAJE CUMPLIDO (%) = 1 / 2 × 100 = 50");
    expect(texto(within(tabla).getByRole("row", { name: /Q8/ }))).toMatch(/PENDIENTE.*CUMPLIDA/);
    // La fila 10 (FRECUENCIA con error) no se llena, y el panel dice por qué (issue 8).
    expect(texto(screen.getByTestId("resumen-cambios"))).toContain("Vista previa: 10 cambios");
    expect(within(tabla).queryByRole("row", { name: /Q10/ })).toBeNull();
    expect(texto(screen.getByTestId("filas-omitidas"))).toContain("Fila 10: No se llenó: la fila tiene un error en FRECUENCIA DE MEDICIÓN (J10).");
    expect(celda(libro, HOJA, "P7").valor).toBeNull();

    await usuario.click(screen.getByRole("button", { name: "Aplicar" }));
    await screen.findByText(/Se escribieron 10 celdas/);
    expect(celda(libro, HOJA, "P7").valor).toBe(50);
    expect(celda(libro, HOJA, "Q8").valor).toBe("CUMPLIDA");
    expect(celda(libro, HOJA, "Q11").valor).toBe("NO CUMPLIDA");

    await usuario.click(screen.getByRole("button", { name: "Deshacer llenado" }));
    await screen.findByText(/Se devolvieron 10 celdas/);
    expect(celda(libro, HOJA, "P7").valor).toBeNull();
    expect(celda(libro, HOJA, "Q8").valor).toBe("PENDIENTE");
    expect(celda(libro, HOJA, "Q10").valor).toBe("CUMPLIDA");
  });

  test("corte de junio y fórmulas vivas de Excel (sin PAT.*)", async () => {
    const { libro, usuario } = await abrir();
    await esperarFormato();
    await usuario.selectOptions(screen.getByRole("combobox", { name: "Mes de corte" }), "6");
    await usuario.click(screen.getByRole("radio", { name: /Fórmulas de Excel/ }));
    await usuario.click(screen.getByRole("button", { name: "Llenar cálculos" }));
    await screen.findByRole("table", { name: "Cambios que se harán" });
    await usuario.click(screen.getByRole("button", { name: "Aplicar" }));
    await screen.findByText(/Se escribieron/);
    expect(celda(libro, HOJA, "P7").formula).toMatch(/^=IF\(.*ROUND\(N\(O7\)\/.*L7.*\*100,2\)/);
    expect(celda(libro, HOJA, "Q7").formula).toContain('IF(AND(ISNUMBER(G7),6>G7),"NO CUMPLIDA"');
    for (const c of libro.hojas.find((h) => h.nombre === HOJA)!.celdas.values()) expect(c.formula ?? "").not.toMatch(/PAT\./);
  });

  test("Deshacer llenado funciona después de cerrar y volver a abrir el panel (registro en el documento)", async () => {
    const { libro, puerto, usuario, vista } = await abrir();
    await esperarFormato();
    await usuario.click(screen.getByRole("button", { name: "Llenar cálculos" }));
    await screen.findByRole("table", { name: "Cambios que se harán" });
    await usuario.click(screen.getByRole("button", { name: "Aplicar" }));
    await screen.findByText(/Se escribieron 10 celdas/);
    vista.unmount();
    // Mientras el panel estaba cerrado, alguien cambió una celda llenada: se respeta.
    await new PuertoMemoria(libro).escribir(HOJA, [{ posicion: { fila: 12, columna: 17 }, valor: "REPROGRAMADA" }]);

    render(<Panel puerto={new PuertoMemoria(libro)} idioma="es" hoy={HOY} />);
    await esperarFormato();
    const deshacer = screen.getByRole("button", { name: "Deshacer llenado" });
    await waitFor(() => expect(deshacer.getAttribute("aria-disabled")).not.toBe("true"));
    await usuario.click(deshacer);
    await screen.findByText(/Se devolvieron 9 celdas/);
    await screen.findByText(/1 celda cambió después del llenado y se dejó como está: Q12/);
    expect(celda(libro, HOJA, "P7").valor).toBeNull();
    expect(celda(libro, HOJA, "Q8").valor).toBe("PENDIENTE");
    expect(celda(libro, HOJA, "Q12").valor).toBe("REPROGRAMADA");
    void puerto;
  });

  test("Insertar plantilla: hoja nueva con el formato elegido, reconocida por el panel", async () => {
    const { libro, usuario } = await abrir();
    await esperarFormato();
    await usuario.selectOptions(screen.getByRole("combobox", { name: "Formato de la plantilla" }), "pat-transversal");
    await usuario.click(screen.getByRole("button", { name: "Insertar plantilla" }));
    await screen.findByText(/Se agregó la hoja/);
    const nueva = libro.hojas[libro.hojas.length - 1];
    expect(libro.activa).toBe(nueva.nombre);
    expect(nueva.listas.length).toBeGreaterThan(0);
    expect(nueva.condicionales.length).toBeGreaterThan(0);
    const formulas = [...nueva.celdas.values()].map((c) => c.formula).filter((f): f is string => !!f);
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).toMatch(/^=IF\((?![\s\S]*PAT\.)/);
    // La celda del mes de corte que miran las fórmulas de ESTATUS, con su rótulo.
    expect([...nueva.celdas.values()].some((c) => c.valor === "MES DE CORTE")).toBe(true);
    expect(formulas.some((f) => f.includes("$C$6"))).toBe(true);
    await screen.findByText(/Formato reconocido: .*transversal/i);
  });

  test("Resumen: cuentas por estatus y semáforo, avance por objetivo e Insertar gráfico", async () => {
    const { libro, usuario } = await abrir();
    await esperarFormato();
    await usuario.click(screen.getByRole("button", { name: "Resumen" }));
    const resumen = await screen.findByTestId("resumen");
    expect(within(resumen).getByText("Actividades por estatus")).toBeTruthy();
    expect(within(resumen).getByRole("img", { name: "Cumplida: 2" })).toBeTruthy();
    expect(within(resumen).getByRole("img", { name: "No cumplida: 1" })).toBeTruthy();
    expect(within(resumen).getAllByRole("img", { name: /% de avance/ })).toHaveLength(4);
    // La vista de unidad de `pat consolidar`: la unidad del título y lo que va fuera de ruta al
    // corte de diciembre (7: 1 de 2, 9: 6 de 12 → ROJO; 11: NO CUMPLIDA), sin OBSERVACIONES; la fila 10
    // tiene un error y queda SIN DATOS hasta corregirlo, como en la validación y el llenado.
    expect(texto(within(resumen).getByTestId("resumen-unidad"))).toBe("UNIDAD DE INFORMÁTICA Y ESTADÍSTICA");
    const desviadas = within(within(resumen).getByTestId("resumen-desviadas")).getAllByRole("listitem").map(texto);
    expect(desviadas.map((d) => d.split(" ")[0])).toEqual(["E7", "E9", "E11"]);
    expect(desviadas.every((d) => d.endsWith("sin justificar"))).toBe(true);
    await usuario.click(within(resumen).getByRole("button", { name: "Insertar gráfico" }));
    await screen.findByText(/Se agregó la hoja «Resumen PAT»/);
    expect(libro.hoja("Resumen PAT").graficos).toHaveLength(1);
  });

  test("en inglés cuando Office está en inglés", async () => {
    await abrir({}, "en");
    await screen.findByText(/Recognized format: Annual Work Programme by body/);
    expect(screen.getByRole("button", { name: "Validate sheet" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Fill calculations" })).toBeTruthy();
    const corte = screen.getByRole("combobox", { name: "Cut-off month" }) as HTMLSelectElement;
    expect(corte.selectedOptions[0].textContent).toBe("December");
  });

  test("una hoja que no es PAT: mensaje con los formatos y lo que falta; al cambiar de hoja se actualiza", async () => {
    const { libro } = await abrir();
    await esperarFormato();
    act(() => libro.activar("Notas"));
    await screen.findByText("Esta hoja no tiene un formato PAT reconocido");
    expect(texto(screen.getByText(/Programa Anual de Trabajo por órgano: 0 de \d+ columnas requeridas/))).toMatch(/Faltan: NÚMERO/);
    expect(screen.getByRole("button", { name: "Llenar cálculos" }).getAttribute("aria-disabled")).toBe("true");
  });

  test("hoja protegida: Llenar y Marcar deshabilitados con el motivo; nada se escribe", async () => {
    const { libro, usuario } = await abrir({ protegida: true });
    await esperarFormato();
    expect(screen.getByText(/está protegida: puede validarla/)).toBeTruthy();
    expect(screen.getByText(/para llenar cálculos o marcar celdas quite la protección/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Llenar cálculos" }).getAttribute("aria-disabled")).toBe("true");
    await usuario.click(screen.getByRole("button", { name: "Validar hoja" }));
    await screen.findByTestId("conteo-hallazgos");
    expect(screen.getByRole("button", { name: "Marcar celdas" }).getAttribute("aria-disabled")).toBe("true");
    expect(celda(libro, HOJA, "P7").valor).toBeNull();
  });

  test("hoja protegida después de la vista previa: error claro al aplicar y el deshacer anterior se conserva", async () => {
    const { libro, puerto, usuario } = await abrir();
    await esperarFormato();
    await escribirConDeshacer(puerto, "Notas", [{ posicion: { fila: 1, columna: 1 }, valor: "mío" }]);
    const previo = await leerDeshacer(puerto);
    await usuario.click(screen.getByRole("button", { name: "Llenar cálculos" }));
    await screen.findByRole("table", { name: "Cambios que se harán" });
    libro.hoja(HOJA).protegida = true;
    await usuario.click(screen.getByRole("button", { name: "Aplicar" }));
    await screen.findByText(/Quite la protección \(Revisar › Desproteger hoja\) y vuelva a intentarlo/);
    expect(celda(libro, HOJA, "P7").valor).toBeNull();
    expect(await leerDeshacer(puerto)).toEqual(previo);
  });

  test("vista previa vieja: si la hoja cambió, Aplicar no escribe y pide volver a llenar", async () => {
    const { libro, usuario } = await abrir();
    await esperarFormato();
    await usuario.click(screen.getByRole("button", { name: "Llenar cálculos" }));
    const tabla = await screen.findByRole("table", { name: "Cambios que se harán" });
    const fila = within(tabla).getAllByRole("row")[1];
    const dir = fila.getAttribute("data-celda")!;
    libro.celdaEditable(libro.hoja(HOJA), dir).valor = "escrito después";
    await usuario.click(screen.getByRole("button", { name: "Aplicar" }));
    await screen.findByText("La hoja cambió desde la vista previa: vuelva a pulsar Llenar cálculos.");
    expect(celda(libro, HOJA, dir).valor).toBe("escrito después");
    expect(screen.queryByRole("table", { name: "Cambios que se harán" })).toBeNull();
  });

  test("marca de «reemplaza» con nombre accesible", async () => {
    const { libro, usuario } = await abrir();
    await esperarFormato();
    libro.celdaEditable(libro.hoja(HOJA), "P7").valor = 1;
    await usuario.click(screen.getByRole("button", { name: "Llenar cálculos" }));
    const tabla = await screen.findByRole("table", { name: "Cambios que se harán" });
    const fila = tabla.querySelector('tr[data-celda="P7"]');
    expect(fila).not.toBeNull();
    expect(texto(fila!)).toContain("(reemplaza un valor escrito)");
    expect(fila!.querySelector('[aria-hidden="true"]')?.textContent).toContain("⚠");
  });

  test("activar otra hoja durante Aplicar no reactiva los botones; la hoja se lee al terminar", async () => {
    const { libro, puerto } = libroEjemplo();
    let soltar: () => void = () => undefined;
    const escribir = puerto.escribir.bind(puerto);
    puerto.escribir = async (h, c) => {
      await new Promise<void>((r) => (soltar = r));
      return escribir(h, c);
    };
    const usuario = userEvent.setup();
    render(<Panel puerto={puerto} idioma="es" hoy={HOY} />);
    await esperarFormato();
    await usuario.click(screen.getByRole("button", { name: "Llenar cálculos" }));
    await screen.findByRole("table", { name: "Cambios que se harán" });
    await usuario.click(screen.getByRole("button", { name: "Aplicar" }));
    await waitFor(() => expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("true"));
    act(() => libro.activar("Notas"));
    await new Promise((r) => setTimeout(r, 20));
    // Sigue ocupado y mostrando la hoja que se está llenando.
    expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("true");
    expect(screen.getByRole("button", { name: "Validar hoja" }).getAttribute("aria-disabled")).toBe("true");
    expect(screen.queryByText("Esta hoja no tiene un formato PAT reconocido")).toBeNull();
    await act(async () => soltar());
    await screen.findByText("Esta hoja no tiene un formato PAT reconocido");
    expect(celda(libro, HOJA, "P7").valor).not.toBeNull();
  });

  test("hoja marcada que se renombró: Quitar marcas avisa y se puede volver a marcar", async () => {
    const { libro, usuario } = await abrir();
    await esperarFormato();
    await usuario.click(screen.getByRole("button", { name: "Validar hoja" }));
    await screen.findByTestId("conteo-hallazgos");
    await usuario.click(screen.getByRole("button", { name: "Marcar celdas" }));
    await screen.findByText(/Se marcaron 9 celdas/);
    libro.hoja(HOJA).nombre = "PAT renombrada";
    await usuario.click(screen.getByRole("button", { name: "Quitar marcas" }));
    await screen.findByText(/La hoja «PAT 2024» de las marcas anteriores ya no existe/);
  });

  test("errores de Excel, filas ocultas y celdas combinadas se avisan", async () => {
    const { libro } = libroEjemplo();
    const h = libro.hoja(HOJA);
    libro.celdaEditable(h, "P7").valor = "#REF!";
    h.filasOcultas.add(8);
    render(<Panel puerto={new PuertoMemoria(libro)} idioma="es" hoy={HOY} />);
    await esperarFormato();
    expect(screen.getByText(/1 celda muestra un error de Excel \(por ejemplo P7: #REF!\)/)).toBeTruthy();
    expect(screen.getByText(/1 fila está oculta o filtrada/)).toBeTruthy();
    expect(screen.getByText(/4 rangos combinados/)).toBeTruthy();
  });

  test("hoja de 10 000 filas: aviso de hoja grande y la validación se muestra por partes", async () => {
    const { libro, puerto } = libroEjemplo({}, [hojaGrande(10_000)]);
    libro.activar("Grande");
    const usuario = userEvent.setup();
    render(<Panel puerto={puerto} idioma="es" hoy={HOY} />);
    await screen.findByText(/Hoja grande: 10,006 filas/, {}, { timeout: 20_000 });
    await usuario.click(screen.getByRole("button", { name: "Llenar cálculos" }));
    await screen.findByText(/Vista previa: 20,000 cambios|Vista previa: 20000 cambios/, {}, { timeout: 20_000 });
    expect(screen.getByText(/Se muestran 100 de 20000 cambios/)).toBeTruthy();
  }, 60_000);

  test("accesible: cada control tiene nombre y se alcanza con el teclado (Tab + Enter valida)", async () => {
    const { usuario } = await abrir();
    await esperarFormato();
    for (const rol of ["button", "combobox", "radio"] as const) {
      const todos = screen.getAllByRole(rol);
      // Con nombre accesible no vacío (lo calcula Testing Library como un lector de pantalla).
      expect(screen.getAllByRole(rol, { name: /\S/ })).toHaveLength(todos.length);
      for (const c of todos) expect(c.getAttribute("tabindex")).not.toBe("-1");
    }
    for (const nombre of ["Validar hoja", "Marcar celdas", "Quitar marcas", "Llenar cálculos", "Deshacer llenado", "Insertar plantilla", "Resumen"]) {
      expect(screen.getByRole("button", { name: nombre })).toBeTruthy();
    }
    // Primero el mes de corte (arriba: sirve a validar, llenar y resumir), luego «Validar hoja».
    await usuario.tab();
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: /Mes de corte/ }));
    await usuario.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Validar hoja" }));
    await usuario.keyboard("{Enter}");
    await screen.findByTestId("conteo-hallazgos");
  });
});
