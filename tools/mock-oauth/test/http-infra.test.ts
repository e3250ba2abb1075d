import { FaultQueue, formatLogLine, json, startMockServer, type RequestLogEntry } from '../src/index';

describe('FaultQueue', () => {
  it('matches by path, counts down `times`, and keeps order', () => {
    const queue = new FaultQueue();
    queue.add({ path: '/a', fault: { kind: 'drop' }, times: 2 });
    queue.add({ fault: { kind: 'status', status: 503 } });
    expect(queue.take('/b')?.fault).toEqual({ kind: 'status', status: 503 });
    expect(queue.take('/a')?.fault.kind).toBe('drop');
    expect(queue.take('/a')?.fault.kind).toBe('drop');
    expect(queue.take('/a')).toBeUndefined();
    expect(queue.pending()).toBe(0);
  });
});

describe('startMockServer', () => {
  it('serves on 127.0.0.1, logs requests and applies before/after faults', async () => {
    let handled = 0;
    const server = await startMockServer({ handler: () => (handled++, json(200, { ok: true })) });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      server.faults.add({ fault: { kind: 'status', status: 502 } });
      server.faults.add({ fault: { kind: 'malformed-json' }, when: 'after' });
      expect((await fetch(`${server.url}/x`)).status).toBe(502);
      expect(handled).toBe(0);
      const broken = await fetch(`${server.url}/x`);
      const text = await broken.text();
      expect(() => JSON.parse(text)).toThrow();
      expect(handled).toBe(1);
      server.faults.add({ fault: { kind: 'drop' } });
      await expect(fetch(`${server.url}/x`)).rejects.toThrow();
      expect(server.log.map((entry) => [entry.status, entry.fault])).toEqual([
        [502, 'status before'],
        [200, 'malformed-json after'],
        ['dropped', 'drop before'],
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('formatLogLine', () => {
  it('masks secret body values and secret headers', () => {
    const entry: RequestLogEntry = {
      at: Date.UTC(2026, 8, 1, 12, 0, 5),
      method: 'POST',
      path: '/oauth/token',
      query: {},
      headers: { authorization: 'Bearer abcdef0123', 'user-agent': 'pmm-config/1' },
      body: { code: 'CFE7D464', client_secret: 's3cr3t', grant_type: 'authorization_code' },
      status: 200,
    };
    const line = formatLogLine(entry);
    expect(line).toBe('12:00:05 POST /oauth/token -> 200  code=******** client_secret=******** grant_type="authorization_code"  authorization: ********');
  });
});
