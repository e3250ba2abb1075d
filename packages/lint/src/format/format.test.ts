import { linkedResults, sampleContext, sampleResults } from '../../test/format-sample';
import type { LintResult } from '../types';
import { codeFrame, maskLines } from './code-frame';
import { escapeData, escapeProperty } from './github';
import { formatNames, formatResults } from './index';

describe('stylish', () => {
  it('prints findings per file with hints, masked code frames and a summary (golden)', () => {
    expect(formatResults(sampleResults, 'stylish', sampleContext)).toBe(
      [
        'configs/config.yml',
        '   3:10  error    `plex.token` must be text, not a list.  schema/type',
        '           2 |   url: http://plex:32400',
        '         > 3 |   token: ********',
        '             |          ^^^^^^^^',
        '    4:1  warning  Unknown key `setings` at the top level: Kometa ignores it.  schema/unknown-key',
        '         hint: Did you mean `settings`?',
        '           3 |   token: ********',
        '         > 4 | setings:',
        '             | ^^^^^^^',
        '    1:1  info     Note: 50%, a,b: c second line  core/info',
        '         > 1 | plex:',
        '             | ^',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info) in 1 of 2 files',
        '',
      ].join('\n'),
    );
  });

  it('uses ANSI colour only when asked', () => {
    expect(formatResults(sampleResults, 'stylish', sampleContext)).not.toContain('\u001b[');
    const coloured = formatResults(sampleResults, 'stylish', { ...sampleContext, color: true });
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(coloured).not.toContain('s3cr3t-plex-t0ken');
  });

  it('says how many findings --quiet hid, and never "No problems" then', () => {
    const errorsOnly = [{ ...sampleResults[0], diagnostics: sampleResults[0].diagnostics.filter((d) => d.severity === 'error'), warningCount: 0, infoCount: 0 }];
    expect(formatResults(errorsOnly, 'stylish', { ...sampleContext, hidden: { warnings: 1, infos: 1 } })).toMatch(/\n✖ 1 problem \(1 error, 0 warnings\); --quiet hid 1 warning and 1 info\n$/);
    expect(formatResults([sampleResults[1]], 'stylish', { ...sampleContext, hidden: { warnings: 2, infos: 0 } })).toBe('No errors (1 file checked); --quiet hid 2 warnings\n');
    expect(formatResults([sampleResults[1]], 'stylish', { ...sampleContext, hidden: { warnings: 0, infos: 0 } })).toBe('✔ No problems found (1 file checked)\n');
  });

  it('says when there is nothing to report', () => {
    expect(formatResults([sampleResults[1]], 'stylish', sampleContext)).toBe('✔ No problems found (1 file checked)\n');
  });
});

describe('json', () => {
  it('follows the version 1 contract exactly (golden)', () => {
    const parsed = JSON.parse(formatResults(sampleResults, 'json', sampleContext));
    expect(parsed).toEqual({
      version: 1,
      results: [
        {
          file: 'configs/config.yml',
          kind: 'config',
          errorCount: 1,
          warningCount: 1,
          diagnostics: [
            { rule: 'schema/type', severity: 'error', message: '`plex.token` must be text, not a list.', pointer: '/plex/token', line: 3, column: 10, endLine: 3, endColumn: 27 },
            { rule: 'schema/unknown-key', severity: 'warning', message: 'Unknown key `setings` at the top level: Kometa ignores it.', pointer: '/setings', line: 4, column: 1, endLine: 4, endColumn: 8, hint: 'Did you mean `settings`?' },
            { rule: 'core/info', severity: 'info', message: 'Note: 50%, a,b: c\nsecond line', pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 },
          ],
        },
        { file: 'other.yml', kind: 'config', errorCount: 0, warningCount: 0, diagnostics: [] },
      ],
    });
    expect(Object.keys(parsed.results[0].diagnostics[0])).toEqual(['rule', 'severity', 'message', 'pointer', 'line', 'column', 'endLine', 'endColumn']);
  });
});

describe('sarif', () => {
  it('emits SARIF 2.1.0 with rules, levels and relative locations (golden)', () => {
    const sarif = JSON.parse(formatResults(sampleResults, 'sarif', sampleContext));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const [run] = sarif.runs;
    expect(run.tool.driver).toMatchObject({ name: 'pmm-config', version: '1.2.3' });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['schema/type', 'schema/unknown-key', 'core/info']);
    expect(run.tool.driver.rules[0]).toEqual({ id: 'schema/type', name: 'SchemaType', shortDescription: { text: 'A value of the wrong type.' }, helpUri: 'https://example.invalid/rules/schema-type' });
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    expect(run.results.map((r: { level: string; ruleIndex: number }) => [r.level, r.ruleIndex])).toEqual([
      ['error', 0],
      ['warning', 1],
      ['note', 2],
    ]);
    expect(run.results[1].message.text).toBe('Unknown key `setings` at the top level: Kometa ignores it.\nDid you mean `settings`?');
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'configs/config.yml', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 3, startColumn: 10, endLine: 3, endColumn: 27 },
    });
  });

  it('makes absolute paths relative to cwd and percent-encodes them', () => {
    const result: LintResult = { ...sampleResults[0], file: '/repo/my configs/config.yml' };
    const sarif = JSON.parse(formatResults([result], 'sarif', sampleContext));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20configs/config.yml');
  });
});

describe('github', () => {
  it('prints one workflow command per finding (golden)', () => {
    expect(formatResults(sampleResults, 'github', sampleContext)).toBe(
      [
        '::error file=configs/config.yml,line=3,col=10,endLine=3,endColumn=27,title=schema/type::`plex.token` must be text, not a list.',
        '::warning file=configs/config.yml,line=4,col=1,endLine=4,endColumn=8,title=schema/unknown-key::Unknown key `setings` at the top level: Kometa ignores it.%0ADid you mean `settings`?',
        '::notice file=configs/config.yml,line=1,col=1,endLine=1,endColumn=1,title=core/info::Note: 50%25, a,b: c%0Asecond line',
        '',
      ].join('\n'),
    );
  });

  it('escapes data and properties per the workflow-command rules', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('C:\\x,y%')).toBe('C%3A\\x%2Cy%25');
  });

  it('prints nothing when there is nothing to report', () => {
    expect(formatResults([sampleResults[1]], 'github', sampleContext)).toBe('');
  });
});

describe('code frames never show secrets', () => {
  it.each([
    ['  token: abc123secret', '  token: ********'],
    ['  - apikey: "abc123secret"   # my key', '  - apikey: ********   # my key'],
    ['  client_secret:', '  client_secret:'],
    ['plex: {url: x, token: abc123secret}', 'plex: {url: x, token: ********}'],
    ['  url: http://plex', '  url: http://plex'],
  ])('%s', (line, shown) => expect(maskLines([line])).toEqual([shown]));

  it('masks a value put on the line after its secret key', () => {
    expect(maskLines(['  access_token:', '<redacted-real-token>'])).toEqual(['  access_token:', '********']);
  });

  it('keeps keys and structure after a secret key with no value', () => {
    expect(maskLines(['trakt:', '  pin:', '  authorization:                # written by auth', '    access_token:', '    token_type:', '  other: x'])).toEqual([
      'trakt:',
      '  pin:',
      '  authorization:                # written by auth',
      '    access_token:',
      '    token_type:',
      '  other: x',
    ]);
    expect(maskLines(['- token:', '- url: x'])).toEqual(['- token:', '- url: x']);
  });

  it('masks every line of a value that runs over several lines, even one that looks like a nested key', () => {
    expect(maskLines(['plex:', '  token:', '    abc123secret', '    def456secret', '  url: x'])).toEqual(['plex:', '  token:', '    ********', '    ********', '  url: x']);
    expect(maskLines(['  apikey:', '  - abc123secret', '  password:', '    nested: abc123secret # c'])).toEqual(['  apikey:', '  - ********', '  password:', '    ********']);
  });

  it('shows the authorization key of an unauthorized trakt section in a frame', () => {
    const source = 'trakt:\n  client_id: abc123secret\n  pin:\n  authorization:\n    access_token:\n';
    const frame = codeFrame(source, { rule: 'r', severity: 'warning', message: 'm', pointer: '/trakt/authorization', line: 4, column: 3, endLine: 4, endColumn: 16 });
    expect(frame?.lines.map((l) => l.text)).toEqual(['  pin:', '  authorization:']);
  });

  it('masks the third line of a multi-line secret in a frame', () => {
    const source = 'plex:\n  token:\n    abc123secret\n    def456secret\n    ghi789secret\n  url: x\n';
    const frame = codeFrame(source, { rule: 'r', severity: 'error', message: 'm', pointer: '/plex/token', line: 5, column: 5, endLine: 6, endColumn: 3 });
    expect(frame?.lines.map((l) => l.text)).toEqual(['    ********', '    ********', '  url: x']);
  });

  it.each([
    ['a long secret', 'abcdefghijklmnopqrstuvwxyz0123'],
    ['a short secret', 'abc12'],
    ['a secret that starts like the mask', '*xy'],
  ])('underlines the mask, not %s, so its length shows nowhere', (_, secret) => {
    const source = `plex:\n  token: ${secret}   # mine\n`;
    const frame = codeFrame(source, { rule: 'r', severity: 'error', message: 'm', pointer: '/plex/token', line: 2, column: 10, endLine: 2, endColumn: 10 + secret.length });
    expect(frame?.lines[1].text).toBe('  token: ********   # mine');
    expect(frame?.underline).toBe('         ^^^^^^^^');
  });

  it('underlines a key on a masked line as the key', () => {
    const frame = codeFrame('plex:\n  token: abcdefghijklmnop\n', { rule: 'r', severity: 'warning', message: 'm', pointer: '/plex/token', line: 2, column: 3, endLine: 2, endColumn: 8 });
    expect(frame?.underline).toBe('  ^^^^^');
  });

  it('windows very long lines around the column', () => {
    const source = 'ignore: ' + 'x,'.repeat(3000) + 'BAD\n';
    const frame = codeFrame(source, { rule: 'r', severity: 'error', message: 'm', pointer: '', line: 1, column: 6009, endLine: 1, endColumn: 6012 });
    expect(frame?.lines[0].text.length).toBeLessThanOrEqual(102);
    expect(frame?.lines[0].text).toContain('BAD');
    expect(frame?.lines[0].text.indexOf('BAD')).toBe(frame?.underline.indexOf('^'));
  });
});

it('lists every format name', () => {
  expect(formatNames).toEqual(['stylish', 'json', 'sarif', 'github']);
});

describe('code frames of findings that span two lines', () => {
  it('shows the line the finding runs onto, after the underline', () => {
    const source = 'settings:\n  cache: true\nwebhooks: (redacted)\n  error: x\n  token: s3cr3tvalue\n';
    const frame = codeFrame(source, { rule: 'yaml/syntax', severity: 'error', message: 'm', pointer: '/webhooks', line: 3, column: 11, endLine: 4, endColumn: 8 });
    expect(frame?.lines.map((l) => [l.number, l.marked])).toEqual([
      [2, false],
      [3, true],
      [4, false],
    ]);
    expect(frame?.underline).toBe('          ^^^^^^^^^^');
  });
});

describe('a config with its linked files', () => {
  it('stylish: one block per file, a linked file names its link, and files checked without their config are noted', () => {
    const text = formatResults(linkedResults, 'stylish', sampleContext);
    expect(text).toContain('configs/movies.yml (linked from configs/config.yml:9)\n    3:5  error    `trakt_list` needs Trakt.  trakt/builder-needs-trakt');
    // clean files get no block of their own
    expect(text.split('\n').filter((line) => /^configs\/|^alone/.test(line))).toEqual(['configs/config.yml', 'configs/movies.yml (linked from configs/config.yml:9)']);
    expect(text).toContain('ℹ 1 file checked without its config: checks that need the config');
  });

  it('json: kind on every result and linkedFrom on linked ones, version 1 kept', () => {
    const payload = JSON.parse(formatResults(linkedResults, 'json', sampleContext)) as { version: number; results: Record<string, unknown>[] };
    expect(payload.version).toBe(1);
    expect(payload.results.map((r) => [r['file'], r['kind'], r['linkedFrom']])).toEqual([
      ['configs/config.yml', 'config', undefined],
      ['configs/movies.yml', 'collection', { file: 'configs/config.yml', pointer: '/libraries/Movies/collection_files/0/file', line: 9 }],
      ['alone.yml', 'collection', undefined],
    ]);
  });

  it('sarif: one artifact per file, clean ones included, and results point at their artifact', () => {
    const run = JSON.parse(formatResults(linkedResults, 'sarif', sampleContext)).runs[0];
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(['configs/config.yml', 'configs/movies.yml', 'alone.yml']);
    expect(run.artifacts[1].properties).toEqual({ kind: 'collection', linkedFrom: 'configs/config.yml:9' });
    const trakt = run.results.find((r: { ruleId: string }) => r.ruleId === 'trakt/builder-needs-trakt');
    expect(trakt.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'configs/movies.yml', uriBaseId: '%SRCROOT%', index: 1 });
  });

  it('github: annotations name the linked file', () => {
    expect(formatResults(linkedResults, 'github', sampleContext)).toContain('::error file=configs/movies.yml,line=3,col=5,');
  });
});
