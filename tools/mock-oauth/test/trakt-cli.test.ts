import { spawn } from 'node:child_process';
import path from 'node:path';

const CLI = path.resolve(__dirname, '../dist/trakt-cli.js');

describe('npm run mock:trakt (dist/trakt-cli.js)', () => {
  it('prints URL and credentials, auto-approves, logs masked requests, stops on SIGINT', async () => {
    const child = spawn(process.execPath, [CLI, '--approve-after', '1', '--interval', '0', '--client-secret', 'clisecret123'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.test(out));
      const url = /listening on (\S+)/.exec(out)?.[1] ?? '';
      const clientId = /client_id:\s+(\S+)/.exec(out)?.[1] ?? '';
      const headers = { 'Content-Type': 'application/json', 'User-Agent': 'cli-test/1' };
      const codes = await (await fetch(`${url}/oauth/device/code`, { method: 'POST', headers, body: JSON.stringify({ client_id: clientId }) })).json();
      const token = await fetch(`${url}/oauth/device/token`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ code: codes.device_code, client_id: clientId, client_secret: 'clisecret123' }),
      });
      expect(token.status).toBe(200);
      await waitFor(() => out.includes('/oauth/device/token -> 200'));
      const logLines = out.split('\n').filter((line) => line.includes(' -> '));
      expect(logLines.join('\n')).not.toContain(codes.device_code);
      expect(logLines.join('\n')).not.toContain('clisecret123');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 25) {
    if (waited > 5000) throw new Error('timed out waiting for the mock CLI');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
