/**
 * Los idiomas de Office en inglés. Un `<Override Locale>` del manifiesto solo se aplica al
 * idioma exacto (`en-us` no cubre `en-gb`), así que cada texto y los metadatos de las
 * funciones en inglés llevan una traducción por cada uno: quien tiene Office en inglés
 * (de cualquier país) ve todo en inglés, y los nombres de función que escribe el panel son
 * los de los metadatos que Excel cargó. El panel elige inglés para todo idioma «en-…».
 */
"use strict";

const LOCALES_INGLES = [
  "en-us", "en-gb", "en-ca", "en-au", "en-in", "en-nz", "en-ie", "en-za",
  "en-sg", "en-my", "en-ph", "en-hk", "en-jm", "en-bz", "en-tt", "en-zw",
];

/**
 * Lista de problemas: cada elemento con traducciones debe traerlas para todos los idiomas
 * en inglés, con el mismo texto que la de en-us. Puro (recibe el XML como texto).
 */
function revisarOverridesIngles(xml) {
  const problemas = [];
  // Un elemento con DefaultValue y sus <Override>/<bt:Override> hijos.
  const elemento = /<((?:bt:)?[A-Za-z]+)\s[^>]*?(?:id="([^"]+)"\s+)?DefaultValue="[^"]*"[^>]*(?<!\/)>([\s\S]*?)<\/\1>/g;
  for (let m = elemento.exec(xml); m; m = elemento.exec(xml)) {
    const nombre = m[2] || m[1];
    const overrides = [...m[3].matchAll(/<(?:bt:)?Override\s+Locale="([^"]+)"\s+Value="([^"]*)"/g)].map((o) => ({ locale: o[1].toLowerCase(), valor: o[2] }));
    if (overrides.length === 0) continue;
    const us = overrides.find((o) => o.locale === "en-us");
    if (!us) {
      problemas.push(`${nombre}: falta la traducción en-us`);
      continue;
    }
    for (const l of LOCALES_INGLES) {
      const o = overrides.find((x) => x.locale === l);
      if (!o) problemas.push(`${nombre}: falta ${l}`);
      else if (o.valor !== us.valor) problemas.push(`${nombre}: ${l} dice «${o.valor}» y en-us «${us.valor}»`);
    }
  }
  return problemas;
}

module.exports = { LOCALES_INGLES, revisarOverridesIngles };
