#!/usr/bin/env node
'use strict';
// `npm run bench`: start-up and scaling of `pmm-config validate` against the `node -e 0` floor.
// Usage: node tools/bench/bench.cjs [--runs N] [--warmup N] [--cli path/to/main.js] [--bundle path/to/main.js]
//        [--no-bundle] [--json]
// Benches the workspace build and, when it has been built, the bundled package's bin (cold and warm code cache).
// Timed runs spawn the CLI exactly as a user would; peak RSS and CPU time come from 5 separate runs with
// rss-probe.cjs preloaded, so the probe never adds to the wall times.

const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { dirname, join, relative, resolve } = require('node:path');
const { parseArgs } = require('node:util');
const { generateConfig, linkedFiles } = require('./generate-config.cjs');
const { generateProject } = require('./generate-project.cjs');

const repoRoot = resolve(__dirname, '../..');
const TARGETS = { kitchenSinkRatio: 2, peakRssMb: 100, projectMs: 600, projectRssMb: 150 };
/** Linked-files rows: one config and this many collection files of ~200 lines each. */
const PROJECT_SIZES = [100, 500];

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '3' },
      cli: { type: 'string', default: join(repoRoot, 'packages/cli/dist/main.js') },
      bundle: { type: 'string', default: join(repoRoot, 'dist/pmm-config/dist/main.js') },
      'no-bundle': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmup) || warmup < 0) {
    throw new Error('--runs needs a whole number >= 1 and --warmup one >= 0');
  }
  return { runs, warmup, cli: resolve(values.cli), bundle: values['no-bundle'] ? undefined : resolve(values.bundle), json: values.json };
}

/** The real kitchen-sink config from the shared corpus, when this checkout has it (never copied into the repo). */
function corpusKitchenSink() {
  const folder = resolve(repoRoot, '../shared/corpus/real');
  if (!existsSync(folder)) return undefined;
  const name = readdirSync(folder).find((file) => /kitchen_sink_config\.ya?ml$/.test(file));
  return name ? join(folder, name) : undefined;
}

function lineCount(text) {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function runOnce(args, env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  return { ms, status: result.status, stderr: result.stderr };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Times a command `runs` times after `warmup` untimed runs, then measures its CPU time and peak RSS over 5 probe
 * runs. `extraEnv()` is called before every run, so a run can get a fresh cache folder.
 */
function measure(label, args, { runs, warmup }, acceptStatus, extraEnv = () => ({})) {
  const env = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extraEnv() });
  for (let i = 0; i < warmup; i++) runOnce(args, env());
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { ms, status, stderr } = runOnce(args, env());
    if (!acceptStatus(status)) throw new Error(`${label} exited ${status}: ${stderr.trim().split('\n')[0]}`);
    times.push(ms);
  }
  const folder = mkdtempSync(join(os.tmpdir(), 'pmm-bench-probe-'));
  const probeFile = join(folder, 'probe.json');
  let peakKb = 0;
  const cpu = [];
  try {
    for (let i = 0; i < 5; i++) {
      runOnce(['-r', join(__dirname, 'rss-probe.cjs'), ...args], { ...env(), PMM_BENCH_PROBE_FILE: probeFile });
      const probe = JSON.parse(readFileSync(probeFile, 'utf8'));
      peakKb = Math.max(peakKb, probe.maxRssKb);
      cpu.push(probe.cpuMs);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return { label, medianMs: median(times), minMs: Math.min(...times), cpuMs: median(cpu), peakRssMb: peakKb / 1024 };
}

/**
 * The builds to bench. The bundle's bin keeps a V8 code cache under XDG_CACHE_HOME: "cold" gives every run an
 * empty cache folder (a first run, which also writes the cache), "warm" one folder that the warm-up runs fill.
 */
function builds(opts, work) {
  const list = [{ name: 'workspace', cli: opts.cli, env: () => ({}) }];
  if (!opts.bundle) return list;
  if (!existsSync(opts.bundle)) {
    console.error(`bench: no bundle at ${relative(process.cwd(), opts.bundle)}, skipping it (build it with npx nx run pmm-config:bundle)`);
    return list;
  }
  let cold = 0;
  const warm = join(work, 'cache-warm');
  list.push(
    { name: 'bundle cold', cli: opts.bundle, env: () => ({ XDG_CACHE_HOME: join(work, `cache-cold-${cold++}`) }) },
    { name: 'bundle warm', cli: opts.bundle, env: () => ({ XDG_CACHE_HOME: warm }), needsWarmup: true },
  );
  return list;
}

function main() {
  const opts = options();
  if (!existsSync(opts.cli)) {
    console.error(`bench: ${relative(process.cwd(), opts.cli)} is missing; build the CLI first: npx nx run pmm-config:build`);
    process.exit(1);
  }
  const work = mkdtempSync(join(os.tmpdir(), 'pmm-bench-'));
  try {
    const small = join(work, 'kitchen-sink-size.yml');
    const large = join(work, 'ten-times.yml');
    for (const [path, lines] of [[small, 950], [large, 9500]]) {
      const config = generateConfig(lines);
      writeFileSync(path, config);
      for (const linked of linkedFiles(config)) {
        mkdirSync(dirname(join(work, linked.path)), { recursive: true });
        writeFileSync(join(work, linked.path), linked.content);
      }
    }
    const lines = { small: lineCount(readFileSync(small, 'utf8')), large: lineCount(readFileSync(large, 'utf8')) };
    const projects = PROJECT_SIZES.map((files) => {
      const folder = join(work, `project-${files}`);
      let total = 0;
      for (const file of generateProject(files)) {
        mkdirSync(dirname(join(folder, file.path)), { recursive: true });
        writeFileSync(join(folder, file.path), file.content);
        total += lineCount(file.content);
      }
      return { files, config: join(folder, 'config.yml'), lines: total };
    });
    const validateStatus = (status) => status === 0 || status === 1;

    const floor = measure('node -e 0', ['-e', '0'], opts, (s) => s === 0);
    const rows = [{ ...floor, build: undefined, lines: undefined }];
    const kitchenSink = corpusKitchenSink();
    const targets = {};
    const scaling = {};
    for (const build of builds(opts, work)) {
      const runOpts = build.needsWarmup ? { ...opts, warmup: Math.max(1, opts.warmup) } : opts;
      const row = (label, args, extra, accept = validateStatus) => ({ ...measure(`${build.name}: ${label}`, [build.cli, ...args], runOpts, accept, build.env), build: build.name, ...extra });
      rows.push(row('--version', ['--version'], {}, (status) => status === 0));
      const smallRow = row('validate ~950 lines', ['validate', small], { lines: lines.small, kitchenSink: true });
      rows.push(smallRow);
      if (kitchenSink) {
        rows.push(row('validate kitchen sink', ['validate', kitchenSink], { lines: lineCount(readFileSync(kitchenSink, 'utf8')), kitchenSink: true }));
      }
      const largeRow = row('validate 10x', ['validate', large], { lines: lines.large });
      rows.push(largeRow);
      const projectRows = projects.map((project) => row(`validate config + ${project.files} files`, ['validate', project.config], { lines: project.lines, project: project.files }));
      rows.push(...projectRows);
      // Cost above the node floor, per 1000 lines, and how it grows from 1x to 10x the size.
      const workGrowth = (largeRow.medianMs - floor.medianMs) / (smallRow.medianMs - floor.medianMs);
      scaling[build.name] = {
        perKLineSmall: ((smallRow.medianMs - floor.medianMs) / lines.small) * 1000,
        marginalPerKLine: ((largeRow.medianMs - smallRow.medianMs) / (lines.large - lines.small)) * 1000,
        workGrowth,
        sizeGrowth: lines.large / lines.small,
        projectGrowth: (projectRows[1].medianMs - floor.medianMs) / (projectRows[0].medianMs - floor.medianMs),
        projectSizeGrowth: projects[1].lines / projects[0].lines,
      };
      const own = rows.filter((r) => r.build === build.name);
      targets[build.name] = {
        kitchenSinkWithin2x: own.filter((r) => r.kitchenSink).every((r) => r.medianMs / floor.medianMs <= TARGETS.kitchenSinkRatio),
        peakRssWithin100Mb: own.every((r) => r.peakRssMb <= TARGETS.peakRssMb),
        growthAtMostLinear: workGrowth <= lines.large / lines.small,
        projectWithinTime: projectRows[0].medianMs <= TARGETS.projectMs,
        projectWithinRss: projectRows.every((r) => r.peakRssMb <= TARGETS.projectRssMb || r.project !== PROJECT_SIZES[0]),
        projectGrowthAtMostLinear: scaling[build.name].projectGrowth <= projects[1].lines / projects[0].lines,
      };
    }
    const summary = {
      cli: relative(repoRoot, opts.cli),
      bundle: opts.bundle && existsSync(opts.bundle) ? relative(repoRoot, opts.bundle) : undefined,
      runs: opts.runs,
      node: process.version,
      rows: rows.map((row) => ({ ...row, ratio: row.medianMs / floor.medianMs, cpuRatio: row.cpuMs / floor.cpuMs })),
      loadAverage: os.loadavg().map((load) => load.toFixed(1)).join(' '),
      scaling,
      targets,
    };
    if (opts.json) console.log(JSON.stringify(summary, null, 2));
    else print(summary);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function print(summary) {
  const pad = (text, width) => String(text).padEnd(width);
  const num = (value, digits = 1) => value.toFixed(digits).padStart(8);
  console.log(`pmm-config bench: ${summary.cli}${summary.bundle ? ` and ${summary.bundle}` : ''}, node ${summary.node}, ${summary.runs} timed runs each (median / min wall);`);
  console.log(`CPU (user+sys, median) and peak RSS (max) from 5 runs with rss-probe.cjs (process.resourceUsage()); load average ${summary.loadAverage}`);
  console.log('');
  console.log(`${pad('command', 40)}${pad('lines', 8)}${'median ms'.padStart(10)}${'min ms'.padStart(9)}${'x node'.padStart(9)}${'cpu ms'.padStart(9)}${'x node'.padStart(9)}${'peak MB'.padStart(9)}`);
  for (const row of summary.rows) {
    console.log(
      `${pad(row.label, 40)}${pad(row.lines ?? '', 8)}${num(row.medianMs).padStart(10)}${num(row.minMs).padStart(9)}${num(row.ratio, 2).padStart(9)}` +
        `${num(row.cpuMs).padStart(9)}${num(row.cpuRatio, 2).padStart(9)}${num(row.peakRssMb).padStart(9)}`,
    );
  }
  const mark = (ok) => (ok ? 'ok  ' : 'MISS');
  for (const [name, s] of Object.entries(summary.scaling)) {
    const t = summary.targets[name];
    console.log('');
    console.log(`${name}: above the node floor ${s.perKLineSmall.toFixed(1)} ms per 1000 lines at ~950 lines; ${s.marginalPerKLine.toFixed(1)} ms per extra 1000 lines up to 10x;`);
    console.log(`  work grows ${s.workGrowth.toFixed(2)}x for ${s.sizeGrowth.toFixed(2)}x the lines (linear or better when <= size growth)`);
    console.log(`  ${mark(t.kitchenSinkWithin2x)} ~950-line configs within ${TARGETS.kitchenSinkRatio}x node -e 0`);
    console.log(`  ${mark(t.peakRssWithin100Mb)} peak RSS within ${TARGETS.peakRssMb} MB`);
    console.log(`  ${mark(t.growthAtMostLinear)} time grows no worse than linearly with size`);
    console.log(`  linked files: work grows ${s.projectGrowth.toFixed(2)}x for ${s.projectSizeGrowth.toFixed(2)}x the lines (${PROJECT_SIZES.join(' -> ')} files)`);
    console.log(`  ${mark(t.projectWithinTime)} config + ${PROJECT_SIZES[0]} files within ${TARGETS.projectMs} ms wall`);
    console.log(`  ${mark(t.projectWithinRss)} config + ${PROJECT_SIZES[0]} files within ${TARGETS.projectRssMb} MB peak RSS`);
    console.log(`  ${mark(t.projectGrowthAtMostLinear)} linked-files time grows no worse than linearly with the number of files`);
  }
}

main();
