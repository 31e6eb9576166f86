import { join } from 'node:path';
import type { SessionUser, WorkspaceStatus } from '../../shared/ipc/contract';
import { IDLE_MINUTES_DEFAULT } from '../../shared/validation';
import { systemClock, type Clock } from '../clock';
import { AppError } from '../errors';
import { burnEquivalentEffort, findUserSlot, openSlot, readKeyring, writeKeyring, type Keyring } from '../keys/keyring';
import { WorkspaceOpenError } from '../store/store-error';
import { workspaceFiles, type WorkspaceFiles } from '../store/workspace-files';
import { appendAudit, type AuditEvent } from './audit-log';
import { closeWorkspaceDatabase, openWorkspaceDatabase, type OpenDatabase } from './open-workspace';
import { startBackupScheduler } from './records/backup-scheduler';
import { readSettings } from './settings';
import { SignInThrottle } from './sign-in-throttle';
import { createWorkspace, type SetupInput } from './workspace-setup';

export type LockReason = 'idle' | 'signed_out';

export interface SessionOptions {
  folder: string;
  clock?: Clock;
  /** Tests and the harness may lock sooner than the workspace setting says. */
  idleMillisecondsOverride?: number;
  /** Where exports are written; the workspace folder's `exports` sub-folder when not given. */
  exportFolder?: string;
  /** Told after every lock, so the Electron shell can reload the window and drop the page's memory. */
  onLocked?: (reason: LockReason) => void;
}

export interface UnlockedWorkspace extends OpenDatabase {
  user: SessionUser;
  dataKey: Buffer;
  keyring: Keyring;
  idleMinutes: number;
}

const WRONG_CREDENTIALS = 'Wrong user name or password.';

/**
 * One open workspace and who is using it: locked (no key in memory) or unlocked by one signed-in
 * user. Every IPC call goes through a session; the Electron shell has one per app, the test
 * harness one per server.
 */
export class WorkspaceSession {
  readonly files: WorkspaceFiles;
  readonly clock: Clock;
  private readonly throttle: SignInThrottle;
  private unlocked: UnlockedWorkspace | null = null;
  private lastActivityAt = 0;
  private lastLockReason: LockReason | null = null;
  /** Kept after a lock so the sign-in screen can say how long the idle limit was. */
  private lastIdleMinutes = IDLE_MINUTES_DEFAULT;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Scheduled backups run only while unlocked: the data key is needed to read the database. */
  private stopBackupScheduler: (() => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly lockListeners = new Set<() => void>();

  constructor(private readonly options: SessionOptions) {
    this.files = workspaceFiles(options.folder);
    this.clock = options.clock ?? systemClock;
    this.throttle = new SignInThrottle(this.files.signInAttempts, this.clock);
  }

  /** Runs state changes one at a time: a sign-in awaiting key derivation cannot race a lock. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  status(): WorkspaceStatus {
    const keyring = readKeyring(this.files.keyring);
    return {
      exists: keyring !== null,
      workspaceName: this.unlocked?.workspaceName ?? keyring?.workspaceName ?? null,
      user: this.unlocked?.user ?? null,
      idleMinutes: this.unlocked?.idleMinutes ?? this.lastIdleMinutes,
      lockReason: this.unlocked ? null : this.lastLockReason,
    };
  }

  get backupSchedulerRunning(): boolean {
    return this.stopBackupScheduler !== null;
  }

  /** The folder exports are written to (see services/exports/write-export.ts). */
  get exportFolder(): string {
    return this.options.exportFolder ?? join(this.options.folder, 'exports');
  }

  get isUnlocked(): boolean {
    return this.unlocked !== null;
  }

  requireUnlocked(): UnlockedWorkspace {
    if (!this.unlocked) throw new AppError('locked', 'Linkdesk is locked. Sign in to continue.');
    return this.unlocked;
  }

  /**
   * For work that awaited a key derivation: goes on only if the same sign-in is still open. A lock
   * meanwhile wiped the data key it holds, and a new sign-in may be someone else's.
   */
  requireStillUnlocked(since: UnlockedWorkspace): UnlockedWorkspace {
    if (this.unlocked !== since) throw new AppError('locked', 'Linkdesk locked before that was saved. Sign in and try again.');
    return since;
  }

  setup(input: SetupInput): Promise<{ recoveryKey: string }> {
    return this.exclusive(() => createWorkspace(this.files, input, this.clock));
  }

  signIn(username: string, password: string): Promise<SessionUser> {
    return this.exclusive(async () => {
      const retryAfter = this.throttle.retryAfterSeconds(username);
      if (retryAfter > 0) {
        this.throttle.record(username, 'throttled');
        throw new AppError('too_many_attempts', `Too many failed sign-ins. Try again in ${retryAfter} seconds.`, undefined, retryAfter);
      }
      const keyring = readKeyring(this.files.keyring);
      if (!keyring) throw new AppError('not_found', 'There is no workspace here yet. Set one up first.');
      const slot = findUserSlot(keyring, username);
      const dataKey = slot ? await openSlot(keyring.workspaceId, slot, password) : (await burnEquivalentEffort(password), null);
      if (!slot || !dataKey) {
        this.throttle.record(username, 'failed');
        throw new AppError('wrong_credentials', WRONG_CREDENTIALS);
      }
      if (this.unlocked) await this.closeUnlocked();
      let open: OpenDatabase;
      try {
        open = openWorkspaceDatabase(this.files, keyring, dataKey);
      } catch (error) {
        dataKey.fill(0);
        if (error instanceof WorkspaceOpenError) throw new AppError('workspace_unreadable', error.message);
        throw error;
      }
      let user: SessionUser;
      try {
        const row = await open.db.selectFrom('users').selectAll().where('id', '=', slot.userId ?? '').executeTakeFirst();
        if (!row || row.disabled_at !== null) {
          this.throttle.record(username, 'failed');
          throw new AppError('wrong_credentials', WRONG_CREDENTIALS);
        }
        user = { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
        const settings = await readSettings(open.db);
        this.unlocked = { ...open, user, dataKey, keyring, idleMinutes: settings.idleMinutes };
        this.throttle.succeeded(username);
        await this.recordSignIn(user);
      } catch (error) {
        // Whatever stops a sign-in half-way (a disabled user, a damaged page, a full disk) closes the
        // database and wipes the key, so the screen showing the error is not in front of an open workspace.
        if (this.unlocked) await this.closeUnlocked();
        else await closeWorkspaceDatabase(open);
        dataKey.fill(0);
        throw error;
      }
      this.lastLockReason = null;
      this.touch();
      this.startIdleTimer();
      this.stopBackupScheduler = startBackupScheduler(this);
      return user;
    });
  }

  /** Moves sign-in failures seen while locked into the audit log, then records this sign-in. */
  private async recordSignIn(user: SessionUser): Promise<void> {
    const { db } = this.requireUnlocked();
    const pending = this.throttle.takePending();
    const now = this.clock.now();
    await db.transaction().execute(async (trx) => {
      for (const event of pending) {
        await appendAudit(trx, {
          actor: null,
          action: event.outcome === 'failed' ? 'sign_in.failed' : 'sign_in.throttled',
          details: { attemptedUsername: event.username, attemptedAt: event.at },
          at: now,
        });
      }
      await trx.updateTable('users').set({ last_sign_in_at: now.toISOString() }).where('id', '=', user.id).execute();
      await appendAudit(trx, { actor: user, action: 'sign_in.succeeded', entityType: 'user', entityId: user.id, at: now });
    });
  }

  signOut(): Promise<void> {
    return this.lock('signed_out');
  }

  lock(reason: LockReason): Promise<void> {
    return this.exclusive(() => this.lockNow(reason));
  }

  private async lockNow(reason: LockReason): Promise<void> {
    if (!this.unlocked) return;
    await this.audit({ action: reason === 'idle' ? 'session.locked_idle' : 'session.signed_out' }).catch(() => undefined);
    await this.closeUnlocked();
    this.lastLockReason = reason;
    this.options.onLocked?.(reason);
  }

  /** Drops the data key from memory and closes the database. */
  private async closeUnlocked(): Promise<void> {
    const unlocked = this.unlocked;
    if (!unlocked) return;
    this.lastIdleMinutes = unlocked.idleMinutes;
    this.unlocked = null;
    this.stopIdleTimer();
    this.stopBackupScheduler?.();
    this.stopBackupScheduler = null;
    for (const listener of this.lockListeners) listener();
    this.lockListeners.clear();
    unlocked.dataKey.fill(0);
    await closeWorkspaceDatabase(unlocked);
  }

  /** Told once, at the next lock or close (long exports stop their worker threads). Returns a way to stop listening. */
  onNextLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** Records user activity for the idle lock. */
  touch(): void {
    this.lastActivityAt = this.clock.now().getTime();
  }

  private idleLimitMs(): number {
    return this.options.idleMillisecondsOverride ?? (this.unlocked?.idleMinutes ?? IDLE_MINUTES_DEFAULT) * 60_000;
  }

  idleSecondsLeft(): number {
    const left = this.idleLimitMs() - (this.clock.now().getTime() - this.lastActivityAt);
    return Math.max(0, Math.round(left / 1000));
  }

  private idleLimitPassed(): boolean {
    return this.unlocked !== null && this.clock.now().getTime() - this.lastActivityAt >= this.idleLimitMs();
  }

  /**
   * Locks if the idle limit has passed. The timer calls this every second, and the router before
   * every request (a request after a laptop wakes can beat the timer). The limit is checked again
   * once it is this call's turn, so a sign-in that finished meanwhile is not locked straight away.
   */
  async checkIdle(): Promise<void> {
    if (!this.idleLimitPassed()) return;
    await this.exclusive(async () => {
      if (this.idleLimitPassed()) await this.lockNow('idle');
    });
  }

  private startIdleTimer(): void {
    this.stopIdleTimer();
    this.idleTimer = setInterval(() => void this.checkIdle(), 1000);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
  }

  /** Writes an audit entry as the signed-in user, now. Pass a transaction to make it part of a change. */
  async audit(event: Omit<AuditEvent, 'actor' | 'at'>, db = this.requireUnlocked().db): Promise<void> {
    await appendAudit(db, { ...event, actor: this.requireUnlocked().user, at: this.clock.now() });
  }

  /** Saves a changed keyring and keeps the in-memory copy in step. */
  saveKeyring(keyring: Keyring): void {
    writeKeyring(this.files.keyring, keyring);
    if (this.unlocked) this.unlocked.keyring = keyring;
  }

  /**
   * Changes the keyring as it is on disk at this moment, not as it was when the caller started:
   * key derivation takes a while, and another change (a second user added meanwhile) must not be
   * overwritten by a stale copy. Read, change and write happen without a pause in between.
   */
  updateKeyring(change: (current: Keyring) => Keyring): void {
    const current = readKeyring(this.files.keyring);
    if (!current) throw new AppError('not_found', 'There is no workspace here yet. Set one up first.');
    this.saveKeyring(change(current));
  }

  setIdleMinutes(minutes: number, workspaceName: string): void {
    const unlocked = this.requireUnlocked();
    unlocked.idleMinutes = minutes;
    unlocked.workspaceName = workspaceName;
  }

  /** For account recovery: state changes that must not interleave with sign-in. */
  runExclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(work);
  }

  get signInThrottle(): SignInThrottle {
    return this.throttle;
  }

  async close(): Promise<void> {
    await this.exclusive(() => this.closeUnlocked());
  }
}
