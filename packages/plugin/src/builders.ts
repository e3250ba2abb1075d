import type { RuleReport } from './rule';

/**
 * What a file holds, which decides its schema and rules. `template` is a file linked through `external_templates`
 * (or holding only `templates`): a collection file of which Kometa reads only the templates.
 */
export type FileKind = 'config' | 'collection' | 'template' | 'overlay' | 'metadata' | 'playlist' | 'image';

/** One definition-level attribute in a linked file that a builder service serves (`trakt_list`, `mdblist_list`, ...). */
export interface BuilderUse {
  /** The attribute as Kometa runs it: lower-cased, alias applied, modifier removed (`trakt_list`). */
  readonly builder: string;
  /** RFC 6901 pointer of the attribute in the linked file. */
  readonly pointer: string;
}

/** A library (in the config) that links the file being checked. */
export interface LinkingLibrary {
  readonly name: string;
  /** Pointer of the library in the config: `/libraries/Movies`. */
  readonly pointer: string;
}

/** The config a linked file belongs to, as a builder check sees it: read-only data and positions. */
export interface ConfigView {
  /** The config's path as the user gave it, for messages. */
  readonly file: string;
  readonly data: unknown;
  get(pointer: string): unknown;
  has(pointer: string): boolean;
  /** `config.yml:12` for the closest existing node at the pointer, for naming the line to fix. */
  where(pointer: string): string;
  isPlaceholder(value: unknown): boolean;
  /** The libraries whose file lists link this file (empty for `playlist_files`, which belong to no library). */
  readonly libraries: readonly LinkingLibrary[];
}

/** What a {@link BuilderService} gets for one linked file that uses its builders. */
export interface BuilderCheckContext {
  /** The linked file's path as shown to the user. */
  readonly file: string;
  readonly kind: FileKind;
  /** Every use of the service's builders in the file, in document order. */
  readonly uses: readonly BuilderUse[];
  readonly config: ConfigView;
  /** Reports a finding in the linked file (pointers are into that file). */
  report(report: RuleReport): void;
}

/**
 * The builders a plugin serves, and the check that the config can run them. Kometa requires the service of a
 * builder by name (`'{attr}' requires Trakt to be configured`), so the check runs only where the file is linked
 * from a config; a file linted on its own never calls it.
 */
export interface BuilderService {
  /** Rule id the findings carry: `<plugin id>/<name>`, e.g. `trakt/builder-needs-trakt`. */
  readonly ruleId: string;
  readonly description: string;
  readonly docsUrl?: string;
  /**
   * Names of the attributes served, as Kometa runs them; `*` matches any run of characters. Kometa matches the
   * service by substring (`"trakt" in method_name`), so Trakt declares `*trakt*`.
   */
  readonly builders: readonly string[];
  check(context: BuilderCheckContext): void;
}

/** Whether a builder name matches one of the `*` patterns of a {@link BuilderService}. */
export function servesBuilder(patterns: readonly string[], builder: string): boolean {
  return patterns.some((pattern) => {
    if (!pattern.includes('*')) return pattern === builder;
    const parts = pattern.split('*');
    let at = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      if (i === 0) {
        if (!builder.startsWith(part)) return false;
        at = part.length;
      } else if (i === parts.length - 1) {
        return part === '' || (builder.length - part.length >= at && builder.endsWith(part));
      } else {
        const found = builder.indexOf(part, at);
        if (found === -1) return false;
        at = found + part.length;
      }
    }
    return true;
  });
}
