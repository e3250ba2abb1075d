import { fillableSpelling, findKometaSecret, kometaPlaceholdersIn, type KometaPlaceholder, type LintRule } from '@pmm-config/plugin';
import { configScalars, dottedPath } from './config-walk';

export const UNSET_PLACEHOLDER_ENV_RULE = 'core/unset-placeholder-env';

/** The environment `--check-env` checks against; variable values are never read into a message. */
export type KometaEnv = Readonly<Record<string, string | undefined>>;

function messageFor(where: string, placeholder: KometaPlaceholder): { message: string; hint: string } {
  const written = `<<${placeholder.written}>>`;
  if (placeholder.variable === undefined || placeholder.key === undefined) {
    const fillable = fillableSpelling(placeholder);
    return {
      message: `\`${where}\` uses ${written}, which no KOMETA_ variable fills: Kometa matches <<${fillable.written}>> or <<${fillable.key}>> only.`,
      hint: `Write it as <<${fillable.written}>> and set ${fillable.variable} where Kometa runs.`,
    };
  }
  return {
    message: `\`${where}\` uses ${written}, but ${placeholder.variable} is not set in this environment.`,
    hint: `Kometa fills it from ${placeholder.variable} (or --kometa-${placeholder.key}); without it the placeholder stays, and a value that is only the placeholder is read as blank.`,
  };
}

/**
 * `core/unset-placeholder-env`, only with `validate --check-env`: a `<<NAME>>` Config Secret whose variable is not
 * set where pmm-config runs. Off by default: CI rarely has the secrets Kometa's host has. Without `env` it checks nothing.
 */
export function unsetPlaceholderEnvRule(env: KometaEnv | undefined): LintRule {
  return {
    id: UNSET_PLACEHOLDER_ENV_RULE,
    description: 'With --check-env: a <<NAME>> Config Secret needs KOMETA_NAME set, or Kometa reads the value without it.',
    check(context) {
      if (env === undefined) return;
      for (const { pointer, value } of configScalars(context.config)) {
        if (typeof value !== 'string') continue;
        const seen = new Set<string>();
        for (const placeholder of kometaPlaceholdersIn(value)) {
          if (seen.has(placeholder.written) || findKometaSecret(placeholder, env) !== undefined) continue;
          seen.add(placeholder.written);
          context.report({ severity: 'info', pointer, at: 'value', ...messageFor(dottedPath(pointer), placeholder) });
        }
      }
    },
  };
}
