/**
 * El panel de tareas: lee la hoja activa al abrir y al cambiar de hoja, y ofrece validar,
 * marcar, llenar (con vista previa y deshacer desde el documento), insertar plantillas y
 * resumir. Todo pasa por el puerto del libro: el mismo panel corre en Excel y en la vista
 * previa del navegador. Cada acción va envuelta: un error es un MessageBar, nunca un panel
 * en blanco; el trabajo largo muestra un Spinner.
 */
import { escaparControles } from "../core/mostrar";
import { Button, Field, FluentProvider, Select, Spinner, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Formato } from "../core";
import type { CambioCelda, Hallazgo, Idioma } from "../core/tipos";
import { deshacerLlenado, escribirConDeshacer, leerDeshacer, leerMarcas, marcarConRegistro, quitarMarcas } from "../excel/deshacer";
import type { LecturaHoja, PuertoLibro, TablaHoja } from "../excel/puerto";
import { ContextoTextos, crearTraductor, type ClaveTexto, type Traductor } from "../localization";
import { Avisos } from "./componentes/Avisos";
import { FormatosInstituto as SeccionFormatos } from "./componentes/FormatosInstituto";
import { EstadoHoja } from "./componentes/EstadoHoja";
import { Llenado, type ModoLlenado } from "./componentes/Llenado";
import { Plantilla } from "./componentes/Plantilla";
import { Resumen } from "./componentes/Resumen";
import { Validacion } from "./componentes/Validacion";
import { mensajeDeError } from "./errores";
import { useEstilos } from "./estilos";
import { avisosDeLectura, escrituraDe, FILAS_GRANDES, marcasDe, mesCortePorDefecto, type Aviso, type IntencionAviso } from "./logica";
import { cargarFormatosInstituto, combinar, formatosDelLibro, importarFormato, SIN_FORMATOS, type FormatosInstituto } from "./formatosInstituto";
import { analizar, formatosDisponibles, observacionesDe, omitidas, planificar, plantillaDe, resumenDe, type AnalisisHoja, type PlanLlenado, type UnidadConsolidada as DatosResumen } from "./nucleo";

export interface PropsPanel {
  readonly puerto: PuertoLibro;
  readonly idioma: Idioma;
  /** Fecha de hoy (las pruebas la fijan para el mes de corte por defecto). */
  readonly hoy?: Date;
  /** Formatos del instituto ya cargados (las pruebas); si no, se leen de `formatos/indice.json`. */
  readonly formatosInstituto?: FormatosInstituto;
  /** Solo en la vista previa: descargar las observaciones como un .xlsx nuevo. */
  readonly alDescargarObservaciones?: (tabla: TablaHoja, nombreHoja: string) => void;
}

/** Dónde se muestra un mensaje: junto al botón que lo causó (o arriba, si es general). */
export type Seccion = "general" | "validacion" | "llenado" | "resumen" | "plantilla" | "formatos";

/** Hojas que creó el complemento (no son un PAT que validar): nombre → tipo. */
const CLAVE_HOJAS_PROPIAS = "hojas-propias";
type HojasPropias = Readonly<Record<string, "resumen" | "observaciones">>;


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

function Contenido({ puerto, hoy, t, formatosInstituto, alDescargarObservaciones }: PropsPanel & { readonly t: Traductor }) {
  const s = useEstilos();
  const [hoja, setHoja] = useState<Hoja | null>(null);
  const [ocupado, setOcupado] = useState<string | null>(null);
  const [mensajes, setMensajes] = useState<Array<Aviso & { readonly seccion: Seccion }>>([]);
  const [hallazgos, setHallazgos] = useState<ReadonlyArray<Hallazgo> | null>(null);
  /** La hoja cambió después de calcular los hallazgos (cambio hecho fuera del panel). */
  const [desactualizado, setDesactualizado] = useState(false);
  const [corte, setCorte] = useState<number>(() => mesCortePorDefecto(null, hoy));
  const [modo, setModo] = useState<ModoLlenado>("valores");
  const [cambios, setCambios] = useState<ReadonlyArray<CambioCelda> | null>(null);
  const [filasOmitidas, setFilasOmitidas] = useState<PlanLlenado["motivos"]>([]);
  const [hayDeshacer, setHayDeshacer] = useState(false);
  const [hayMarcas, setHayMarcas] = useState(false);
  const [resumen, setResumen] = useState<DatosResumen | null>(null);
  const [inst, setInst] = useState<FormatosInstituto>(formatosInstituto ?? SIN_FORMATOS);
  const [delLibro, setDelLibro] = useState<ReadonlyArray<Formato>>([]);
  const [propias, setPropias] = useState<HojasPropias>({});
  const [plantillaId, setPlantillaId] = useState<string>("");
  const [anioPlantilla, setAnioPlantilla] = useState<number | null>(null);
  const todos = useMemo(() => combinar(inst.formatos, delLibro), [inst, delLibro]);
  const todosRef = useRef(todos);
  todosRef.current = todos;
  /** Perfil de semáforo del instituto (null = el de la spec). */
  const perfilRef = useRef(inst.perfil);
  perfilRef.current = inst.perfil;
  const formatos = useMemo(() => formatosDisponibles(t.idioma, todos), [t.idioma, todos]);
  const montado = useRef(true);
  const hojaRef = useRef<Hoja | null>(null);
  hojaRef.current = hoja;
  const hallazgosRef = useRef(hallazgos);
  hallazgosRef.current = hallazgos;
  const resumenRef = useRef(resumen);
  resumenRef.current = resumen;
  const corteRef = useRef(corte);
  corteRef.current = corte;
  /** Una acción a la vez: mientras corre, las demás se ignoran y las activaciones esperan. */
  const enCurso = useRef(false);
  /** Hoja activada mientras había una acción en curso (se lee al terminar). */
  const recargaPendiente = useRef<string | null>(null);
  /** Número de la última lectura pedida: un resultado más viejo se descarta. */
  const secuencia = useRef(0);

  const avisar = useCallback((intencion: IntencionAviso, texto: string, seccion: Seccion = "general", agregar = false) => {
    const id = `m${++siguienteId}`;
    // Un mensaje nuevo reemplaza a los anteriores (salvo `agregar`); los errores se quedan
    // hasta cerrarlos mientras sigan llegando errores.
    setMensajes((m) => [...m.filter((x) => agregar || (x.intencion === "error" && intencion === "error" && x.seccion === seccion)), { id, intencion, texto, seccion }]);
  }, []);

  /**
   * Envuelve una acción: Spinner mientras corre, MessageBar (en su sección) si falla.
   * Serializada: si ya hay una en curso, la nueva se ignora (devuelve false). Al terminar,
   * si el usuario activó otra hoja mientras tanto, se lee esa hoja.
   */
  const ejecutar = useCallback(
    async (etiqueta: ClaveTexto, accion: () => Promise<void>, seccion: Seccion = "general"): Promise<boolean> => {
      if (enCurso.current) return false;
      enCurso.current = true;
      setOcupado(t(etiqueta));
      try {
        await accion();
      } catch (e) {
        if (montado.current) avisar("error", mensajeDeError(e, t, hojaRef.current?.lectura.datos.nombre ?? ""), seccion);
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
    const [d, m, p, f] = await Promise.all([leerDeshacer(puerto), leerMarcas(puerto), puerto.leerRegistro<{ hojas?: HojasPropias }>(CLAVE_HOJAS_PROPIAS), formatosDelLibro(puerto)]);
    if (!montado.current) return;
    setHayDeshacer(d !== null);
    setHayMarcas(m !== null);
    setPropias(p?.hojas ?? {});
    if (f.length !== delLibroRef.current.length || f.some((x, i) => x !== delLibroRef.current[i])) {
      delLibroRef.current = f;
      setDelLibro(f);
    }
  }, [puerto]);
  const delLibroRef = useRef<ReadonlyArray<Formato>>([]);

  /** Recuerda que una hoja la creó el complemento (no se valida como PAT). */
  const registrarPropia = useCallback(
    async (nombre: string, tipo: "resumen" | "observaciones") => {
      const previo = (await puerto.leerRegistro<{ hojas?: HojasPropias }>(CLAVE_HOJAS_PROPIAS))?.hojas ?? {};
      const hojas = { ...previo, [nombre]: tipo };
      await puerto.guardarRegistro(CLAVE_HOJAS_PROPIAS, { version: 1, hojas });
      setPropias(hojas);
    },
    [puerto],
  );

  /**
   * Lee y analiza una hoja (la activa si no se dice). En la misma hoja conserva el corte y
   * RECALCULA lo que se está mostrando (hallazgos, resumen): la lista nunca queda vieja.
   */
  const cargar = useCallback(
    async (nombre?: string, mismaHoja = false) => {
      const numero = ++secuencia.current;
      const lectura = await puerto.leerHoja(nombre ?? (await puerto.hojaActiva()));
      // Otra lectura empezó después: esta ya no es la hoja que el usuario ve.
      if (numero !== secuencia.current) return;
      if ((lectura.filasConDatos ?? lectura.filas) >= FILAS_GRANDES) setOcupado(t("ocupado.grande"));
      await revisarRegistros();
      const previo = hojaRef.current;
      const conservar = mismaHoja && previo?.lectura.datos.nombre === lectura.datos.nombre;
      const formatosAhora = todosRef.current;
      // Al abrir o cambiar de hoja el año da el corte por defecto.
      const mes = conservar ? corteRef.current : mesCortePorDefecto(analizar(lectura.datos, null, formatosAhora, perfilRef.current).anio, hoy);
      const analisis = analizar(lectura.datos, mes, formatosAhora, perfilRef.current);
      if (!montado.current || numero !== secuencia.current) return;
      hojaRef.current = { lectura, analisis };
      setHoja(hojaRef.current);
      setCorte(mes);
      setDesactualizado(false);
      if (conservar) {
        if (hallazgosRef.current) setHallazgos(analisis.hallazgos);
        if (resumenRef.current) setResumen(resumenDe(analisis));
      } else {
        setHallazgos(null);
        setResumen(null);
      }
      setCambios(null);
    },
    [puerto, hoy, t, revisarRegistros],
  );

  useEffect(() => {
    montado.current = true;
    const quitar: Array<() => void> = [];
    const guardar = (q: () => void) => {
      if (montado.current) quitar.push(q);
      else q();
    };
    void (async () => {
      // Los formatos del instituto (carpeta junto al complemento) antes de la primera lectura.
      if (!formatosInstituto) {
        const f = await cargarFormatosInstituto();
        if (montado.current && (f.formatos.length > 0 || f.problemas.length > 0 || f.perfil)) {
          setInst(f);
          todosRef.current = combinar(f.formatos, delLibroRef.current);
          perfilRef.current = f.perfil;
        }
      }
      await ejecutar("ocupado.leyendo", () => cargar());
    })();
    void puerto
      .alCambiarHoja((nombre) => {
        // Durante una acción larga (Aplicar…) no se lee: se lee al terminar.
        if (enCurso.current) recargaPendiente.current = nombre;
        else void recargarRef.current(nombre);
      })
      .then(guardar)
      .catch(() => undefined);
    void puerto
      .alCambiarContenido?.(() => {
        // Un cambio hecho fuera del panel: lo mostrado queda marcado como viejo (un clic lo
        // recalcula). Los cambios del propio panel se recalculan al terminar la acción.
        if (enCurso.current) return;
        if (hallazgosRef.current || resumenRef.current) setDesactualizado(true);
      })
      .then(guardar)
      .catch(() => undefined);
    return () => {
      montado.current = false;
      for (const q of quitar) q();
    };
    // Solo al montar: `cargar` cambia con los formatos y no debe volver a suscribir.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [puerto]);

  // Formatos del libro o del instituto recién llegados: la hoja se vuelve a analizar.
  useEffect(() => {
    const h = hojaRef.current;
    if (!h) return;
    const analisis = analizar(h.lectura.datos, corteRef.current, todos, perfilRef.current);
    hojaRef.current = { lectura: h.lectura, analisis };
    setHoja(hojaRef.current);
  }, [todos, inst.perfil]);

  recargarRef.current = async (nombre: string) => {
    await ejecutar("ocupado.leyendo", () => cargar(nombre));
  };

  const nombreHoja = hoja?.lectura.datos.nombre ?? "";
  // El nombre tal cual va a Excel; el que se muestra, sin caracteres de control a la vista.
  const nombreVisible = escaparControles(nombreHoja);
  const protegida = hoja?.lectura.protegida ?? false;
  const analisis = hoja?.analisis ?? null;
  const deteccion = analisis?.deteccion ?? null;
  const propia = propias[nombreHoja];

  /** El mes de corte (arriba) sirve a todo: lo mostrado se recalcula con el mes nuevo. */
  const cambiarCorte = (mes: number) => {
    setCorte(mes);
    corteRef.current = mes;
    setCambios(null);
    const h = hojaRef.current;
    if (!h) return;
    const a = analizar(h.lectura.datos, mes, todosRef.current, perfilRef.current);
    hojaRef.current = { lectura: h.lectura, analisis: a };
    setHoja(hojaRef.current);
    if (hallazgosRef.current) setHallazgos(a.hallazgos);
    if (resumenRef.current) setResumen(resumenDe(a));
  };

  const validar = () =>
    ejecutar(
      "ocupado",
      async () => {
        await cargar(nombreHoja || undefined, true);
        const h = hojaRef.current;
        setHallazgos(h?.analisis.hallazgos ?? []);
        if (h && !h.analisis.deteccion && !propias[h.lectura.datos.nombre]) avisar("warning", t("hoja.noPat"), "validacion");
      },
      "validacion",
    );

  const actualizar = () =>
    ejecutar(
      "ocupado",
      async () => {
        await cargar(nombreHoja || undefined, true);
        const h = hojaRef.current;
        if (!h) return;
        if (hallazgosRef.current) {
          const c = h.analisis.hallazgos;
          avisar("info", t("validar.actualizados", { errores: c.filter((x) => x.severidad === "error").length, advertencias: c.filter((x) => x.severidad === "warning").length }), "validacion");
        }
      },
      "validacion",
    );

  const elegir = (h: Hallazgo) => ejecutar("ocupado", () => puerto.seleccionar(nombreHoja, h.posicion), "validacion");

  const marcar = () =>
    ejecutar(
      "ocupado",
      async () => {
        if (!hallazgos?.length) {
          avisar("info", t("marcas.sinHallazgos"), "validacion");
          return;
        }
        if (hojaRef.current?.lectura.protegida) {
          avisar("warning", t("llenar.protegida", { hoja: nombreVisible }), "validacion");
          return;
        }
        try {
          const r = await marcarConRegistro(puerto, nombreHoja, marcasDe(hallazgos, t));
          avisar("success", t("marcas.puestas", { n: r.previos.length }), "validacion");
          if (r.descartadas !== undefined) avisar("warning", t("marcas.hojaPerdida", { hoja: r.descartadas }), "validacion", true);
        } finally {
          // Aun si falló a medias, lo marcado quedó en el registro: «Quitar marcas» lo quita.
          setHayMarcas((await leerMarcas(puerto)) !== null);
        }
      },
      "validacion",
    );

  const desmarcar = () =>
    ejecutar(
      "ocupado",
      async () => {
        const r = await quitarMarcas(puerto);
        setHayMarcas(false);
        if (r?.hojaPerdida) avisar("warning", t("marcas.hojaPerdida", { hoja: r.hoja }), "validacion");
        else avisar(r ? "success" : "info", r ? t("marcas.quitadas", { n: r.previos.length }) : t("marcas.sinMarcas"), "validacion");
      },
      "validacion",
    );

  /** Tras un cambio propio en la hoja: las marcas de esa hoja llevan las notas nuevas. */
  const refrescarMarcas = async (nombre: string) => {
    const m = await leerMarcas(puerto);
    const h = hojaRef.current;
    if (!m || m.hoja !== nombre || !h || h.lectura.datos.nombre !== nombre || h.lectura.protegida) return;
    await marcarConRegistro(puerto, nombre, marcasDe(h.analisis.hallazgos, t));
    setHayMarcas(true);
    avisar("info", t("marcas.actualizadas"), "llenado", true);
  };

  const exportar = () =>
    ejecutar(
      "ocupado",
      async () => {
        if (!hallazgos?.length) {
          avisar("info", t("validar.sinObservaciones"), "validacion");
          return;
        }
        const tabla = observacionesDe(hallazgos, nombreHoja, t);
        const nombre = await puerto.insertarTabla(tabla);
        await registrarPropia(nombre, "observaciones");
        avisar("success", t("validar.exportadas", { hoja: nombre, n: hallazgos.length }), "validacion");
      },
      "validacion",
    );

  const descargarObservaciones = alDescargarObservaciones
    ? () => {
        if (hallazgos?.length) alDescargarObservaciones(observacionesDe(hallazgos, nombreHoja, t), nombreHoja);
      }
    : undefined;

  const llenar = () =>
    ejecutar(
      "ocupado",
      async () => {
        await cargar(nombreHoja || undefined, true);
        const h = hojaRef.current;
        if (!h || !h.analisis.deteccion) {
          avisar("warning", t("llenar.noPat"), "llenado");
          return;
        }
        if (h.lectura.protegida) {
          setCambios(null);
          avisar("warning", t("llenar.protegida", { hoja: h.lectura.datos.nombre }), "llenado");
          return;
        }
        const plan = planificar(h.lectura.datos, h.analisis, corteRef.current, modo);
        setFilasOmitidas(omitidas(plan));
        if (plan.cambios.length === 0) {
          setCambios(null);
          avisar("info", t("llenar.sinCambios"), "llenado");
          return;
        }
        setMensajes((m) => m.filter((x) => x.seccion !== "llenado"));
        setCambios(plan.cambios);
      },
      "llenado",
    );

  const aplicar = () =>
    ejecutar(
      "ocupado",
      async () => {
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
        // La hoja cambió: hallazgos y resumen se recalculan, y las marcas llevan notas nuevas.
        await cargar(nombreHoja, true);
        avisar("success", t("llenar.aplicado", { n, hoja: nombreVisible }), "llenado");
        await refrescarMarcas(nombreHoja);
      },
      "llenado",
    );

  const deshacer = () =>
    ejecutar(
      "ocupado",
      async () => {
        const r = await deshacerLlenado(puerto);
        setHayDeshacer(false);
        if (!r) {
          avisar("info", t("llenar.nadaQueDeshacer"), "llenado");
          return;
        }
        if (r.hojaPerdida) {
          avisar("warning", t("llenar.hojaPerdida", { hoja: r.registro.hoja }), "llenado");
          return;
        }
        setCambios(null);
        await cargar(r.registro.hoja, r.registro.hoja === nombreHoja);
        avisar("success", t("llenar.deshecho", { n: r.restauradas, hoja: r.registro.hoja }), "llenado");
        if (r.respetadas.length > 0) {
          avisar("warning", t("llenar.respetadas", { n: r.respetadas.length, celdas: r.respetadas.slice(0, 5).join(", ") + (r.respetadas.length > 5 ? "…" : "") }), "llenado", true);
        }
        await refrescarMarcas(r.registro.hoja);
      },
      "llenado",
    );

  const idPlantilla = plantillaId || formatos[0]?.id || "";
  const anio = anioPlantilla ?? analisis?.anio ?? (hoy ?? new Date()).getFullYear();

  const insertarPlantilla = () =>
    ejecutar(
      "ocupado",
      async () => {
        const formato = formatos.find((f) => f.id === idPlantilla);
        const nombre = await puerto.insertarPlantilla(plantillaDe(idPlantilla, anio, todosRef.current));
        await cargar(nombre);
        avisar("success", t("plantilla.insertada", { hoja: nombre, formato: formato?.nombre ?? idPlantilla }), "plantilla");
      },
      "plantilla",
    );

  const verResumen = () =>
    ejecutar(
      "ocupado",
      async () => {
        await cargar(nombreHoja || undefined, true);
        const h = hojaRef.current;
        if (!h) return;
        setResumen(resumenDe(h.analisis));
      },
      "resumen",
    );

  const insertarGrafico = () =>
    ejecutar(
      "ocupado",
      async () => {
        if (!resumen) return;
        const hojaGrafico = await puerto.insertarGrafico({
          hoja: t("resumen.graficoHoja"),
          titulo: t("resumen.graficoTitulo"),
          encabezados: [t("resumen.graficoObjetivo"), t("resumen.graficoAvance")],
          filas: resumen.porObjetivo.map((o) => [o.objetivo ?? t("resumen.sinObjetivo"), o.avance ?? 0]),
        });
        await registrarPropia(hojaGrafico, "resumen");
        avisar("success", t("resumen.graficoInsertado", { hoja: hojaGrafico }), "resumen");
      },
      "resumen",
    );

  const importar = (texto: string) =>
    ejecutar(
      "ocupado",
      async () => {
        const r = await importarFormato(puerto, texto);
        if (!r.ok) {
          avisar("error", t("formatos.importarProblema", { detalle: r.detalle }), "formatos");
          return;
        }
        const f = await formatosDelLibro(puerto);
        delLibroRef.current = f;
        todosRef.current = combinar(inst.formatos, f);
        setDelLibro(f);
        await cargar(nombreHoja || undefined, true);
        avisar("success", t("formatos.importado", { formato: r.formato.nombre[t.idioma] }), "formatos");
      },
      "formatos",
    );

  const de = (seccion: Seccion) => mensajes.filter((m) => m.seccion === seccion);
  const cerrar = (id: string) => setMensajes((m) => m.filter((x) => x.id !== id));
  const avisosHoja = hoja ? avisosDeLectura(hoja.lectura, t) : [];
  const vacia = hoja ? hoja.lectura.datos.valores.every((f) => !f || f.every((v) => v === null || v === "")) : false;
  const soloValidacion = deteccion && !deteccion.formato.columnas.some((c) => c.calculada);
  const motivo = !deteccion ? t("llenar.noPat") : protegida ? t("llenar.protegida", { hoja: nombreVisible }) : soloValidacion ? t("llenar.soloValidacion", { formato: deteccion.formato.nombre[t.idioma] }) : null;
  const meses = Array.from({ length: 12 }, (_, i) => i + 1);

  return (
    <main className={s.panel} aria-busy={ocupado !== null}>
      <header className={s.encabezado}>
        <h1 className={s.titulo}>{t("app.titulo")}</h1>
        <p className={s.subtitulo}>{hoja ? t("hoja.titulo", { hoja: nombreVisible }) : t("app.subtitulo")}</p>
      </header>
      {ocupado ? <Spinner size="tiny" label={ocupado} labelPosition="after" aria-live="polite" /> : null}
      <Avisos avisos={de("general")} alCerrar={cerrar} />
      {hoja && analisis ? (
        <>
          <EstadoHoja hoja={nombreVisible} analisis={analisis} vacia={vacia} propia={propia ? t(`hoja.propia.${propia}` as ClaveTexto) : null} />
          <Avisos avisos={avisosHoja} />
          <Field label={t("corte.titulo")} hint={t("corte.ayuda")} className={s.control}>
            <Select value={String(corte)} onChange={(_, d) => cambiarCorte(Number(d.value))} data-testid="corte">
              {meses.map((m) => (
                <option key={m} value={m}>{t(`mes.${m}` as ClaveTexto)}</option>
              ))}
            </Select>
          </Field>
          <Validacion
            hallazgos={hallazgos}
            ocupado={ocupado !== null}
            hayMarcas={hayMarcas}
            protegida={protegida}
            desactualizado={desactualizado}
            avisos={de("validacion")}
            alCerrarAviso={cerrar}
            alValidar={validar}
            alActualizar={actualizar}
            alElegir={elegir}
            alMarcar={marcar}
            alQuitarMarcas={desmarcar}
            alExportar={exportar}
            alDescargar={descargarObservaciones}
          />
          <Llenado
            habilitado={Boolean(deteccion) && !soloValidacion && !protegida}
            motivoDeshabilitado={motivo}
            modo={modo}
            cambios={cambios}
            omitidas={filasOmitidas}
            ocupado={ocupado !== null}
            hayDeshacer={hayDeshacer}
            avisos={de("llenado")}
            alCerrarAviso={cerrar}
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
            <Avisos avisos={de("resumen")} alCerrar={cerrar} />
          </section>
        </>
      ) : null}
      <Plantilla
        formatos={formatos}
        ocupado={ocupado !== null}
        id={idPlantilla}
        anio={anio}
        alCambiarId={setPlantillaId}
        alCambiarAnio={setAnioPlantilla}
        alInsertar={insertarPlantilla}
        avisos={de("plantilla")}
        alCerrarAviso={cerrar}
      />
      <SeccionFormatos
        instituto={inst}
        delLibro={delLibro}
        ocupado={ocupado !== null}
        alImportar={importar}
        avisos={de("formatos")}
        alCerrarAviso={cerrar}
      />
    </main>
  );
}
