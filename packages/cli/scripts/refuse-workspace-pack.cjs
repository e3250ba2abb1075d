#!/usr/bin/env node
'use strict';
// `prepack` of the workspace package: its dependencies are workspace links that no registry has, so a
// tarball of it could not be installed. The publishable package is the bundle staged by bundle.cjs.
process.stderr.write(
  [
    'pmm-config: this workspace package is not the one to pack or publish (its dependencies exist only in this repository).',
    'Build the self-contained package instead:  npx nx run pmm-config:bundle',
    'It stages dist/pmm-config/ and packs it to dist/pmm-config-<version>.tgz; publish that folder or tarball.',
    '',
  ].join('\n'),
);
process.exit(1);
