/**
 * La vista previa: el libro (pestañas de hojas y cuadrícula) y el panel REAL lado a lado,
 * sobre el puerto en memoria. «Abrir libro (.xlsx)» y «Descargar libro» pasan por el
 * lector y el escritor por parche de `src/xlsx` (ver `puente.ts`); exceljs (script global
 * aparte, nunca en el panel) solo crea de la nada el libro del ejemplo en memoria.
 */
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { useEffect, useMemo, useReducer, useState } from "react";
import type { Idioma } from "../core/tipos";
import { direccionDe } from "../core/validacion/direcciones";
import { formulaVinculo, type TablaHoja } from "../excel/puerto";
import { LibroMemoria, PuertoMemoria } from "../excel/memoria";
import { ContextoTextos, crearTraductor } from "../localization";
import { Panel } from "../taskpane/Panel";
import { libroABytes } from "../xlsx/escribir";
import { Cuadricula } from "./Cuadricula";
import { hojaEjemplo, hojaNotas } from "./ejemplo";
import { abrirLibro, bytesParaDescargar, volcar, type LibroAbierto } from "./puente";

export const RUTA_EJEMPLO = "samples/pat-ieebcs-2024.xlsx";

/** «pat-2024.xlsx» → «pat-2024 (revisado).xlsx». */
export function nombreDescarga(original: string): string {
  const base = original.replace(/\.xlsx$/i, "").replace(/ \(revisado\)$/, "");
  return `${base} (revisado).xlsx`;
}

let abiertos = 0;

interface Abierto {
  /** Identifica el libro abierto (un panel nuevo por libro, no por hoja agregada). */
  readonly id: number;
  readonly libro: LibroMemoria;
  readonly puerto: PuertoMemoria;
  /** Los bytes abiertos (null: el ejemplo en memoria, que no vino de un archivo). */
  readonly origen: LibroAbierto | null;
  readonly archivo: string;
}

function abrirBytes(bytes: ArrayBuffer, archivo: string): Abierto {
  const origen = abrirLibro(bytes);
  return { id: ++abiertos, libro: origen.libro, puerto: new PuertoMemoria(origen.libro), origen, archivo };
}

function ejemploEnMemoria(): Abierto {
  const libro = LibroMemoria.desde([hojaEjemplo(), hojaNotas()]);
  return { id: ++abiertos, libro, puerto: new PuertoMemoria(libro), origen: null, archivo: "pat-ejemplo.xlsx" };
}

export function Vista(props: { readonly idioma: Idioma }) {
  const t = useMemo(() => crearTraductor(props.idioma), [props.idioma]);
  const [abierto, setAbierto] = useState<Abierto | null>(null);
  const [mensaje, setMensaje] = useState<string | null>(null);
  const [, redibujar] = useReducer((x: number) => x + 1, 0);

  useEffect(() => {
    let vivo = true;
    (async () => {
      try {
        const resp = await fetch(RUTA_EJEMPLO);
        if (!resp.ok) throw new Error(String(resp.status));
        const a = abrirBytes(await resp.arrayBuffer(), "pat-ieebcs-2024.xlsx");
        if (vivo) setAbierto(a);
      } catch {
        if (vivo) setAbierto(ejemploEnMemoria());
      }
    })();
    return () => {
      vivo = false;
    };
  }, []);

  useEffect(() => (abierto ? abierto.libro.alCambiar(redibujar) : undefined), [abierto]);

  useEffect(() => {
    if (abierto) (window as unknown as { __patVista?: unknown }).__patVista = { libro: abierto.libro };
  }, [abierto]);

  const abrirArchivo = async (archivo: File) => {
    try {
      const a = abrirBytes(await archivo.arrayBuffer(), archivo.name);
      setAbierto(a);
      setMensaje(t("vista.abierto", { archivo: archivo.name }));
    } catch (e) {
      setMensaje(t("vista.errorArchivo", { archivo: archivo.name, detalle: e instanceof Error ? e.message : String(e) }));
    }
  };

  const descargar = async () => {
    if (!abierto) return;
    let bytes: Uint8Array;
    try {
      if (abierto.origen) bytes = bytesParaDescargar(abierto.origen);
      else {
        const wb = new ExcelJS.Workbook();
        volcar(abierto.libro, wb);
        bytes = await libroABytes(wb);
      }
    } catch (e) {
      setMensaje(t("vista.errorArchivo", { archivo: abierto.archivo, detalle: e instanceof Error ? e.message : String(e) }));
      return;
    }
    const blob = new Blob([bytes as unknown as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    // Nunca el mismo nombre del original: guardarlo encima por descuido perdería el original.
    a.download = nombreDescarga(abierto.archivo);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  /** Las observaciones como un libro nuevo (exceljs crea el libro desde cero). */
  const descargarObservaciones = async (tabla: TablaHoja, hoja: string) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(tabla.hoja);
    ws.addRow([...tabla.encabezados]).font = { bold: true };
    for (const fila of tabla.filas) {
      ws.addRow(
        fila.map((c) => {
          if (c === null || typeof c !== "object" || c instanceof Date) return c;
          // Fuera del libro original el vínculo no tiene a dónde ir: se deja la celda como texto
          // y la fórmula del vínculo (funciona si se copia la hoja al libro).
          return { formula: formulaVinculo(c.vinculo, c.texto).slice(1), result: c.texto };
        }),
      );
    }
    (tabla.anchos ?? []).forEach((a, j) => (ws.getColumn(j + 1).width = a));
    ws.views = [{ state: "frozen", ySplit: 1 }];
    const bytes = await wb.xlsx.writeBuffer();
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = t("obs.archivo", { hoja: hoja.replace(/[\\/:*?"<>|]+/g, " ").trim() || "hoja" });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const libro = abierto?.libro ?? null;
  const hojas = libro ? libro.hojas.filter((h) => h.visibilidad === "visible") : [];
  const activa = libro && hojas.find((h) => h.nombre === libro.activa);

  return (
    <ContextoTextos.Provider value={t}>
      <FluentProvider theme={webLightTheme} className="vista">
        <div className="libro">
          <div className="barra">
            <strong>{t("vista.titulo")}</strong>
            <label className="boton-archivo">
              {t("vista.abrir")}
              <input
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) void abrirArchivo(f);
                  e.target.value = "";
                }}
              />
            </label>
            <Button onClick={() => void descargar()} disabled={!abierto}>{t("vista.descargar")}</Button>
            {libro?.seleccion ? <span data-testid="seleccion">{t("vista.seleccion", { celda: direccionDe(libro.seleccion.posicion) })}</span> : null}
            {mensaje ? <span role="status">{mensaje}</span> : null}
          </div>
          {libro ? (
            <>
              <div role="tablist" aria-label={t("vista.hojas")} className="pestanas">
                {hojas.map((h) => (
                  <button
                    key={h.nombre}
                    role="tab"
                    aria-selected={h.nombre === libro.activa}
                    className={h.nombre === libro.activa ? "pestana activa" : "pestana"}
                    onClick={() => libro.activar(h.nombre)}
                  >
                    {h.nombre}
                    {h.protegida ? " 🔒" : ""}
                  </button>
                ))}
              </div>
              {activa ? (
                <Cuadricula
                  libro={libro}
                  hoja={activa}
                  alElegir={(posicion) => {
                    libro.seleccion = { hoja: activa.nombre, posicion };
                    libro.avisar();
                  }}
                />
              ) : null}
            </>
          ) : (
            <p>{t("vista.cargando")}</p>
          )}
        </div>
        <aside className="panel-lateral" aria-label={t("app.titulo")}>
          {/* Un panel por libro abierto: agregar hojas no lo reinicia (no pierde formato, año ni hallazgos). */}
          {abierto ? <Panel key={abierto.id} puerto={abierto.puerto} idioma={props.idioma} alDescargarObservaciones={(tabla, hoja) => void descargarObservaciones(tabla, hoja)} /> : null}
        </aside>
      </FluentProvider>
    </ContextoTextos.Provider>
  );
}
