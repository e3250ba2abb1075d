import { authCommand, type LintRule, type RuleContext, type RuleFix } from '@pmm-config/plugin';
import { TRAKT_DOCS_URL } from './links';
import { describeType } from './values';

/** An unquoted PIN such as `12345678` or `1e100000` loads as a number (or `inf`), which Trakt rejects. */
export const pinTypeRule: LintRule = {
  id: 'trakt/pin-type',
  description: 'trakt.pin must be a quoted string',
  docsUrl: TRAKT_DOCS_URL,
  check(context) {
    if (!context.has('/trakt/pin')) return;
    const pin = context.get('/trakt/pin');
    if (pin === null || typeof pin === 'string' || context.isPlaceholder(pin)) return;
    const fix = quotingFix(context);
    context.report({
      severity: 'warning',
      pointer: '/trakt/pin',
      at: 'value',
      ...(fix ? { fix } : {}),
      message: `\`trakt.pin\` loads as ${describeType(pin)}, not text: an unquoted PIN can turn into a number and no longer match.`,
      hint: `Put the PIN in quotes (pin: "…"), or better run \`${authCommand('trakt', context.file)}\`, which needs no PIN.`,
    });
  },
};

/**
 * Quotes the PIN where it is written: two insertions, so the fix never spells out the PIN (json and SARIF print
 * edits). Only a plain one-word value is quoted; anything else is left to the user.
 */
function quotingFix(context: RuleContext): RuleFix | undefined {
  const span = context.span?.('/trakt/pin', 'value');
  if (!span || context.source === undefined || context.scalarStyle('/trakt/pin') !== 'plain') return undefined;
  if (!/^[\w.+-]+$/.test(context.source.slice(span[0], span[1]))) return undefined;
  return {
    edits: [
      { start: span[0], end: span[0], text: '"' },
      { start: span[1], end: span[1], text: '"' },
    ],
  };
}
