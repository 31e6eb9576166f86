/**
 * Times backup, restore and erasure on a DEMO workspace: `npx tsx bench/records-timings.ts [people]`.
 * Prints one line of figures per step (docs/backup-and-retention.md quotes them). Everything runs in
 * temp folders that are removed at the end.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/main/clock';
import { createDemoWorkspace, DEMO_PASSWORD } from '../src/main/demo/demo-workspace';
import { router } from '../src/main/ipc';
import { restoreIntoFolder } from '../src/main/services/records/restore';
import { WorkspaceSession } from '../src/main/services/workspace-session';

process.env.LINKDESK_SILENT = '1';

async function call<T>(session: WorkspaceSession, channel: string, input: unknown = {}): Promise<T> {
  const result = await router(session, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.data as T;
}

async function main(): Promise<void> {
  const people = Number(process.argv[2] ?? 1000);
  const base = mkdtempSync(join(tmpdir(), 'linkdesk-bench-records-'));
  try {
    const folder = join(base, 'workspace');
    const backups = join(base, 'backups');
    await import('node:fs').then((fs) => fs.mkdirSync(backups));
    let started = performance.now();
    await createDemoWorkspace({ folder, people });
    console.log(`demo workspace: ${people} people in ${((performance.now() - started) / 1000).toFixed(1)} s, ${(statSync(join(folder, 'linkdesk.db')).size / 1048576).toFixed(1)} MiB`);
    const session = new WorkspaceSession({ folder });
    await call(session, 'session.signIn', { username: 'demo.admin', password: DEMO_PASSWORD });
    await call(session, 'backup.updateSettings', { folder: backups, schedule: { kind: 'off' }, keep: 3 });
    const made = await call<{ path: string; bytes: number; milliseconds: number }>(session, 'backup.run');
    console.log(`backup: ${(made.bytes / 1048576).toFixed(1)} MiB in ${made.milliseconds} ms`);

    const raw = session.requireUnlocked().raw;
    const person = raw.prepare(`SELECT p.id, p.given_name, p.family_name, count(e.id) AS n FROM people p JOIN episodes e ON e.person_id = p.id GROUP BY p.id ORDER BY n DESC LIMIT 1`).get() as {
      id: string;
      given_name: string;
      family_name: string;
      n: number;
    };
    const erased = await call<{ rowsRemoved: number; milliseconds: number; tables: unknown[] }>(session, 'retention.erase', {
      personId: person.id,
      confirmName: `${person.given_name} ${person.family_name}`,
      reason: 'erasure_request',
    });
    console.log(`erasure: ${erased.rowsRemoved} rows from ${erased.tables.length} tables (${person.n} referrals), FTS rebuilt and VACUUM, in ${erased.milliseconds} ms`);
    await session.close();

    started = performance.now();
    const restored = await restoreIntoFolder(join(base, 'restored'), { method: 'password', backupPath: made.path, username: 'demo.admin', password: DEMO_PASSWORD }, systemClock, {
      expectLocked: true,
    });
    console.log(`restore (check + replace, incl. one key derivation): ${restored.restored ? 'ok' : 'refused'} in ${Math.round(performance.now() - started)} ms`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

void main();
