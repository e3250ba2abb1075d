/** The kinds of linked files that have a schema. */
export type FileKind = 'collection' | 'playlist' | 'metadata';

/**
 * Marks a closed mapping whose unknown keys Kometa only warns about or ignores rather than failing on (the top
 * level of a file, a dynamic-collection set): the lint engine reads it from the error's `parentSchema` and
 * reports such keys as warnings. Definitions do not carry it: Kometa fails them on an unknown key.
 */
export const UNKNOWN_KEY_SEVERITY = 'x-unknown-key-severity';
