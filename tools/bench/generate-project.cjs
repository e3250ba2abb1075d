'use strict';
// A deterministic Kometa repository for the linked-files benchmark: one config.yml whose libraries link N
// collection files of ~200 lines each, in the shapes real files have (templates with variables and defaults,
// external templates, plex_search and smart_filter blocks, filters with modifiers, TMDb/IMDb/Trakt builders).

const BUILDERS = [
  (i) => [`    tmdb_collection_details: ${1000 + i}`],
  (i) => [`    imdb_list: https://www.imdb.com/list/ls0${String(10000000 + i).slice(1)}/`],
  (i) => [`    trakt_list: https://trakt.tv/users/bench/lists/list-${i}`],
  (i) => ['    plex_search:', '      all:', `        genre: [Action, Comedy]`, `        year.gte: ${1970 + (i % 50)}`, '      sort_by: critic_rating.desc', '      limit: 50'],
  (i) => ['    plex_all: true', '    filters:', `      year.gte: ${1980 + (i % 40)}`, '      critic_rating.gt: 6.5', '      genre.not: Horror'],
  (i) => ['    tmdb_discover:', `      with_genres: ${12 + (i % 30)}`, '      sort_by: popularity.desc', '      vote_count.gte: 500', '      limit: 100'],
];

function collectionFile(fileIndex, definitions) {
  const lines = [
    `# Generated collection file ${fileIndex} for the linked-files benchmark.`,
    'external_templates:',
    '  - file: config/templates.yml',
    'templates:',
    `  local_${fileIndex}:`,
    '    default:',
    '      order: "050"',
    '    optional:',
    '      - extra_label',
    '    sort_title: "!<<order>>_<<collection_name>>"',
    '    collection_mode: hide',
    '    label: <<extra_label>>',
    'collections:',
  ];
  for (let d = 0; d < definitions; d++) {
    const i = fileIndex * definitions + d;
    lines.push(`  Bench Collection ${i}:`);
    lines.push(d % 3 === 0 ? `    template: {name: shared, company: ${i}}` : `    template: {name: local_${fileIndex}, order: "${String(d).padStart(3, '0')}"}`);
    if (d % 3 !== 0) lines.push(...BUILDERS[i % BUILDERS.length](i));
    lines.push(`    summary: Generated collection number ${i} for the benchmark.`, '    sync_mode: sync', '    collection_order: release', '    minimum_items: 3', '    visible_home: false');
  }
  return `${lines.join('\n')}\n`;
}

const TEMPLATES = [
  '# Shared templates of the benchmark repository.',
  'templates:',
  '  shared:',
  '    tmdb_company: <<company>>',
  '    sort_title: "!100_<<collection_name>>"',
  '    collection_order: release',
  '',
].join('\n');

/** `{ files: [{ path, content }] }`: `config.yml` first, then `config/templates.yml` and the collection files. */
function generateProject(fileCount, definitionsPerFile = 20) {
  const libraries = ['Movies', 'TV Shows', '4K Movies', 'Kids Movies'];
  const config = [
    '# Generated Kometa config for the linked-files benchmark.',
    'libraries:',
    ...libraries.flatMap((name, l) => [
      `  ${name}:`,
      '    collection_files:',
      ...Array.from({ length: fileCount }, (_, f) => f).filter((f) => f % libraries.length === l).map((f) => `      - file: config/collections/file_${f}.yml`),
    ]),
    'tmdb:',
    '  apikey: 0123456789abcdef0123456789abcdef',
    'plex:',
    '  url: http://plex:32400',
    '  token: abcdefghijabcdefghij',
    'trakt:',
    '  client_id: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    '  client_secret: fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210',
    '  authorization:',
    '    access_token: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    '    token_type: Bearer',
    '    expires_in: 7889238',
    '    refresh_token: fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210',
    '    scope: public',
    '    created_at: 1893456000',
    '',
  ].join('\n');
  return [
    { path: 'config.yml', content: config },
    { path: 'config/templates.yml', content: TEMPLATES },
    ...Array.from({ length: fileCount }, (_, f) => ({ path: `config/collections/file_${f}.yml`, content: collectionFile(f, definitionsPerFile) })),
  ];
}

module.exports = { generateProject };
