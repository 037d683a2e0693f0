/**
 * Errores de la CLI: cada uno con su código de salida y UNA línea en español.
 * 0 = sin errores; 1 = errores en el libro o ninguna hoja PAT reconocida;
 * 2 = archivo ilegible, orden u opción inválida.
 */
export const SALIDA_OK = 0;
export const SALIDA_HALLAZGOS = 1;
export const SALIDA_USO = 2;

export class ErrorCli extends Error {
  constructor(
    message: string,
    readonly codigoSalida: number = SALIDA_USO,
  ) {
    super(message);
    this.name = "ErrorCli";
  }
}

/** Una sola línea, sin saltos (los mensajes van a stderr tal cual). */
export function unaLinea(texto: string): string {
  return texto.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

interface ErrorCommander {
  code?: string;
  message?: string;
  exitCode?: number;
}

function citado(msg: string, n = 0): string {
  const m = [...msg.matchAll(/'([^']*)'/g)];
  return m[n]?.[1] ?? "";
}

/** Traduce los errores de commander (inglés) a una línea en español. `null` si no es de commander. */
export function traducirErrorCommander(e: unknown): { mensaje: string | null; codigo: number } | null {
  const err = e as ErrorCommander;
  if (!err || typeof err.code !== "string" || !err.code.startsWith("commander.")) return null;
  const msg = err.message ?? "";
  switch (err.code) {
    case "commander.helpDisplayed":
    case "commander.help":
    case "commander.version":
      return { mensaje: null, codigo: SALIDA_OK };
    case "commander.unknownOption":
      return { mensaje: `Opción desconocida: ${citado(msg)}. Vea «pat <comando> --ayuda».`, codigo: SALIDA_USO };
    case "commander.unknownCommand":
      return { mensaje: `Orden desconocida: ${citado(msg)}. Las órdenes son: validar, llenar, plantilla, consolidar, comparar, formatos (vea «pat --ayuda»).`, codigo: SALIDA_USO };
    case "commander.missingArgument":
      return { mensaje: `Falta el argumento ${citado(msg)}. Vea «pat <comando> --ayuda».`, codigo: SALIDA_USO };
    case "commander.optionMissingArgument":
      return { mensaje: `La opción ${citado(msg)} necesita un valor.`, codigo: SALIDA_USO };
    case "commander.missingMandatoryOptionValue":
      return { mensaje: `Falta la opción obligatoria ${citado(msg)}.`, codigo: SALIDA_USO };
    case "commander.excessArguments":
      return { mensaje: `Sobran argumentos en la orden. Vea «pat <comando> --ayuda».`, codigo: SALIDA_USO };
    case "commander.invalidArgument": {
      const propio = msg.split(/is invalid\.\s*/)[1];
      return { mensaje: propio ? propio.trim() : `Valor inválido: ${citado(msg, 1)}.`, codigo: SALIDA_USO };
    }
    case "commander.conflictingOption":
      return { mensaje: `Opciones incompatibles: ${citado(msg)} y ${citado(msg, 1)}.`, codigo: SALIDA_USO };
    default:
      return { mensaje: `Orden inválida. Vea «pat --ayuda».`, codigo: SALIDA_USO };
  }
}

/** Mensaje de una línea para un error inesperado (nunca una pila). */
export function mensajeInesperado(e: unknown): string {
  const detalle = e instanceof Error ? e.message : String(e);
  return unaLinea(`Error inesperado: ${detalle.split("\n")[0].slice(0, 200)}. Si se repite, informe este mensaje al equipo del complemento.`);
}
