#!/usr/bin/env node
import { runCli } from './cli';
import { processIO } from './io';

// Setting exitCode instead of calling exit() lets piped stdout drain before the process ends. A failed write
// (a full disk) may already have set a higher one.
runCli(process.argv.slice(2), processIO()).then((code) => {
  process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
});
