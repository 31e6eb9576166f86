import type { ErrorCode } from '../shared/ipc/errors';

/**
 * The one error type services throw on purpose. The router turns it into `{ code, message, fields }`;
 * anything else becomes a generic 'internal' error, so stack traces never reach the renderer.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
