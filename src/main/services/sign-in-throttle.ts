import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Clock } from '../clock';
import { writeFileAtomic } from '../store/atomic-write';

/**
 * Exponential back-off for failed sign-ins, per user name. While the workspace is locked there is
 * no key to write the audit log with, so failures wait in a small plain file (user name and time,
 * nothing else) and move into the audit log at the next successful unlock.
 */
export const FREE_FAILURES = 1;
export const MAX_DELAY_SECONDS = 15 * 60;

/** Seconds to wait after `failures` consecutive failures: 0, 2, 4, 8, … up to 15 minutes. */
export function backoffSeconds(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS);
}

const pendingSchema = z.object({
  at: z.string(),
  username: z.string(),
  outcome: z.enum(['failed', 'throttled']),
});
export type PendingSignInEvent = z.infer<typeof pendingSchema>;

const fileSchema = z.object({
  failures: z.record(z.string(), z.object({ count: z.number().int(), lastFailureAt: z.string() })),
  pending: z.array(pendingSchema),
});
type AttemptsFile = z.infer<typeof fileSchema>;

const MAX_PENDING = 1000;

function key(username: string): string {
  return username.trim().toLowerCase().slice(0, 40);
}

export class SignInThrottle {
  constructor(
    private readonly path: string,
    private readonly clock: Clock,
  ) {}

  private read(): AttemptsFile {
    if (!existsSync(this.path)) return { failures: {}, pending: [] };
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // A damaged attempts file must not stop anyone signing in; it is rebuilt below.
    }
    return { failures: {}, pending: [] };
  }

  private write(file: AttemptsFile): void {
    writeFileAtomic(this.path, JSON.stringify(file));
  }

  /** How long this user name must wait before the next attempt is even checked. */
  retryAfterSeconds(username: string): number {
    const entry = this.read().failures[key(username)];
    if (!entry) return 0;
    const waitUntil = Date.parse(entry.lastFailureAt) + backoffSeconds(entry.count) * 1000;
    return Math.max(0, Math.ceil((waitUntil - this.clock.now().getTime()) / 1000));
  }

  record(username: string, outcome: 'failed' | 'throttled'): void {
    const file = this.read();
    const at = this.clock.now().toISOString();
    if (outcome === 'failed') {
      const previous = file.failures[key(username)]?.count ?? 0;
      file.failures[key(username)] = { count: previous + 1, lastFailureAt: at };
    }
    file.pending = [...file.pending, { at, username: key(username), outcome }].slice(-MAX_PENDING);
    this.write(file);
  }

  succeeded(username: string): void {
    const file = this.read();
    delete file.failures[key(username)];
    this.write(file);
  }

  /** Hands over the waiting events for the audit log and forgets them. */
  takePending(): PendingSignInEvent[] {
    const file = this.read();
    if (file.pending.length === 0) return [];
    this.write({ ...file, pending: [] });
    return file.pending;
  }
}
