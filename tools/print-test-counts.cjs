// Sums the per-project records written by jest-count-reporter.cjs and prints the closing line CI reads.
// Exits 1 when nothing ran or anything failed, so a silent run can never pass.
const fs = require('node:fs');

const file = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
const text = file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
for (const line of text.split('\n')) {
  if (!line.trim()) continue;
  const record = JSON.parse(line);
  passed += record.passed;
  failed += record.failed;
  skipped += record.skipped;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(passed === 0 || failed > 0 ? 1 : 0);
