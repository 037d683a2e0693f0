/**
 * Arranque del panel en Excel: espera a Office, elige el idioma por el de Office y monta
 * el panel sobre el puerto de Office.js.
 */
import { createRoot } from "react-dom/client";
import { PuertoOffice } from "../excel/office";
import { idiomaDeOffice } from "../localization";
import { Panel } from "./Panel";

function iniciar(): void {
  const nodo = document.getElementById("raiz");
  if (!nodo) return;
  const idioma = idiomaDeOffice();
  document.documentElement.lang = idioma;
  createRoot(nodo).render(<Panel puerto={new PuertoOffice()} idioma={idioma} />);
}

if (typeof Office !== "undefined" && Office.onReady) void Office.onReady(() => iniciar());
else iniciar();
