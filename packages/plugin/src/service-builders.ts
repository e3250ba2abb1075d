import { authCommand } from './auth-command';
import type { BuilderService, ConfigView } from './builders';

/** An OAuth service of the config whose builders need credentials plus a saved token (Trakt, MyAnimeList). */
export interface AuthorizedServiceSpec {
  readonly ruleId: string;
  readonly description: string;
  readonly docsUrl?: string;
  readonly builders: readonly string[];
  /** The service as users know it, and the plugin id `pmm-config auth` takes: `Trakt`, `trakt`. */
  readonly service: string;
  readonly provider: string;
  /** The config section: `trakt`. */
  readonly section: string;
  /** Paths in the section that each give Kometa a token: `[['authorization', 'access_token'], ['pin']]`. */
  readonly tokens: readonly (readonly string[])[];
  /** Whether a credential or token is filled in (not blank, not template text); placeholders always count. */
  readonly isFilled: (value: unknown) => boolean;
  /** Kometa's message when a builder runs without the service: `'{builder}' requires Trakt to be configured`. */
  readonly kometaSays: (builder: string) => string;
}

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Why the config gives Kometa no connection to the service, naming the line to fix, or undefined. */
function whyNoService(config: ConfigView, spec: AuthorizedServiceSpec): string | undefined {
  const root = `/${spec.section}`;
  if (!config.has(root)) return `${config.file} has no \`${spec.section}:\` section`;
  const section = config.get(root);
  if (!isMapping(section)) return `\`${spec.section}:\` is blank (${config.where(root)})`;
  const filled = (value: unknown) => config.isPlaceholder(value) || spec.isFilled(value);
  for (const key of ['client_id', 'client_secret']) {
    const value = section[key];
    const text = typeof value === 'string' && value.trim() !== '';
    if (!filled(value)) return `\`${spec.section}.${key}\` is ${text ? 'template text' : 'missing or blank'} (${config.where(`${root}/${key}`)})`;
  }
  const valueAt = (path: readonly string[]) => path.reduce<unknown>((node, key) => (isMapping(node) ? node[key] : undefined), section);
  if (spec.tokens.some((path) => filled(valueAt(path)))) return undefined;
  return `${spec.service} is not authorized: \`${spec.section}.authorization\` has no access token (${config.where(isMapping(section['authorization']) ? `${root}/authorization` : root)})`;
}

/**
 * The check of a service's builders in linked files: Kometa makes the connection only from credentials plus a
 * saved token, and stops every definition that uses one of the service's attributes without it.
 */
export function authorizedServiceBuilders(spec: AuthorizedServiceSpec): BuilderService {
  return {
    ruleId: spec.ruleId,
    description: spec.description,
    ...(spec.docsUrl ? { docsUrl: spec.docsUrl } : {}),
    builders: spec.builders,
    check(context) {
      const problem = whyNoService(context.config, spec);
      if (!problem) return;
      for (const use of context.uses) {
        context.report({
          severity: 'error',
          pointer: use.pointer,
          message: `\`${use.builder}\` needs ${spec.service}, but ${problem}: Kometa stops this definition ("${spec.kometaSays(use.builder)}").`,
          hint: `Fix \`${spec.section}:\` in ${context.config.file} and run \`${authCommand(spec.provider, context.config.file)}\`, or remove \`${use.builder}\`.`,
        });
      }
    },
  };
}
