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

/**
 * A refusal because of whose record it is rather than the caller's role (a GP supervisor asking for
 * the casework of a link worker they do not supervise). The router answers it as `forbidden` and
 * audits it as access.denied, like a refusal by role; `entity` names what was asked for, by id.
 */
export class ForbiddenError extends AppError {
  constructor(
    message: string,
    readonly entity?: { type: string; id: string },
  ) {
    super('forbidden', message);
    this.name = 'ForbiddenError';
  }
}
