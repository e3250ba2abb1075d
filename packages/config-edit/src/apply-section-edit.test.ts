import { parse } from 'yaml';
import { applySectionEdit } from './apply-section-edit';
import type { ConfigEditErrorCode } from './errors';
import type { EditMapping, SectionEdit } from './types';

const authorization: EditMapping = [
  ['access_token', 'new-access'],
  ['token_type', 'Bearer'],
  ['expires_in', 86400],
  ['refresh_token', 'new-refresh'],
  ['scope', 'public'],
  ['created_at', 1764330000],
];
const traktEdit: SectionEdit = {
  section: 'trakt',
  set: [
    ['authorization', authorization],
    ['pin', null],
  ],
  createWith: [
    ['client_id', 'the-id'],
    ['client_secret', 'the-secret'],
  ],
};
const authLines = (indent: string): string =>
  [
    'authorization:',
    '  access_token: new-access',
    '  token_type: Bearer',
    '  expires_in: 86400',
    '  refresh_token: new-refresh',
    '  scope: public',
    '  created_at: 1764330000',
  ]
    .map((line) => indent + line)
    .join('\n');

const lines = (...rows: string[]): string => rows.join('\n');
const expectCode = (run: () => unknown, code: ConfigEditErrorCode): void => {
  expect(run).toThrow(expect.objectContaining({ name: 'ConfigEditError', code }));
};

describe('applySectionEdit: where the authorization goes', () => {
  it('replaces an existing block with the same keys value by value, keeping comments between them', () => {
    const input = lines(
      'trakt:',
      '  client_id: id',
      '  authorization:',
      '    access_token: old   # kept comment',
      '    # between keys',
      '    token_type: Bearer',
      '    expires_in: 7889238',
      "    refresh_token: 'old'",
      '    scope: public',
      '    created_at: 1700000000',
      '  pin: 1234',
      '',
    );
    expect(applySectionEdit(input, traktEdit)).toBe(
      lines(
        'trakt:',
        '  client_id: id',
        '  authorization:',
        '    access_token: new-access   # kept comment',
        '    # between keys',
        '    token_type: Bearer',
        '    expires_in: 86400',
        "    refresh_token: 'new-refresh'",
        '    scope: public',
        '    created_at: 1764330000',
        '  pin:',
        '',
      ),
    );
  });

  it('rewrites a block with other keys in Kometa order, keeping the comment on its key line and above its first key', () => {
    const input = lines(
      'trakt:',
      '  authorization:   # filled by pmm-config',
      '                   # authorization section is autofilled by the script',
      '    access_token:',
      '    created_at:',
      '    scope: public',
      '  pin:',
      '',
    );
    expect(applySectionEdit(input, traktEdit)).toBe(
      lines(
        'trakt:',
        '  authorization:   # filled by pmm-config',
        '                   # authorization section is autofilled by the script',
        authLines('  ').split('\n').slice(1).join('\n'),
        '  pin:',
        '',
      ),
    );
  });

  it.each([
    ['empty', '  authorization:'],
    ['null with a comment', '  authorization: ~ # none yet'],
    ['an empty flow mapping', '  authorization: {}'],
    ['a flow mapping', '  authorization: {access_token: x, token_type: Bearer}'],
    ['a placeholder', '  authorization: <<TRAKT_AUTH>>'],
    ['a multi-line flow mapping', '  authorization: {access_token: x,\n    token_type: Bearer}'],
    ['a block sequence', '  authorization:\n  - one\n  - two'],
    ['a block scalar', '  authorization: |\n    text\n    more'],
  ])('turns an authorization that is %s into the block', (_, authorizationLines) => {
    const input = lines('trakt:', '  client_id: id', authorizationLines, '  pin:', 'mal:', '');
    const output = applySectionEdit(input, traktEdit);
    const comment = authorizationLines.includes('# none yet') ? ' # none yet' : '';
    const expected = lines('trakt:', '  client_id: id', authLines('  ').replace('authorization:', `authorization:${comment}`), '  pin:', 'mal:', '');
    expect(output).toBe(expected);
  });

  it('appends a missing authorization after the last key, before comments that introduce the next section', () => {
    const input = lines('trakt:', '  client_id: id', '  client_secret: secret', '', '# MyAnimeList', 'mal:', '  client_id: m', '');
    expect(applySectionEdit(input, traktEdit)).toBe(
      lines('trakt:', '  client_id: id', '  client_secret: secret', authLines('  '), '  pin:', '', '# MyAnimeList', 'mal:', '  client_id: m', ''),
    );
  });

  it('fills a section that is present but empty, keeping its comment', () => {
    const input = lines('tmdb:', '  apikey: k', 'trakt:   # see the wiki', 'mal:', '');
    expect(applySectionEdit(input, traktEdit)).toBe(
      lines('tmdb:', '  apikey: k', 'trakt:   # see the wiki', '  client_id: the-id', '  client_secret: the-secret', authLines('  '), '  pin:', 'mal:', ''),
    );
  });

  it('creates an absent section at the end, spaced like the other sections', () => {
    const input = lines('tmdb:', '  apikey: k', '', 'mal:', '  client_id: m', '', '# the end', '');
    expect(applySectionEdit(input, traktEdit)).toBe(
      lines('tmdb:', '  apikey: k', '', 'mal:', '  client_id: m', '', 'trakt:', '  client_id: the-id', '  client_secret: the-secret', authLines('  '), '  pin:', '', '# the end', ''),
    );
  });

  it('creates the section in an empty file and in a file of comments', () => {
    const created = lines('trakt:', '  client_id: the-id', '  client_secret: the-secret', authLines('  '), '  pin:', '');
    expect(applySectionEdit('', traktEdit)).toBe(created);
    expect(applySectionEdit('# my config\n', traktEdit)).toBe(`# my config\n${created}`);
    expect(applySectionEdit('# my config', traktEdit)).toBe(`# my config\n${created.slice(0, -1)}`);
  });

  it('lets set values win over createWith values and keeps the createWith order', () => {
    const edit: SectionEdit = { section: 's', set: [['b', 2], ['a', 1]], createWith: [['a', 0], ['c', 3]] };
    expect(applySectionEdit('x: 1\n', edit)).toBe('x: 1\ns:\n  a: 1\n  c: 3\n  b: 2\n');
  });
});

describe('applySectionEdit: what it keeps', () => {
  it('keeps CRLF line endings, and uses them for new lines', () => {
    const input = 'trakt:\r\n  client_id: id # c\r\n  pin: 42\r\nmal:\r\n';
    const output = applySectionEdit(input, traktEdit);
    expect(output).toBe(`trakt:\r\n  client_id: id # c\r\n  pin:\r\n${authLines('  ').replace(/\n/g, '\r\n')}\r\nmal:\r\n`);
    expect(output.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('keeps a missing final newline, a BOM and the document start marker', () => {
    const input = '\uFEFF---\ntrakt:\n  pin: 1';
    expect(applySectionEdit(input, traktEdit)).toBe(`\uFEFF---\ntrakt:\n  pin:\n${authLines('  ')}`);
  });

  it('follows a 4-space indent', () => {
    const input = 'plex:\n    url: x\ntrakt:\n    client_id: id\n';
    expect(applySectionEdit(input, traktEdit)).toBe(
      lines(
        'plex:',
        '    url: x',
        'trakt:',
        '    client_id: id',
        '    authorization:',
        '        access_token: new-access',
        '        token_type: Bearer',
        '        expires_in: 86400',
        '        refresh_token: new-refresh',
        '        scope: public',
        '        created_at: 1764330000',
        '    pin:',
        '',
      ),
    );
  });

  it('keeps the spacing of aligned values it rewrites', () => {
    const input = 'trakt:\n  pin:        12345 # pin\n  client_id:  id\n';
    const edit: SectionEdit = { section: 'trakt', set: [['pin', '87654321']] };
    expect(applySectionEdit(input, edit)).toBe('trakt:\n  pin:        "87654321" # pin\n  client_id:  id\n');
  });

  it('leaves equal values untouched, however they are spelled', () => {
    const input = "trakt:\n  pin: ~\n  scope: 'public'\n  n: 0x10\n";
    const edit: SectionEdit = { section: 'trakt', set: [['pin', null], ['scope', 'public'], ['n', 16]] };
    expect(applySectionEdit(input, edit)).toBe(input);
  });

  it('is idempotent: the same edit twice gives the same text', () => {
    const once = applySectionEdit('trakt:\n  client_id: x\n', traktEdit);
    expect(applySectionEdit(once, traktEdit)).toBe(once);
  });

  it('edits a quoted section key and leaves anchors and merges elsewhere alone', () => {
    const input = lines('base: &b', '  a: 1', '"trakt":', '  client_id: id', 'other:', '  <<: *b', '  x: *b', '');
    expect(applySectionEdit(input, { section: 'trakt', set: [['pin', null]] })).toBe(
      lines('base: &b', '  a: 1', '"trakt":', '  client_id: id', '  pin:', 'other:', '  <<: *b', '  x: *b', ''),
    );
  });

  it('allows a section that merges defaults in, since only the section itself changes', () => {
    const input = lines('defaults: &d', '  client_id: id', 'trakt:', '  <<: *d', '  client_secret: s', '');
    const output = applySectionEdit(input, traktEdit);
    expect(parse(output, { merge: true }).trakt).toMatchObject({ client_id: 'id', client_secret: 's', pin: null });
    expect(output.startsWith(lines('defaults: &d', '  client_id: id', 'trakt:', '  <<: *d', '  client_secret: s', '  authorization:'))).toBe(true);
  });

  it('writes nested empty mappings and quotes unsafe keys and values', () => {
    const edit: SectionEdit = { section: 'x', set: [['m', [['e', []], ['a: b', 'yes']]]] };
    expect(applySectionEdit('x:\n  k: 1\n', edit)).toBe('x:\n  k: 1\n  m:\n    e: {}\n    "a: b": "yes"\n');
  });
});

describe('applySectionEdit: what it refuses', () => {
  it.each<[string, string, ConfigEditErrorCode]>([
    ['invalid YAML', 'trakt:\n  a: [1\n', 'CONFIG_EDIT_INVALID_YAML'],
    ['duplicate keys', 'trakt:\n  a: 1\n  a: 2\n', 'CONFIG_EDIT_INVALID_YAML'],
    ['two documents', 'a: 1\n---\nb: 2\n', 'CONFIG_EDIT_MULTIPLE_DOCUMENTS'],
    ['a list at the root', '- a\n- b\n', 'CONFIG_EDIT_NOT_A_MAPPING'],
    ['a flow root', '{trakt: {a: 1}}\n', 'CONFIG_EDIT_UNSUPPORTED_LAYOUT'],
    ['a scalar section', 'trakt: yes\n', 'CONFIG_EDIT_NOT_A_MAPPING'],
    ['a flow section with a comment inside', 'trakt: {client_id: x, # the id\n  client_secret: y}\n', 'CONFIG_EDIT_UNSUPPORTED_LAYOUT'],
    ['a flow section with a value over two lines', 'trakt: {client_id: [a,\n  b]}\n', 'CONFIG_EDIT_UNSUPPORTED_LAYOUT'],
    ['an aliased section', 'x: &t\n  a: 1\ntrakt: *t\n', 'CONFIG_EDIT_ALIASED_NODE'],
    ['an anchored section used elsewhere', 'trakt: &t\n  a: 1\nmal: *t\n', 'CONFIG_EDIT_SHARED_NODE'],
    ['an aliased authorization', 'a: &a\n  access_token: x\ntrakt:\n  authorization: *a\n', 'CONFIG_EDIT_ALIASED_NODE'],
    ['a merged authorization', 'a: &a\n  access_token: x\ntrakt:\n  authorization:\n    <<: *a\n', 'CONFIG_EDIT_MERGED_NODE'],
    ['an authorization used elsewhere', 'trakt:\n  authorization: &a\n    access_token: x\nmal:\n  authorization: *a\n', 'CONFIG_EDIT_SHARED_NODE'],
    ['an anchor inside the old value', 'trakt:\n  authorization:\n    scope: &s public\nmal:\n  scope: *s\n', 'CONFIG_EDIT_SHARED_NODE'],
    ['an explicit key', 'trakt:\n  ? authorization\n  : x\n', 'CONFIG_EDIT_UNSUPPORTED_LAYOUT'],
  ])('refuses %s', (_, input, code) => {
    expectCode(() => applySectionEdit(input, traktEdit), code);
  });

  it('refuses a malformed edit', () => {
    expectCode(() => applySectionEdit('a: 1\n', { section: '', set: [] }), 'CONFIG_EDIT_INVALID_EDIT');
    expectCode(() => applySectionEdit('a: 1\n', { section: 't', set: [['k', 1], ['k', 2]] }), 'CONFIG_EDIT_INVALID_EDIT');
    expectCode(() => applySectionEdit('a: 1\n', { section: 't', set: [['k', [['x', 1], ['x', 1]]]] }), 'CONFIG_EDIT_INVALID_EDIT');
    expectCode(() => applySectionEdit('a: 1\n', { section: 't', set: [['k', Number.NaN]] }), 'CONFIG_EDIT_INVALID_EDIT');
  });

  it('never puts a value into an error message', () => {
    try {
      applySectionEdit('trakt:\n  authorization: &a\n    access_token: s3cr3t-token\nmal:\n  authorization: *a\n', traktEdit);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('s3cr3t');
      expect((error as Error).message).toContain('trakt.authorization');
    }
  });
});

describe('applySectionEdit: kept scalars and comments', () => {
  it('keeps the quoting of the strings it replaces', () => {
    const input = "trakt:\n  a: 'old'\n  b: \"old\"\n  c: old\n  d: '1'\n";
    const edit: SectionEdit = { section: 'trakt', set: [['a', 'new'], ['b', 'new'], ['c', 'new'], ['d', 2]] };
    expect(applySectionEdit(input, edit)).toBe("trakt:\n  a: 'new'\n  b: \"new\"\n  c: new\n  d: 2\n");
  });

  it('keeps a comment line that follows the rewritten block without a blank line', () => {
    const input = lines('trakt:', '  authorization:', '    access_token:', '  # about force_refresh', '  force_refresh: false', '');
    expect(applySectionEdit(input, traktEdit)).toBe(
      lines('trakt:', authLines('  '), '  # about force_refresh', '  force_refresh: false', '  pin:', ''),
    );
  });

  it('appends after a block scalar that keeps its trailing blank lines, without changing it', () => {
    const input = 'trakt:\n  note: |+\n    text\n\n\nmal: 1\n';
    expect(applySectionEdit(input, { section: 'trakt', set: [['pin', null]] })).toBe('trakt:\n  note: |+\n    text\n\n\n  pin:\nmal: 1\n');
  });
});

describe('applySectionEdit: Kometa template shapes', () => {
  it('fills the template block in place when its last key is empty and appends pin after it', () => {
    const input = lines(
      'trakt:',
      '  client_id: ################################',
      '  authorization:',
      '    # everything below is autofilled by the script',
      '    access_token:',
      '    token_type:',
      '    expires_in:',
      '    refresh_token:',
      '    scope: public',
      '    created_at:',
      'mal:',
      '',
    );
    expect(applySectionEdit(input, traktEdit)).toBe(
      lines(
        'trakt:',
        '  client_id: ################################',
        '  authorization:',
        '    # everything below is autofilled by the script',
        ...authLines('  ').split('\n').slice(1),
        '  pin:',
        'mal:',
        '',
      ),
    );
  });
});

describe('applySectionEdit: flow-style sections', () => {
  it('writes a one-line flow section as a block, keeping each key and value as written', () => {
    const input = lines('plex:', '    url: x', "trakt: {client_id: 'id', \"client_secret\": s3, pin: 1234, force_refresh: , x}   # short", 'mal:', '');
    expect(applySectionEdit(input, { section: 'trakt', set: [['pin', null]] })).toBe(
      lines('plex:', '    url: x', 'trakt:   # short', "    client_id: 'id'", '    "client_secret": s3', '    pin:', '    force_refresh:', '    x:', 'mal:', ''),
    );
  });

  it('accepts a flow section spread over lines when no entry is', () => {
    const input = lines('trakt: {', '  client_id: id,', '  client_secret: s', '}', '');
    expect(applySectionEdit(input, { section: 'trakt', set: [['pin', null]] })).toBe(
      lines('trakt:', '  client_id: id', '  client_secret: s', '  pin:', ''),
    );
  });
});

describe('applySectionEdit: comments under an empty key', () => {
  it('keeps comments written under an empty authorization above the new keys', () => {
    const input = lines('trakt:', '  authorization:', '    # filled in by the script', '  # about pin', '  pin:', '');
    expect(applySectionEdit(input, traktEdit)).toBe(
      lines('trakt:', '  authorization:', '    # filled in by the script', ...authLines('  ').split('\n').slice(1), '  # about pin', '  pin:', ''),
    );
  });

  it('fills an empty section below its indented comments, in CRLF too', () => {
    const input = 'trakt:\r\n  # client_id: from the Trakt app\r\nmal:\r\n';
    expect(applySectionEdit(input, { section: 'trakt', set: [['pin', null]] })).toBe('trakt:\r\n  # client_id: from the Trakt app\r\n  pin:\r\nmal:\r\n');
  });
});
