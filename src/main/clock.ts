/** Time comes from here so tests can move it (idle lock, sign-in back-off) without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
