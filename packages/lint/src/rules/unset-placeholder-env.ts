import { findKometaSecret, kometaPlaceholdersIn, parsePointer, type KometaPlaceholder, type LintRule } from '@pmm-config/plugin';
import { escapeToken } from '../pointer';

export const UNSET_PLACEHOLDER_ENV_RULE = 'core/unset-placeholder-env';

/** The environment `--check-env` checks against; variable values are never read into a message. */
export type KometaEnv = Readonly<Record<string, string | undefined>>;

/** Every text value with its pointer; `template_variables` are passed on as written (Kometa does not substitute there). */
function textValues(config: unknown): { pointer: string; text: string }[] {
  const found: { pointer: string; text: string }[] = [];
  const stack: { value: unknown; pointer: string }[] = [{ value: config, pointer: '' }];
  while (stack.length > 0) {
    const { value, pointer } = stack.pop() as (typeof stack)[number];
    if (typeof value === 'string') found.push({ pointer, text: value });
    else if (Array.isArray(value)) value.forEach((item, index) => stack.push({ value: item, pointer: `${pointer}/${index}` }));
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) if (key !== 'template_variables') stack.push({ value: child, pointer: `${pointer}/${escapeToken(key)}` });
    }
  }
  return found.reverse();
}

function messageFor(where: string, placeholder: KometaPlaceholder): { message: string; hint: string } {
  const written = `<<${placeholder.written}>>`;
  if (placeholder.variable === undefined || placeholder.key === undefined) {
    const upper = placeholder.written.toUpperCase().replace(/-/g, '_');
    return {
      message: `\`${where}\` uses ${written}, which no KOMETA_ variable fills: Kometa matches <<${upper}>> or <<${upper.toLowerCase().replace(/_/g, '-')}>> only.`,
      hint: `Write it as <<${upper}>> and set KOMETA_${upper} where Kometa runs.`,
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
      for (const { pointer, text } of textValues(context.config)) {
        const seen = new Set<string>();
        for (const placeholder of kometaPlaceholdersIn(text)) {
          if (seen.has(placeholder.written) || findKometaSecret(placeholder, env) !== undefined) continue;
          seen.add(placeholder.written);
          context.report({ severity: 'info', pointer, at: 'value', ...messageFor(parsePointer(pointer).join('.'), placeholder) });
        }
      }
    },
  };
}
