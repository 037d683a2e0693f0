/**
 * Ejecuta una operación PAT sobre argumentos de Excel (matrices), elemento a elemento, y
 * convierte cada `Resultado` en valor o error de Excel. Nunca deja escapar una excepción:
 * Excel la mostraría como `#VALUE!` sin explicación.
 */
import { errorCeldaNoLegible, errorDemasiadasCeldas, errorInterno, errorTamanos, valorCelda, type CrearError } from "./errores";
import { difundir, MAXIMO_CELDAS_RESULTADO, ResultadoDemasiadoGrande } from "./matrices";
import { CeldaNoLegible, filaSinDatos, type Operacion } from "./operaciones";

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
          return e instanceof CeldaNoLegible ? errorCeldaNoLegible(crear) : errorInterno(e, crear);
        }
      },
      () => errorTamanos(crear),
    );
  } catch (e) {
    try {
      if (e instanceof ResultadoDemasiadoGrande) return [[errorDemasiadasCeldas(e.forma.filas, e.forma.columnas, MAXIMO_CELDAS_RESULTADO, crear)]];
      return [[errorInterno(e, crear)]];
    } catch {
      return [[RESPALDO]];
    }
  }
}
