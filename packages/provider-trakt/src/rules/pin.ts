import { authCommand, type LintRule } from '@pmm-config/plugin';
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
    context.report({
      severity: 'warning',
      pointer: '/trakt/pin',
      at: 'value',
      message: `\`trakt.pin\` loads as ${describeType(pin)}, not text: an unquoted PIN can turn into a number and no longer match.`,
      hint: `Put the PIN in quotes (pin: "…"), or better run \`${authCommand('trakt', context.file)}\`, which needs no PIN.`,
    });
  },
};
