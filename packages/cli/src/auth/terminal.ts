import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** The interactive side of the process that `auth` needs beyond `CliIO`: keyboard, browser, Ctrl-C. */
export interface AuthTerminal {
  /** Whether a person can answer: stdin and stderr are both terminals. */
  readonly interactive: boolean;
  /** Asks on stderr and reads one line from stdin; `secret` answers are not echoed. */
  ask(question: string, options: { readonly secret?: boolean; readonly signal?: AbortSignal }): Promise<string>;
  /** Opens a URL in the desktop browser; false when there is none (SSH, no display) or it failed. */
  openUrl(url: string): Promise<boolean>;
  /** Calls `handler` on Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
}

function browserCommand(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): [string, string[]] | undefined {
  if (env['PMM_CONFIG_NO_BROWSER'] || env['SSH_CONNECTION'] || env['SSH_TTY']) return undefined;
  if (platform === 'darwin') return ['open', []];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""']];
  if (!env['DISPLAY'] && !env['WAYLAND_DISPLAY']) return undefined;
  return ['xdg-open', []];
}

/** The real terminal of this process. */
export function processTerminal(): AuthTerminal {
  return {
    interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
    ask(question, { secret, signal }) {
      return new Promise((resolve, reject) => {
        let muted = false;
        // Echo goes through this stream so a secret answer can be hidden while the question stays visible.
        const output = new Writable({
          write(chunk: Buffer, _encoding, done) {
            if (!muted) process.stderr.write(chunk);
            done();
          },
        });
        const rl = createInterface({ input: process.stdin, output, terminal: true });
        const onAbort = (): void => {
          rl.close();
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        rl.question(`${question}: `, (answer) => {
          signal?.removeEventListener('abort', onAbort);
          if (secret) process.stderr.write('\n');
          rl.close();
          resolve(answer);
        });
        muted = secret === true;
        // readline swallows Ctrl-C while reading; forward it so the flow is cancelled like anywhere else.
        rl.on('SIGINT', () => process.emit('SIGINT'));
      });
    },
    async openUrl(url) {
      const command = browserCommand(process.platform, process.env);
      if (!command || !/^https?:\/\//.test(url)) return false;
      return new Promise((resolve) => {
        try {
          const child = spawn(command[0], [...command[1], url], { detached: true, stdio: 'ignore' });
          child.once('error', () => resolve(false));
          child.once('spawn', () => {
            child.unref();
            resolve(true);
          });
        } catch {
          resolve(false);
        }
      });
    },
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => void process.off('SIGINT', handler);
    },
  };
}
