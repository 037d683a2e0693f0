/** Arranque de la vista previa: no necesita Office.js; idioma con ?idioma=en (español por defecto). */
import { createRoot } from "react-dom/client";
import { idiomaDe } from "../localization";
import { Vista } from "./Vista";

const parametros = new URLSearchParams(window.location.search);
const idioma = idiomaDe(parametros.get("idioma") ?? parametros.get("lang") ?? "es");
document.documentElement.lang = idioma;
const nodo = document.getElementById("raiz");
if (nodo) createRoot(nodo).render(<Vista idioma={idioma} />);
