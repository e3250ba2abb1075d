'use strict';
// Preloaded with `node -r` in the memory runs only (never in the timed runs): records the process's peak
// resident set size, as the kernel counts it, in the file named by PMM_BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');

const target = process.env.PMM_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
}
