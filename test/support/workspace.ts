import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { router } from '../../src/main/ipc';
import { WorkspaceSession, type SessionOptions } from '../../src/main/services/workspace-session';
import type { Envelope } from '../../src/shared/ipc/errors';

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
  await ok(session, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
  return { folder, session, recoveryKey };
}
