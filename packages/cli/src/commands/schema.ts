import type { CommandBody, CommandContext } from '../command-context';

/** The schemas `pmm-config schema` can print; kept here so `--help` loads no schema code. */
export const SCHEMA_KINDS = ['config', 'collection', 'playlist', 'metadata', 'overlay'] as const;

interface SchemaArgs {
  readonly path: boolean;
  readonly kind: (typeof SCHEMA_KINDS)[number];
}

/** `pmm-config schema`: print a published JSON Schema (for editors and other tools). */
export function schemaCommand(context: CommandContext): CommandBody<SchemaArgs> {
  return {
    builder: (yargs) =>
      yargs
        .option('kind', { describe: 'which file kind: the config, or a file it links (external template files are collection files)', choices: SCHEMA_KINDS, default: 'config' as const })
        .option('path', { describe: 'print where the schema file is instead of its content', type: 'boolean', default: false })
        .example('$0 schema > config.schema.json', 'save the config schema for an editor')
        .example('$0 schema --kind collection > collection.schema.json', 'the schema of collection files'),
    handler: (args) => {
      const { printSchema } = require('../schema/print') as typeof import('../schema/print');
      printSchema({ pathOnly: args.path, kind: args.kind }, context.io);
    },
  };
}
