/**
 * Un hallazgo dicho en un idioma: el único lugar donde su código y sus parámetros (datos sin
 * idioma) se vuelven texto. Las capas (CLI, panel, vista previa) lo llaman en el borde; el
 * núcleo nunca guarda un mensaje ya armado.
 */
import { CATALOGO_ESTATUS } from "../estatus";
import type { Rol } from "../formatos";
import { nombreDelSigno } from "../inyeccion";
import { cifra, cifra2, explicar } from "../llenado/calculo";
import { analizarMetodoEnCache } from "../metodo";
import { formatear } from "../resultado";
import type { Hallazgo, Idioma, Texto } from "../tipos";
import { agruparMiles, FRECUENCIAS, leerFrecuencia } from "../valores";
import { redondear2 } from "../calculos";
import { memorizarTexto } from "../memoria";
import { CATALOGO, type CodigoHallazgo, type Explicacion, type ParametrosHallazgo } from "./catalogo";

// Las mismas erratas de frecuencia se repiten fila tras fila: su sugerencia se busca una vez.
const errorDeFrecuencia = memorizarTexto((t: string) => {
  const r = leerFrecuencia(t);
  return r.ok ? null : r.error;
}, 2000);

type Valores = Record<string, string | number>;

const SUGERENCIA_REQUERIDA: Partial<Record<Rol, Texto>> = {
  actividad: { es: "Escriba la actividad o línea de acción que se realizará.", en: "Write the activity or line of action to carry out." },
  indicador: { es: "Escriba el nombre del indicador, por ejemplo «Porcentaje de informes entregados».", en: "Write the indicator's name, for example \"Porcentaje de informes entregados\"." },
  metodo: { es: "Escriba cómo se calcula, por ejemplo «Documentos realizados / Documentos programados × 100».", en: "Write how it is computed, for example \"Documentos realizados / Documentos programados × 100\"." },
  frecuencia: { es: `Escriba una de: ${FRECUENCIAS.map((f) => f.nombre).join(", ")}.`, en: `Write one of: ${FRECUENCIAS.map((f) => f.nombre).join(", ")}.` },
  unidad: { es: "Escriba la unidad de medida, por ejemplo Documento, Informe o Porcentaje.", en: "Write the unit of measure, for example Documento, Informe or Porcentaje." },
  meta: { es: "Escriba la meta: un número mayor que 0.", en: "Write the goal: a number greater than 0." },
  objetivo: { es: "Escriba el objetivo al que pertenece el indicador.", en: "Write the objective the indicator belongs to." },
  clave: { es: "Escriba la clave del proyecto, por ejemplo A001.", en: "Write the project key, for example A001." },
  mesInicial: { es: "Escriba el mes en que empieza: un número del 1 al 12 (1 = enero); sin él no se puede saber el estatus al corte.", en: "Write the month it starts: a number from 1 to 12 (1 = January); without it the status at the cut-off cannot be judged." },
  mesFinal: { es: "Escriba el mes en que termina: un número del 1 al 12 (12 = diciembre); sin él no se puede saber el estatus al corte.", en: "Write the month it ends: a number from 1 to 12 (12 = December); without it the status at the cut-off cannot be judged." },
};
const REQUERIDA_OTRA: Texto = { es: "Escriba el dato que corresponde.", en: "Write the corresponding data." };

const SUGERENCIA_NUMERO: Partial<Record<Rol, Texto>> = {
  valor1: { es: "Escriba la cifra medida (por ejemplo 8); el texto de la plantilla solo describe qué contar.", en: "Write the measured figure (for example 8); the template's text only describes what to count." },
  valor2: { es: "Escriba la cifra medida (por ejemplo 10); el texto de la plantilla solo describe qué contar.", en: "Write the measured figure (for example 10); the template's text only describes what to count." },
  alcanzado: { es: "Escriba cuánto se ha cumplido, solo la cifra (0 si nada).", en: "Write how much has been achieved, only the figure (0 if nothing)." },
  avance: { es: "Escriba el avance como número o porcentaje, por ejemplo 25%.", en: "Write the progress as a number or percentage, for example 25%." },
  modificado: { es: "Escriba la meta modificada, solo la cifra.", en: "Write the modified goal, only the figure." },
  presupuesto: { es: "Escriba el importe solo con cifras, por ejemplo 1,200.50 o $0.", en: "Write the amount in figures only, for example 1,200.50 or $0." },
  presupuestoAprobado: { es: "Escriba el importe solo con cifras, por ejemplo 1,200.50.", en: "Write the amount in figures only, for example 1,200.50." },
  presupuestoModificado: { es: "Escriba el importe solo con cifras, por ejemplo 1,200.50.", en: "Write the amount in figures only, for example 1,200.50." },
  presupuestoDevengado: { es: "Escriba el importe solo con cifras, por ejemplo 1,200.50.", en: "Write the amount in figures only, for example 1,200.50." },
  mujer: { es: "Escriba el número de mujeres (0 si ninguna).", en: "Write the number of women (0 if none)." },
  hombre: { es: "Escriba el número de hombres (0 si ninguno).", en: "Write the number of men (0 if none)." },
  persona: { es: "Escriba el total de personas (MUJER + HOMBRE).", en: "Write the total of people (MUJER + HOMBRE)." },
};
const NUMERO_OTRO: Texto = { es: "Escriba solo la cifra.", en: "Write only the figure." };
const NUMERO_OTRO_LINEAS: Texto = { es: "Escriba solo la cifra, una por línea.", en: "Write only the figure, one per line." };
const UNA_CIFRA_POR_LINEA: Texto = { es: "Una cifra por línea.", en: "One figure per line." };

const FRECUENCIA_EN: Readonly<Record<string, string>> = {
  Mensual: "monthly", Bimestral: "bimonthly", Trimestral: "quarterly", Cuatrimestral: "four-monthly", Semestral: "half-yearly", Anual: "yearly", Bienal: "biennial",
};

const PALABRA_LINEA: Texto = { es: "línea", en: "line" };

/** «línea 2: x» / «line 2: x»; sin línea, el valor tal cual. */
function enLinea(valor: string, linea: number | null, idioma: Idioma): string {
  return linea === null ? valor : `${PALABRA_LINEA[idioma]} ${linea}: ${valor}`;
}

/** «-2 (línea 2)» / «-2 (line 2)»; sin línea, la cifra. */
function cifraEnLinea(valor: number, linea: number | null, idioma: Idioma): string {
  return linea === null ? cifra(valor) : `${cifra(valor)} (${PALABRA_LINEA[idioma]} ${linea})`;
}

/** Líneas de una celda para un mensaje: las primeras y cuántas son (una celda puede tener 16 000). */
function unirLineas(lineas: ReadonlyArray<string>, idioma: Idioma): string {
  const MAXIMO = 6;
  if (lineas.length <= MAXIMO) return lineas.join(" / ");
  return `${lineas.slice(0, MAXIMO).join(" / ")} / … (${lineas.length} ${idioma === "en" ? "lines" : "líneas"})`;
}

/** Un porcentaje para un mensaje; uno que desborda (1e308 de una meta mínima) no dice «Infinity». */
function cifraPorcentaje(x: number, idioma: Idioma): string {
  return Number.isFinite(x) ? cifra(x) : `${idioma === "en" ? "more than" : "más de"} ${cifra(Number.MAX_VALUE)}`;
}

/** Un importe: 1234567.5 → «1,234,567.50» (sin Intl: el entorno de funciones de Excel solo garantiza ES2016). */
function monto(x: number): string {
  const [entero, decimales] = Math.abs(redondear2(x)).toFixed(2).split(".");
  return `${x < 0 ? "-" : ""}${agruparMiles(entero)}.${decimales}`;
}

function explicado(e: Explicacion, idioma: Idioma): string {
  return explicar(e)[idioma];
}

/** `{encabezado}: <lo que dice el lector>`, para los códigos cuyo detalle lo da un lector. */
function conDetalle(encabezado: string, error: { mensaje: string; mensajeEn: string } | null, idioma: Idioma): string {
  if (!error) return encabezado;
  return `${encabezado}: ${idioma === "en" ? error.mensajeEn : error.mensaje}`;
}

type Armar<C extends CodigoHallazgo> = (p: ParametrosHallazgo[C], idioma: Idioma, h: Hallazgo) => Valores;

/** Los valores de la plantilla de cada código, en un idioma. */
const VALORES: { readonly [C in CodigoHallazgo]: Armar<C> } = {
  "celda-requerida-vacia": (p, i) => ({ sugerencia: (SUGERENCIA_REQUERIDA[p.rol] ?? REQUERIDA_OTRA)[i] }),
  "mes-invalido": (p) => ({ valor: p.valor }),
  "meses-invertidos": (p) => ({ inicial: p.inicial, final: p.final }),
  "frecuencia-invalida": (p, i, h) => {
    return { detalle: conDetalle(h.encabezado, errorDeFrecuencia(p.valor), i) };
  },
  "meta-no-numerica": (p, i) => ({ valor: enLinea(p.valor, p.linea, i), ejemplo: p.ejemplo }),
  "meta-no-positiva": (p, i) => ({ valor: cifraEnLinea(p.valor, p.linea, i), ejemplo: p.ejemplo }),
  "valor-no-numerico": (p, i) => ({
    valor: enLinea(p.valor, p.linea, i),
    sugerencia: p.linea === null ? (SUGERENCIA_NUMERO[p.rol] ?? NUMERO_OTRO)[i] : `${(SUGERENCIA_NUMERO[p.rol] ?? NUMERO_OTRO_LINEAS)[i]} ${UNA_CIFRA_POR_LINEA[i]}`,
  }),
  "valor-negativo": (p, i) => ({ valor: cifraEnLinea(p.valor, p.linea, i) }),
  "metodo-invalido": (p, i, h) => {
    const r = analizarMetodoEnCache(p.texto);
    return { detalle: conDetalle(h.encabezado, r.ok ? null : r.error, i) };
  },
  "metodo-divide-entre-100": (p, i) => ({
    correccion: p.correccion,
    nota: !p.nota ? "" : i === "en" ? " When filling, the \"/100\" is read as \"× 100\"." : " Al llenar, el «/100» se lee como «× 100».",
  }),
  "porcentaje-sin-por-100": (p, i) => {
    const m = p.motivo;
    const motivo = m.por === "nombre"
      ? (i === "en" ? `The indicator is called "${m.indicador}"` : `El indicador se llama «${m.indicador}»`)
      : m.por === "meta-en-porcentaje"
        ? (i === "en" ? "The goal is written as a percentage" : "La meta está escrita en porcentaje")
        : (i === "en" ? "The unit of measure is Porcentaje" : "La unidad de medida es Porcentaje");
    return { motivo, valor: p.valor, nota: !p.nota ? "" : i === "en" ? " When filling, the result is multiplied by 100." : " Al llenar, el resultado se multiplica por 100." };
  },
  "meta-porcentaje-uno": () => ({}),
  "marcador-plantilla": (p) => ({ marcador: p.marcador }),
  "calculo-discrepante": (p, i) => {
    if (p.forma === "celda") return { valor: p.valor, calculo: explicado(p.explicacion, i), esperado: p.esperado };
    const texto = explicado(p.explicacion, i);
    const calculo = p.linea === null
      ? (i === "en" ? `it must have ${p.esperadas.length} line(s): ${texto}` : `debe tener ${p.esperadas.length} línea(s): ${texto}`)
      : `${i === "en" ? "on line" : "en la línea"} ${p.linea}, ${texto.split("; ")[p.linea - 1] ?? texto}`;
    return { valor: unirLineas(p.escritas, i), calculo, esperado: unirLineas(p.esperadas.map(cifra2), i) };
  },
  "calculado-con-texto": (p) => ({ valor: p.valor }),
  "estatus-invalido": (p) => ({ valor: p.valor, lista: CATALOGO_ESTATUS.join(", ") }),
  "estatus-contradictorio": (p, i) => ({ valor: p.valor, motivo: explicado(p.explicacion, i), esperado: p.esperado }),
  "sobrecumplimiento": (p, i) => p.comoAvance
    ? { alcanzado: `${cifra(p.alcanzado)} %`, meta: "100 %", porcentaje: cifra(p.alcanzado) }
    : { alcanzado: cifra(p.alcanzado), meta: cifra(p.meta), porcentaje: cifraPorcentaje((p.alcanzado / p.meta) * 100, i) },
  "desviacion-sin-justificar": (p, i) => ({
    situacion: p.situacion === "NO CUMPLIDA"
      ? (i === "en" ? "ended NOT MET" : "quedó NO CUMPLIDA")
      : (i === "en" ? `is ${p.situacion === "ROJO" ? "RED" : "YELLOW"}` : `va en ${p.situacion}`),
    alcanzado: cifra(p.alcanzado), esperado: cifra(p.esperado),
  }),
  "meta-periodos": (p, i) => ({
    frecuencia: i === "en" ? FRECUENCIA_EN[p.frecuencia] ?? p.frecuencia : p.frecuencia.toLowerCase(),
    inicial: p.inicial, final: p.final, periodos: p.periodos, meta: cifra(p.meta),
  }),
  "tendencia-invalida": (p) => ({ valor: p.valor }),
  "dimension-invalida": (p) => ({ valor: p.valor }),
  "unidad-numerica": (p) => ({ valor: p.valor }),
  "personas-no-suman": (p) => ({ persona: cifra(p.persona), mujer: cifra(p.mujer), hombre: cifra(p.hombre), suma: cifra(p.mujer + p.hombre) }),
  "devengado-mayor-modificado": (p) => ({ devengado: monto(p.devengado), modificado: monto(p.modificado) }),
  "clave-repetida": (p) => ({ valor: p.valor, primera: p.primera }),
  "lineas-meta-desiguales": (p, i) => ({
    lineas: p.lineas, esperadas: p.esperadas, referencia: p.referencia,
    detalle: p.juntas === null ? "" : i === "en" ? ` "${p.juntas}" holds several figures on a single line.` : ` «${p.juntas}» tiene varias cifras en una sola línea.`,
  }),
  "inyeccion-formula": (p, i) => ({ signo: nombreDelSigno(p.caracter)[i], valor: p.valor }),
  "formula-externa": (p) => ({ llamada: p.llamada, valor: p.valor }),
};

function sinEspacioFinal(s: string): string {
  let fin = s.length;
  while (fin > 0 && s.charCodeAt(fin - 1) <= 32) fin--;
  return fin === s.length ? s : s.slice(0, fin);
}

/** El encabezado de la columna del hallazgo en un idioma: el canónico, o «Columna K» / «Column K» si el formato no la conoce. */
export function mostrarEncabezado(h: Hallazgo, idioma: Idioma): string {
  const fuera = (h.codigo === "inyeccion-formula" || h.codigo === "formula-externa") && h.parametros.fueraDelFormato;
  return fuera && idioma === "en" ? `Column ${h.columna}` : h.encabezado;
}

/** El mensaje de un hallazgo en un idioma: qué está mal y qué escribir en su lugar. */
export function mostrarHallazgo(h: Hallazgo, idioma: Idioma): string {
  const armar = VALORES[h.codigo] as Armar<CodigoHallazgo>;
  const valores = armar(h.parametros as never, idioma, h);
  return sinEspacioFinal(formatear(CATALOGO[h.codigo].mensaje[idioma], { encabezado: mostrarEncabezado(h, idioma), ...valores }));
}
