import type { CommandBody, CommandContext } from '../command-context';

interface SchemaArgs {
  readonly path: boolean;
}

/** `pmm-config schema`: print the config JSON Schema (for editors and other tools). */
export function schemaCommand(context: CommandContext): CommandBody<SchemaArgs> {
  return {
    builder: (yargs) =>
      yargs
        .option('path', { describe: 'print where the schema file is instead of its content', type: 'boolean', default: false })
        .example('$0 schema > config.schema.json', 'save the schema for an editor'),
    handler: (args) => {
      const { printSchema } = require('../schema/print') as typeof import('../schema/print');
      printSchema({ pathOnly: args.path }, context.io);
    },
  };
}
