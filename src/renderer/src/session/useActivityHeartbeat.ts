import { useEffect } from 'react';
import { api } from '../api/client';

const HEARTBEAT_MILLISECONDS = 20_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'mousemove', 'wheel'] as const;

/**
 * Tells main the person is still at the keyboard, so the idle lock counts real use rather than
 * only calls to main. At most one heartbeat per 20 seconds, and only while unlocked.
 */
export function useActivityHeartbeat(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    // Signing in has just counted as activity, so the first heartbeat can wait.
    let lastSentAt = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - lastSentAt < HEARTBEAT_MILLISECONDS) return;
      lastSentAt = now;
      // A 'locked' reply is handled by the session hook; other failures only mean one missed beat.
      api.session.heartbeat().catch(() => undefined);
    };
    const options = { capture: true, passive: true } as const;
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, options);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, options);
    };
  }, [active]);
}
