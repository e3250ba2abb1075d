#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { formatLogLine } from './http/request-log';
import { startMalMock } from './mal/server';

const USAGE = `Usage: npm run mock:mal -- [--port N] [--client-id ID] [--client-secret SECRET] [--access-ttl SECONDS] [--code-ttl SECONDS] [--no-rotate] [--deny]

Starts a MyAnimeList OAuth + API mock on 127.0.0.1 and logs every request with secrets masked.
Point pmm-config at it with PMM_CONFIG_MAL_AUTH_URL and PMM_CONFIG_MAL_API_URL.`;

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive whole number`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'access-ttl': { type: 'string' },
      'code-ttl': { type: 'string' },
      'no-rotate': { type: 'boolean' },
      deny: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = positiveInt(values.port, 'port');
  const accessTokenTtlSeconds = positiveInt(values['access-ttl'], 'access-ttl');
  const codeTtlSeconds = positiveInt(values['code-ttl'], 'code-ttl');
  const mock = await startMalMock({
    ...(port === undefined ? {} : { port }),
    ...(values['client-id'] === undefined ? {} : { clientId: values['client-id'] }),
    ...(values['client-secret'] === undefined ? {} : { clientSecret: values['client-secret'] }),
    ...(accessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds }),
    ...(codeTtlSeconds === undefined ? {} : { codeTtlSeconds }),
    rotateRefreshTokens: !values['no-rotate'],
    authorizeOutcome: values.deny ? 'deny' : 'approve',
    onRequest: (entry) => process.stdout.write(`${formatLogLine(entry)}\n`),
  });
  // Mock credentials are printed on purpose: they are throwaway values the demo user has to paste into a config.
  process.stdout.write(
    [
      `MyAnimeList mock listening on ${mock.url}`,
      `  export PMM_CONFIG_MAL_AUTH_URL=${mock.authUrl}`,
      `  export PMM_CONFIG_MAL_API_URL=${mock.apiUrl}`,
      `  mal.client_id:     ${mock.clientId}`,
      `  mal.client_secret: ${mock.clientSecret}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = () => void mock.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`mock:mal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
