import { type LintRule, renameKeySuggestion, replaceValueSuggestion, type RuleContext, type RuleReport } from '@pmm-config/plugin';
import { acceptsVariable, compareKometaVersions, type DefaultKind, defaultNames, type DefaultSpec, loadDefaults, variableCandidates } from '@pmm-config/schema';
import { didYouMean } from '../did-you-mean';
import { isMapping, type Mapping } from './config-walk';
import { anyDefault, type DefaultBlock, defaultBlocks, lookup, OTHER_AWARD, variablePointer } from './default-blocks';

export interface DefaultsRuleOptions {
  /** `--kometa-version`: the Kometa the config is for; the data's own version when absent. */
  readonly kometaVersion?: string;
}

const LIST_OF_KIND: Readonly<Record<DefaultKind, string>> = { collection: 'collection_files', overlay: 'overlay_files', playlist: 'playlist_files' };
const FILE_ERROR: Readonly<Record<DefaultKind, string>> = {
  collection: 'YAML Error: collections or dynamic_collections attribute is required',
  overlay: 'YAML Error: overlays attribute is required',
  playlist: 'YAML Error: playlists attribute is required',
};

/**
 * Findings that come from the data (an unknown name, variable or value) cannot be judged for a Kometa newer
 * than the data: they become info, saying why.
 */
function reporter(context: RuleContext, options: DefaultsRuleOptions): (report: RuleReport, fromData: boolean) => void {
  const known = loadDefaults().kometaVersion;
  const newer = options.kometaVersion !== undefined && compareKometaVersions(options.kometaVersion, known) > 0 ? options.kometaVersion : undefined;
  return (report, fromData) => {
    if (!fromData || !newer) return context.report(report);
    context.report({
      ...report,
      severity: 'info',
      message: `${report.message.replace(/\.$/, '')} (as of Kometa ${known}; Kometa ${newer} may have changed this, so it is not judged).`,
    });
  };
}

/** `core/default-file`: `- default: <name>` must name a default Kometa has, for that list. */
export function defaultFileRule(options: DefaultsRuleOptions = {}): LintRule {
  return {
    id: 'core/default-file',
    description: '`- default: <name>` must name one of Kometa\'s defaults for that list; Kometa fails the file otherwise.',
    check(context) {
      const blocks = defaultBlocks(context.config);
      if (!anyDefault(blocks)) return;
      const report = reporter(context, options);
      for (const block of blocks) {
        // `default:` in metadata_files, which Kometa skips, is core/deprecated-key's to report.
        if (!block.kind) continue;
        for (const ref of block.defaults) {
          if (ref.key !== 'git' && ref.name === OTHER_AWARD) {
            report({
              severity: 'error',
              pointer: ref.pointer,
              at: 'value',
              message: 'The Kometa default `other_award` has been deprecated: Kometa logs an error and skips this entry.',
              hint: 'Link the award defaults you want instead (`bafta`, `oscars`, `golden`, ...; see the wiki for the full list).',
            }, false);
            continue;
          }
          const found = lookup(block.kind, ref);
          if (!found || found.status === 'found') continue;
          const list = LIST_OF_KIND[block.kind];
          if (found.status === 'other-kind') {
            report({
              severity: 'error',
              pointer: ref.pointer,
              at: 'value',
              message: `\`${ref.name}\` loads Kometa's \`defaults/${found.file}.yml\`, which is not a ${block.kind} default: Kometa fails with "${FILE_ERROR[block.kind]}".`,
            }, true);
            continue;
          }
          if (found.exactCase) {
            report({
              severity: 'warning',
              pointer: ref.pointer,
              at: 'value',
              message: `Kometa looks defaults up by their exact name: \`${ref.name}\` is found on Windows and macOS but not on Linux (Docker), where Kometa fails with "File Error: Default does not exist".`,
              hint: `Write \`${found.exactCase}\`.`,
            }, true);
            continue;
          }
          const bare = ref.name.replace(/^(movie|show|both|chart|award|overlays)\//, '');
          const suggestion = didYouMean(bare, defaultNames(block.kind));
          report({
            severity: 'error',
            pointer: ref.pointer,
            at: 'value',
            message: `Kometa has no ${block.kind} default \`${ref.name}\` for ${list}: it fails with "File Error: Default does not exist ${ref.name}.yml".`,
            hint: /^flixpatrol/i.test(ref.name)
              ? 'Kometa removed the FlixPatrol defaults when FlixPatrol put its data behind a paywall.'
              : suggestion
                ? `Did you mean \`${suggestion}\`?`
                : `See the list of ${block.kind} defaults in the Kometa wiki.`,
            // The folder prefix is kept: only the name after it was compared.
            ...(suggestion ? { suggestions: [replaceValueSuggestion(ref.pointer, ref.name.slice(0, ref.name.length - bare.length) + suggestion)] } : {}),
          }, true);
        }
      }
    },
  };
}

/** Variables that change which keys a dynamic default has, so that any `<<key>>` may follow. */
const KEY_CHANGING = ['data', 'append_data', 'addons', 'append_addons'];

interface Resolved {
  readonly block: DefaultBlock;
  /** Every spec the block's defaults may load (several when the library type decides). */
  readonly specs: readonly DefaultSpec[];
  readonly vars: Mapping;
}

function resolvedBlocks(blocks: readonly DefaultBlock[]): Resolved[] {
  const out: Resolved[] = [];
  for (const block of blocks) {
    if (!block.kind || block.defaults.length === 0) continue;
    const kind = block.kind;
    const lookups = block.defaults.map((ref) => lookup(kind, ref));
    // A default Kometa cannot load (reported by core/default-file) says nothing about its variables.
    if (lookups.some((found) => found?.status !== 'found')) continue;
    const specs = lookups.flatMap((found) => (found?.status === 'found' ? found.specs : []));
    out.push({ block, specs, vars: isMapping(block.entry.template_variables) ? block.entry.template_variables : {} });
  }
  return out;
}

function unknownMessage(name: string, what: string, documentedOnly: boolean): string {
  return documentedOnly
    ? `\`${name}\` is in the docs of ${what}, but its file never reads it: Kometa ignores it.`
    : `${what.charAt(0).toUpperCase()}${what.slice(1)} has no template variable \`${name}\`: Kometa ignores it.`;
}

const describeDefaults = (resolved: Resolved): string => {
  const names = [...new Set(resolved.block.defaults.map((ref) => ref.name))];
  return names.length === 1 ? `the default \`${names[0]}\`` : `the defaults ${names.map((n) => `\`${n}\``).join(', ')}`;
};

/** `core/template-variables`: `template_variables` for a default must be ones it reads, with values it accepts. */
export function templateVariablesRule(options: DefaultsRuleOptions = {}): LintRule {
  return {
    id: 'core/template-variables',
    description: 'template_variables of a Kometa default must be ones it reads (others are ignored) with values it accepts.',
    check(context) {
      const blocks = defaultBlocks(context.config);
      if (!anyDefault(blocks)) return;
      const report = reporter(context, options);
      const resolved = resolvedBlocks(blocks);
      const libraryVars = (pointer: string | undefined): Mapping => {
        const vars = pointer === undefined ? undefined : context.get(`${pointer}/template_variables`);
        return isMapping(vars) ? vars : {};
      };
      const openKeys = (vars: Mapping, lib: Mapping) => KEY_CHANGING.some((name) => (vars[name] ?? (name in vars ? null : lib[name])) != null);

      for (const item of resolved) {
        // A block that also loads its own files passes its variables to them too: any name may be used there.
        const lib = libraryVars(item.block.libraryPointer);
        const open = openKeys(item.vars, lib);
        for (const [name, value] of Object.entries(item.vars)) {
          const pointer = variablePointer(item.block.block.pointer, name);
          if (context.isPlaceholder(name)) continue;
          const check = acceptsVariable(item.specs, name, value, { openKeys: open });
          if (check.status === 'wrong-type') {
            if (!context.isPlaceholder(value)) {
              report({ severity: 'error', pointer, at: 'value', message: `\`${name}\` for ${describeDefaults(item)} must be ${check.expected}.` }, true);
            }
          } else if (check.status === 'unknown' && !item.block.otherSources) {
            const suggestion = didYouMean(name, variableCandidates(item.specs));
            report({
              severity: 'warning',
              pointer,
              message: unknownMessage(name, describeDefaults(item), check.documentedOnly),
              ...(suggestion ? { hint: `Did you mean \`${suggestion}\`?`, suggestions: [renameKeySuggestion(pointer, suggestion)] } : {}),
            }, true);
          }
        }
      }

      // Library-level variables go into every file block of the library; the block's own value wins.
      const libraries = new Set(blocks.map((block) => block.libraryPointer).filter((p): p is string => p !== undefined));
      for (const libraryPointer of libraries) {
        const lib = libraryVars(libraryPointer);
        if (Object.keys(lib).length === 0) continue;
        const inLibrary = resolved.filter((item) => item.block.libraryPointer === libraryPointer);
        if (inLibrary.length === 0) continue;
        // Local, url, git and repo files of the library get these variables too, and may read any name.
        const others = blocks.some((block) => block.libraryPointer === libraryPointer && (block.otherSources || (block.defaults.length === 0 && block.block.list !== 'metadata_files')));
        for (const [name, value] of Object.entries(lib)) {
          if (context.isPlaceholder(name)) continue;
          const pointer = variablePointer(libraryPointer, name);
          const receiving = inLibrary.filter((item) => !(name in item.vars));
          const checks = receiving.map((item) => ({ item, check: acceptsVariable(item.specs, name, value, { openKeys: openKeys(item.vars, lib) }) }));
          const wrong = checks.find(({ check }) => check.status === 'wrong-type');
          if (wrong && wrong.check.status === 'wrong-type' && !context.isPlaceholder(value)) {
            report({ severity: 'error', pointer, at: 'value', message: `\`${name}\` goes to ${describeDefaults(wrong.item)} (library template_variables), which needs ${wrong.check.expected}.` }, true);
          } else if (!others && receiving.length > 0 && checks.every(({ check }) => check.status === 'unknown')) {
            const suggestion = didYouMean(name, receiving.flatMap((item) => variableCandidates(item.specs)));
            report({
              severity: 'warning',
              pointer,
              message: `No default this library links reads the template variable \`${name}\`: Kometa ignores it.`,
              ...(suggestion ? { hint: `Did you mean \`${suggestion}\`?`, suggestions: [renameKeySuggestion(pointer, suggestion)] } : {}),
            }, true);
          }
        }
      }
    },
  };
}
