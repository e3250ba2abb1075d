/**
 * Stable codes for every way an edit can be refused. Callers map them to exit codes and messages;
 * the messages never contain values, only key names, because the values are usually secrets.
 */
export type ConfigEditErrorCode =
  /** The original text is not valid YAML (syntax error, duplicate key, unresolved alias). */
  | 'CONFIG_EDIT_INVALID_YAML'
  /** The text holds more than one YAML document; Kometa reads exactly one. */
  | 'CONFIG_EDIT_MULTIPLE_DOCUMENTS'
  /** The document root, the section or a mapping being edited is not a block mapping we can edit. */
  | 'CONFIG_EDIT_NOT_A_MAPPING'
  /** The node to edit is an alias (`*x`): changing it would mean changing the anchored node elsewhere. */
  | 'CONFIG_EDIT_ALIASED_NODE'
  /** The mapping to edit holds a merge key (`<<: *x`): its keys come from somewhere else. */
  | 'CONFIG_EDIT_MERGED_NODE'
  /** The node to edit or replace is anchored and referenced elsewhere: the edit would change other places. */
  | 'CONFIG_EDIT_SHARED_NODE'
  /** The YAML layout around the edit is one we do not rewrite (flow-style section, explicit `? key`). */
  | 'CONFIG_EDIT_UNSUPPORTED_LAYOUT'
  /** The edit itself is malformed: duplicate keys, a non-finite number, an empty key. */
  | 'CONFIG_EDIT_INVALID_EDIT'
  /** The edited text did not re-parse to exactly the intended data; nothing is returned. */
  | 'CONFIG_EDIT_VERIFY_FAILED';

/** Thrown by {@link applySectionEdit} and {@link readSection}; `code` is stable, `message` is one user-facing line. */
export class ConfigEditError extends Error {
  override readonly name = 'ConfigEditError';

  constructor(
    readonly code: ConfigEditErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
