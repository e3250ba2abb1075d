/** Time source of a mock, in ms since the epoch. Tests pass a {@link ManualClock} shared with the client. */
export interface MockClock {
  now(): number;
}

/** The wall clock. */
export const systemClock: MockClock = { now: () => Date.now() };

/** A clock that moves only when told to, so TTLs and intervals are tested without waiting. */
export class ManualClock implements MockClock {
  private current: number;

  constructor(startMs = Date.UTC(2026, 8, 1, 12, 0, 0)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward by `ms`. */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('A clock cannot go backwards');
    this.current += ms;
  }

  /**
   * A `sleep(ms, signal)` for the client under test that advances this clock instead of waiting,
   * yielding to the event loop once so an abort from elsewhere can land.
   */
  readonly sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw signal.reason;
    this.advance(ms);
  };
}
