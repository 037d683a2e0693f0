/** Traduce cualquier error a un texto claro para el usuario (nunca un panel en blanco). */
import { ErrorLibro } from "../excel/puerto";
import type { Traductor } from "../localization";

export function mensajeDeError(e: unknown, t: Traductor, hoja = ""): string {
  if (e instanceof ErrorLibro || (e && typeof e === "object" && (e as { name?: string }).name === "ErrorLibro")) {
    const err = e as ErrorLibro;
    const h = err.hoja ?? hoja;
    switch (err.codigo) {
      case "hoja-protegida":
        return t("error.protegida", { hoja: h });
      case "libro-solo-lectura":
        return t("error.soloLectura");
      case "estructura-protegida":
        return t("error.estructura");
      case "acceso-denegado":
        return t("error.accesoDenegado");
      case "operacion-invalida":
        return t("error.operacionInvalida");
      case "hoja-no-existe":
        return t("error.hojaNoExiste", { hoja: h });
      case "celda-invalida":
        return t("error.celdaInvalida");
      case "no-soportado":
        return t("error.noSoportado");
      case "edicion-celda":
        return t("error.edicionCelda");
      case "hoja-cambio":
        return t("error.hojaCambio");
      case "formato-desconocido":
        return t("error.formatoDesconocido", { formato: err.message });
      default:
        break;
    }
  }
  const code = (e as { code?: string } | null)?.code;
  if (code === "ApiNotFound" || code === "InvalidArgument" && /not supported/i.test(String((e as Error).message))) return t("error.noSoportado");
  const detalle = e instanceof Error ? e.message : String(e);
  return t("error.general", { detalle: detalle.split("\n")[0].slice(0, 200) });
}
