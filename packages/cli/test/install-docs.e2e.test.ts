import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './support/run-built-cli';

// What users copy to install pmm-config: it must name the version being built, and say when a recipe needs the
// npm package, which does not exist before the first publication (issue: recipes that failed at the first step).
const DOCS = ['docs/ci.md', 'README.md', 'packages/cli/scripts/npm-readme.md'];
const cliVersion = (JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;

/** A pmm-config version in an install recipe: `pmm-config@0.1.0`, `@v0.1.0`, `pmm-config-0.1.0.tgz`, a release URL, `rev: v0.1.0`. */
const VERSION_MENTION = /pmm-config@v?(\d+\.\d+\.\d+)|pmm-config-(\d+\.\d+\.\d+)\.tgz|releases\/download\/v(\d+\.\d+\.\d+)\/|rev: v(\d+\.\d+\.\d+)/g;
/** Recipes that fetch pmm-config from the npm registry. */
const REGISTRY_INSTALL = /npx (--yes )?pmm-config\b|npm install --global pmm-config\b|additional_dependencies: \['pmm-config@/;
/** How far above a registry recipe the text may say that it needs the publication (a paragraph and its code block). */
const CONTEXT_LINES = 15;

const read = (doc: string): string => readFileSync(join(repoRoot, doc), 'utf8');

describe('install instructions', () => {
  it.each(DOCS)('%s names only the version being built', (doc) => {
    const versions = [...read(doc).matchAll(VERSION_MENTION)].map((match) => match.slice(1).find((group) => group !== undefined));
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions)).toEqual(new Set([cliVersion]));
  });

  it.each(DOCS)('%s says next to every npm-registry recipe that it needs the first npm publication', (doc) => {
    const lines = read(doc).split('\n');
    const unmarked = lines.flatMap((line, index) => {
      if (!REGISTRY_INSTALL.test(line)) return [];
      const context = lines.slice(Math.max(0, index - CONTEXT_LINES), index + 1).join('\n');
      return /publication|published/i.test(context) ? [] : [`${doc}:${index + 1}: ${line.trim()}`];
    });
    expect(unmarked).toEqual([]);
  });

  it.each(DOCS)('%s names the install paths that work before any publication', (doc) => {
    expect(read(doc)).toMatch(/not on the npm registry yet/);
    expect(read(doc)).toContain('npm run bundle');
  });
});
