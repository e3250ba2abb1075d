import type { CommandBody, CommandContext } from '../command-context';

interface InitEditorArgs {
  readonly paths?: string[];
  readonly schema?: string;
  readonly modeline: boolean;
  readonly 'dry-run': boolean;
  readonly kind: (typeof EDITOR_KINDS)[number];
}

/** The schemas `init-editor` can map files to; kept here so `--help` loads no schema code. */
export const EDITOR_KINDS = ['config', 'collection', 'playlist', 'metadata', 'overlay'] as const;

/** `pmm-config init-editor [paths..]`: let VS Code (or any yaml-language-server editor) check configs as you type. */
export function initEditorCommand(context: CommandContext): CommandBody<InitEditorArgs> {
  return {
    builder: (yargs) =>
      yargs
        .positional('paths', { describe: 'config files or globs, relative to this folder', type: 'string', array: true })
        .option('modeline', {
          describe: 'print the "# yaml-language-server: $schema=…" line instead of editing settings; it points at the schema copy in .vscode/, which it writes (not with --schema or --dry-run)',
          type: 'boolean',
          default: false,
        })
        .option('schema', { describe: 'schema URL or path to use instead of a copy of the bundled schema', type: 'string', requiresArg: true })
        .option('dry-run', { describe: 'print the resulting settings.json (or the modeline) and write nothing', type: 'boolean', default: false })
        .option('kind', { describe: 'map the files to the schema of this kind of file (external template files are collection files)', choices: EDITOR_KINDS, default: 'config' as const })
        .example('$0 init-editor', 'map config.yml and config/config.yml to the schema in .vscode/settings.json')
        .example("$0 init-editor 'kometa/*.yml'", 'map other files')
        .example('$0 init-editor --modeline config/config.yml', 'print the modeline for one file and copy the schema it names')
        .example("$0 init-editor --kind collection 'config/collections/*.yml'", 'map collection files to the collection schema')
        .epilogue(
          'Run it at the root of your repository. It copies the schema of this pmm-config version to .vscode/pmm-config.schema.json ' +
            'and adds a yaml.schemas entry, keeping everything else in .vscode/settings.json as it is.',
        ),
    handler: async (args) => {
      const { runInitEditor } = require('../editor/init-editor') as typeof import('../editor/init-editor');
      context.setExitCode(await runInitEditor({ paths: args.paths ?? [], schema: args.schema, modeline: args.modeline, dryRun: args['dry-run'], kind: args.kind }, context.io));
    },
  };
}
