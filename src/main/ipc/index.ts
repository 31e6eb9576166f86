import { handlers } from './handlers';
import { createRouter } from './router';

/** The application's router, shared by the Electron shell, the test harness and the CLI's tests. */
export const router = createRouter(handlers);
