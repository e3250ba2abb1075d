import { formatKey, formatScalar } from './scalar';
import type { EditMapping, EditValue } from './types';

/** True when the value is an (ordered) mapping rather than a scalar. */
export function isEditMapping(value: EditValue): value is EditMapping {
  return Array.isArray(value);
}

/** Block lines (no line breaks) for `mapping` with its keys at column `indent`; nested mappings step by `step`. */
export function renderMappingLines(mapping: EditMapping, indent: number, step: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [key, value] of mapping) {
    const head = `${pad}${formatKey(key)}:`;
    if (!isEditMapping(value)) {
      const scalar = formatScalar(value);
      lines.push(scalar === '' ? head : `${head} ${scalar}`);
    } else if (value.length === 0) {
      lines.push(`${head} {}`);
    } else {
      lines.push(head, ...renderMappingLines(value, indent + step, step));
    }
  }
  return lines;
}

/** The plain JavaScript value YAML reads back for an edit value (mappings become objects). */
export function toPlain(value: EditValue): unknown {
  if (!isEditMapping(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of value) out[key] = toPlain(child);
  return out;
}
