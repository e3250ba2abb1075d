#!/usr/bin/env node
// One-off helper for refreshing packages/schema/src/defaults/catalog.ts from the reference fact sheets
// (../shared/reference/kometa-files.md §10.2/§10.4 and kometa-files-deep.md §10.2/§10.6/§10.8). The committed
// catalog.ts is the source of truth: review the diff this writes, then fix by hand what the tables cannot say.
// Usage: node tools/defaults-extract/extract-defaults.cjs [reference-dir] > packages/schema/src/defaults/catalog.ts
const { readFileSync } = require('node:fs');
const path = require('node:path');

const refDir = process.argv[2] ?? path.resolve(__dirname, '../../../shared/reference');
const p1 = readFileSync(path.join(refDir, 'kometa-files.md'), 'utf8');
const deep = readFileSync(path.join(refDir, 'kometa-files-deep.md'), 'utf8');

function section(text, start, end) {
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`section not found: ${start}`);
  const to = text.indexOf(end, from + start.length);
  return text.slice(from, to < 0 ? undefined : to);
}
const rows = (text) => text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---') && !line.startsWith('|---')).map((line) => line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
const ticks = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

const SET_ABBR = { S: 'shared', A: 'arr', C: 'custom', SEP: 'separator', SF: 'smart_filter', F: 'filter', P: 'tmdb_person', IA: 'imdb_award', YC: 'use_year_collections', OC: 'other_collection', B: 'based', ST: 'standard' };
const MEDIA = { Movie: 'movie', Show: 'show', M: 'movie', S: 'show', Se: 'season', E: 'episode' };

// P1 §10.2: one row per default file, with the docs' variables.
const entries = new Map();
for (const [kind, nameCell, , fileCell, types, , vars] of rows(section(p1, '### 10.2 Per-default', '### 10.3'))) {
  if (kind === 'kind') continue;
  const file = fileCell.replace(/\.yml$/, '');
  entries.set(file, { name: ticks(nameCell)[0], kind, file, libraryTypes: types.split(',').map((t) => MEDIA[t.trim()]).filter(Boolean), sets: [], dynamic: undefined, variables: new Set(ticks(vars)), docsOnly: new Set(), keys: undefined });
}

function expandDeepVars(cell) {
  const out = [];
  for (const v of ticks(cell)) {
    const n = v.match(/^ratingN_\{([^}]+)\} \(N=1\.\.3\)$/);
    if (n) for (const i of [1, 2, 3]) for (const s of n[1].split(',')) out.push(`rating${i}_${s}`);
    else if (v.includes('/')) out.push(...v.split('/'));
    else out.push(v);
  }
  return out;
}

// deep §10.6: shared sets, dynamic type and the variables the YAML reads.
for (const [names, kind, fileCell, media, shared, dyn, vars, mismatch] of rows(section(deep, '### 10.6', '### 10.7'))) {
  if (kind === 'Kind') continue;
  const fullKind = { c: 'collection', o: 'overlay', p: 'playlist' }[kind];
  let targets;
  if (fileCell !== '—') targets = [entries.get(ticks(fileCell)[0].replace(/\.yml$/, ''))];
  else {
    targets = [...names.matchAll(/`([^`]+)`(?:\[([^\]]+)\])?/g)].map(([, name, media]) => {
      const candidates = [...entries.values()].filter((e) => e.name === name && e.kind === fullKind);
      const folder = media === 'M' ? 'movie/' : 'show/';
      const entry = candidates.length === 1 ? candidates[0] : candidates.find((e) => e.file.startsWith(folder));
      if (entry && entry.libraryTypes.length === 0 && media) entry.libraryTypes = media.split(',').map((t) => MEDIA[t.trim()]);
      return entry;
    });
  }
  for (const entry of targets) {
    if (!entry) throw new Error(`deep row without a P1 entry: ${names}`);
    entry.sets = shared === '—' ? [] : shared.split('+').map((s) => SET_ABBR[s]);
    // Every overlay default that calls the `standard` template also takes its text variables.
    if (entry.sets.includes('standard')) entry.sets.push('text');
    if (entry.libraryTypes.length === 0 && media && media !== '—') entry.libraryTypes = media.split(',').map((t) => MEDIA[t.trim()]);
    entry.dynamic = dyn === '—' ? undefined : dyn;
    for (const v of expandDeepVars(vars)) entry.variables.add(v);
    // The docs' generic `ARR_CODE_*` rows stand for radarr in movie libraries and sonarr in show libraries.
    const arr = entry.file.startsWith('show/') ? 'sonarr' : 'radarr';
    entry.variables = new Set([...entry.variables].map((v) => v.replace('ARR_CODE', arr)));
    const docsOnly = (mismatch ?? '').split('docs-only:')[1];
    if (docsOnly) for (const v of ticks(docsOnly.split(';')[0])) entry.docsOnly.add(v);
  }
}
for (const entry of entries.values()) {
  for (const v of entry.docsOnly) entry.variables.delete(v);
  // The separator files (award/, chart/) load in any library; the docs give them no media list.
  if (entry.libraryTypes.length === 0 && entry.kind === 'collection') entry.libraryTypes = ['movie', 'show'];
}

// P1 §10.4: the fixed keys of non-dynamic defaults; deep §10.8: those of the dynamic `custom` defaults.
for (const line of section(p1, '### 10.4 Keys', '## 11.').split('\n')) {
  const m = line.match(/^- `([a-z_/]+)\.yml`: (.*)$/);
  if (!m || !entries.has(m[1])) continue;
  const entry = entries.get(m[1]);
  if (!entry.dynamic) entry.keys = ticks(m[2]);
}
for (const [name, type, keys] of rows(section(deep, '### 10.8', '### 10.9'))) {
  if (type !== 'custom' || /TMDb/.test(keys)) continue;
  for (const entry of entries.values()) if (entry.kind === 'collection' && entry.name === ticks(name)[0]) entry.keys = ticks(keys);
}

const list = (values) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
const out = [
  '// Written by tools/defaults-extract/extract-defaults.cjs from ../shared/reference (Kometa nightly 5e1771a4,',
  '// 2.4.4-build33), then reviewed. This file, not the script, is the source: edit it by hand for fixes.',
  "import type { DefaultSpec } from './model';",
  '',
  'export const DEFAULT_SPECS: readonly DefaultSpec[] = [',
];
for (const e of entries.values()) {
  const fields = [`name: ${JSON.stringify(e.name)}`, `kind: '${e.kind}'`, `file: ${JSON.stringify(e.file)}`, `libraryTypes: ${list(e.libraryTypes)}`, `sets: ${list(e.sets)}`];
  if (e.dynamic) fields.push(`dynamic: ${JSON.stringify(e.dynamic)}`);
  if (e.keys) fields.push(`keys: ${list(e.keys)}`);
  fields.push(`variables: ${list([...e.variables].sort())}`);
  if (e.docsOnly.size) fields.push(`docsOnly: ${list([...e.docsOnly].sort())}`);
  out.push(`  { ${fields.join(', ')} },`);
}
out.push('];', '');
process.stdout.write(out.join('\n'));
