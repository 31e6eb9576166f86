import type { AuditLogTable } from '../../src/main/store/schema';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import { router } from '../../src/main/ipc';
import type { Clock } from '../../src/main/clock';
import type { Keyring } from '../../src/main/keys/keyring';
import type { RawDatabase } from '../../src/main/store/open-database';
import { workspaceFiles } from '../../src/main/store/workspace-files';
import { WorkspaceSession, type SessionOptions } from '../../src/main/services/workspace-session';
import type { UserSummary } from '../../src/shared/ipc/contract';
import type { Envelope } from '../../src/shared/ipc/errors';
import type { Role } from '../../src/shared/roles';

process.env.LINKDESK_SILENT = '1';

export const ADMIN = { username: 'ada.admin', displayName: 'Ada Admin', password: 'correct horse battery staple' };
export const WORKSPACE_NAME = 'Brook Lane PCN';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A fresh folder under the system temp dir, removed after the test. */
export function tempFolder(prefix = 'linkdesk-test-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Runs after the test, before the temp folders are removed (e.g. closing a raw connection). */
export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

export function newSession(folder: string, options: Partial<SessionOptions> = {}): WorkspaceSession {
  const session = new WorkspaceSession({ folder, ...options });
  cleanups.push(() => session.close());
  return session;
}

/** Calls a channel through the real router and returns the envelope. */
export function call(session: WorkspaceSession, channel: string, input: unknown = {}): Promise<Envelope<unknown>> {
  return router(session, channel, input);
}

/** Calls a channel and fails the test with the error if it did not succeed. */
export async function ok<T = Record<string, unknown>>(session: WorkspaceSession, channel: string, input: unknown = {}): Promise<T> {
  const result = await call(session, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

/** Calls a channel that must fail and returns its error. */
export async function refused(session: WorkspaceSession, channel: string, input: unknown = {}) {
  const result = await call(session, channel, input);
  if (result.ok) throw new Error(`${channel} was expected to fail but returned ${JSON.stringify(result.data)}`);
  return result.error;
}

/** A workspace set up through the router, with the admin signed in. */
export async function adminWorkspace(options: Partial<SessionOptions> = {}) {
  const folder = tempFolder();
  const session = newSession(folder, options);
  const { recoveryKey } = await ok<{ recoveryKey: string }>(session, 'workspace.setup', {
    workspaceName: WORKSPACE_NAME,
    adminUsername: ADMIN.username,
    adminDisplayName: ADMIN.displayName,
    adminPassword: ADMIN.password,
  });
  const admin = await ok<{ id: string }>(session, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
  return { folder, session, recoveryKey, adminId: admin.id };
}

/** A clock the test moves by hand, for the idle lock and the sign-in back-off. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.current = Date.parse(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
  advanceSeconds(seconds: number): void {
    this.advance(seconds * 1000);
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}

/** An admin adds a user through the router; their password meets the length rule. */
export async function addUser(admin: WorkspaceSession, role: Role, username = `${role.replace('_', '-')}.${randomUUID().slice(0, 6)}`) {
  const password = `temporary password for ${username}`;
  const displayName = `Staff ${username}`;
  const user = await ok<UserSummary>(admin, 'users.create', { username, displayName, role, temporaryPassword: password });
  return { ...user, password };
}

/** A new session on the same folder, signed in as the given user. */
export async function signedInSession(folder: string, username: string, password: string, options: Partial<SessionOptions> = {}) {
  const session = newSession(folder, options);
  await ok(session, 'session.signIn', { username, password });
  return session;
}

export function readKeyringFile(folder: string): Keyring {
  return JSON.parse(readFileSync(workspaceFiles(folder).keyring, 'utf8')) as Keyring;
}

/** Each slot of keyring.json as the exact JSON text stored for it, by slot id. */
export function slotTexts(folder: string): Map<string, string> {
  return new Map(readKeyringFile(folder).slots.map((slot) => [slot.slotId, JSON.stringify(slot)]));
}

/** Writes a person straight into the encrypted store through the signed-in session's connection. */
export async function insertPerson(
  session: WorkspaceSession,
  person: { nhsNumber: string | null; givenName: string; familyName: string; dateOfBirth?: string },
): Promise<string> {
  const { db, user } = session.requireUnlocked();
  const id = randomUUID();
  const now = session.clock.now().toISOString();
  await db
    .insertInto('people')
    .values({
      id,
      nhs_number: person.nhsNumber,
      given_name: person.givenName,
      family_name: person.familyName,
      date_of_birth: person.dateOfBirth ?? null,
      created_at: now,
      created_by: user.id,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function readPerson(session: WorkspaceSession, id: string) {
  return session.requireUnlocked().db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export type AuditRow = AuditLogTable;

export function auditRows(raw: RawDatabase): AuditRow[] {
  return raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
}

/** Every regular file under a folder, recursively, with its path relative to the folder. */
export function filesUnder(folder: string): { path: string; name: string; bytes: Buffer }[] {
  const found: { path: string; name: string; bytes: Buffer }[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: false }) as string[]) {
    const path = join(folder, entry);
    if (statSync(path).isFile()) found.push({ path, name: relative(folder, path), bytes: readFileSync(path) });
  }
  return found;
}

/** Which of the needles occur in which files, byte for byte, as UTF-8 or as UTF-16LE. */
export function findInFiles(folder: string, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(folder)) {
    for (const needle of needles) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (file.bytes.includes(Buffer.from(needle, encoding))) hits.push(`${file.name} contains "${needle}" (${encoding})`);
      }
    }
  }
  return hits;
}

/** Rowid order, or primary-key order for a WITHOUT ROWID table. */
function rowOrder(raw: RawDatabase, table: string): string {
  const listed = raw.prepare(`SELECT wr FROM pragma_table_list WHERE name = ?`).get(table) as { wr: number } | undefined;
  if (!listed || listed.wr === 0) return 'rowid';
  const keys = raw.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(table) as { name: string }[];
  return keys.map((key) => `"${key.name}"`).join(', ');
}

/** One hash per table (rows in rowid order, or key order), so a test can prove that nothing changed. */
export function tableHashes(raw: RawDatabase, options: { except?: readonly string[] } = {}): Record<string, string> {
  const tables = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[])
    .map((row) => row.name)
    .filter((name) => !options.except?.includes(name));
  const hashes: Record<string, string> = {};
  for (const table of tables) {
    const hash = createHash('sha256');
    for (const row of raw.prepare(`SELECT * FROM "${table}" ORDER BY ${rowOrder(raw, table)}`).iterate()) hash.update(JSON.stringify(row)).update('\n');
    hashes[table] = hash.digest('hex');
  }
  hashes['(schema)'] = createHash('sha256')
    .update(JSON.stringify(raw.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()))
    .digest('hex');
  return hashes;
}
