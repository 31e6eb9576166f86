import type { SessionUser, WorkspaceStatus } from '../../../shared/ipc/contract';

export type LockReason = NonNullable<WorkspaceStatus['lockReason']>;

export type SessionState =
  | { phase: 'loading' }
  | { phase: 'unavailable'; message: string }
  | { phase: 'setup' }
  | { phase: 'locked'; workspaceName: string | null; lockReason: LockReason | null; idleMinutes: number }
  | { phase: 'unlocked'; workspaceName: string; user: SessionUser; idleMinutes: number };

/**
 * The next state for a status reply. Returns `previous` itself when nothing changed, so the
 * 3-second poll does not re-render the app. `knownIdleMinutes` is the setting last seen while
 * unlocked: a locked workspace reports only the default.
 */
export function stateFromStatus(previous: SessionState, status: WorkspaceStatus, knownIdleMinutes: number | null): SessionState {
  if (!status.exists) return previous.phase === 'setup' ? previous : { phase: 'setup' };
  if (!status.user) {
    const next: SessionState = {
      phase: 'locked',
      workspaceName: status.workspaceName,
      lockReason: status.lockReason,
      idleMinutes: knownIdleMinutes ?? status.idleMinutes,
    };
    return sameLocked(previous, next) ? previous : next;
  }
  const next: SessionState = {
    phase: 'unlocked',
    workspaceName: status.workspaceName ?? 'Linkdesk',
    user: status.user,
    idleMinutes: status.idleMinutes,
  };
  return sameUnlocked(previous, next) ? previous : next;
}

function sameLocked(a: SessionState, b: Extract<SessionState, { phase: 'locked' }>): boolean {
  return a.phase === 'locked' && a.workspaceName === b.workspaceName && a.lockReason === b.lockReason && a.idleMinutes === b.idleMinutes;
}

function sameUnlocked(a: SessionState, b: Extract<SessionState, { phase: 'unlocked' }>): boolean {
  return (
    a.phase === 'unlocked' &&
    a.workspaceName === b.workspaceName &&
    a.idleMinutes === b.idleMinutes &&
    a.user.id === b.user.id &&
    a.user.username === b.user.username &&
    a.user.displayName === b.user.displayName &&
    a.user.role === b.user.role
  );
}
