import type { LintRule, RuleContext } from '@pmm-config/plugin';
import { localLinks, type LinkResolver } from '../linked-files';

/** The core engine's context also offers file lookups; absent for stdin or without a host. */
export interface FileAwareContext extends RuleContext {
  readonly links?: LinkResolver;
}

/** `core/missing-linked-file`: local `file:`/`folder:`/path entries that do not exist. */
export const missingLinkedFile: LintRule = {
  id: 'core/missing-linked-file',
  description: 'Local files and folders linked from collection/metadata/overlay/image/playlist file blocks must exist.',
  check(context) {
    const links = (context as FileAwareContext).links;
    if (!links) return;
    for (const link of localLinks(context.config)) {
      const resolved = links.resolve(link);
      if (resolved.status === 'missing') {
        context.report({
          severity: 'warning',
          pointer: link.pointer,
          at: 'value',
          message: `${link.kind === 'file' ? 'File' : 'Folder'} \`${link.target}\` does not exist (looked for ${resolved.tried}); Kometa reports "${link.kind === 'file' ? 'Path not found' : 'Folder not found'}" and skips it.`,
          hint: 'Paths are relative to the folder of config.yml; `/config/…` is that folder inside Docker.',
        });
      } else if (resolved.status === 'found' && resolved.kind === 'directory' && links.yamlFilesIn(resolved.path).length === 0) {
        context.report({
          severity: 'warning',
          pointer: link.pointer,
          at: 'value',
          message: `Folder \`${link.target}\` has no .yml or .yaml files; Kometa loads nothing from it.`,
        });
      }
    }
  },
};
