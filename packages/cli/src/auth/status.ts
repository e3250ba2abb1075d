import type { AuthStatus } from '@pmm-config/plugin';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** Without a terminal, a changing status is printed at most this often, so logs stay short. */
const HEADLESS_INTERVAL_MS = 30_000;

/**
 * A status line for the auth flows: an animated spinner redrawn in place on a terminal; in a log (no
 * TTY) the first text and then one line at most every 30 seconds. `stop` is idempotent.
 */
export function createStatus(write: (text: string) => void, interactive: boolean, now: () => number): (text: string) => AuthStatus {
  return (initial) => {
    let text = initial;
    let stopped = false;
    if (!interactive) {
      let lastPrinted = now();
      write(`${initial}\n`);
      return {
        update(next) {
          if (stopped || next === text) return;
          text = next;
          if (now() - lastPrinted < HEADLESS_INTERVAL_MS) return;
          lastPrinted = now();
          write(`${next}\n`);
        },
        stop(finalText) {
          if (stopped) return;
          stopped = true;
          if (finalText !== undefined) write(`${finalText}\n`);
        },
      };
    }
    let frame = 0;
    const draw = (): void => write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${text}`);
    draw();
    const timer = setInterval(draw, 100);
    timer.unref();
    return {
      update(next) {
        if (stopped) return;
        text = next;
        draw();
      },
      stop(finalText) {
        if (stopped) return;
        stopped = true;
        clearInterval(timer);
        write('\r\x1b[2K');
        if (finalText !== undefined) write(`${finalText}\n`);
      },
    };
  };
}
