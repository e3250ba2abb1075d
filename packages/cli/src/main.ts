#!/usr/bin/env node
import { runCli } from './cli';
import { processIO } from './io';

// Setting exitCode instead of calling exit() lets piped stdout drain before the process ends.
runCli(process.argv.slice(2), processIO()).then((code) => {
  process.exitCode = code;
});
