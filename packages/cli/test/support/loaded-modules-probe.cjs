'use strict';
// Preloaded with `node -r` by startup.e2e.test.ts: writes every module file the process loaded to the file
// named by PMM_LOADED_MODULES_FILE, one per line, when it exits.
const { writeFileSync } = require('node:fs');

const target = process.env.PMM_LOADED_MODULES_FILE;
if (target) process.on('exit', () => writeFileSync(target, Object.keys(require.cache).join('\n')));
