/** Clocks for the login and session rules: tests never wait and never assert timings. */
import type { LoginClock } from '../../main/services/login';

/** The real time, but no pause after a failed login. */
export const NO_WAIT: LoginClock = { now: () => new Date(), sleep: async () => {} };

export interface FakeClock extends LoginClock {
  advance(ms: number): void;
  /** The pauses a failed login asked for, in order. */
  readonly pauses: number[];
}

/** A clock that stands still until advanced, recording the pauses instead of waiting. */
export function fakeClock(start = new Date()): FakeClock {
  let time = start.getTime();
  const pauses: number[] = [];
  return {
    now: () => new Date(time),
    sleep: async (ms) => {
      pauses.push(ms);
    },
    advance: (ms) => {
      time += ms;
    },
    pauses,
  };
}
