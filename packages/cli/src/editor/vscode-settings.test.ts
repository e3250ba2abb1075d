import { blankJsonc } from './jsonc';
import { mergeYamlSchemas, SettingsEditError } from './vscode-settings';

const SCHEMA = './.vscode/pmm-config.schema.json';
const GLOBS = ['/config.yml', '/config/config.yml'];
const parse = (text: string): Record<string, unknown> => JSON.parse(blankJsonc(text).text) as Record<string, unknown>;

function editError(run: () => unknown): SettingsEditError {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsEditError) return error;
    throw error;
  }
  throw new Error('expected a SettingsEditError');
}

describe('mergeYamlSchemas', () => {
  it('creates the file when there is none', () => {
    const merge = mergeYamlSchemas(undefined, SCHEMA, GLOBS);
    expect(merge.changed).toBe(true);
    expect(parse(merge.text)).toEqual({ 'yaml.schemas': { [SCHEMA]: GLOBS } });
    expect(merge.text.endsWith('}\n')).toBe(true);
  });

  it('inserts the property first and leaves every other byte alone, comments and trailing commas included', () => {
    const existing = '{\n  // keep me\n  "editor.tabSize": 2, /* and me */\n  "files.exclude": { "**/.git": true, },\n}\n';
    const merge = mergeYamlSchemas(existing, SCHEMA, GLOBS);
    expect(merge.text).toBe(
      '{\n  "yaml.schemas": {\n    "./.vscode/pmm-config.schema.json": [\n      "/config.yml",\n      "/config/config.yml"\n    ]\n  },' +
        existing.slice(1),
    );
    expect(parse(merge.text)).toEqual({ 'yaml.schemas': { [SCHEMA]: GLOBS }, 'editor.tabSize': 2, 'files.exclude': { '**/.git': true } });
  });

  it('adds our schema to an existing yaml.schemas, keeping the other schemas and their order', () => {
    const existing = '{\n\t"a": 1,\n\t"yaml.schemas": {"https://example.com/other.json": "/other.yml"},\n\t"b": [1, 2]\n}';
    const merge = mergeYamlSchemas(existing, SCHEMA, GLOBS);
    expect(Object.keys(parse(merge.text))).toEqual(['a', 'yaml.schemas', 'b']);
    expect(parse(merge.text)['yaml.schemas']).toEqual({ 'https://example.com/other.json': '/other.yml', [SCHEMA]: GLOBS });
    expect(merge.text.startsWith('{\n\t"a": 1,\n\t"yaml.schemas": {\n\t\t"https://example.com/other.json": "/other.yml",\n')).toBe(true);
    expect(merge.text.endsWith('\n\t},\n\t"b": [1, 2]\n}')).toBe(true);
  });

  it('adds only missing globs to our own entry, and changes nothing when all are there', () => {
    const partial = JSON.stringify({ 'yaml.schemas': { [SCHEMA]: '/config.yml' } }, null, 2);
    expect(parse(mergeYamlSchemas(partial, SCHEMA, GLOBS).text)['yaml.schemas']).toEqual({ [SCHEMA]: ['/config.yml', '/config/config.yml'] });
    const complete = `// settings\n${JSON.stringify({ 'yaml.schemas': { [SCHEMA]: [...GLOBS, '/extra.yml'] } }, null, 2)}`;
    expect(mergeYamlSchemas(complete, SCHEMA, GLOBS)).toEqual({ text: complete, changed: false, conflicts: [] });
  });

  it('reports other schemas that claim the same files without touching them', () => {
    const existing = JSON.stringify({ 'yaml.schemas': { 'kometa.json': ['/config.yml'] } });
    const merge = mergeYamlSchemas(existing, SCHEMA, GLOBS);
    expect(merge.conflicts).toEqual([{ glob: '/config.yml', schema: 'kometa.json' }]);
    expect(parse(merge.text)['yaml.schemas']).toEqual({ 'kometa.json': ['/config.yml'], [SCHEMA]: GLOBS });
  });

  it('keeps CRLF line endings', () => {
    const merge = mergeYamlSchemas('{\r\n    "a": 1\r\n}\r\n', SCHEMA, GLOBS);
    expect(merge.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(parse(merge.text)).toEqual({ 'yaml.schemas': { [SCHEMA]: GLOBS }, a: 1 });
  });

  it('accepts a byte-order mark and keeps it', () => {
    const merge = mergeYamlSchemas('\uFEFF{"a": 1}', SCHEMA, GLOBS);
    expect(merge.text.startsWith('\uFEFF{')).toBe(true);
    expect(parse(merge.text)).toEqual({ 'yaml.schemas': { [SCHEMA]: GLOBS }, a: 1 });
  });

  it('fills an empty object', () => {
    expect(parse(mergeYamlSchemas('{}\n', SCHEMA, GLOBS).text)).toEqual({ 'yaml.schemas': { [SCHEMA]: GLOBS } });
  });

  it('refuses to rewrite a yaml.schemas that holds comments', () => {
    const existing = '{\n  "yaml.schemas": {\n    // the k8s one\n    "k8s.json": "/k8s/*.yml"\n  }\n}';
    expect(editError(() => mergeYamlSchemas(existing, SCHEMA, GLOBS)).code).toBe('SETTINGS_COMMENTED');
  });

  it('refuses files that are not a JSON object', () => {
    expect(editError(() => mergeYamlSchemas('{"a": }', SCHEMA, GLOBS)).code).toBe('SETTINGS_INVALID');
    expect(editError(() => mergeYamlSchemas('{"a": 1 /* open', SCHEMA, GLOBS)).code).toBe('SETTINGS_INVALID');
    expect(editError(() => mergeYamlSchemas('[1]', SCHEMA, GLOBS)).code).toBe('SETTINGS_NOT_OBJECT');
    expect(editError(() => mergeYamlSchemas('{"yaml.schemas": []}', SCHEMA, GLOBS)).code).toBe('SETTINGS_INVALID');
  });
});

describe('blankJsonc', () => {
  it('keeps offsets and leaves comment-like text inside strings alone', () => {
    const source = '{"url": "http://x/*y*/", // c\n "t": [1,]}';
    const blanked = blankJsonc(source);
    expect(blanked.text).toHaveLength(source.length);
    expect(JSON.parse(blanked.text)).toEqual({ url: 'http://x/*y*/', t: [1] });
    expect(blanked.comments).toEqual([[source.lastIndexOf('//'), source.indexOf('\n')]]);
  });
});
