import type { Handlers } from './router';

type RecordsHandlers = Pick<Handlers, never>;

/** Records channels: one line each, the work is in the services. */
export const recordsHandlers: RecordsHandlers = {};
