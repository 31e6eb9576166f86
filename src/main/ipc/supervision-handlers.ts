import type { Handlers } from './router';

type SupervisionHandlers = Pick<Handlers, never>;

/** Supervision channels: one line each, the work is in the services. */
export const supervisionHandlers: SupervisionHandlers = {};
