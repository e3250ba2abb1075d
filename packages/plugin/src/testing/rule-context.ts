import { isConfigPlaceholder } from '../placeholder';
import { resolvePointer } from '../pointer';
import type { LinkedFile, RuleContext, RuleReport, ScalarStyle } from '../rule';

/** Options for {@link createTestRuleContext}. Only `config` is required. */
export interface TestRuleContextOptions {
  readonly config: unknown;
  readonly file?: string;
  /** Scalar styles by pointer; a scalar not listed is `plain` (strings, numbers, booleans, null). */
  readonly scalarStyles?: Readonly<Record<string, ScalarStyle>>;
  readonly linkedFiles?: readonly LinkedFile[];
  readonly now?: Date;
}

/** A {@link RuleContext} over plain data that records what rules report, for unit-testing rules without the lint engine. */
export interface TestRuleContext extends RuleContext {
  readonly reports: RuleReport[];
}

/**
 * Builds a rule context from already-parsed data. It follows the engine's contract (pointer lookups, blank
 * values as `null`, placeholders, lazily listed linked files) but has no source positions: tests assert on
 * the reported pointer, severity and message.
 */
export function createTestRuleContext(options: TestRuleContextOptions): TestRuleContext {
  const reports: RuleReport[] = [];
  const now = options.now ?? new Date('2026-11-28T12:00:00Z');
  return {
    config: options.config,
    file: options.file ?? 'config.yml',
    reports,
    get: (pointer) => resolvePointer(options.config, pointer).value,
    has: (pointer) => resolvePointer(options.config, pointer).found,
    scalarStyle(pointer) {
      const { found, value } = resolvePointer(options.config, pointer);
      if (!found || (value !== null && typeof value === 'object')) return undefined;
      return options.scalarStyles?.[pointer] ?? 'plain';
    },
    isPlaceholder: isConfigPlaceholder,
    linkedFiles: () => options.linkedFiles ?? [],
    now: () => new Date(now.getTime()),
    report: (report) => {
      reports.push(report);
    },
  };
}
