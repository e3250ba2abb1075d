import { isConfigPlaceholder } from '@pmm-config/plugin';
import type { AuthProvider, CredentialField } from '@pmm-config/plugin';
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

/** Resolved credentials and what the config is missing (so we can offer to save them). */
export interface ResolvedCredentials {
  readonly values: Readonly<Record<string, string>>;
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

/**
 * Credentials from flags, then env, then the config, then a prompt (terminal only). A placeholder in the
 * config is never used as a value. Missing input without a terminal is one line naming the flag and env var.
 */
export async function resolveCredentials(provider: AuthProvider, configKey: string, sources: CredentialSources): Promise<ResolvedCredentials> {
  const values: Record<string, string> = {};
  const notInConfig: CredentialField[] = [];
  for (const field of provider.credentials) {
    const fromConfig = configValue(sources.section, field.key);
    const usableInConfig = isConfigPlaceholder(fromConfig) ? undefined : nonBlank(fromConfig);
    if (usableInConfig === undefined && !isConfigPlaceholder(fromConfig)) notInConfig.push(field);
    const value = nonBlank(sources.flags[field.flag]) ?? nonBlank(sources.env[field.env]) ?? usableInConfig ?? (sources.ask ? nonBlank(await sources.ask(field)) : undefined);
    if (value === undefined) {
      const where = isConfigPlaceholder(fromConfig) ? `${configKey}.${field.key} is a placeholder pmm-config cannot resolve` : `${configKey}.${field.key} is not set`;
      throw new AuthCommandError(
        'AUTH_MISSING_INPUT',
        `missing ${field.label} (${where}): pass --${field.flag} or set ${field.env}${field.help ? `; get it ${field.help}` : ''}`,
      );
    }
    values[field.key] = value;
  }
  return { values, notInConfig };
}
