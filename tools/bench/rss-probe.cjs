'use strict';
// Preloaded with `node -r` in the probe runs only (never in the timed runs): records the process's peak
// resident set size (as the kernel counts it) and its CPU time, as JSON in the file named by PMM_BENCH_PROBE_FILE.
// CPU time barely moves when other work shares the machine, so it is a steadier number than wall time there.
const { writeFileSync } = require('node:fs');

const target = process.env.PMM_BENCH_PROBE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
