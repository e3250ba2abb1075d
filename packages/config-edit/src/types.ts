/**
 * A value to write. A mapping is an ordered list of `[key, value]` pairs, so the caller decides the key order
 * (services document their `authorization` keys in a fixed order). `null` is written as an empty value (`pin:`).
 */
export type EditValue = string | number | boolean | null | EditMapping;

/** An ordered mapping: keys are written in this order. */
export type EditMapping = ReadonlyArray<readonly [key: string, value: EditValue]>;

/** One edit of one top-level section of a config file. */
export interface SectionEdit {
  /** Top-level key of the section: `trakt`, `mal`, or any plugin's `configKey`. */
  readonly section: string;
  /** Keys to set inside the section, in order. Existing keys are replaced where they stand; new ones are appended. */
  readonly set: EditMapping;
  /**
   * Keys written first, before `set`, only when the section is absent or empty (`trakt:`), e.g. the
   * `client_id`/`client_secret` the user just typed. Ignored when the section already has keys.
   */
  readonly createWith?: EditMapping;
}
