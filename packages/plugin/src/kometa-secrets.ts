/**
 * Kometa's "Config Secrets" (kometa.py, modules/config.py): every non-blank environment variable `KOMETA_<NAME>`
 * (or the legacy `PMM_<NAME>`) becomes a secret keyed by `<name>` in lower case with `_` turned into `-`. A config
 * value holding `<<key>>` or `<<KEY>>` (the key in upper case, `-` turned into `_`) gets it substituted. Any other
 * spelling (`<<my_key>>`, `<<My-Key>>`) is never filled, and Kometa reads a value that is still a whole
 * `<<…>>` as blank.
 */

/** A `<<NAME>>` Kometa secret placeholder. */
export interface KometaPlaceholder {
  /** The name as written between `<<` and `>>`. */
  readonly written: string;
  /** Kometa's key for it (`trakt-client-id`); undefined when no variable can fill this spelling. */
  readonly key?: string;
  /** The variable to set for it (`KOMETA_TRAKT_CLIENT_ID`); undefined when no variable can fill it. */
  readonly variable?: string;
}

/** A variable Kometa would take a secret from. Its value is a secret: never print it. */
export interface KometaSecret {
  readonly variable: string;
  readonly value: string;
}

const WHOLE = /^<<([^<>\s]+)>>$/;
const ANYWHERE = /<<([^<>\s]+)>>/g;
const PREFIXES = ['KOMETA_', 'PMM_'] as const;

function placeholder(written: string): KometaPlaceholder {
  const key = written.toLowerCase().replace(/_/g, '-');
  const fillable = written === key || written === key.toUpperCase().replace(/-/g, '_');
  return fillable ? { written, key, variable: `KOMETA_${key.toUpperCase().replace(/-/g, '_')}` } : { written };
}

/** The placeholder when the whole value (spaces aside) is one `<<NAME>>`; undefined otherwise. */
export function kometaPlaceholderOf(value: unknown): KometaPlaceholder | undefined {
  if (typeof value !== 'string') return undefined;
  const match = WHOLE.exec(value.trim());
  return match?.[1] === undefined ? undefined : placeholder(match[1]);
}

/** The spelling of a placeholder that Kometa does fill (`<<my-key>>` → `<<MY_KEY>>`, from KOMETA_MY_KEY). */
export function fillableSpelling(target: KometaPlaceholder): Required<KometaPlaceholder> {
  // The upper-case spelling with `_` always matches its own key, so it always has a variable.
  return placeholder(target.written.toUpperCase().replace(/-/g, '_')) as Required<KometaPlaceholder>;
}

/** Every `<<NAME>>` inside a text, in order (Kometa substitutes inside longer values too: `http://<<HOST>>:32400`). */
export function kometaPlaceholdersIn(text: string): KometaPlaceholder[] {
  return [...text.matchAll(ANYWHERE)].map((match) => placeholder(match[1] as string));
}

/**
 * The variable Kometa would fill the placeholder from, as Kometa picks it: of the non-blank `KOMETA_*`/`PMM_*`
 * variables whose key matches, the last in environment order wins (later ones overwrite earlier ones there).
 * Kometa's own run-flag variables (`KOMETA_CONFIG`, `KOMETA_RUN`, …) are not told apart: no credential is named so.
 */
export function findKometaSecret(target: KometaPlaceholder, env: Readonly<Record<string, string | undefined>>): KometaSecret | undefined {
  if (target.key === undefined) return undefined;
  let found: KometaSecret | undefined;
  for (const [variable, value] of Object.entries(env)) {
    if (value === undefined || value.trim() === '') continue;
    const prefix = PREFIXES.find((candidate) => variable.toUpperCase().startsWith(candidate));
    if (prefix !== undefined && variable.toLowerCase().slice(prefix.length).replace(/_/g, '-') === target.key) found = { variable, value };
  }
  return found;
}
