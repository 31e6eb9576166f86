import type { Handlers } from './router';

type ReportsHandlers = Pick<Handlers, never>;

/** Reports channels: one line each, the work is in the services. */
export const reportsHandlers: ReportsHandlers = {};
