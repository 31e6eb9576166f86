import type { Handlers } from './router';

type ExportsHandlers = Pick<Handlers, never>;

/** Exports channels: one line each, the work is in the services. */
export const exportsHandlers: ExportsHandlers = {};
