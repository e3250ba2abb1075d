import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runBuiltCli } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

// The start-up budget is about 2x `node -e 0`, so each command may load only what it uses. Timing belongs in
// `npm run bench`; what is loaded is exact and belongs here.
const probe = resolve(__dirname, 'support/loaded-modules-probe.cjs');
const clean = resolve(__dirname, 'fixtures/validate/clean.yml');

/** The packages (workspace or npm) whose files a CLI run loaded. */
function loadedPackages(args: string[]): Set<string> {
  const tree = tempTree();
  try {
    const list = join(tree.root, 'modules.txt');
    const run = runBuiltCli(args, { nodeArgs: ['-r', probe], env: { PMM_LOADED_MODULES_FILE: list } });
    expect(run.code === 0 || run.code === 1).toBe(true);
    const packages = new Set<string>();
    for (const file of readFileSync(list, 'utf8').split('\n')) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file) ?? /\/packages\/([^/]+)\//.exec(file);
      if (match?.[1]) packages.add(match[1].replace(/^@pmm-config\//, ''));
    }
    return packages;
  } finally {
    tree.remove();
  }
}

describe('what each command loads', () => {
  it.each([[['--help']], [['--version']], [['validate', '--help']], [['schema', '--path']]])('%j loads no lint engine, YAML parser or OAuth code', (args) => {
    const loaded = loadedPackages(args);
    for (const heavy of ['lint', 'yaml', 'oauth', 'tinyglobby']) expect([heavy, loaded.has(heavy)]).toEqual([heavy, false]);
  });

  it('validate on a plain file loads the lint engine but no OAuth code and no globber', () => {
    const loaded = loadedPackages(['validate', clean]);
    expect(loaded.has('lint')).toBe(true);
    for (const unused of ['oauth', 'tinyglobby']) expect([unused, loaded.has(unused)]).toEqual([unused, false]);
  });
});
