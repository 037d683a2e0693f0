/**
 * Analizador sintáctico del método: descenso recursivo con la precedencia habitual.
 *
 *   expresion := termino (("+" | "-") termino)*
 *   termino   := unario (("*" | "/") unario)*
 *   unario    := ("+" | "-")* primario
 *   primario  := numero | variable | "(" expresion ")"
 *
 * Los errores son valores (`ErrorPat` con la posición base 0 donde se detecta el problema),
 * nunca excepciones.
 */
import { falla, exito } from "../resultado";
import type { ErrorPat, Resultado, Texto } from "../tipos";
import { claveVariable, type Token } from "./lexico";
import { citarFragmento, detalles, mensajes, noSeEntiende } from "./mensajes";
import type { Nodo } from "./tipos";

/** Límites para que un texto patológico no agote la pila (un método real tiene decenas de tokens). */
const MAX_TOKENS = 1000;
const MAX_ANIDAMIENTO = 100;

export interface Sintaxis {
  ast: Nodo;
  variables: string[];
}

export function analizarSintaxis(texto: string, tokens: ReadonlyArray<Token>): Resultado<Sintaxis> {
  if (tokens.length > MAX_TOKENS) return error(0, detalles.demasiadoLargo());
  const invalido = tokens.find((t) => t.tipo === "invalido");
  if (invalido) return error(invalido.inicio, detalles.noAdmitido(texto.slice(invalido.inicio, invalido.fin)));

  const cuerpo = quitarEtiqueta(tokens);
  if (!cuerpo.ok) return cuerpo;

  const analizador = new Analizador(texto, cuerpo.valor);
  const ast = analizador.analizar();
  if (ast === null) return { ok: false, error: analizador.fallo ?? interno() };
  return exito({ ast, variables: analizador.variables });
}

/**
 * «Porcentaje de avance = (A / B) × 100»: lo que está antes de un único «=» es una etiqueta
 * (un nombre, sin operadores) y se ignora. Cualquier otro uso de «=» es un error.
 */
function quitarEtiqueta(tokens: ReadonlyArray<Token>): Resultado<ReadonlyArray<Token>> {
  const iguales = tokens.filter((t) => t.tipo === "igual");
  if (iguales.length === 0) return exito(tokens);
  const k = tokens.indexOf(iguales[0]);
  const etiquetaValida = iguales.length === 1 && tokens.slice(0, k).every((t) => t.tipo !== "operador");
  if (!etiquetaValida) {
    const donde = iguales.length > 1 ? iguales[1] : iguales[0];
    return error(donde.inicio, detalles.igual());
  }
  return exito(tokens.slice(k + 1));
}

function error(posicion: number, detalle: Texto): { ok: false; error: ErrorPat } {
  return falla("valor", noSeEntiende(posicion, detalle), posicion);
}

function interno(): ErrorPat {
  return falla("valor", mensajes.interno(), 0).error;
}

class Analizador {
  private pos = 0;
  private anidamiento = 0;
  fallo: ErrorPat | null = null;
  readonly variables: string[] = [];
  private readonly indices = new Map<string, number>();

  constructor(
    private readonly texto: string,
    private readonly tokens: ReadonlyArray<Token>,
  ) {}

  analizar(): Nodo | null {
    if (this.tokens.length === 0) {
      // Solo una etiqueta: «Porcentaje =».
      return this.fallar(Math.max(0, this.texto.lastIndexOf("=")), detalles.faltaOperandoDespues("="));
    }
    const ast = this.expresion();
    if (ast === null) return null;
    const t = this.tokens[this.pos];
    if (t !== undefined) {
      if (t.tipo === "cierra") return this.fallar(t.inicio, detalles.cierreSobrante(this.cita(t)));
      return this.faltaOperador(t);
    }
    return ast;
  }

  private expresion(): Nodo | null {
    let izquierda = this.termino();
    while (izquierda !== null) {
      const t = this.tokens[this.pos];
      if (t?.tipo !== "operador" || (t.operador !== "+" && t.operador !== "-")) break;
      this.pos++;
      const derecha = this.termino();
      if (derecha === null) return null;
      izquierda = { tipo: "binario", operador: t.operador, izquierda, derecha, inicio: izquierda.inicio, fin: derecha.fin };
    }
    return izquierda;
  }

  private termino(): Nodo | null {
    let izquierda = this.unario();
    while (izquierda !== null) {
      const t = this.tokens[this.pos];
      if (t?.tipo !== "operador" || (t.operador !== "*" && t.operador !== "/")) break;
      this.pos++;
      const derecha = this.unario();
      if (derecha === null) return null;
      izquierda = { tipo: "binario", operador: t.operador, izquierda, derecha, inicio: izquierda.inicio, fin: derecha.fin };
    }
    return izquierda;
  }

  private unario(): Nodo | null {
    const signos: Array<Extract<Token, { tipo: "operador" }>> = [];
    for (let t = this.tokens[this.pos]; t?.tipo === "operador" && (t.operador === "+" || t.operador === "-"); t = this.tokens[this.pos]) {
      signos.push(t);
      this.pos++;
    }
    let nodo = this.primario();
    if (nodo === null) return null;
    // El signo más cercano al operando se aplica primero; «+» no cambia nada.
    for (let k = signos.length - 1; k >= 0; k--) {
      if (signos[k].operador === "-") nodo = { tipo: "negativo", operando: nodo, inicio: signos[k].inicio, fin: nodo.fin };
      else nodo = { ...nodo, inicio: signos[k].inicio };
    }
    return nodo;
  }

  private primario(): Nodo | null {
    const t = this.tokens[this.pos];
    const previo = this.tokens[this.pos - 1];
    // Las posiciones señalan siempre un carácter del texto: el operador que se quedó sin operando.
    if (t === undefined) {
      if (previo === undefined) return this.fallar(0, detalles.faltaOperandoDespues("="));
      if (previo.tipo === "abre") return this.fallar(previo.inicio, detalles.sinCerrar(this.cita(previo), previo.cierre));
      return this.fallar(previo.inicio, detalles.faltaOperandoDespues(this.cita(previo)));
    }
    switch (t.tipo) {
      case "variable": {
        this.pos++;
        return { tipo: "variable", nombre: t.nombre, indice: this.indice(t.nombre), inicio: t.inicio, fin: t.fin };
      }
      case "numero":
        this.pos++;
        return { tipo: "numero", valor: t.valor, inicio: t.inicio, fin: t.fin };
      case "abre":
        return this.grupo(t);
      case "operador":
        if (previo?.tipo === "operador") return this.fallar(t.inicio, detalles.dosOperadores(this.cita(previo), this.cita(t)));
        return this.fallar(t.inicio, detalles.faltaOperandoAntes(this.cita(t)));
      case "cierra":
        if (previo?.tipo === "abre") return this.fallar(previo.inicio, detalles.parentesisVacios());
        if (previo?.tipo === "operador") return this.fallar(previo.inicio, detalles.faltaOperandoDespues(this.cita(previo)));
        return this.fallar(t.inicio, detalles.cierreSobrante(this.cita(t)));
      default:
        return this.fallar(t.inicio, detalles.noAdmitido(this.cita(t)));
    }
  }

  private grupo(abre: Extract<Token, { tipo: "abre" }>): Nodo | null {
    if (++this.anidamiento > MAX_ANIDAMIENTO) return this.fallar(abre.inicio, detalles.demasiadoLargo());
    this.pos++;
    const interior = this.expresion();
    if (interior === null) return null;
    const t = this.tokens[this.pos];
    if (t === undefined) return this.fallar(abre.inicio, detalles.sinCerrar(this.cita(abre), abre.cierre));
    if (t.tipo !== "cierra") return this.faltaOperador(t);
    const cierre = this.cita(t);
    if (cierre !== abre.cierre) return this.fallar(t.inicio, detalles.cierreDistinto(abre.cierre, cierre));
    this.pos++;
    this.anidamiento--;
    // El nodo abarca sus paréntesis: así `texto.slice(inicio, fin)` cita «(a + b)».
    return { ...interior, inicio: abre.inicio, fin: t.fin };
  }

  /** Dos operandos seguidos: «Documento realizado 100», «(a)(b)». */
  private faltaOperador(t: Token): null {
    const previo = this.tokens[this.pos - 1];
    const antes = previo ? this.cita(previo) : "";
    return this.fallar(t.inicio, detalles.faltaOperador(antes, this.cita(t)));
  }

  private indice(nombre: string): number {
    const clave = claveVariable(nombre);
    let k = this.indices.get(clave);
    if (k === undefined) {
      k = this.variables.length;
      this.indices.set(clave, k);
      this.variables.push(nombre);
    }
    return k;
  }

  /** El token tal como se escribió («x», «por», «÷», «Documento presentado»). */
  private cita(t: Token): string {
    return citarFragmento(this.texto.slice(t.inicio, t.fin));
  }

  private fallar(posicion: number, detalle: Texto): null {
    this.fallo ??= error(posicion, detalle).error;
    return null;
  }
}
