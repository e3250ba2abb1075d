import type { BuilderCheckContext, BuilderService, ConfigView } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';
import { isMapping } from './definitions';

/** A config value that counts as set: present, not blank, or a placeholder filled in before Kometa reads it. */
function isUsable(config: ConfigView, value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number' || config.isPlaceholder(value);
}

interface SectionServiceSpec {
  readonly ruleId: string;
  /** The service's name as Kometa writes it in its message: `Radarr`. */
  readonly service: string;
  /** The config section: `radarr`. */
  readonly section: string;
  readonly builders: readonly string[];
  /** Kometa also takes the section from the library that runs the file (Radarr, Sonarr, Tautulli). */
  readonly perLibrary: boolean;
  /** Keys the section needs for the service to exist. */
  readonly keys: readonly string[];
  /** What Kometa does without it. */
  readonly consequence: (builder: string) => string;
}

/**
 * Why the section does not give a usable service, or undefined when it does. A library's own section completes
 * the global one key by key, as Kometa merges them.
 */
function sectionProblem(config: ConfigView, section: string, keys: readonly string[], libraryPointer?: string): string | undefined {
  const globalPointer = `/${section}`;
  const libraryAt = libraryPointer === undefined ? undefined : `${libraryPointer}/${escapeToken(section)}`;
  const inLibrary = libraryAt !== undefined && config.has(libraryAt);
  if (!config.has(globalPointer) && !inLibrary) return `${config.file} has no \`${section}:\` section`;
  const merged = { ...asMapping(config.get(globalPointer)), ...(libraryAt ? asMapping(config.get(libraryAt)) : {}) };
  const missing = keys.filter((key) => !isUsable(config, merged[key]));
  if (missing.length === 0) return undefined;
  const at = inLibrary && libraryAt ? libraryAt : globalPointer;
  return `\`${section}:\` has no usable ${missing.map((key) => `\`${key}\``).join(' or ')} (${config.where(at)})`;
}

function asMapping(value: unknown): Record<string, unknown> {
  return isMapping(value) ? value : {};
}

function sectionService(spec: SectionServiceSpec): BuilderService {
  return {
    ruleId: spec.ruleId,
    description: `Builders that need ${spec.service} (${spec.builders.join(', ')}) need a usable \`${spec.section}:\` in the config.`,
    builders: spec.builders,
    check(context: BuilderCheckContext) {
      const { config } = context;
      // Each library that runs the file needs the service; a file outside libraries (playlists) uses the global one.
      const runs = spec.perLibrary && config.libraries.length > 0 ? config.libraries.map((library) => ({ library: library.name, pointer: library.pointer })) : [{ library: undefined, pointer: undefined }];
      const failing = runs.flatMap((run) => {
        const problem = sectionProblem(config, spec.section, spec.keys, run.pointer);
        return problem === undefined ? [] : [{ ...run, problem }];
      });
      if (failing.length === 0) return;
      const first = failing[0] as (typeof failing)[number];
      const who = first.library === undefined ? '' : ` for the librar${failing.length === 1 ? 'y' : 'ies'} ${failing.map((run) => `\`${run.library}\``).join(', ')}`;
      for (const use of context.uses) {
        context.report({
          severity: 'error',
          pointer: use.pointer,
          message: `\`${use.builder}\` needs ${spec.service}${who}, but ${first.problem}: ${spec.consequence(use.builder)}.`,
          hint: `Add ${spec.keys.length > 0 ? spec.keys.map((key) => `\`${key}\``).join(' and ') + ' in ' : ''}a \`${spec.section}:\` section of ${config.file}${spec.perLibrary ? ' (or of the library)' : ''}, or remove \`${use.builder}\`.`,
        });
      }
    },
  };
}

const requires = (service: string) => (builder: string) => `Kometa stops this definition ("'${builder}' requires ${service} to be configured")`;

/**
 * The services of reference kometa-files.md §2.1 that no plugin owns. Kometa matches Radarr, Sonarr and Tautulli
 * by substring of the attribute name; MDBList and AniDB have no pre-check and fail when the list is fetched.
 */
export const coreBuilderServices: readonly BuilderService[] = [
  sectionService({ ruleId: 'core/builder-needs-radarr', service: 'Radarr', section: 'radarr', builders: ['*radarr*'], perLibrary: true, keys: ['url', 'token'], consequence: requires('Radarr') }),
  sectionService({ ruleId: 'core/builder-needs-sonarr', service: 'Sonarr', section: 'sonarr', builders: ['*sonarr*'], perLibrary: true, keys: ['url', 'token'], consequence: requires('Sonarr') }),
  sectionService({ ruleId: 'core/builder-needs-tautulli', service: 'Tautulli', section: 'tautulli', builders: ['*tautulli*'], perLibrary: true, keys: ['url', 'apikey'], consequence: requires('Tautulli') }),
  sectionService({
    ruleId: 'core/builder-needs-mdblist',
    service: 'MDBList',
    section: 'mdblist',
    builders: ['mdblist_*'],
    perLibrary: false,
    keys: ['apikey'],
    consequence: () => 'Kometa cannot fetch the list without an MDBList API key and the definition fails',
  }),
  sectionService({
    ruleId: 'core/builder-needs-anidb',
    service: 'AniDB',
    section: 'anidb',
    builders: ['anidb_*'],
    perLibrary: false,
    keys: [],
    consequence: () => 'Kometa only connects to AniDB when the config has an `anidb:` section, so the definition fails',
  }),
];
