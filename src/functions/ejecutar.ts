/**
 * Ejecuta una operación PAT sobre argumentos de Excel (matrices), elemento a elemento, y
 * convierte cada `Resultado` en valor o error de Excel. Nunca deja escapar una excepción:
 * Excel la mostraría como `#VALUE!` sin explicación.
 */
import { errorInterno, errorTamanos, valorCelda, type CrearError } from "./errores";
import { difundir } from "./matrices";
import { filaSinDatos, type Operacion } from "./operaciones";

/** Último recurso si ni siquiera se puede fabricar un error de Excel. */
const RESPALDO = "#VALUE!";

export function ejecutar(op: Operacion, argumentos: ReadonlyArray<unknown>, crear: CrearError): unknown[][] {
  try {
    return difundir(
      argumentos,
      (celdas) => {
        try {
          if (filaSinDatos(op, celdas)) return "";
          return valorCelda(op.calcular(celdas), crear);
        } catch (e) {
          return errorInterno(e, crear);
        }
      },
      () => errorTamanos(crear),
    );
  } catch (e) {
    try {
      return [[errorInterno(e, crear)]];
    } catch {
      return [[RESPALDO]];
    }
  }
}
