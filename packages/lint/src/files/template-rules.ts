import { type FileKind, type LintRule, renameKeySuggestion, replaceValueSuggestion, type RuleContext } from '@pmm-config/plugin';
import { didYouMean } from '../did-you-mean';
import { escapeToken } from '../pointer';
import { definitionsOf } from './definitions';
import { runName } from './definition-keys';
import { isProvided, layerNames, mentionedNames, selfSupplied, templateCalls, variableUses, type TemplateScope } from './templates';

/** What the run knows beyond the file itself, for the template rules. */
export interface TemplateAwareContext extends RuleContext {
  /** The templates the file can call; absent when the run could not tell. */
  readonly templates?: TemplateScope;
  /**
   * Names the config's file block (and library) supply as `template_variables`; absent when the file is linted
   * without its config, which could supply any name.
   */
  readonly configVariables?: ReadonlySet<string>;
}

/** `{Type}` in Kometa's template messages: metadata files report as `Collection` (reference kometa-files-deep.md §5.10). */
function dataType(kind: FileKind): string {
  if (kind === 'overlay') return 'Overlay';
  if (kind === 'playlist') return 'Playlist';
  return 'Collection';
}

/**
 * Attributes whose value Kometa keeps as text: a literal `<<var>>` left there only looks wrong. Everywhere else the
 * value is parsed (an ID, a number, an enum, a builder) and the definition fails.
 */
const TEXT_ATTRIBUTES = new Set(['summary', 'sort_title', 'name', 'name_mapping', 'url_poster', 'url_background', 'file_poster', 'file_background', 'label', 'append_label']);

/** `core/unknown-template`: a call naming a template that neither the file nor its external templates define. */
export function unknownTemplateRule(kind: FileKind): LintRule {
  return {
    id: 'core/unknown-template',
    description: 'A `template:` call must name a template defined in the file or in its external_templates.',
    check(context) {
      const scope = (context as TemplateAwareContext).templates;
      if (!scope || scope.incomplete) return;
      const names = [...scope.templates.keys()];
      for (const definition of definitionsOf(context.config, kind)) {
        for (const call of templateCalls(definition.body, definition.pointer)) {
          if (scope.templates.has(call.name)) continue;
          const suggestion = didYouMean(call.name, names);
          const kometa = names.length === 0 ? `${dataType(kind)} Error: No templates found` : `${dataType(kind)} Error: template ${call.name} not found`;
          context.report({
            severity: 'error',
            pointer: `${call.pointer}/name`,
            at: 'value',
            message: `Template \`${call.name}\` is defined neither in this file nor in its external templates: Kometa stops \`${definition.name}\` ("${kometa}").`,
            ...(suggestion ? { suggestions: [replaceValueSuggestion(`${call.pointer}/name`, suggestion)] } : {}),
            hint: suggestion ? `Did you mean \`${suggestion}\`?` : names.length > 0 ? `Templates here: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}.` : 'Define it under `templates:` or link the file that has it in `external_templates`.',
          });
        }
      }
    },
  };
}

/**
 * `core/unused-template-variable`: a variable passed in a call that the template never mentions reaches nothing;
 * Kometa ignores it silently, so a misspelt variable (`libaries`, Kometa#934) quietly falls back to defaults.
 */
export function unusedTemplateVariableRule(kind: FileKind): LintRule {
  return {
    id: 'core/unused-template-variable',
    description: 'Every variable passed in a `template:` call should be one the template uses.',
    check(context) {
      const scope = (context as TemplateAwareContext).templates;
      if (!scope) return;
      for (const definition of definitionsOf(context.config, kind)) {
        const calls = templateCalls(definition.body, definition.pointer);
        // A call list naming a template we cannot see may pass variables meant for it.
        if (calls.some((call) => !scope.templates.has(call.name))) continue;
        // With several templates in one call list, a variable may be meant for another of them.
        const mentionedByAny = calls.flatMap((call) => {
          const template = scope.templates.get(call.name);
          return template ? mentionedNames(template.body) : [];
        });
        for (const call of calls) {
          const template = scope.templates.get(call.name);
          if (!template) continue;
          const plain = [...selfSupplied(template.body), ...variableUses(template.body).map((use) => use.name)];
          for (const variable of Object.keys(call.variables)) {
            if (variable === 'name' || variable === 'default' || variable === 'conditionals' || variable.includes('<<') || isProvided(variable)) continue;
            if (mentionedByAny.some((pattern) => pattern.test(variable))) continue;
            const suggestion = didYouMean(variable, plain);
            context.report({
              severity: 'warning',
              pointer: `${call.pointer}/${escapeToken(variable)}`,
              message: `Template \`${call.name}\` (${template.where}) never uses \`${variable}\`, so Kometa ignores it.`,
              ...(suggestion ? { suggestions: [renameKeySuggestion(`${call.pointer}/${escapeToken(variable)}`, suggestion)] } : {}),
              hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Remove it, or use `<<' + variable + '>>` in the template.',
            });
          }
        }
      }
    },
  };
}

/**
 * `core/missing-template-variable`: a `<<variable>>` a called template uses that no layer supplies (the config's
 * `template_variables`, the call, the external block, `variables:`, the template's `default:`, `conditionals:`
 * or `optional:`) and Kometa does not provide. Kometa leaves the literal text in place (reference §5.5): where the
 * value is then parsed the definition fails (error); where it stays text, it only looks wrong (warning). Needs
 * the config, which could supply any variable, so a file linted on its own is not checked.
 */
export function missingTemplateVariableRule(kind: FileKind): LintRule {
  return {
    id: 'core/missing-template-variable',
    description: 'Every `<<variable>>` a called template uses must get a value from some layer.',
    check(context) {
      const { templates: scope, configVariables } = context as TemplateAwareContext;
      if (!scope || !configVariables) return;
      for (const definition of definitionsOf(context.config, kind)) {
        const ownKeys = new Set(Object.keys(definition.body));
        const definitionVariables = layerNames(Object.entries(definition.body).find(([key]) => key.toLowerCase() === 'variables')?.[1]);
        for (const call of templateCalls(definition.body, definition.pointer)) {
          const template = scope.templates.get(call.name);
          if (!template) continue;
          const supplied = new Set([...layerNames(call.variables), ...layerNames(template.blockVariables), ...definitionVariables, ...configVariables, ...selfSupplied(template.body)]);
          const reported = new Set<string>();
          for (const use of variableUses(template.body)) {
            // The definition's own attribute wins over the template's, whose text is then never used.
            if (ownKeys.has(use.attribute) || supplied.has(use.name) || isProvided(use.name) || reported.has(use.name)) continue;
            reported.add(use.name);
            const text = TEXT_ATTRIBUTES.has(runName(use.attribute));
            context.report({
              severity: text ? 'warning' : 'error',
              pointer: `${call.pointer}/name`,
              at: 'value',
              message: `Template \`${call.name}\` (${template.where}) uses \`<<${use.name}>>\` in \`${use.attribute}\`, but nothing gives it a value here: Kometa leaves the text \`<<${use.name}>>\` in place${text ? '' : `, and \`${definition.name}\` fails when it reads \`${use.attribute}\``}.`,
              hint: `Pass \`${use.name}: …\` in the call (or in \`template_variables\` of the config), give the template a \`default:\` for it, or list it under \`optional:\`.`,
            });
          }
        }
      }
    },
  };
}

/** The template rules of a kind that has definitions. */
export function templateRules(kind: FileKind): LintRule[] {
  return [unknownTemplateRule(kind), unusedTemplateVariableRule(kind), missingTemplateVariableRule(kind)];
}
