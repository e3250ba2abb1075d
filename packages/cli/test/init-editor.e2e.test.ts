import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runBuiltCli } from './support/run-built-cli';
import { tempTree } from './support/temp-dir';

const schemaFile = join(repoRoot, 'packages/schema/dist/config.schema.json');
const SCHEMA_REF = './.vscode/pmm-config.schema.json';

/** The mode a shared file (0644) gets under this process's umask, which the spawned CLI inherits. */
function sharedModeHere(folder: string): number {
  const probe = join(folder, '.umask-probe');
  writeFileSync(probe, '', { mode: 0o666 });
  return statSync(probe).mode & 0o644;
}
const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('pmm-config init-editor', () => {
  const trees: { remove(): void }[] = [];
  const folder = (files: Record<string, string> = {}) => {
    const tree = tempTree(files);
    trees.push(tree);
    return tree.root;
  };
  afterAll(() => trees.forEach((tree) => tree.remove()));

  it('creates .vscode/settings.json and a copy of the schema of this version', () => {
    const root = folder({ 'config/config.yml': 'libraries: {}\n' });
    const run = runBuiltCli(['init-editor'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Created .vscode/settings.json: yaml.schemas maps ${SCHEMA_REF} to /config.yml, /config/config.yml.`);
    expect(JSON.parse(readFileSync(join(root, '.vscode/settings.json'), 'utf8'))).toEqual({ 'yaml.schemas': { [SCHEMA_REF]: ['/config.yml', '/config/config.yml'] } });
    expect(readFileSync(join(root, '.vscode/pmm-config.schema.json'), 'utf8')).toBe(readFileSync(schemaFile, 'utf8'));
  });

  it('writes the schema copy and a new settings.json with the usual mode (0644 less the umask): they are not secrets', () => {
    const root = folder();
    expect(runBuiltCli(['init-editor'], { cwd: root }).code).toBe(0);
    expect(modeOf(join(root, '.vscode/pmm-config.schema.json'))).toBe(sharedModeHere(root));
    expect(modeOf(join(root, '.vscode/settings.json'))).toBe(sharedModeHere(root));
  });

  it('maps linked files to the schema of their kind with --kind, next to the config mapping', () => {
    const root = folder({ 'config/config.yml': 'libraries: {}\n' });
    expect(runBuiltCli(['init-editor'], { cwd: root }).code).toBe(0);
    const run = runBuiltCli(['init-editor', '--kind', 'collection', 'config/collections/*.yml'], { cwd: root });
    expect(run.code).toBe(0);
    const collectionRef = './.vscode/pmm-config.collection.schema.json';
    expect(JSON.parse(readFileSync(join(root, '.vscode/settings.json'), 'utf8'))['yaml.schemas']).toEqual({
      [SCHEMA_REF]: ['/config.yml', '/config/config.yml'],
      [collectionRef]: ['/config/collections/*.yml'],
    });
    expect(readFileSync(join(root, '.vscode/pmm-config.collection.schema.json'), 'utf8')).toBe(readFileSync(join(repoRoot, 'packages/schema/dist/collection.schema.json'), 'utf8'));
    const modeline = runBuiltCli(['init-editor', '--kind', 'metadata', '--modeline', 'config/metadata.yml'], { cwd: root });
    expect(modeline.stdout).toBe('# yaml-language-server: $schema=../.vscode/pmm-config.metadata.schema.json\n');
    const overlay = runBuiltCli(['init-editor', '--kind', 'overlay', '--modeline', 'config/overlays/*.yml'], { cwd: root });
    expect(overlay).toMatchObject({ code: 0, stdout: '# yaml-language-server: $schema=../../.vscode/pmm-config.overlay.schema.json\n' });
    expect(readFileSync(join(root, '.vscode/pmm-config.overlay.schema.json'), 'utf8')).toBe(readFileSync(join(repoRoot, 'packages/schema/dist/overlay.schema.json'), 'utf8'));
  });

  it('asks which files with --kind and no path (linked files have no usual place): exit 2, one line', () => {
    const run = runBuiltCli(['init-editor', '--kind', 'playlist'], { cwd: folder() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pmm-config: --kind playlist needs the playlist files or globs to map/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('merges into existing settings with comments, and a second run changes nothing', () => {
    const original = '{\n  // team settings\n  "editor.formatOnSave": true,\n  "yaml.schemas": { "https://json.schemastore.org/github-workflow.json": "/.github/workflows/*" },\n}\n';
    const root = folder({ '.vscode/settings.json': original });
    expect(runBuiltCli(['init-editor', 'kometa/config.yml'], { cwd: root }).code).toBe(0);
    const merged = readFileSync(join(root, '.vscode/settings.json'), 'utf8');
    expect(merged.startsWith('{\n  // team settings\n  "editor.formatOnSave": true,\n  "yaml.schemas": {\n    "https://json.schemastore.org/github-workflow.json": "/.github/workflows/*",\n')).toBe(true);
    expect(merged).toContain(`    "${SCHEMA_REF}": [\n      "/kometa/config.yml"\n    ]\n  },\n}\n`);
    const again = runBuiltCli(['init-editor', 'kometa/config.yml'], { cwd: root });
    expect(again).toMatchObject({ code: 0, stdout: `.vscode/settings.json already maps ${SCHEMA_REF} to /kometa/config.yml.\n` });
    expect(readFileSync(join(root, '.vscode/settings.json'), 'utf8')).toBe(merged);
  });

  it('leaves a settings file it cannot edit safely byte for byte and prints what to add', () => {
    const original = '{\n  "yaml.schemas": {\n    // k8s\n    "k8s.json": "/k8s/*.yml"\n  }\n}\n';
    const root = folder({ '.vscode/settings.json': original });
    const run = runBuiltCli(['init-editor'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pmm-config: left .vscode/settings.json unchanged: "yaml.schemas" contains comments, which an automatic edit would lose. Add this to it yourself:');
    expect(run.stderr).toContain(`"${SCHEMA_REF}": [`);
    expect(readFileSync(join(root, '.vscode/settings.json'), 'utf8')).toBe(original);
    expect(existsSync(join(root, '.vscode/pmm-config.schema.json'))).toBe(false);
  });

  it('refuses a settings file that is not JSON', () => {
    const root = folder({ '.vscode/settings.json': '{ "a": 1, ' });
    const run = runBuiltCli(['init-editor'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pmm-config: left \.vscode\/settings\.json unchanged: it is not valid JSON with comments/);
    expect(readFileSync(join(root, '.vscode/settings.json'), 'utf8')).toBe('{ "a": 1, ');
  });

  it('prints the modeline relative to the config file', () => {
    const root = folder({ 'config/config.yml': 'libraries: {}\n' });
    const run = runBuiltCli(['init-editor', '--modeline'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('# yaml-language-server: $schema=../.vscode/pmm-config.schema.json\n');
    // The line points at the schema copy, so --modeline writes it (its help says so), with the usual mode.
    expect(run.stderr).toContain('Wrote .vscode/pmm-config.schema.json');
    expect(modeOf(join(root, '.vscode/pmm-config.schema.json'))).toBe(sharedModeHere(root));
    expect(existsSync(join(root, '.vscode/settings.json'))).toBe(false);
    const url = runBuiltCli(['init-editor', '--modeline', '--schema', 'https://example.com/kometa.json', 'config.yml'], { cwd: root });
    expect(url.stdout).toBe('# yaml-language-server: $schema=https://example.com/kometa.json\n');
  });

  it('says in --help that --modeline writes the schema copy, and prints only with --dry-run', () => {
    const help = runBuiltCli(['init-editor', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--modeline print the "# yaml-language-server: $schema=…" line instead of editing settings; it points at the schema copy in .vscode/, which it writes (not with --schema or --dry-run)');
    const root = folder({ 'config/config.yml': 'libraries: {}\n' });
    const run = runBuiltCli(['init-editor', '--modeline', '--dry-run'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('# yaml-language-server: $schema=../.vscode/pmm-config.schema.json\n');
    expect(existsSync(join(root, '.vscode'))).toBe(false);
  });

  it('writes nothing with --dry-run', () => {
    const root = folder();
    const run = runBuiltCli(['init-editor', '--dry-run'], { cwd: root });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ 'yaml.schemas': { [SCHEMA_REF]: ['/config.yml', '/config/config.yml'] } });
    expect(existsSync(join(root, '.vscode'))).toBe(false);
  });

  it('refuses paths outside the folder it sets up', () => {
    const root = folder();
    const run = runBuiltCli(['init-editor', '../elsewhere/config.yml'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pmm-config: \.\.\/elsewhere\/config\.yml is outside the folder init-editor sets up .*\n$/);
    expect(existsSync(join(root, '.vscode'))).toBe(false);
  });
});
