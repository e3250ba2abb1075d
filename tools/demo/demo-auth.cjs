#!/usr/bin/env node
// `npm run demo:auth`: the whole `pmm-config auth trakt` device flow against the local Trakt mock, on a
// temporary copy of examples/config.yml. No Trakt account and no network needed.
'use strict';

const { spawn } = require('node:child_process');
const { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'packages/cli/dist/main.js');
const colorModule = path.join(root, 'packages/cli/dist/validate/color.js');
const mockModule = path.join(root, 'tools/mock-oauth/dist/index.js');

function run(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('close', (code) => resolve(code ?? 1));
  });
}

/** The lines of the trakt: section, with token values masked so the demo output is safe to share. */
function traktSection(text) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^trakt:/.test(line));
  if (start < 0) return '(no trakt: section)';
  const end = lines.findIndex((line, index) => index > start && /^\S/.test(line));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .map((line) => line.replace(/^(\s*(?:client_id|client_secret|access_token|refresh_token):\s*)(\S.*)$/, '$1******** (masked by the demo)'))
    .join('\n');
}

async function main() {
  for (const [file, hint] of [
    [cli, 'npm run build'],
    [mockModule, 'npm run build'],
  ]) {
    if (!existsSync(file)) {
      process.stderr.write(`demo:auth: ${path.relative(root, file)} is missing; run \`${hint}\` first\n`);
      process.exit(2);
    }
  }
  const { startTraktMock } = require(mockModule);
  const { url, handle } = await startTraktMock({ autoApproveAfterPolls: 2, deviceInterval: 2, username: 'demo-user' });
  const dir = mkdtempSync(path.join(tmpdir(), 'pmm-config-demo-'));
  const config = path.join(dir, 'config.yml');
  copyFileSync(path.join(root, 'examples/config.yml'), config);
  // The example keeps Trakt credentials as Kometa secrets (<<TRAKT_CLIENT_ID>>); the demo fills in the mock's.
  const text = readFileSync(config, 'utf8').replace('<<TRAKT_CLIENT_ID>>', handle.clientId).replace('<<TRAKT_CLIENT_SECRET>>', handle.clientSecret);
  writeFileSync(config, text);
  const env = { PMM_CONFIG_NO_BROWSER: '1', PMM_CONFIG_TRAKT_AUTH_URL: url, PMM_CONFIG_TRAKT_API_URL: url };
  // Bold headings only where the CLI would colour too: on a terminal, honouring NO_COLOR and FORCE_COLOR.
  const { shouldUseColor } = require(colorModule);
  const bold = shouldUseColor({ isTTY: process.stdout.isTTY === true, env: process.env });
  const say = (line) => process.stdout.write(bold ? `\n\x1b[1m${line}\x1b[0m\n` : `\n${line}\n`);
  let code = 2;
  try {
    say(`Trakt mock on ${url} (it approves the code by itself after two polls, as if you had entered it).`);
    say(`$ pmm-config auth trakt --config ${config}`);
    code = await run(['auth', 'trakt', '--config', config, '--backup'], env);
    if (code === 0) {
      say('The trakt: section now (the rest of the file is byte-for-byte unchanged):');
      process.stdout.write(`${traktSection(readFileSync(config, 'utf8'))}\n`);
      say('$ pmm-config auth trakt --check');
      code = await run(['auth', 'trakt', '--config', config, '--check'], env);
      say('$ pmm-config auth trakt --refresh');
      code = code || (await run(['auth', 'trakt', '--config', config, '--refresh'], env));
    }
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exitCode = code;
}

main().catch((error) => {
  process.stderr.write(`demo:auth: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
