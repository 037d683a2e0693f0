/**
 * La orden `pat` (commander, en español). `ejecutar` no toca `process`: recibe los
 * argumentos y las salidas y devuelve el código de salida, para probarla en proceso.
 * Todo error termina en UNA línea en español en stderr; nunca una pila.
 */
import { escaparControles } from "../core/mostrar";
import * as path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { listarFormatos } from "../core";
import { leerArchivo, comprobarSalida, escribirAtomico } from "./archivos";
import { ErrorCli, SALIDA_HALLAZGOS, SALIDA_OK, SALIDA_USO, mensajeInesperado, traducirErrorCommander, unaLinea } from "./errores";
import { formatosJson, reporteFormatos } from "./formatos";
import { jsonEnBloques } from "./json-en-bloques";
import { AYUDA_FORMATOS, acumularRutas, cargarFormatosPropios, combinarFormatos, formatosDeLaOrden } from "./formatos-propios";
import { bloquesReporteLlenado, colores, plural, reporteValidacion } from "./reporte";
import { codigoDeInforme, validarBytes, type InformeValidacion } from "./validar";

export const VERSION = "0.1.0";

// `llenar` y `plantilla` usan exceljs (≈ 0.2 s de carga); `validar` no lo necesita: se
// cargan solo cuando se usan.
/* eslint-disable @typescript-eslint/no-require-imports */
const moduloLlenar = (): typeof import("./llenar") => require("./llenar");
const moduloPlantilla = (): typeof import("./plantilla") => require("./plantilla");
const moduloConsolidar = (): typeof import("./consolidar") => require("./consolidar");
const moduloComparar = (): typeof import("./comparar") => require("./comparar");
const moduloInformeLibro = (): typeof import("./informe-libro") => require("./informe-libro");
const moduloInformeHtml = (): typeof import("./informe-html") => require("./informe-html");
/* eslint-enable @typescript-eslint/no-require-imports */

export interface Salidas {
  out(texto: string): void;
  err(texto: string): void;
  readonly outEsTTY: boolean;
  readonly errEsTTY: boolean;
  /** Corre en integración continua (variable CI): sin barra de progreso. */
  readonly ci?: boolean;
}

function enteroEntre(nombre: string, min: number, max: number, ayuda: string) {
  return (v: string): number => {
    const t = v.trim();
    if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) {
      throw new InvalidArgumentError(`${nombre} debe ser un número entero de ${min} a ${max} (${ayuda}); se recibió «${v}».`);
    }
    return Number(t);
  };
}

const leerCorte = enteroEntre("El mes de corte (--corte)", 1, 12, "1 = enero … 12 = diciembre");
const leerAnio = enteroEntre("El año (--anio)", 2000, 2100, "por ejemplo 2025");

const TITULOS: Record<string, string> = {
  "Usage:": "Uso:",
  "Options:": "Opciones:",
  "Commands:": "Órdenes:",
  "Arguments:": "Argumentos:",
  "Global Options:": "Opciones globales:",
};

function traducirUso(s: string): string {
  return s.replace(/\[options\]/g, "[opciones]").replace(/\[command\]/g, "[orden]");
}

function configurar(cmd: Command, io: Salidas): Command {
  return cmd
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined })
    .helpOption("-h, --ayuda", "muestra esta ayuda")
    .configureHelp({
      styleTitle: (s: string) => TITULOS[s] ?? s,
      styleUsage: traducirUso,
      styleCommandText: traducirUso,
      styleSubcommandTerm: traducirUso,
    });
}

function construir(io: Salidas, estado: { codigo: number }): Command {
  const programa = configurar(new Command("pat"), io)
    .description("Valida y llena los Programas Anuales de Trabajo (PAT) de los institutos electorales en libros de Excel (.xlsx).")
    .version(VERSION, "-v, --version", "muestra la versión")
    .helpCommand("ayuda [orden]", "muestra la ayuda de una orden")
    .addHelpText(
      "after",
      `
Códigos de salida: 0 sin errores; 1 el libro tiene errores o ninguna hoja PAT reconocida;
2 archivo ilegible, orden u opción inválida.

Ejemplos:
  pat validar pat-2024.xlsx --corte 6
  pat validar pat-2024.xlsx --json > informe.json
  pat llenar pat-2024.xlsx --salida pat-2024-llenado.xlsx --corte 6
  pat plantilla nuevo.xlsx --formato pat-organo --anio 2025
  pat consolidar pats-2024/ --corte 6 --salida informe.xlsx --html informe.html
  pat comparar pat-1t.xlsx pat-2t.xlsx
  pat formatos
  pat validar libro.xlsx --formatos formatos/mi-instituto.json

Formatos propios: --formatos <ruta> (archivo .json o carpeta con archivos .json; repetible
o separados por comas) en validar, llenar, plantilla y formatos. La variable de entorno
PAT_FORMATOS hace lo mismo para todas las órdenes (rutas separadas por «${path.delimiter}»).
`,
    );

  configurar(programa.command("validar"), io)
    .description("Revisa uno o varios libros y muestra los errores, avisos y notas por hoja y por fila.")
    .argument("<libros...>", "libro(s) .xlsx a revisar")
    .option("--hoja <nombre>", "revisa solo esta hoja")
    .option("--corte <mes>", "mes de corte del avance, 1 a 12 (para el estatus y el avance esperado)", leerCorte)
    .option("--json", "salida en JSON (un objeto por libro; una lista si son varios)")
    .option("--formatos <ruta>", AYUDA_FORMATOS, acumularRutas)
    .action(async (libros: string[], o: { hoja?: string; corte?: number; json?: boolean; formatos?: string[] }) => {
      estado.codigo = await ordenValidar(libros, o, io);
    });

  configurar(programa.command("llenar"), io)
    .description("Escribe un libro NUEVO con las celdas calculadas llenas (porcentaje, meta alcanzada, estatus…). El original no se toca.")
    .argument("<libro>", "libro .xlsx de entrada")
    .requiredOption("--salida <nuevo>", "libro .xlsx que se va a crear")
    .option("--corte <mes>", "mes de corte, 1 a 12 (para el estatus)", leerCorte)
    .option("--hoja <nombre>", "llena solo esta hoja")
    .option("--formulas", "escribe fórmulas en vez de valores")
    .option("--sobrescribir", "reemplaza la salida si ya existe")
    .option("--json", "lista de cambios en JSON")
    .option("--formatos <ruta>", AYUDA_FORMATOS, acumularRutas)
    .addHelpText(
      "after",
      `
Solo se escriben las celdas calculadas; todo lo demás (valores, fórmulas, combinaciones,
formatos, anchos, hojas) queda igual. Las filas con errores de captura no se llenan: el
libro nuevo se escribe igual y la orden termina con código 1 (vea «pat validar»).
`,
    )
    .action(async (libro: string, o: OpcionesOrdenLlenar) => {
      estado.codigo = await ordenLlenar(libro, o, io);
    });

  configurar(programa.command("plantilla"), io)
    .description("Crea una plantilla en blanco de un formato oficial o propio, con listas desplegables, formatos y fórmulas.")
    .argument("<nuevo>", "libro .xlsx que se va a crear")
    .requiredOption("--formato <id>", "formato (vea «pat formatos»; puede ser uno propio cargado con --formatos)")
    .option("--anio <año>", "año del programa", leerAnio)
    .option("--filas <n>", "filas de captura con fórmulas", enteroEntre("El número de filas (--filas)", 1, 5000, "por ejemplo 50"))
    .option("--sobrescribir", "reemplaza la salida si ya existe")
    .option("--formatos <ruta>", AYUDA_FORMATOS, acumularRutas)
    .action(async (nuevo: string, o: OpcionesOrdenPlantilla) => {
      estado.codigo = await ordenPlantilla(nuevo, o, io);
    });

  configurar(programa.command("consolidar"), io)
    .description("Consolida los PAT de todas las áreas (libros o carpetas): por unidad responsable, actividades por estatus y semáforo, avance y desviaciones.")
    .argument("<libros...>", "libros .xlsx o carpetas (se buscan .xlsx en subcarpetas)")
    .option("--corte <mes>", "mes de corte, 1 a 12 (estatus, semáforo y desviaciones)", leerCorte)
    .option("--salida <informe.xlsx>", "escribe el informe en un libro con gráficos")
    .option("--html <informe.html>", "escribe el informe en una página que se imprime a PDF")
    .option("--json", "salida en JSON")
    .option("--perfil <perfil>", "perfil del semáforo: simetrico (predeterminado) o ascendente")
    .option("--sobrescribir", "reemplaza los informes si ya existen")
    .option("--formatos <ruta>", AYUDA_FORMATOS, acumularRutas)
    .addHelpText(
      "after",
      `
Un archivo ilegible se lista con su motivo y un libro sin hoja PAT se cuenta como omitido;
ninguno detiene la orden. Código 1 si algún archivo no se pudo consolidar o tiene errores.
`,
    )
    .action(async (libros: string[], o: OpcionesOrdenConsolidar) => {
      estado.codigo = await ordenConsolidar(libros, o, io);
    });

  configurar(programa.command("comparar"), io)
    .description("Compara dos trimestres de un PAT: avance que baja, metas, meses o métodos cambiados, actividades nuevas o eliminadas.")
    .argument("<anterior>", "libro .xlsx del trimestre anterior")
    .argument("<actual>", "libro .xlsx del trimestre actual")
    .option("--json", "salida en JSON")
    .option("--formatos <ruta>", AYUDA_FORMATOS, acumularRutas)
    .action(async (anterior: string, actual: string, o: { json?: boolean; formatos?: string[] }) => {
      const formatos = await formatosDeLaOrden(o.formatos);
      const { compararBytes, comparacionJson, reporteComparacion, codigoDeComparacion } = moduloComparar();
      const c = await compararBytes({ datos: await leerArchivo(anterior), archivo: anterior }, { datos: await leerArchivo(actual), archivo: actual }, formatos ?? undefined);
      io.out(o.json ? JSON.stringify(comparacionJson(c), null, 2) + "\n" : reporteComparacion(c));
      estado.codigo = codigoDeComparacion(c);
    });

  configurar(programa.command("formatos"), io)
    .description("Lista los formatos conocidos (incluidos y propios) y sus columnas.")
    .option("--json", "salida en JSON")
    .option("--formatos <ruta>", AYUDA_FORMATOS, acumularRutas)
    .action(async (o: { json?: boolean; formatos?: string[] }) => {
      const propios = await cargarFormatosPropios(o.formatos ?? []);
      const fs = combinarFormatos(propios) ?? listarFormatos();
      const ids = new Set(propios.map((f) => f.id));
      if (o.json) io.out(JSON.stringify(formatosJson(fs, ids), null, 2) + "\n");
      else io.out(reporteFormatos(fs, io.outEsTTY, ids));
      estado.codigo = SALIDA_OK;
    });

  return programa;
}

interface OpcionesOrdenLlenar {
  salida: string;
  corte?: number;
  hoja?: string;
  formulas?: boolean;
  sobrescribir?: boolean;
  json?: boolean;
  formatos?: string[];
}

interface OpcionesOrdenConsolidar {
  corte?: number;
  salida?: string;
  html?: string;
  json?: boolean;
  perfil?: string;
  sobrescribir?: boolean;
  formatos?: string[];
}

/** Barra de progreso en stderr (cli-progress) si es una terminal, fuera de CI y sin --json, con más de 3 libros. */
function barraDeProgreso(io: Salidas, json: boolean): ((hechos: number, total: number) => void) | undefined {
  if (!io.errEsTTY || io.ci || json) return undefined;
  let barra: import("cli-progress").SingleBar | null = null;
  return (hechos, total) => {
    if (total <= 3) return;
    if (!barra) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { SingleBar } = require("cli-progress") as typeof import("cli-progress");
      // Un flujo que escribe por `io.err` (la orden no toca process directamente).
      const flujo = { isTTY: true, columns: 80, write: (t: string) => (io.err(t), true) } as unknown as NodeJS.WritableStream;
      barra = new SingleBar({ stream: flujo, format: "Consolidando [{bar}] {value}/{total} libros", hideCursor: false, clearOnComplete: true, noTTYOutput: false });
      barra.start(total, 0);
    }
    barra.update(hechos);
    if (hechos >= total) barra.stop();
  };
}

async function ordenConsolidar(libros: string[], o: OpcionesOrdenConsolidar, io: Salidas): Promise<number> {
  const formatos = await formatosDeLaOrden(o.formatos);
  if (o.salida) await comprobarSalida(o.salida, null, !!o.sobrescribir);
  if (o.html) {
    await comprobarSalida(o.html, null, !!o.sobrescribir, { patron: /\.html?$/i, nombre: ".html" });
  }
  const { consolidarRutas, consolidadoJson, reporteConsolidado } = moduloConsolidar();
  const c = await consolidarRutas(libros, { corte: o.corte ?? null, perfil: o.perfil ?? null, ...(formatos ? { formatos } : {}) }, barraDeProgreso(io, !!o.json));
  if (o.salida) await escribirAtomico(o.salida, await moduloInformeLibro().libroInforme(c));
  if (o.html) await escribirAtomico(o.html, new TextEncoder().encode(moduloInformeHtml().paginaInforme(c)));
  io.out(o.json ? JSON.stringify(consolidadoJson(c), null, 2) + "\n" : reporteConsolidado(c));
  if (!o.json) {
    if (o.salida) io.out(`Informe escrito: ${o.salida}\n`);
    if (o.html) io.out(`Página escrita: ${o.html}\n`);
  }
  return c.archivos.some((a) => a.estado !== "listo") ? SALIDA_HALLAZGOS : SALIDA_OK;
}

interface OpcionesOrdenPlantilla {
  formato: string;
  anio?: number;
  filas?: number;
  sobrescribir?: boolean;
  formatos?: string[];
}

async function ordenValidar(libros: string[], o: { hoja?: string; corte?: number; json?: boolean; formatos?: string[] }, io: Salidas): Promise<number> {
  // Los formatos propios se cargan antes de leer cualquier libro: un formato con errores
  // termina la orden (código 2) sin un informe a medias.
  const formatos = await formatosDeLaOrden(o.formatos);
  let codigo = SALIDA_OK;
  const informes: InformeValidacion[] = [];
  const c = colores(io.outEsTTY);
  for (const [i, ruta] of libros.entries()) {
    if (io.errEsTTY) io.err(`Revisando ${escaparControles(ruta)} (${i + 1} de ${libros.length})…\n`);
    try {
      const datos = await leerArchivo(ruta);
      const { informe, hojas } = await validarBytes(datos, ruta, { corte: o.corte ?? null, hoja: o.hoja ?? null, ...(formatos ? { formatos } : {}) });
      informes.push(informe);
      if (!o.json) io.out(reporteValidacion(informe, hojas, c) + (libros.length > 1 ? "\n" : ""));
      codigo = Math.max(codigo, codigoDeInforme(informe));
    } catch (e) {
      if (!(e instanceof ErrorCli)) throw e;
      io.err(unaLinea(e.message) + "\n");
      codigo = Math.max(codigo, e.codigoSalida);
    }
  }
  if (o.json && informes.length) {
    // En bloques: un libro de 200 000 actividades con errores tiene cientos de miles de hallazgos.
    for (const bloque of jsonEnBloques(libros.length === 1 ? informes[0] : informes)) io.out(bloque);
  }
  return codigo;
}

async function ordenLlenar(libro: string, o: OpcionesOrdenLlenar, io: Salidas): Promise<number> {
  const formatos = await formatosDeLaOrden(o.formatos);
  await comprobarSalida(o.salida, libro, !!o.sobrescribir);
  const datos = await leerArchivo(libro);
  const { llenarBytes, bloquesLlenadoJson } = moduloLlenar();
  const r = await llenarBytes(datos, libro, { corte: o.corte ?? null, hoja: o.hoja ?? null, formulas: !!o.formulas, ...(formatos ? { formatos } : {}) });
  if (r.reconocidas === 0) {
    throw new ErrorCli(`${libro}: ninguna hoja es un PAT reconocido; no se creó ${o.salida}. Revise el encabezado (vea «pat formatos»).`, SALIDA_HALLAZGOS);
  }
  await escribirAtomico(o.salida, r.bytes);
  // En bloques: con 200 000 actividades el JSON entero pesaría ≈ 140 MB (ver json-en-bloques.ts).
  if (o.json) for (const bloque of bloquesLlenadoJson(libro, o.salida, r)) io.out(bloque);
  else for (const bloque of bloquesReporteLlenado(libro, o.salida, r.hojas, colores(io.outEsTTY))) io.out(bloque);
  if (r.errores > 0) {
    io.err(`Aviso: el libro tiene ${plural(r.errores, "error", "errores")} de captura; las filas con errores no se llenaron (el motivo de cada una va en el informe). Vea «pat validar ${escaparControles(libro)}».\n`);
    return SALIDA_HALLAZGOS;
  }
  return SALIDA_OK;
}

async function ordenPlantilla(nuevo: string, o: OpcionesOrdenPlantilla, io: Salidas): Promise<number> {
  const conocidos = (await formatosDeLaOrden(o.formatos)) ?? listarFormatos();
  const formato = conocidos.find((f) => f.id === o.formato);
  if (!formato) {
    throw new ErrorCli(`Formato desconocido «${o.formato}». Formatos: ${conocidos.map((f) => f.id).join(", ")}. Para uno propio, use --formatos <archivo.json>.`, SALIDA_USO);
  }
  await comprobarSalida(nuevo, null, !!o.sobrescribir);
  const bytes = await moduloPlantilla().crearPlantilla(formato, { anio: o.anio ?? null, filas: o.filas ?? null });
  await escribirAtomico(nuevo, bytes);
  io.out(`Plantilla «${escaparControles(formato.nombre.es)}» creada: ${escaparControles(nuevo)}\n`);
  return SALIDA_OK;
}

/** Ejecuta la orden con `argv` (sin «node pat.js»). Devuelve el código de salida. */
export async function ejecutar(argv: ReadonlyArray<string>, io: Salidas): Promise<number> {
  const estado = { codigo: SALIDA_OK };
  // «--help» también funciona, aunque la ayuda se anuncie como «--ayuda».
  const args = argv.map((a) => (a === "--help" ? "--ayuda" : a));
  try {
    const programa = construir(io, estado);
    if (args.length === 0) {
      programa.outputHelp();
      return SALIDA_USO;
    }
    await programa.parseAsync(args, { from: "user" });
    return estado.codigo;
  } catch (e) {
    const cmd = traducirErrorCommander(e);
    if (cmd) {
      if (cmd.mensaje) io.err(unaLinea(cmd.mensaje) + "\n");
      return cmd.codigo;
    }
    if (e instanceof ErrorCli) {
      io.err(unaLinea(e.message) + "\n");
      return e.codigoSalida;
    }
    io.err(mensajeInesperado(e) + "\n");
    return SALIDA_USO;
  }
}
