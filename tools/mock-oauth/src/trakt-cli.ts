import { parseArgs } from 'node:util';
import { formatLogLine } from './http/request-log';
import { startTraktMock } from './trakt/mock';

const USAGE = `Usage: npm run mock:trakt -- [options]

Starts the Trakt OAuth + API mock on 127.0.0.1 until Ctrl-C.

  --port <n>            port (default: a free one)
  --approve-after <n>   approve device codes after n polls (default 2)
  --interval <s>        device poll interval in seconds (default 5)
  --error-style <s>     2026 (400 JSON, default) or legacy (401 + WWW-Authenticate)
  --client-id <id>      fixed client id (default: random)
  --client-secret <s>   fixed client secret (default: random)
  --quiet               do not log requests
  --help                this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'approve-after': { type: 'string', default: '2' },
      interval: { type: 'string', default: '5' },
      'error-style': { type: 'string', default: '2026' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const errorStyle = values['error-style'];
  if (errorStyle !== '2026' && errorStyle !== 'legacy') throw new Error('--error-style must be 2026 or legacy');
  const { url, handle } = await startTraktMock({
    ...(values.port === undefined ? {} : { port: integer('--port', values.port) }),
    autoApproveAfterPolls: integer('--approve-after', values['approve-after']),
    deviceInterval: integer('--interval', values.interval),
    errorStyle,
    ...(values['client-id'] === undefined ? {} : { clientId: values['client-id'] }),
    ...(values['client-secret'] === undefined ? {} : { clientSecret: values['client-secret'] }),
    ...(values.quiet ? {} : { onRequest: (entry) => process.stdout.write(`${formatLogLine(entry)}\n`) }),
  });
  process.stdout.write(
    [
      `Trakt mock listening on ${url}`,
      `  client_id:     ${handle.clientId}`,
      `  client_secret: ${handle.clientSecret}`,
      `  (mock credentials, valid only against this server)`,
      `Try: node packages/cli/dist/main.js auth trakt --auth-url ${url} --api-url ${url}`,
      `Ctrl-C stops it.`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void handle.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function integer(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`${flag} must be a whole number, got "${value}"`);
  return Number(value);
}

main().catch((error: unknown) => {
  process.stderr.write(`mock:trakt: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
