import { fillableSpelling, findKometaSecret, isConfigPlaceholder, kometaPlaceholderOf } from '@pmm-config/plugin';
import type { AuthProvider, CredentialField, KometaPlaceholder } from '@pmm-config/plugin';
import { AuthCommandError } from './errors';

/** Where credentials may come from, in the order they are tried. */
export interface CredentialSources {
  /** Flag values by flag name (`client-id`). */
  readonly flags: Readonly<Record<string, unknown>>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The provider's config section. */
  readonly section: unknown;
  /** Asks the user; absent without a terminal. */
  readonly ask?: (field: CredentialField) => Promise<string>;
}

/** Resolved credentials, where each came from, and what the config is missing (so we can offer to save them). */
export interface ResolvedCredentials {
  readonly values: Readonly<Record<string, string>>;
  /** By field key, the flag or variable each value came from (`--client-id`, `KOMETA_TRAKT_CLIENT_ID`), or `config`/`prompt`. */
  readonly sources: Readonly<Record<string, string>>;
  /** Fields the config does not hold a usable value for (absent or blank), in declaration order. */
  readonly notInConfig: readonly CredentialField[];
}

function nonBlank(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function configValue(section: unknown, key: string): unknown {
  return section !== null && typeof section === 'object' && !Array.isArray(section) ? (section as Record<string, unknown>)[key] : undefined;
}

/** Config keys of the provider's section that hold secret placeholders (`<<TRAKT_ID>>`, `${X}`, `{{ .x }}`). */
export function placeholderKeys(provider: AuthProvider, section: unknown): string[] {
  const keys = provider.credentials.map((field) => field.key).filter((key) => isConfigPlaceholder(configValue(section, key)));
  const authorization = configValue(section, 'authorization');
  if (authorization !== null && typeof authorization === 'object') {
    for (const [key, value] of Object.entries(authorization)) if (isConfigPlaceholder(value)) keys.push(`authorization.${key}`);
  }
  return keys;
}

/** Why a credential has no value, for the missing-input line: the placeholder and what fills it, or that it is unset. */
function whyMissing(configKey: string, field: CredentialField, fromConfig: unknown, kometa: KometaPlaceholder | undefined): { where: string; setFirst?: string } {
  const name = `${configKey}.${field.key}`;
  if (kometa?.variable !== undefined) return { where: `${name} is <<${kometa.written}>> and ${kometa.variable} is not set`, setFirst: kometa.variable };
  if (kometa) {
    const fillable = fillableSpelling(kometa);
    return { where: `${name} is <<${kometa.written}>>, which Kometa never fills: it reads <<${fillable.written}>> from ${fillable.variable}` };
  }
  return { where: isConfigPlaceholder(fromConfig) ? `${name} is a placeholder pmm-config cannot resolve` : `${name} is not set` };
}

/**
 * Credentials from flags, then PMM_CONFIG_* env, then the KOMETA_* variable Kometa fills a `<<NAME>>` placeholder
 * from, then the config, then a prompt (terminal only). A placeholder is never used as a value. Missing input without
 * a terminal is one line naming the variable, flag and env var that would give it.
 */
export async function resolveCredentials(provider: AuthProvider, configKey: string, sources: CredentialSources): Promise<ResolvedCredentials> {
  const values: Record<string, string> = {};
  const from: Record<string, string> = {};
  const notInConfig: CredentialField[] = [];
  for (const field of provider.credentials) {
    const fromConfig = configValue(sources.section, field.key);
    const placeholder = isConfigPlaceholder(fromConfig);
    const kometa = kometaPlaceholderOf(fromConfig);
    if (!placeholder && nonBlank(fromConfig) === undefined) notInConfig.push(field);
    const kometaSecret = kometa ? findKometaSecret(kometa, sources.env) : undefined;
    const candidates: [string, () => unknown][] = [
      [`--${field.flag}`, () => sources.flags[field.flag]],
      [field.env, () => sources.env[field.env]],
      [kometaSecret?.variable ?? '', () => kometaSecret?.value],
      ['config', () => (placeholder ? undefined : fromConfig)],
    ];
    for (const [source, read] of candidates) {
      const value = nonBlank(read());
      if (value === undefined) continue;
      values[field.key] = value;
      from[field.key] = source;
      break;
    }
    if (values[field.key] === undefined && sources.ask) {
      const answer = nonBlank(await sources.ask(field));
      if (answer !== undefined) [values[field.key], from[field.key]] = [answer, 'prompt'];
    }
    if (values[field.key] === undefined) {
      const { where, setFirst } = whyMissing(configKey, field, fromConfig, kometa);
      throw new AuthCommandError(
        'AUTH_MISSING_INPUT',
        `missing ${field.label} (${where}): ${setFirst ? `set ${setFirst}, ` : ''}pass --${field.flag} or set ${field.env}${field.help ? `; get it ${field.help}` : ''}`,
      );
    }
  }
  return { values, sources: from, notInConfig };
}

/**
 * The credentials of a block meant for this config (`--print`, `--json`): where the config holds a placeholder, the
 * placeholder as written. Pasting the block back keeps the user's secret store in charge, and a value Kometa's
 * environment gave never reaches the output.
 */
export function credentialsForConfig(resolved: ResolvedCredentials, section: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(resolved.values).map(([key, value]) => {
      const written = configValue(section, key);
      return [key, isConfigPlaceholder(written) ? String(written) : value];
    }),
  );
}

/** One line naming where credentials came from when some did not come from the config or a prompt; never a value. */
export function describeCredentialSources(resolved: ResolvedCredentials): string | undefined {
  const entries = Object.entries(resolved.sources);
  if (entries.every(([, source]) => source === 'config' || source === 'prompt')) return undefined;
  return `Credentials: ${entries.map(([key, source]) => `${key} from ${source === 'config' ? 'the config' : source === 'prompt' ? 'the prompt' : source}`).join(', ')}.`;
}
