import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseJsonReport, repoRoot, runBuiltCli } from './support/run-built-cli';

describe('examples/config.yml (what `npm run example` checks)', () => {
  const run = runBuiltCli(['validate', 'examples/config.yml', '-f', 'json']);
  const result = parseJsonReport(run.stdout).results[0];

  it('passes validate with exit 0 and no error', () => {
    expect(run.code).toBe(0);
    expect(result?.errorCount).toBe(0);
  });

  it('links collection files that exist, so no linked-file warning', () => {
    expect(result?.diagnostics.map((d) => d.rule)).not.toContain('core/missing-linked-file');
    expect(existsSync(resolve(repoRoot, 'examples/collections/movies.yml'))).toBe(true);
  });

  it('checks the linked collection file and its external templates with the config, and finds nothing in them', () => {
    const linked = parseJsonReport(run.stdout).results.slice(1);
    expect(linked.map((r) => [r.file, r.kind, r.linkedFrom?.file, r.diagnostics.length])).toEqual([
      ['examples/collections/movies.yml', 'collection', 'examples/config.yml', 0],
      ['examples/collections/templates.yml', 'template', 'examples/collections/movies.yml', 0],
    ]);
  });

  it('only asks for the Trakt login that `pmm-config auth trakt` fills in', () => {
    expect(result?.diagnostics.map((d) => d.rule)).toEqual(['trakt/not-authorized']);
  });

  it('hints at the auth command for this very file: --config, since it is not the default one', () => {
    expect(result?.diagnostics[0]?.hint).toBe('Run `pmm-config auth trakt --config examples/config.yml` to authorize and write the tokens into this file.');
    const inPlace = parseJsonReport(runBuiltCli(['validate', 'config.yml', '-f', 'json'], { cwd: resolve(repoRoot, 'examples') }).stdout);
    expect(inPlace.results[0]?.diagnostics[0]?.hint).toBe('Run `pmm-config auth trakt` to authorize and write the tokens into this file.');
  });

  it('shows the `authorization:` key, not a mask, in the stylish code frame', () => {
    const stylish = runBuiltCli(['validate', 'examples/config.yml']);
    expect(stylish.stdout).toMatch(/^\s*> \d+ \|\s+authorization:/m);
    expect(stylish.stdout).not.toContain('********');
  });
});
