import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type MockClock } from './clock';
import { FaultQueue, faultReply } from './faults';
import { decodeBody, type MockHandler, type MockReply, type MockRequest } from './reply';
import type { RequestLogEntry } from './request-log';

/** Options of {@link startMockServer}. */
export interface MockServerOptions {
  readonly handler: MockHandler;
  readonly clock?: MockClock;
  /** Port on 127.0.0.1; default 0 (a free one). */
  readonly port?: number;
  /** Called after every request is answered (the command-line mock prints it). */
  readonly onRequest?: (entry: RequestLogEntry) => void;
}

/** A running mock server. */
export interface MockServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** Every request so far, oldest first. */
  readonly log: readonly RequestLogEntry[];
  /** Fault rules, applied to the next matching requests. */
  readonly faults: FaultQueue;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 that reads each request fully, applies the next matching
 * fault, lets `handler` answer, and logs the exchange.
 */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const clock = options.clock ?? systemClock;
  const log: RequestLogEntry[] = [];
  const faults = new FaultQueue();

  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`mock crashed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = clock.now();
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request: MockRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      body: decodeBody(req.headers['content-type'], rawBody),
    };
    const rule = faults.take(request.path);
    const record = (status: number | 'dropped'): void => {
      const entry: RequestLogEntry = {
        at,
        method: request.method,
        path: request.path,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: request.body,
        status,
        ...(rule === undefined ? {} : { fault: `${rule.fault.kind} ${rule.when ?? 'before'}` }),
      };
      log.push(entry);
      options.onRequest?.(entry);
    };

    const before = rule !== undefined && (rule.when ?? 'before') === 'before';
    if (before && rule.fault.kind === 'drop') {
      record('dropped');
      req.socket.destroy();
      return;
    }
    const replacement = rule === undefined ? undefined : faultReply(rule.fault);
    if (before && rule.fault.kind === 'slow') await delay(rule.fault.delayMs);
    let reply: MockReply;
    if (before && replacement !== undefined) {
      reply = replacement;
    } else {
      reply = await options.handler(request);
      if (rule !== undefined && !before) {
        if (rule.fault.kind === 'drop') {
          record('dropped');
          req.socket.destroy();
          return;
        }
        if (rule.fault.kind === 'slow') await delay(rule.fault.delayMs);
        reply = replacement ?? reply;
      }
    }
    record(reply.status);
    if (res.destroyed) return;
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
