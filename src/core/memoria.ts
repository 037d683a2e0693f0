/**
 * Memoria acotada para funciones de un texto: las filas de un PAT repiten los mismos textos
 * (métodos, frecuencias, encabezados), así que se calcula cada uno una vez. Al llegar al
 * tope se vacía entera: simple y suficiente para estos tamaños.
 */
export function memorizarTexto<T>(calcular: (texto: string) => T, maximo: number): (texto: string) => T {
  const cache = new Map<string, T>();
  return (texto) => {
    let r = cache.get(texto);
    if (r === undefined) {
      r = calcular(texto);
      if (cache.size >= maximo) cache.clear();
      cache.set(texto, r);
    }
    return r;
  };
}
