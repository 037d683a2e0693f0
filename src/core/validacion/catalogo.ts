/**
 * Catálogo de hallazgos (al estilo de Frictionless): cada clase de hallazgo se declara una
 * sola vez con su código estable, severidad, título, descripción y plantilla de mensaje en
 * español e inglés. Las reglas solo emiten códigos de este catálogo con sus parámetros.
 *
 * Parámetros comunes en las plantillas: {encabezado} (encabezado canónico), {valor} (lo que
 * dice la celda, citado). Los parámetros de cada código (`ParametrosHallazgo`) son datos sin
 * idioma; `mostrar-hallazgo.ts` los convierte en los valores de la plantilla de cada idioma.
 */
import type { Calculado } from "../llenado/calculo";
import type { Rol } from "../formatos";
import type { Estatus, EstatusCalculado, Severidad, Texto } from "../tipos";

/**
 * Cómo se calculó un valor esperado: el `Calculado` del análisis (datos, sin idioma); su texto
 * («5 / 6 × 100 = 83.33») lo arma `explicar` al mostrar el hallazgo.
 */
export type Explicacion = Calculado;

/** Por qué un indicador es de porcentaje, para `porcentaje-sin-por-100`. */
export type MotivoPorcentaje =
  | { readonly por: "nombre"; readonly indicador: string }
  | { readonly por: "meta-en-porcentaje" }
  | { readonly por: "unidad-porcentaje" };

/**
 * Los parámetros de cada código: números, texto citado de la celda (`citar`), un rol, una
 * línea de meta, un motivo como código. Nunca una frase ya armada en un idioma (salvo
 * `Explicacion`, que es lo que entrega el cálculo).
 */
export interface ParametrosHallazgo {
  "celda-requerida-vacia": { readonly rol: Rol };
  "mes-invalido": { readonly valor: string };
  "meses-invertidos": { readonly inicial: number; readonly final: number };
  /** `valor`: el texto escrito (el lector de frecuencias dice qué está mal al mostrarlo). */
  "frecuencia-invalida": { readonly valor: string };
  /** `linea`: en varias metas por celda, la línea que no es número. `ejemplo`: una meta bien escrita («6», «100%»). */
  "meta-no-numerica": { readonly valor: string; readonly linea: number | null; readonly ejemplo: string };
  /** `linea`: la línea, si la celda tiene varias. */
  "meta-no-positiva": { readonly valor: number; readonly linea: number | null; readonly ejemplo: string };
  /** `rol` elige la sugerencia; `linea`: en varias metas por celda, la línea que no es número. */
  "valor-no-numerico": { readonly valor: string; readonly rol: Rol; readonly linea: number | null };
  "valor-negativo": { readonly valor: number; readonly linea: number | null };
  /** `texto`: el método escrito (el analizador de métodos dice qué está mal al mostrarlo). */
  "metodo-invalido": { readonly texto: string };
  /** `correccion`: el método con «× 100» («(A / B) × 100»); `nota`: al llenar, el «/100» se lee como «× 100». */
  "metodo-divide-entre-100": { readonly correccion: string; readonly nota: boolean };
  /** `nota`: al llenar, el resultado se multiplica por 100. */
  "porcentaje-sin-por-100": { readonly motivo: MotivoPorcentaje; readonly valor: string; readonly nota: boolean };
  "meta-porcentaje-uno": Record<string, never>;
  "marcador-plantilla": { readonly marcador: string };
  /**
   * `celda`: lo escrito (citado o como cifra) y lo esperado (cifra, con «%» si la celda es de
   * porcentaje). `lineas`: varias metas por celda; `linea` es la primera que no cuadra, o
   * `null` si no tiene tantas líneas como metas.
   */
  "calculo-discrepante":
    | { readonly forma: "celda"; readonly valor: string; readonly esperado: string; readonly explicacion: Explicacion }
    | { readonly forma: "lineas"; readonly escritas: ReadonlyArray<string>; readonly esperadas: ReadonlyArray<number>; readonly linea: number | null; readonly explicacion: Explicacion };
  "calculado-con-texto": { readonly valor: string };
  "estatus-invalido": { readonly valor: string };
  "estatus-contradictorio": { readonly valor: Estatus; readonly esperado: EstatusCalculado; readonly explicacion: Explicacion };
  /** `comoAvance`: lo alcanzado ya es un porcentaje de avance (la meta es 100 %). */
  "sobrecumplimiento": { readonly alcanzado: number; readonly meta: number; readonly comoAvance: boolean };
  "desviacion-sin-justificar": { readonly situacion: "ROJO" | "AMARILLO" | "NO CUMPLIDA"; readonly alcanzado: number; readonly esperado: number };
  /** `frecuencia`: el nombre del catálogo («Trimestral»). */
  "meta-periodos": { readonly frecuencia: string; readonly inicial: number; readonly final: number; readonly periodos: number; readonly meta: number };
  "tendencia-invalida": { readonly valor: string };
  "dimension-invalida": { readonly valor: string };
  "unidad-numerica": { readonly valor: string };
  "personas-no-suman": { readonly persona: number; readonly mujer: number; readonly hombre: number };
  "devengado-mayor-modificado": { readonly devengado: number; readonly modificado: number };
  "clave-repetida": { readonly valor: string; readonly primera: number };
  /** `referencia`: el encabezado de la columna que fija cuántas metas hay; `juntas`: la celda citada si tiene varias cifras en una sola línea. */
  "lineas-meta-desiguales": { readonly lineas: number; readonly esperadas: number; readonly referencia: string; readonly juntas: string | null };
  /** `caracter`: el primer carácter del texto; `fueraDelFormato`: la columna no es del formato. */
  "inyeccion-formula": { readonly caracter: string; readonly valor: string; readonly fueraDelFormato: boolean };
  /** `llamada`: DDE, HYPERLINK, WEBSERVICE…; `fueraDelFormato`: la columna no es del formato. */
  "formula-externa": { readonly llamada: string; readonly valor: string; readonly fueraDelFormato: boolean };
}

export interface TipoHallazgo {
  readonly codigo: string;
  readonly severidad: Severidad;
  readonly titulo: Texto;
  readonly descripcion: Texto;
  /** Plantilla del mensaje: qué está mal y qué escribir en su lugar. */
  readonly mensaje: Texto;
}

function t(es: string, en: string): Texto {
  return { es, en };
}

const LISTA = [
  {
    codigo: "celda-requerida-vacia", severidad: "error",
    titulo: t("Celda obligatoria vacía", "Required cell is empty"),
    descripcion: t("Una columna que toda actividad debe llenar está vacía.", "A column every activity must fill is empty."),
    mensaje: t("{encabezado} está vacía y es obligatoria. {sugerencia}", "{encabezado} is empty and required. {sugerencia}"),
  },
  {
    codigo: "mes-invalido", severidad: "error",
    titulo: t("Mes no válido", "Invalid month"),
    descripcion: t("El mes no es un número del 1 al 12 ni el nombre de un mes.", "The month is not a number from 1 to 12 nor a month name."),
    mensaje: t("{encabezado}: «{valor}» no es un mes. Escriba un número del 1 al 12 (1 = enero) o el nombre del mes.", "{encabezado}: \"{valor}\" is not a month. Write a number from 1 to 12 (1 = January) or the month's Spanish name."),
  },
  {
    codigo: "meses-invertidos", severidad: "error",
    titulo: t("Mes inicial posterior al final", "Start month after end month"),
    descripcion: t("El periodo de la actividad termina antes de empezar.", "The activity's period ends before it starts."),
    mensaje: t("El mes inicial ({inicial}) es posterior al mes final ({final}). Escriba en MES INICIAL un mes menor o igual que {final}, o corrija el MES FINAL.", "The start month ({inicial}) is after the end month ({final}). Write a start month not after {final}, or fix the end month."),
  },
  {
    codigo: "frecuencia-invalida", severidad: "error",
    titulo: t("Frecuencia fuera del catálogo", "Frequency not in the catalogue"),
    descripcion: t("La frecuencia de medición no es una del catálogo.", "The measurement frequency is not a catalogue value."),
    mensaje: t("{detalle}", "{detalle}"),
  },
  {
    codigo: "meta-no-numerica", severidad: "error",
    titulo: t("Meta no numérica", "Goal is not a number"),
    descripcion: t("La meta debe ser una cifra.", "The goal must be a figure."),
    mensaje: t("{encabezado}: «{valor}» no es un número. Escriba solo la cifra de la meta, por ejemplo {ejemplo}.", "{encabezado}: \"{valor}\" is not a number. Write only the goal figure, for example {ejemplo}."),
  },
  {
    codigo: "meta-no-positiva", severidad: "error",
    titulo: t("Meta cero o negativa", "Goal is zero or negative"),
    descripcion: t("La meta debe ser mayor que cero; con meta 0 no se puede calcular el cumplimiento.", "The goal must be greater than zero; with a goal of 0 progress cannot be computed."),
    mensaje: t("{encabezado} vale {valor}; la meta debe ser mayor que 0. Escriba cuánto se programó lograr (por ejemplo {ejemplo}).", "{encabezado} is {valor}; the goal must be greater than 0. Write what was planned (for example {ejemplo})."),
  },
  {
    codigo: "valor-no-numerico", severidad: "error",
    titulo: t("Valor no numérico", "Value is not a number"),
    descripcion: t("Un valor alcanzado o de cálculo no es una cifra (a menudo quedó el texto de instrucción de la plantilla).", "An achieved or calculation value is not a figure (often the template's instruction text was left)."),
    mensaje: t("{encabezado}: «{valor}» no es un número. {sugerencia}", "{encabezado}: \"{valor}\" is not a number. {sugerencia}"),
  },
  {
    codigo: "valor-negativo", severidad: "error",
    titulo: t("Valor negativo", "Negative value"),
    descripcion: t("Un valor alcanzado, de cálculo o de presupuesto es negativo.", "An achieved, calculation or budget value is negative."),
    mensaje: t("{encabezado} vale {valor}, que es negativo. Escriba 0 o una cantidad positiva.", "{encabezado} is {valor}, which is negative. Write 0 or a positive amount."),
  },
  {
    codigo: "metodo-invalido", severidad: "error",
    titulo: t("Método de cálculo ilegible", "Unreadable calculation method"),
    descripcion: t("El texto de MÉTODO DE CÁLCULO no se puede leer como una fórmula.", "The MÉTODO DE CÁLCULO text cannot be read as a formula."),
    mensaje: t("{detalle}", "{detalle}"),
  },
  {
    codigo: "metodo-divide-entre-100", severidad: "warning",
    titulo: t("El método divide entre 100", "The method divides by 100"),
    descripcion: t("Un método que termina en «/100» casi siempre quiso multiplicar por 100.", "A method ending in \"/100\" almost always meant to multiply by 100."),
    mensaje: t("El método termina dividiendo entre 100 («…)/100»): un porcentaje se multiplica por 100. Escriba «{correccion}».{nota}", "The method ends by dividing by 100 (\"…)/100\"): a percentage multiplies by 100. Write \"{correccion}\".{nota}"),
  },
  {
    codigo: "porcentaje-sin-por-100", severidad: "warning",
    titulo: t("Indicador de porcentaje sin «× 100»", "Percentage indicator without \"× 100\""),
    descripcion: t("El indicador es un porcentaje (por su nombre, su unidad o su meta en %) pero su método no es una razón multiplicada por 100.", "The indicator is a percentage (by its name, unit or % goal) but its method is not a ratio times 100."),
    mensaje: t("{motivo}, pero el método «{valor}» no multiplica por 100. Escriba el método como «(A / B) × 100».{nota}", "{motivo}, but the method \"{valor}\" does not multiply by 100. Write the method as \"(A / B) × 100\".{nota}"),
  },
  {
    codigo: "meta-porcentaje-uno", severidad: "warning",
    titulo: t("Meta de porcentaje escrita como 1", "Percentage goal written as 1"),
    descripcion: t("En un indicador de porcentaje la meta 1 suele ser 100 % escrito como fracción.", "In a percentage indicator a goal of 1 is usually 100% written as a fraction."),
    mensaje: t("{encabezado} vale 1 en un indicador de porcentaje: ¿quiso decir 100 %? Escriba 100% (o 100) si la meta es cumplir todo; escriba 1% si de verdad es uno por ciento.", "{encabezado} is 1 in a percentage indicator: did you mean 100%? Write 100% (or 100) if the goal is to meet everything; write 1% if it really is one percent."),
  },
  {
    codigo: "marcador-plantilla", severidad: "warning",
    titulo: t("Marcador de plantilla sin llenar", "Template placeholder left in"),
    descripcion: t("Quedó un marcador de la plantilla («xxx», «___», «(poner las que correspondan)»).", "A template placeholder was left (\"xxx\", \"___\", \"(poner las que correspondan)\")."),
    mensaje: t("{encabezado} contiene «{marcador}», un marcador de la plantilla. Sustitúyalo por el dato real.", "{encabezado} contains \"{marcador}\", a template placeholder. Replace it with the real data."),
  },
  {
    codigo: "calculo-discrepante", severidad: "warning",
    titulo: t("Celda calculada que no cuadra", "Computed cell does not match"),
    descripcion: t("Una celda calculada tiene un valor distinto del que dan sus datos.", "A computed cell holds a value different from what its inputs give."),
    mensaje: t("{encabezado} dice {valor}, pero {calculo}. Escriba {esperado} (o use «Llenar» para calcularlo).", "{encabezado} says {valor}, but {calculo}. Write {esperado} (or use \"Fill\" to compute it)."),
  },
  {
    codigo: "calculado-con-texto", severidad: "info",
    titulo: t("Celda calculada con texto", "Computed cell holds text"),
    descripcion: t("Una celda que calcula el complemento tiene un texto (suele ser la instrucción de la plantilla).", "A cell the add-in computes holds text (usually the template's instruction)."),
    mensaje: t("{encabezado} tiene el texto «{valor}»; esta columna se calcula. Llene los datos de la fila y use «Llenar» para escribir el número.", "{encabezado} holds the text \"{valor}\"; this column is computed. Fill in the row's data and use \"Fill\" to write the number."),
  },
  {
    codigo: "estatus-invalido", severidad: "error",
    titulo: t("Estatus fuera del catálogo", "Status not in the catalogue"),
    descripcion: t("El estatus no es uno del catálogo.", "The status is not a catalogue value."),
    mensaje: t("{encabezado}: «{valor}» no es un estatus del catálogo. Escriba uno de: {lista}.", "{encabezado}: \"{valor}\" is not a catalogue status. Write one of: {lista}."),
  },
  {
    codigo: "estatus-contradictorio", severidad: "warning",
    titulo: t("Estatus que contradice los datos", "Status contradicts the data"),
    descripcion: t("El estatus escrito no corresponde a la meta, lo alcanzado y las fechas.", "The written status does not match the goal, the achievement and the dates."),
    mensaje: t("El estatus dice {valor}, pero {motivo}. Escriba {esperado}.", "The status says {valor}, but {motivo}. Write {esperado}."),
  },
  {
    codigo: "sobrecumplimiento", severidad: "info",
    titulo: t("Sobrecumplimiento", "Over-achievement"),
    descripcion: t("Lo alcanzado supera la meta. No es un error, pero conviene explicarlo en observaciones o ajustar la meta.", "The achievement exceeds the goal. Not an error, but worth explaining in the remarks or adjusting the goal."),
    mensaje: t("Se alcanzó {alcanzado} de una meta de {meta} ({porcentaje} %). Si es correcto, explíquelo en observaciones; si no, corrija lo alcanzado o la meta.", "{alcanzado} was achieved against a goal of {meta} ({porcentaje}%). If correct, explain it in the remarks; otherwise fix the achievement or the goal."),
  },
  {
    codigo: "desviacion-sin-justificar", severidad: "warning",
    titulo: t("Desviación sin justificar", "Unexplained deviation"),
    descripcion: t("Al corte, la actividad va en ROJO o AMARILLO o quedó NO CUMPLIDA y OBSERVACIONES está vacía: el informe trimestral pide explicar por qué.", "At the cut-off the activity is RED or YELLOW or NOT MET and OBSERVACIONES is empty: the quarterly report asks why."),
    mensaje: t("Explique en {encabezado} por qué la actividad {situacion} (lleva {alcanzado} de {esperado} esperados).", "Explain in {encabezado} why the activity {situacion} ({alcanzado} of {esperado} expected so far)."),
  },
  {
    codigo: "meta-periodos", severidad: "info",
    titulo: t("Meta distinta del número de informes", "Goal differs from the number of reports"),
    descripcion: t("En un indicador que cuenta informes o documentos, la meta suele ser el número de periodos de la frecuencia entre el mes inicial y el final.", "In an indicator that counts reports or documents the goal is usually the number of frequency periods between the start and end months."),
    mensaje: t("Con frecuencia {frecuencia} de {inicial} a {final} hay {periodos} informe(s), pero la meta es {meta}. Si se entrega un documento por periodo, escriba {periodos}; si no, ignore este aviso.", "With a {frecuencia} frequency from month {inicial} to {final} there are {periodos} report(s), but the goal is {meta}. If one document is delivered per period, write {periodos}; otherwise ignore this notice."),
  },
  {
    codigo: "tendencia-invalida", severidad: "error",
    titulo: t("Tendencia no válida", "Invalid trend"),
    descripcion: t("La tendencia no es Incremento, Constante ni Reducción.", "The trend is not Incremento, Constante or Reducción."),
    mensaje: t("{encabezado}: «{valor}» no es una tendencia. Escriba «Incremento», «Constante» o «Reducción».", "{encabezado}: \"{valor}\" is not a trend. Write \"Incremento\", \"Constante\" or \"Reducción\"."),
  },
  {
    codigo: "dimension-invalida", severidad: "warning",
    titulo: t("Dimensión no reconocida", "Unrecognised dimension"),
    descripcion: t("La dimensión del indicador no es Eficacia, Eficiencia, Economía ni Calidad.", "The indicator's dimension is not Eficacia, Eficiencia, Economía or Calidad."),
    mensaje: t("{encabezado}: «{valor}» no es una dimensión. Escriba «Eficacia», «Eficiencia», «Economía» o «Calidad».", "{encabezado}: \"{valor}\" is not a dimension. Write \"Eficacia\", \"Eficiencia\", \"Economía\" or \"Calidad\"."),
  },
  {
    codigo: "unidad-numerica", severidad: "warning",
    titulo: t("Unidad de medida numérica", "Numeric unit of measure"),
    descripcion: t("La unidad de medida es un número: suele ser una columna corrida.", "The unit of measure is a number: usually a shifted column."),
    mensaje: t("{encabezado} dice «{valor}», que es un número y no una unidad. Escriba la unidad (Porcentaje, Documento, Informe…) y revise que los datos no estén corridos de columna.", "{encabezado} says \"{valor}\", a number rather than a unit. Write the unit (Porcentaje, Documento, Informe…) and check the data is not shifted by a column."),
  },
  {
    codigo: "personas-no-suman", severidad: "error",
    titulo: t("PERSONA ≠ MUJER + HOMBRE", "PERSONA ≠ MUJER + HOMBRE"),
    descripcion: t("El total de personas beneficiarias no es la suma de mujeres y hombres.", "The total of beneficiaries is not the sum of women and men."),
    mensaje: t("PERSONA dice {persona}, pero MUJER + HOMBRE = {mujer} + {hombre} = {suma}. Escriba {suma} en PERSONA o corrija MUJER y HOMBRE.", "PERSONA says {persona}, but MUJER + HOMBRE = {mujer} + {hombre} = {suma}. Write {suma} in PERSONA or fix MUJER and HOMBRE."),
  },
  {
    codigo: "devengado-mayor-modificado", severidad: "warning",
    titulo: t("Devengado mayor que el modificado", "Accrued budget above the modified budget"),
    descripcion: t("Se devengó más presupuesto del modificado.", "More budget was accrued than the modified budget."),
    mensaje: t("El presupuesto devengado ({devengado}) es mayor que el modificado ({modificado}). Corrija el devengado o registre la ampliación en el modificado.", "The accrued budget ({devengado}) is greater than the modified budget ({modificado}). Fix the accrued amount or record the increase in the modified budget."),
  },
  {
    codigo: "clave-repetida", severidad: "warning",
    titulo: t("Clave de proyecto repetida", "Repeated project key"),
    descripcion: t("La misma clave de proyecto aparece en más de una fila.", "The same project key appears in more than one row."),
    mensaje: t("La clave «{valor}» ya se usó en la fila {primera}. Escriba la clave correcta de este proyecto o junte las dos filas.", "Key \"{valor}\" is already used in row {primera}. Write this project's correct key or merge the two rows."),
  },
  {
    codigo: "lineas-meta-desiguales", severidad: "error",
    titulo: t("Líneas de metas que no coinciden", "Goal lines do not match"),
    descripcion: t("Con varias metas en una celda, cada columna debe tener una línea por meta, en el mismo orden.", "With several goals in a cell, each column must have one line per goal, in the same order."),
    mensaje: t("{encabezado} tiene {lineas} línea(s), pero {referencia} tiene {esperadas}.{detalle} Escriba una línea por meta (Alt+Intro entre líneas), en el mismo orden que {referencia}.", "{encabezado} has {lineas} line(s), but {referencia} has {esperadas}.{detalle} Write one line per goal (Alt+Enter between lines), in the same order as {referencia}."),
  },
  {
    codigo: "inyeccion-formula", severidad: "warning",
    titulo: t("Texto que parece fórmula", "Text that looks like a formula"),
    descripcion: t("Un texto que empieza con «=», «+», «-», «@» (o «＝», «＋», «－», «＠»), un tabulador o un salto de línea puede ejecutarse como fórmula al exportar la hoja (CSV).", "Text starting with \"=\", \"+\", \"-\", \"@\" (or their full-width forms), a tab or a line break may run as a formula when the sheet is exported (CSV)."),
    mensaje: t("{encabezado} empieza con {signo} sin ser una fórmula («{valor}»). Quite el signo inicial (para una viñeta use «•»).", "{encabezado} starts with {signo} without being a formula (\"{valor}\"). Remove the leading sign (for a bullet use \"•\")."),
  },
  {
    codigo: "formula-externa", severidad: "warning",
    titulo: t("Fórmula que llama a otro programa o a la red", "Formula that calls another program or the network"),
    descripcion: t("Una fórmula fuera de las columnas calculadas usa DDE («|»), HYPERLINK, WEBSERVICE, CALL o REGISTER: al abrir el libro puede ejecutar un programa, abrir un enlace o enviar datos.", "A formula outside the computed columns uses DDE (\"|\"), HYPERLINK, WEBSERVICE, CALL or REGISTER: opening the workbook may run a program, open a link or send data."),
    mensaje: t("{encabezado} tiene una fórmula que llama a {llamada} («{valor}»). Si no la puso usted, bórrela y escriba el dato como texto; para un enlace escriba la dirección sin fórmula.", "{encabezado} has a formula that calls {llamada} (\"{valor}\"). If you did not write it, delete it and type the data as text; for a link write the address without a formula."),
  },
] as const satisfies ReadonlyArray<TipoHallazgo>;

/** Los códigos del catálogo, como tipo: una regla solo puede emitir uno de estos. */
export type CodigoHallazgo = (typeof LISTA)[number]["codigo"];

export const CATALOGO: Readonly<Record<string, TipoHallazgo>> = (() => {
  const r: Record<string, TipoHallazgo> = {};
  for (const h of LISTA) r[h.codigo] = h;
  return Object.freeze(r);
})();

/** ¿Es `x` un código del catálogo? */
export function esCodigoHallazgo(x: string): x is CodigoHallazgo {
  return Object.prototype.hasOwnProperty.call(CATALOGO, x);
}

export function listarTiposHallazgo(): ReadonlyArray<TipoHallazgo> {
  return LISTA;
}
