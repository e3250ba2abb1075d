import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot, runBuiltCli } from './support/run-built-cli';

describe('pmm-config schema', () => {
  const published = resolve(repoRoot, 'packages/schema/dist/config.schema.json');

  it('prints the published JSON Schema byte for byte', () => {
    const run = runBuiltCli(['schema']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as { $schema?: string; properties?: Record<string, unknown> };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(['libraries', 'tmdb', 'plex', 'trakt']));
    const file = readFileSync(published, 'utf8');
    expect(run.stdout).toBe(file.endsWith('\n') ? file : `${file}\n`);
  });

  it('prints where the schema file is with --path', () => {
    const run = runBuiltCli(['schema', '--path']);
    expect(run).toMatchObject({ code: 0, stdout: `${published}\n` });
  });

  it.each(['collection', 'playlist', 'metadata', 'overlay'])('prints the published %s schema with --kind, and its path with --path', (kind) => {
    const file = resolve(repoRoot, `packages/schema/dist/${kind}.schema.json`);
    const run = runBuiltCli(['schema', '--kind', kind]);
    expect(run.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(run.stdout).toBe(text.endsWith('\n') ? text : `${text}\n`);
    const schema = JSON.parse(run.stdout) as { properties?: Record<string, unknown> };
    const sections: Record<string, string[]> = { collection: ['collections', 'templates'], metadata: ['metadata', 'templates'], overlay: ['overlays', 'queues', 'templates'], playlist: ['playlists'] };
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(sections[kind] as string[]));
    expect(runBuiltCli(['schema', '--kind', kind, '--path'])).toMatchObject({ code: 0, stdout: `${file}\n` });
  });

  it('rejects an unknown --kind with exit 2 and one line', () => {
    const run = runBuiltCli(['schema', '--kind', 'collections']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects unknown options in one line', () => {
    const run = runBuiltCli(['schema', '--pretty']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('pmm-config: unknown argument: pretty (see pmm-config --help)\n');
  });
});
