// Build step after `tsc`: writes the data files the package reads at run time, from the compiled
// src/config-schema.ts and src/deprecations.ts (the single sources of truth), so that no run rebuilds them:
//   dist/config.schema.json      the published schema, pretty-printed, with editor annotations;
//   dist/validation-schema.json  the same tree without annotations, compact: what validateConfig runs on;
//   dist/deprecations.json       the deprecation table.
// ajv compiles the schema in strict mode first, only as a check: it rejects unknown keywords and ambiguous
// types that editors would silently ignore. Nothing is compiled at run time.
const { writeFileSync, renameSync } = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv').default;

const dist = path.resolve(__dirname, '../dist');
const { configSchema } = require(path.join(dist, 'config-schema.js'));
const { toValidationSchema } = require(path.join(dist, 'validation-schema.js'));
const { deprecations } = require(path.join(dist, 'deprecations.js'));

// Annotations for editors; strict mode would reject them as unknown keywords.
const ANNOTATION_KEYWORDS = ['markdownDescription', 'deprecationMessage'];

function collectExtensionKeywords(node, found) {
  if (Array.isArray(node)) {
    for (const item of node) collectExtensionKeywords(item, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      collectExtensionKeywords(value, found);
    }
  }
  return found;
}

// Union types (`['string', 'array', 'null']`) are deliberate: one precise error instead of anyOf noise.
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
for (const keyword of [...ANNOTATION_KEYWORDS, ...collectExtensionKeywords(configSchema, new Set())]) {
  ajv.addKeyword({ keyword, schemaType: ['string', 'boolean', 'number', 'object', 'array'] });
}
ajv.compile(configSchema);

function writeAtomic(file, text) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

writeAtomic(path.join(dist, 'config.schema.json'), `${JSON.stringify(configSchema, null, 2)}\n`);
writeAtomic(path.join(dist, 'validation-schema.json'), `${JSON.stringify(toValidationSchema(configSchema))}\n`);
writeAtomic(path.join(dist, 'deprecations.json'), `${JSON.stringify(deprecations)}\n`);
