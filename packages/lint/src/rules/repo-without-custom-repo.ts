import type { LintRule } from '@pmm-config/plugin';
import { fileBlocks, isMapping, isSet } from './config-walk';

/** `core/repo-without-custom-repo`: a `repo:` file block needs `settings.custom_repo`. */
export const repoWithoutCustomRepo: LintRule = {
  id: 'core/repo-without-custom-repo',
  description: '`repo:` file blocks are read from settings.custom_repo; without it Kometa cannot load them.',
  check(context) {
    if (isSet(context.get('/settings/custom_repo'))) return;
    for (const block of fileBlocks(context.config)) {
      if (!isMapping(block.entry) || !isSet(block.entry.repo)) continue;
      context.report({
        severity: 'error',
        pointer: `${block.pointer}/repo`,
        message: '`repo:` needs `settings.custom_repo`, which is not set: Kometa fails this file with "No custom_repo defined".',
        hint: 'Set `custom_repo:` under `settings` to the base URL of your repository, or use `file:`/`url:` instead.',
      });
    }
  },
};
