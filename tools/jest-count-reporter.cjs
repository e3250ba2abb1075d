// Jest's own "Tests: N passed, N total" line is not the plain "N passed, N failed" form CI reads,
// so each jest run appends its counts here and tools/print-test-counts.cjs sums them at the end.
const fs = require('node:fs');
const path = require('node:path');

class CountReporter {
  onRunComplete(_contexts, results) {
    const target = process.env.PMM_TEST_COUNTS;
    if (!target) return;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const record = {
      project: process.cwd(),
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.appendFileSync(target, JSON.stringify(record) + '\n');
  }
}

module.exports = CountReporter;
