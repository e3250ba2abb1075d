import type { Argv } from 'yargs';
import type { CommandBody, CommandContext } from '../command-context';
import type { PluginArgs } from '../plugins/options';
import { pluginOptions } from '../plugins/options';
import { restoreStdinArg } from '../stdin-arg';

/**
 * The Kometa version the defaults data describes (`@pmm-config/schema` dist/defaults.json); kept here so
 * `--help` loads no data (a unit test keeps them equal).
 */
export const KOMETA_DATA_VERSION = '2.4.4-build33';

/** The `--format` choices; kept here so `--help` needs no lint engine (a unit test keeps it equal to lint's `formatNames`). */
export const VALIDATE_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;

/** The `--kind` choices: every kind of file Kometa reads. */
export const VALIDATE_KINDS = ['config', 'collection', 'template', 'overlay', 'metadata', 'playlist'] as const;

/** Parsed `validate` arguments. */
export interface ValidateArgs {
  readonly paths?: string[];
  /** Paths after `--`, which may start with `-` (`validate -- -odd-name.yml`). */
  readonly '--'?: (string | number)[];
  /** Absent when not given: stylish, plus GitHub annotations and a step summary inside GitHub Actions. */
  readonly format?: (typeof VALIDATE_FORMATS)[number];
  readonly output?: string;
  readonly 'stdin-filepath'?: string;
  readonly 'max-warnings'?: number;
  readonly strict: boolean;
  readonly quiet: boolean;
  readonly color?: boolean;
  readonly debug?: boolean;
  /** `--no-follow` sets it false: only the named files are linted. */
  readonly follow: boolean;
  readonly kind?: (typeof VALIDATE_KINDS)[number];
  readonly 'kometa-version'?: string;
  readonly 'check-env': boolean;
  readonly fix: boolean;
  readonly 'fix-dry-run': boolean;
}

/** Adds `validate`'s own options; other option groups (such as plugin loading) compose around it. */
export function validateOptions<T>(yargs: Argv<T>): Argv<T & ValidateArgs> {
  return yargs
    // `--` ends the options, not the paths: without this yargs files what follows it nowhere.
    .parserConfiguration({ 'populate--': true })
    .positional('paths', {
      describe: 'config files, folders, globs, or - for stdin',
      type: 'string',
      array: true,
    })
    .option('format', {
      alias: 'f',
      describe: 'output format (in GitHub Actions the default also emits annotations and a step summary)',
      choices: VALIDATE_FORMATS,
      defaultDescription: 'stylish',
    })
    .option('output', {
      alias: 'o',
      describe: 'write the --format report to this file; the terminal gets the readable report',
      type: 'string',
      requiresArg: true,
    })
    .option('stdin-filepath', {
      describe: 'name to report stdin as; linked files are resolved from its folder',
      type: 'string',
      requiresArg: true,
    })
    .option('max-warnings', {
      describe: 'fail (exit 1) when there are more warnings than this',
      type: 'number',
      requiresArg: true,
    })
    .option('strict', { describe: 'fail (exit 1) on any warning', type: 'boolean', default: false })
    .option('quiet', { alias: 'q', describe: 'report errors only', type: 'boolean', default: false })
    .option('fix', { describe: 'apply the certain fixes to the files (byte-preserving, atomic), then report what is left', type: 'boolean', default: false })
    .option('fix-dry-run', { describe: 'print the fixes as a unified diff (secrets masked) and write nothing', type: 'boolean', default: false })
    .option('color', { describe: 'force colour on or off (default: on a terminal, honouring NO_COLOR and FORCE_COLOR)', type: 'boolean' })
    .option('follow', { describe: 'also lint the local files a config links to (--no-follow: only the named files)', type: 'boolean', default: true })
    .option('kind', { describe: 'the kind of every named file, instead of the one its top-level keys show', choices: VALIDATE_KINDS })
    .option('kometa-version', {
      describe: "the Kometa version the config is for; for one newer than pmm-config knows, unknown defaults and template variables are only info",
      type: 'string',
      requiresArg: true,
      defaultDescription: KOMETA_DATA_VERSION,
    })
    .option('check-env', {
      describe: 'note (info) each <<NAME>> Config Secret whose KOMETA_NAME variable is not set here (off by default: CI rarely has them)',
      type: 'boolean',
      default: false,
    })
    .check((args) => {
      if (args.fix && args['fix-dry-run']) throw new Error('--fix and --fix-dry-run exclude each other: choose one');
      const max = args['max-warnings'];
      if (max !== undefined && (!Number.isInteger(max) || max < -1)) {
        throw new Error('--max-warnings needs a whole number, 0 or more (-1 for no limit)');
      }
      return true;
    })
    .example('$0 validate', 'check ./config.yml or ./config/config.yml')
    .example('$0 validate config/ --strict', 'check every Kometa config below config/, failing on warnings')
    .example("$0 validate 'configs/**/*.yml' -f sarif -o results.sarif", 'SARIF for code scanning, readable report on the terminal')
    .example('$0 validate --fix', 'apply the certain fixes (legacy keys, unquoted PINs, secrets and templates)')
    .example('$0 validate --fix-dry-run > fixes.patch', 'show what --fix would change as a diff')
    .example('cat config.yml | $0 validate - --stdin-filepath config/config.yml', 'check text from stdin')
    .example('$0 validate --check-env', 'where Kometa runs: are the KOMETA_* variables for every <<NAME>> set?')
    .epilogue(
      // One string per paragraph: yargs wraps each to the help width, where hard line breaks left ragged lines.
      [
        'With no path, checks config.yml and config/config.yml in the current folder. A config is checked together with the local files it links (collection_files, overlay_files, metadata_files, playlist_files, image_files and their external_templates); remote ones (default, url, git, repo) are never fetched. Each file is reported once, with the link that reached it.',
        'A file named on its own gets its kind from its top-level keys (or --kind); checks that need its config are then skipped. A folder is searched recursively for the *.yml/*.yaml files Kometa reads (configs, collection, overlay, metadata and playlist files), skipping node_modules and dot-folders. Files named explicitly or matched by a glob are always checked; a glob that matches nothing is an error. Everything after -- is a path, even when it starts with - (a lone - still means stdin).',
        'Exit codes: 0 no errors; 1 errors (or warnings with --strict or over --max-warnings); 2 usage error, unreadable input or internal failure.',
      ].join('\n\n'),
    ) as unknown as Argv<T & ValidateArgs>;
}

/** `pmm-config validate [paths..]`: lint Kometa configs. */
export function validateCommand(context: CommandContext): CommandBody<ValidateArgs & PluginArgs> {
  return {
    builder: (yargs) => pluginOptions(validateOptions(yargs)),
    handler: async (args) => {
      // Loaded here, not at the top, so that `--help` and other commands never pay for the lint engine.
      const { runValidate } = require('../validate/run') as typeof import('../validate/run');
      const { builtinPlugins } = require('../plugins/registry') as typeof import('../plugins/registry');
      const { loadPlugins, projectDirFor } = require('../plugins/load') as typeof import('../plugins/load');
      const paths = [...(args.paths ?? []), ...(args['--'] ?? []).map(String)].map(restoreStdinArg);
      const plugins = await loadPlugins({ specifiers: args.plugin ?? [], cwd: context.io.cwd, configDir: projectDirFor(paths, context.io.cwd), builtins: builtinPlugins });
      context.setExitCode(
        await runValidate(
          {
            paths,
            stdinFilepath: args['stdin-filepath'],
            format: args.format ?? 'stylish',
            formatGiven: args.format !== undefined,
            output: args.output,
            maxWarnings: args['max-warnings'],
            strict: args.strict,
            quiet: args.quiet,
            color: args.color,
            follow: args.follow,
            ...(args.kind ? { kind: args.kind } : {}),
            plugins,
            toolVersion: context.version,
            debug: args.debug === true,
            ...(args['kometa-version'] !== undefined ? { kometaVersion: args['kometa-version'].trim() } : {}),
            ...(args['check-env'] ? { checkEnv: true } : {}),
            ...(args.fix ? { fix: 'apply' as const } : args['fix-dry-run'] ? { fix: 'dry-run' as const } : {}),
          },
          context.io,
        ),
      );
    },
  };
}
