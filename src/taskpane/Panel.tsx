/**
 * El panel de tareas: lee la hoja activa al abrir y al cambiar de hoja, y ofrece validar,
 * marcar, llenar (con vista previa y deshacer desde el documento), insertar plantillas y
 * resumir. Todo pasa por el puerto del libro: el mismo panel corre en Excel y en la vista
 * previa del navegador. Cada acción va envuelta: un error es un MessageBar, nunca un panel
 * en blanco; el trabajo largo muestra un Spinner.
 */
import { escaparControles } from "../core/mostrar";
import { Button, FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CambioCelda, Hallazgo, Idioma } from "../core/tipos";
import { deshacerLlenado, escribirConDeshacer, leerDeshacer, leerMarcas, marcarConRegistro, quitarMarcas } from "../excel/deshacer";
import type { LecturaHoja, PuertoLibro } from "../excel/puerto";
import { ContextoTextos, crearTraductor, type ClaveTexto, type Traductor } from "../localization";
import { Avisos } from "./componentes/Avisos";
import { EstadoHoja } from "./componentes/EstadoHoja";
import { Llenado, type ModoLlenado } from "./componentes/Llenado";
import { Plantilla } from "./componentes/Plantilla";
import { Resumen } from "./componentes/Resumen";
import { Validacion } from "./componentes/Validacion";
import { mensajeDeError } from "./errores";
import { useEstilos } from "./estilos";
import { avisosDeLectura, escrituraDe, FILAS_GRANDES, marcasDe, mesCortePorDefecto, type Aviso, type IntencionAviso } from "./logica";
import { analizar, formatosDisponibles, omitidas, planificar, plantillaDe, resumenDe, type AnalisisHoja, type UnidadConsolidada as DatosResumen } from "./nucleo";

export interface PropsPanel {
  readonly puerto: PuertoLibro;
  readonly idioma: Idioma;
  /** Fecha de hoy (las pruebas la fijan para el mes de corte por defecto). */
  readonly hoy?: Date;
}

export function Panel(props: PropsPanel) {
  const t = useMemo(() => crearTraductor(props.idioma), [props.idioma]);
  return (
    <ContextoTextos.Provider value={t}>
      <FluentProvider theme={webLightTheme} lang={props.idioma === "en" ? "en" : "es"}>
        <Contenido {...props} t={t} />
      </FluentProvider>
    </ContextoTextos.Provider>
  );
}

interface Hoja {
  readonly lectura: LecturaHoja;
  readonly analisis: AnalisisHoja;
}

let siguienteId = 0;

function Contenido({ puerto, hoy, t }: PropsPanel & { readonly t: Traductor }) {
  const s = useEstilos();
  const [hoja, setHoja] = useState<Hoja | null>(null);
  const [ocupado, setOcupado] = useState<string | null>(null);
  const [mensajes, setMensajes] = useState<Aviso[]>([]);
  const [hallazgos, setHallazgos] = useState<ReadonlyArray<Hallazgo> | null>(null);
  const [corte, setCorte] = useState<number>(() => mesCortePorDefecto(null, hoy));
  const [modo, setModo] = useState<ModoLlenado>("valores");
  const [cambios, setCambios] = useState<ReadonlyArray<CambioCelda> | null>(null);
  const [filasOmitidas, setFilasOmitidas] = useState(0);
  const [hayDeshacer, setHayDeshacer] = useState(false);
  const [hayMarcas, setHayMarcas] = useState(false);
  const [resumen, setResumen] = useState<DatosResumen | null>(null);
  const formatos = useMemo(() => formatosDisponibles(t.idioma), [t.idioma]);
  const montado = useRef(true);
  const hojaRef = useRef<Hoja | null>(null);
  hojaRef.current = hoja;
  /** Una acción a la vez: mientras corre, las demás se ignoran y las activaciones esperan. */
  const enCurso = useRef(false);
  /** Hoja activada mientras había una acción en curso (se lee al terminar). */
  const recargaPendiente = useRef<string | null>(null);
  /** Número de la última lectura pedida: un resultado más viejo se descarta. */
  const secuencia = useRef(0);

  const avisar = useCallback((intencion: IntencionAviso, texto: string, agregar = false) => {
    const id = `m${++siguienteId}`;
    // Un mensaje nuevo reemplaza a los anteriores (salvo `agregar`); los errores se quedan
    // hasta cerrarlos mientras sigan llegando errores.
    setMensajes((m) => [...m.filter((x) => agregar || (x.intencion === "error" && intencion === "error")), { id, intencion, texto }]);
  }, []);

  /**
   * Envuelve una acción: Spinner mientras corre, MessageBar si falla. Serializada: si ya
   * hay una en curso, la nueva se ignora (devuelve false). Al terminar, si el usuario
   * activó otra hoja mientras tanto, se lee esa hoja.
   */
  const ejecutar = useCallback(
    async (etiqueta: ClaveTexto, accion: () => Promise<void>): Promise<boolean> => {
      if (enCurso.current) return false;
      enCurso.current = true;
      setOcupado(t(etiqueta));
      try {
        await accion();
      } catch (e) {
        if (montado.current) avisar("error", mensajeDeError(e, t, hojaRef.current?.lectura.datos.nombre ?? ""));
      } finally {
        enCurso.current = false;
        if (montado.current) setOcupado(null);
      }
      const pendiente = recargaPendiente.current;
      recargaPendiente.current = null;
      if (pendiente !== null && montado.current) await recargarRef.current(pendiente);
      return true;
    },
    [t, avisar],
  );
  const recargarRef = useRef<(nombre: string) => Promise<void>>(async () => undefined);

  const revisarRegistros = useCallback(async () => {
    const [d, m] = await Promise.all([leerDeshacer(puerto), leerMarcas(puerto)]);
    if (!montado.current) return;
    setHayDeshacer(d !== null);
    setHayMarcas(m !== null);
  }, [puerto]);

  /** Lee y analiza una hoja (la activa si no se dice). */
  const cargar = useCallback(
    async (nombre?: string, conservarCorte = false) => {
      const numero = ++secuencia.current;
      const lectura = await puerto.leerHoja(nombre ?? (await puerto.hojaActiva()));
      // Otra lectura empezó después: esta ya no es la hoja que el usuario ve.
      if (numero !== secuencia.current) return;
      if (lectura.filas >= FILAS_GRANDES) setOcupado(t("ocupado.grande"));
      const previo = hojaRef.current;
      const mismoLibro = previo?.lectura.datos.nombre === lectura.datos.nombre && conservarCorte;
      // Al abrir o cambiar de hoja basta un análisis sin corte (el año da el corte por
      // defecto); validar, llenar y resumir vuelven a leer con el corte elegido.
      const analisis = mismoLibro ? analizar(lectura.datos, corte) : analizar(lectura.datos);
      const mes = mismoLibro ? corte : mesCortePorDefecto(analisis.anio, hoy);
      if (!montado.current || numero !== secuencia.current) return;
      hojaRef.current = { lectura, analisis };
      setHoja(hojaRef.current);
      setCorte(mes);
      if (!mismoLibro) {
        setHallazgos(null);
        setResumen(null);
      }
      setCambios(null);
      await revisarRegistros();
    },
    [puerto, hoy, t, corte, revisarRegistros],
  );

  useEffect(() => {
    montado.current = true;
    let quitar: (() => void) | null = null;
    void ejecutar("ocupado.leyendo", () => cargar());
    void puerto
      .alCambiarHoja((nombre) => {
        // Durante una acción larga (Aplicar…) no se lee: se lee al terminar.
        if (enCurso.current) recargaPendiente.current = nombre;
        else void recargarRef.current(nombre);
      })
      .then((q) => {
        if (montado.current) quitar = q;
        else q();
      })
      .catch(() => undefined);
    return () => {
      montado.current = false;
      quitar?.();
    };
    // Solo al montar: `cargar` cambia con el corte y no debe volver a suscribir.
  }, [puerto]);

  recargarRef.current = async (nombre: string) => {
    await ejecutar("ocupado.leyendo", () => cargar(nombre));
  };

  const nombreHoja = hoja?.lectura.datos.nombre ?? "";
  // El nombre tal cual va a Excel; el que se muestra, sin caracteres de control a la vista.
  const nombreVisible = escaparControles(nombreHoja);
  const protegida = hoja?.lectura.protegida ?? false;
  const analisis = hoja?.analisis ?? null;
  const deteccion = analisis?.deteccion ?? null;

  const validar = () =>
    ejecutar("ocupado", async () => {
      await cargar(nombreHoja || undefined, true);
      const h = hojaRef.current;
      setHallazgos(h?.analisis.hallazgos ?? []);
      if (h && !h.analisis.deteccion) avisar("warning", t("hoja.noPat"));
    });

  const elegir = (h: Hallazgo) => ejecutar("ocupado", () => puerto.seleccionar(nombreHoja, h.celda));

  const marcar = () =>
    ejecutar("ocupado", async () => {
      if (!hallazgos?.length) {
        avisar("info", t("marcas.sinHallazgos"));
        return;
      }
      if (hojaRef.current?.lectura.protegida) {
        avisar("warning", t("llenar.protegida", { hoja: nombreVisible }));
        return;
      }
      const r = await marcarConRegistro(puerto, nombreHoja, marcasDe(hallazgos, t));
      setHayMarcas(true);
      avisar("success", t("marcas.puestas", { n: r.previos.length }));
      if (r.descartadas !== undefined) avisar("warning", t("marcas.hojaPerdida", { hoja: r.descartadas }), true);
    });

  const desmarcar = () =>
    ejecutar("ocupado", async () => {
      const r = await quitarMarcas(puerto);
      setHayMarcas(false);
      if (r?.hojaPerdida) avisar("warning", t("marcas.hojaPerdida", { hoja: r.hoja }));
      else avisar(r ? "success" : "info", r ? t("marcas.quitadas", { n: r.previos.length }) : t("marcas.sinMarcas"));
    });

  const llenar = () =>
    ejecutar("ocupado", async () => {
      await cargar(nombreHoja || undefined, true);
      const h = hojaRef.current;
      if (!h || !h.analisis.deteccion) {
        avisar("warning", t("llenar.noPat"));
        return;
      }
      if (h.lectura.protegida) {
        setCambios(null);
        avisar("warning", t("llenar.protegida", { hoja: h.lectura.datos.nombre }));
        return;
      }
      const plan = planificar(h.lectura.datos, h.analisis, corte, modo);
      setFilasOmitidas(omitidas(plan));
      if (plan.cambios.length === 0) {
        setCambios(null);
        avisar("info", t("llenar.sinCambios"));
        return;
      }
      setCambios(plan.cambios);
    });

  const aplicar = () =>
    ejecutar("ocupado", async () => {
      if (!cambios?.length) return;
      const n = cambios.length;
      try {
        // Con lo que mostró la vista previa: si la hoja cambió desde entonces, no se escribe.
        await escribirConDeshacer(puerto, nombreHoja, cambios.map(escrituraDe), cambios);
      } catch (e) {
        if ((e as { codigo?: string } | null)?.codigo === "hoja-cambio") setCambios(null);
        throw e;
      }
      setCambios(null);
      setHayDeshacer(true);
      await cargar(nombreHoja, true);
      avisar("success", t("llenar.aplicado", { n, hoja: nombreVisible }));
    });

  const deshacer = () =>
    ejecutar("ocupado", async () => {
      const r = await deshacerLlenado(puerto);
      setHayDeshacer(false);
      if (!r) {
        avisar("info", t("llenar.nadaQueDeshacer"));
        return;
      }
      if (r.hojaPerdida) {
        avisar("warning", t("llenar.hojaPerdida", { hoja: r.registro.hoja }));
        return;
      }
      setCambios(null);
      await cargar(r.registro.hoja, r.registro.hoja === nombreHoja);
      avisar("success", t("llenar.deshecho", { n: r.restauradas, hoja: r.registro.hoja }));
      if (r.respetadas.length > 0) {
        avisar("warning", t("llenar.respetadas", { n: r.respetadas.length, celdas: r.respetadas.slice(0, 5).join(", ") + (r.respetadas.length > 5 ? "…" : "") }), true);
      }
    });

  const insertarPlantilla = (id: string) =>
    ejecutar("ocupado", async () => {
      const formato = formatos.find((f) => f.id === id);
      // El año del programa del libro (título «PROGRAMA ANUAL DE TRABAJO 2024» de la hoja leída); si no, el actual.
      const anio = hojaRef.current?.analisis.anio ?? (hoy ?? new Date()).getFullYear();
      const nombre = await puerto.insertarPlantilla(plantillaDe(id, anio));
      await cargar(nombre);
      avisar("success", t("plantilla.insertada", { hoja: nombre, formato: formato?.nombre ?? id }));
    });

  const verResumen = () =>
    ejecutar("ocupado", async () => {
      await cargar(nombreHoja || undefined, true);
      const h = hojaRef.current;
      if (!h) return;
      setResumen(resumenDe(h.analisis));
    });

  const insertarGrafico = () =>
    ejecutar("ocupado", async () => {
      if (!resumen) return;
      const hojaGrafico = await puerto.insertarGrafico({
        hoja: t("resumen.graficoHoja"),
        titulo: t("resumen.graficoTitulo"),
        encabezados: [t("resumen.graficoObjetivo"), t("resumen.graficoAvance")],
        filas: resumen.porObjetivo.map((o) => [o.objetivo ?? t("resumen.sinObjetivo"), o.avance ?? 0]),
      });
      avisar("success", t("resumen.graficoInsertado", { hoja: hojaGrafico }));
    });

  const avisosHoja = hoja ? avisosDeLectura(hoja.lectura, t) : [];
  const vacia = hoja ? hoja.lectura.datos.valores.every((f) => !f || f.every((v) => v === null || v === "")) : false;
  const soloValidacion = deteccion && !deteccion.formato.columnas.some((c) => c.calculada);
  const motivo = !deteccion ? t("llenar.noPat") : protegida ? t("llenar.protegida", { hoja: nombreVisible }) : soloValidacion ? t("llenar.soloValidacion", { formato: deteccion.formato.nombre[t.idioma] }) : null;

  return (
    <main className={s.panel} aria-busy={ocupado !== null}>
      <header className={s.encabezado}>
        <h1 className={s.titulo}>{t("app.titulo")}</h1>
        <p className={s.subtitulo}>{hoja ? t("hoja.titulo", { hoja: nombreVisible }) : t("app.subtitulo")}</p>
      </header>
      {ocupado ? <Spinner size="tiny" label={ocupado} labelPosition="after" aria-live="polite" /> : null}
      <Avisos avisos={mensajes} alCerrar={(id) => setMensajes((m) => m.filter((x) => x.id !== id))} />
      {hoja && analisis ? (
        <>
          <EstadoHoja hoja={nombreVisible} analisis={analisis} vacia={vacia} />
          <Avisos avisos={avisosHoja} />
          <Validacion
            hallazgos={hallazgos}
            ocupado={ocupado !== null}
            hayMarcas={hayMarcas}
            protegida={protegida}
            alValidar={validar}
            alElegir={elegir}
            alMarcar={marcar}
            alQuitarMarcas={desmarcar}
          />
          <Llenado
            habilitado={Boolean(deteccion) && !soloValidacion && !protegida}
            motivoDeshabilitado={motivo}
            corte={corte}
            modo={modo}
            cambios={cambios}
            omitidas={filasOmitidas}
            ocupado={ocupado !== null}
            hayDeshacer={hayDeshacer}
            alCambiarCorte={(m) => {
              setCorte(m);
              setCambios(null);
              setResumen(null);
            }}
            alCambiarModo={(m) => {
              setModo(m);
              setCambios(null);
            }}
            alLlenar={llenar}
            alAplicar={aplicar}
            alCancelar={() => setCambios(null)}
            alDeshacer={deshacer}
          />
          <section className={s.seccion} aria-labelledby="titulo-resumen">
            <h2 id="titulo-resumen" className={s.h2}>{t("resumen.titulo")}</h2>
            <div className={s.fila}>
              <Button onClick={verResumen} disabledFocusable={ocupado !== null || !deteccion}>{t("resumen.boton")}</Button>
            </div>
            {resumen ? <Resumen resumen={resumen} mes={corte} ocupado={ocupado !== null} alInsertarGrafico={insertarGrafico} /> : null}
          </section>
        </>
      ) : null}
      <Plantilla formatos={formatos} ocupado={ocupado !== null} alInsertar={insertarPlantilla} />
    </main>
  );
}
