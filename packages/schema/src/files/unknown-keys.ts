/** The kinds of linked files that have a schema. */
export type FileKind = 'collection' | 'playlist' | 'metadata' | 'overlay';

/**
 * Marks a closed mapping whose unknown keys Kometa only warns about or ignores rather than failing on (the top
 * level of a file, a dynamic-collection set): the lint engine reads it from the error's `parentSchema` and
 * reports such keys as warnings. Definitions do not carry it: Kometa fails them on an unknown key.
 */
export const UNKNOWN_KEY_SEVERITY = 'x-unknown-key-severity';

/**
 * Marks a string schema whose `pattern` Kometa enforces (an overlay alignment, an offset's range), so that a
 * mismatch is an error; without it a pattern mismatch is a warning, since most patterns only say what Kometa
 * expects (an option it replaces by its default, a format it tolerates). Its value says what Kometa takes, in
 * words, and the options, if the value is one of a few words.
 */
export const KOMETA_ENFORCES = 'x-kometa-enforces';

/** The value of {@link KOMETA_ENFORCES}. */
export interface EnforcedFormat {
  readonly expects: string;
  readonly options?: readonly string[];
}

/** Marks a patterned schema as one Kometa fails on: a mismatch is an error (a plain pattern mismatch only warns). */
export function failsOn<S>(schema: S, format: EnforcedFormat): S {
  return { ...schema, [KOMETA_ENFORCES]: format };
}
