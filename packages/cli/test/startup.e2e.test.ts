import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runBuiltCli } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

// The start-up budget is about 2x `node -e 0`, so each command may load only what it uses. Timing belongs in
// `npm run bench`; what is loaded is exact and belongs here.
const probe = resolve(__dirname, 'support/loaded-modules-probe.cjs');
const fixtures = resolve(__dirname, 'fixtures/validate');
const clean = join(fixtures, 'clean.yml');

/** What a CLI run loaded: the packages (workspace or npm), the CLI's own files (relative to its dist/), and the schema package's. */
interface Loaded {
  readonly packages: ReadonlySet<string>;
  readonly cliFiles: ReadonlySet<string>;
  readonly schemaFiles: ReadonlySet<string>;
}

function loadedBy(args: string[], env: Record<string, string> = {}): Loaded {
  const tree = tempTree();
  try {
    const list = join(tree.root, 'modules.txt');
    const run = runBuiltCli(args, { nodeArgs: ['-r', probe], env: { ...env, PMM_LOADED_MODULES_FILE: list } });
    expect(run.code === 0 || run.code === 1).toBe(true);
    const packages = new Set<string>();
    const cliFiles = new Set<string>();
    const schemaFiles = new Set<string>();
    for (const file of readFileSync(list, 'utf8').split('\n')) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file) ?? /\/packages\/([^/]+)\//.exec(file);
      if (match?.[1]) packages.add(match[1].replace(/^@pmm-config\//, ''));
      const cliFile = /\/packages\/cli\/dist\/(.+)\.js$/.exec(file);
      if (cliFile?.[1]) cliFiles.add(cliFile[1]);
      const schemaFile = /\/packages\/schema\/dist\/(.+)\.js(on)?$/.exec(file);
      if (schemaFile?.[1]) schemaFiles.add(schemaFile[1]);
    }
    return { packages, cliFiles, schemaFiles };
  } finally {
    tree.remove();
  }
}

/** Each name paired with whether it was loaded, so that a failing expectation names the culprit. */
function presence(names: readonly string[], loaded: ReadonlySet<string>): [string, boolean][] {
  return names.map((name) => [name, loaded.has(name)]);
}
const none = (names: readonly string[]): [string, boolean][] => names.map((name) => [name, false]);

describe('what each command loads', () => {
  const commandModules = ['commands/validate', 'commands/schema', 'commands/auth', 'commands/init-editor', 'commands/completion'];

  it.each([[['--help']], [['--version']]])('%j loads yargs and no command, engine, schema or plugin code', (args) => {
    const { packages, cliFiles } = loadedBy(args);
    expect(packages.has('yargs')).toBe(true);
    const heavy = ['lint', 'schema', 'yaml', 'plugin', 'provider-trakt', 'provider-mal', 'oauth', 'config-edit', 'tinyglobby'];
    expect(presence(heavy, packages)).toEqual(none(heavy));
    expect(presence(commandModules, cliFiles)).toEqual(none(commandModules));
  });

  it.each([[['validate', '--help']], [['schema', '--path']]])('%j loads no lint engine, YAML parser or OAuth code, nor other commands', (args) => {
    const { packages, cliFiles } = loadedBy(args);
    const heavy = ['lint', 'yaml', 'oauth', 'config-edit', 'tinyglobby'];
    expect(presence(heavy, packages)).toEqual(none(heavy));
    const others = commandModules.filter((name) => name !== `commands/${args[0]}`);
    expect(presence(others, cliFiles)).toEqual(none(others));
  });

  it('validate on a plain file loads the lint engine but no OAuth code, globber, report-file writer or GitHub output', () => {
    const { packages, cliFiles } = loadedBy(['validate', clean]);
    expect(packages.has('lint')).toBe(true);
    const unused = ['oauth', 'config-edit', 'tinyglobby'];
    expect(presence(unused, packages)).toEqual(none(unused));
    const unusedFiles = ['github/publish', 'github/report-file', 'commands/auth', 'auth/options'];
    expect(presence(unusedFiles, cliFiles)).toEqual(none(unusedFiles));
  });

  it('validate on a config that links no file and no default loads no linked-file schema, catalogue or defaults data', () => {
    const tree = tempTree({ 'config.yml': 'libraries:\n  Movies:\n    operations:\n      assets_for_all: true\ntmdb:\n  apikey: <<TMDB_APIKEY>>\nplex:\n  url: http://plex:32400\n  token: <<PLEX_TOKEN>>\n' });
    try {
      const { schemaFiles } = loadedBy(['validate', join(tree.root, 'config.yml')]);
      expect(schemaFiles.has('config-validator.generated')).toBe(true);
      const unused = ['collection-validator.generated', 'playlist-validator.generated', 'overlay-validator.generated', 'files/catalogue/index', 'files/normalize', 'defaults'];
      expect(presence(unused, schemaFiles)).toEqual(none(unused));
      // the positive side: a config with `default:` blocks reads the defaults data
      expect(loadedBy(['validate', clean]).schemaFiles.has('defaults')).toBe(true);
    } finally {
      tree.remove();
    }
  });

  it('validate on a collection file loads its validator and the catalogue, but not the playlist or overlay one', () => {
    const { schemaFiles } = loadedBy(['validate', resolve(__dirname, 'fixtures/linked/config/shared.yml')]);
    expect(presence(['collection-validator.generated', 'files/catalogue/index', 'playlist-validator.generated', 'overlay-validator.generated'], schemaFiles)).toEqual([
      ['collection-validator.generated', true],
      ['files/catalogue/index', true],
      ['playlist-validator.generated', false],
      ['overlay-validator.generated', false],
    ]);
  });

  it('validate on an overlay file loads the overlay validator only', () => {
    const tree = tempTree({ 'overlays.yml': 'overlays:\n  4K:\n    overlay: {name: 4K}\n    plex_all: true\n' });
    try {
      const { schemaFiles } = loadedBy(['validate', join(tree.root, 'overlays.yml')]);
      expect(presence(['overlay-validator.generated', 'collection-validator.generated'], schemaFiles)).toEqual([
        ['overlay-validator.generated', true],
        ['collection-validator.generated', false],
      ]);
    } finally {
      tree.remove();
    }
  });

  it('validate on a folder walks it without the globber', () => {
    expect(loadedBy(['validate', fixtures]).packages.has('tinyglobby')).toBe(false);
  });

  // The positive side of the checks above: the probe does see a module that a run needs.
  it('validate loads the globber for a glob, the report-file writer for --output and the GitHub output in Actions', () => {
    const tree = tempTree();
    try {
      expect(loadedBy(['validate', `${fixtures}/clea*.yml`]).packages.has('tinyglobby')).toBe(true);
      expect(loadedBy(['validate', clean, '--output', join(tree.root, 'report.json'), '--format', 'json']).cliFiles.has('github/report-file')).toBe(true);
      expect(loadedBy(['validate', clean], { GITHUB_ACTIONS: 'true' }).cliFiles.has('github/publish')).toBe(true);
    } finally {
      tree.remove();
    }
  });
});
