import { ApiError, errorMessage } from '../../api/client';
import type { LockReason } from '../../session/session-state';

/** Why the sign-in screen is showing, when Linkdesk locked rather than the person choosing to. */
export function lockMessage(lockReason: LockReason | null, idleMinutes: number): string | null {
  if (lockReason !== 'idle') return null;
  const minutes = idleMinutes === 1 ? '1 minute' : `${idleMinutes} minutes`;
  return `Linkdesk locked itself after ${minutes} without activity. Sign in to carry on.`;
}

export function signInFailureMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'too_many_attempts' && error.retryAfterSeconds !== undefined) {
    const seconds = error.retryAfterSeconds === 1 ? '1 second' : `${error.retryAfterSeconds} seconds`;
    return `Too many failed sign-ins. Wait ${seconds}, then try again.`;
  }
  return errorMessage(error);
}
