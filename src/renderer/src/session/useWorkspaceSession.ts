import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage, onLockedError } from '../api/client';
import { stateFromStatus, type SessionState } from './session-state';

const POLL_MILLISECONDS = 3_000;

export interface WorkspaceSession {
  state: SessionState;
  /** Asks main where things stand (after set-up, sign-in or a settings change). */
  refresh: () => Promise<void>;
  /** Locks now: the app disappears before main even answers. */
  lock: () => Promise<void>;
}

/**
 * Which screen Linkdesk shows: set-up, sign-in or the app. Main decides; this hook follows it by
 * polling while unlocked and by reacting to any call refused as locked, and drops every trace of
 * the app (it unmounts) the moment the workspace locks.
 */
export function useWorkspaceSession(): WorkspaceSession {
  const [state, setState] = useState<SessionState>({ phase: 'loading' });
  // The idle setting seen while unlocked: once locked, status only reports the default.
  const knownIdleMinutes = useRef<number | null>(null);

  // Bumped on every lock, so a status reply that left main before the lock cannot reopen the app.
  const lockEpoch = useRef(0);

  const refresh = useCallback(async () => {
    const epoch = lockEpoch.current;
    try {
      const status = await api.workspace.status();
      if (epoch !== lockEpoch.current) return;
      if (status.user) knownIdleMinutes.current = status.idleMinutes;
      setState((previous) => stateFromStatus(previous, status, knownIdleMinutes.current));
    } catch (error) {
      if (epoch !== lockEpoch.current) return;
      setState((previous) => (previous.phase === 'unlocked' ? previous : { phase: 'unavailable', message: errorMessage(error) }));
    }
  }, []);

  const dropToLocked = useCallback((lockReason: 'signed_out' | null) => {
    lockEpoch.current += 1;
    setState((previous) =>
      previous.phase === 'unlocked'
        ? { phase: 'locked', workspaceName: previous.workspaceName, lockReason, idleMinutes: previous.idleMinutes }
        : previous,
    );
  }, []);

  const lock = useCallback(async () => {
    dropToLocked('signed_out');
    try {
      await api.session.signOut();
    } catch {
      // Refreshing below shows what main really did, so a failed lock is not hidden.
    }
    await refresh();
  }, [dropToLocked, refresh]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onLockedError(() => {
        dropToLocked(null);
        void refresh();
      }),
    [dropToLocked, refresh],
  );

  const unlocked = state.phase === 'unlocked';
  useEffect(() => {
    if (!unlocked) return undefined;
    const timer = window.setInterval(() => void refresh(), POLL_MILLISECONDS);
    return () => window.clearInterval(timer);
  }, [unlocked, refresh]);

  return { state, refresh, lock };
}
