import type { Diagnostic, LinkedFile, LintRule, RuleContext, RuleReport, ScalarStyle } from '@pmm-config/plugin';
import { REFUSAL_NOTES, resolveFixes, writtenSpan } from './fix/resolve';
import { isPlaceholder } from './placeholder';
import { resolvePointer } from './pointer';
import { locate, toRange } from './yaml/locate';
import type { ParsedConfig } from './yaml/parse';

/** The rule context plus the engine's view of what was reported. */
export interface EngineContext extends RuleContext {
  /** Runs one rule, tagging its reports with its id. */
  run(rule: LintRule): void;
  /** Runs a check whose reports carry `ruleId` (builder services), with the same crash guard as rules. */
  runAs(ruleId: string, check: () => void): void;
  readonly diagnostics: Diagnostic[];
}

export interface ContextInput {
  readonly parsed: ParsedConfig;
  readonly file: string;
  readonly now: () => Date;
  readonly linkedFiles: () => readonly LinkedFile[];
}

/** Builds the one RuleContext that core and plugin rules share. */
export function createContext({ parsed, file, now, linkedFiles }: ContextInput): EngineContext {
  let currentRule = 'internal/unknown';
  let linked: readonly LinkedFile[] | undefined;
  const diagnostics: Diagnostic[] = [];

  const position = (report: RuleReport): Diagnostic => {
    const span = locate(parsed.map, parsed.source, report.pointer, report.at ?? 'key');
    const { fix, suggestions, refused } = report.fix || report.suggestions ? resolveFixes(parsed.map, report.pointer, report.fix, report.suggestions) : {};
    const hint = refused ? [report.hint, REFUSAL_NOTES[refused]].filter(Boolean).join(' ') : report.hint;
    return {
      rule: currentRule,
      severity: report.severity,
      message: report.message,
      pointer: report.pointer,
      ...toRange(parsed.lines, span),
      ...(hint ? { hint } : {}),
      ...(fix ? { fix } : {}),
      ...(suggestions ? { suggestions } : {}),
    };
  };

  return {
    config: parsed.data,
    file,
    diagnostics,
    get: (pointer) => resolvePointer(parsed.data, pointer).value,
    has: (pointer) => resolvePointer(parsed.data, pointer).found,
    source: parsed.source,
    span: (pointer, at) => writtenSpan(parsed.map, pointer, at),
    scalarStyle: (pointer): ScalarStyle | undefined => parsed.map.entries.get(pointer)?.style,
    isPlaceholder,
    linkedFiles: () => (linked ??= linkedFiles()),
    now,
    report: (report) => {
      diagnostics.push(position(report));
    },
    run(rule) {
      this.runAs(rule.id, () => rule.check(this));
    },
    runAs(ruleId, check) {
      currentRule = ruleId;
      try {
        check();
      } catch (cause) {
        currentRule = 'internal/rule-crashed';
        diagnostics.push(
          position({
            severity: 'error',
            pointer: '',
            message: `Rule \`${ruleId}\` crashed (${cause instanceof Error ? cause.name : 'error'}); its checks were skipped.`,
            hint: 'This is a bug in the rule, not in your config: run with --debug and report it to the rule’s author.',
          }),
        );
      }
    },
  };
}
