const MASK = '********';

/**
 * Remembers every secret the client has handled and removes them from any text before it can reach
 * an error or event. Server error descriptions sometimes echo the rejected code, so this is needed
 * even though our own messages never interpolate secrets.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers secrets; blank and very short values are ignored so ordinary words survive. */
  add(...values: ReadonlyArray<string | undefined>): void {
    for (const value of values) {
      if (value !== undefined && value.length >= 4) this.secrets.add(value);
    }
  }

  /** `text` with every registered secret (in any letter case) replaced by a mask. */
  scrub(text: string): string {
    let result = text;
    for (const secret of this.secrets) {
      result = replaceAllCaseInsensitive(result, secret, MASK);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) result = replaceAllCaseInsensitive(result, encoded, MASK);
    }
    return result;
  }
}

function replaceAllCaseInsensitive(text: string, needle: string, replacement: string): string {
  const haystack = text.toLowerCase();
  const lowerNeedle = needle.toLowerCase();
  let out = '';
  let from = 0;
  for (let at = haystack.indexOf(lowerNeedle); at !== -1; at = haystack.indexOf(lowerNeedle, from)) {
    out += text.slice(from, at) + replacement;
    from = at + needle.length;
  }
  return out + text.slice(from);
}
