/**
 * Arranque del panel en Excel: espera a Office, elige el idioma por el de Office y monta
 * el panel sobre el puerto de Office.js. Abierto fuera de Excel (el archivo en un navegador,
 * sin office.js o con otro programa) dice en español que se abra desde Excel y ofrece la
 * vista previa, en vez de fallar con «Excel is not defined».
 */
import { createRoot } from "react-dom/client";
import { PuertoOffice } from "../excel/office";
import { crearTraductor, idiomaDeOffice } from "../localization";
import { Panel } from "./Panel";

function nodoRaiz(): HTMLElement | null {
  return document.getElementById("raiz");
}

function iniciar(): void {
  const nodo = nodoRaiz();
  if (!nodo) return;
  const idioma = idiomaDeOffice();
  document.documentElement.lang = idioma;
  createRoot(nodo).render(<Panel puerto={new PuertoOffice()} idioma={idioma} />);
}

/** Fuera de Excel: texto plano (sin Fluent ni Office), con un vínculo a la vista previa. */
export function mostrarFueraDeExcel(nodo: HTMLElement): void {
  const t = crearTraductor(idiomaDeOffice());
  nodo.replaceChildren();
  const main = document.createElement("main");
  main.setAttribute("data-estado", "fuera-de-excel");
  main.style.cssText = "font-family: 'Segoe UI', system-ui, sans-serif; padding: 16px; max-width: 36em;";
  const h1 = document.createElement("h1");
  h1.textContent = t("fuera.titulo");
  const p = document.createElement("p");
  p.textContent = t("fuera.texto");
  const a = document.createElement("a");
  a.href = "preview.html";
  a.textContent = t("fuera.vista");
  main.append(h1, p, a);
  nodo.append(main);
}

function fueraDeExcel(): void {
  const nodo = nodoRaiz();
  if (nodo) mostrarFueraDeExcel(nodo);
}

if (typeof Office !== "undefined" && Office.onReady) {
  // Fuera de Office, onReady también se cumple, con host null.
  void Office.onReady((info) => (info.host === Office.HostType.Excel ? iniciar() : fueraDeExcel()));
} else fueraDeExcel();
