/**
 * The marker by which the bot recognises an essay's thread after an interrupted try: the essay URL as
 * `<url>`, on its own line of the starter message (see buildEssayStarter). Matched whole, never as a
 * substring: with numeric permalinks `/archives/1` is a prefix of `/archives/12`.
 */
export function essayThreadMarker(url: string): string {
  return `<${url}>`;
}

/** Whether a starter message carries this marker as one whole line. */
export function starterCarriesMarker(content: string, marker: string): boolean {
  return content.split('\n').some((line) => line.trim() === marker);
}
