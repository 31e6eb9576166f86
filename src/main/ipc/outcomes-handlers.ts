import type { Handlers } from './router';

type OutcomesHandlers = Pick<Handlers, never>;

/** Outcomes channels: one line each, the work is in the services. */
export const outcomesHandlers: OutcomesHandlers = {};
