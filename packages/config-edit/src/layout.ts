import { isMap } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import { rangeOf } from './document';
import { columnAt } from './text';

const DEFAULT_INDENT_STEP = 2;

/** Indent step of the file: how far the first block-mapping section indents its keys (2 when none does). */
export function indentStepOf(body: string, root: YAMLMap): number {
  const rootColumn = columnAt(body, rangeOf(root)[0]);
  for (const item of root.items) {
    const value = item.value as Node | null;
    if (isMap(value) && !value.flow && value.items.length > 0) {
      const step = columnAt(body, rangeOf(value)[0]) - rootColumn;
      if (step > 0) return step;
    }
  }
  return DEFAULT_INDENT_STEP;
}

export { DEFAULT_INDENT_STEP };
