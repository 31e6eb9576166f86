/**
 * A full disk and a read-only folder: every write fails with a message a user can act on, nothing
 * half-written is left, and once there is space again the workspace works and opens intact.
 *
 * The full disk is a small tmpfs mounted for the test (root, as in CI); where mounting is not
 * allowed the tmpfs tests skip saying why, and the file-size-limit test (RLIMIT_FSIZE, which any
 * user may set on a child process) still fills "the disk" for a writer in a child process.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openEncryptedDatabase } from '../../../src/main/store/open-database';
import { DISK_ERROR_MESSAGE, DISK_FULL_MESSAGE, READ_ONLY_MESSAGE } from '../../../src/main/store/store-error';
import { workspaceFiles } from '../../../src/main/store/workspace-files';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import { ADMIN, addUser, adminWorkspace, call, filesUnder, newSession, ok, onCleanup, tempFolder } from '../../support/workspace';
import { consistencyProblems, leftoverTemporaryFiles } from './consistency';
import { copyWorkspace, fillDisk, mountSmallDisk } from './small-disk';
import type { WriterLine } from './crash-writer';
import { bundleWriter } from './writer-process';

/** A closed workspace with an admin and a link worker, to copy onto the small disk. */
async function closedWorkspace() {
  const { folder, session } = await adminWorkspace();
  const worker = await addUser(session, 'link_worker');
  const key = Buffer.from(session.requireUnlocked().dataKey);
  await session.close();
  return { folder, key, worker };
}

let unique = 0;
function person(): Record<string, unknown> {
  unique += 1;
  // Long optional fields, so each person takes a page or two and the disk fills quickly.
  return { givenName: `Given${unique}`, familyName: `Full${unique}`, dateOfBirth: '1970-01-01', nhsNumber: '', accessibilityNeeds: 'a'.repeat(300), carerOrNextOfKin: 'c'.repeat(300), notTheSameAs: [] };
}

async function createPerson(session: WorkspaceSession) {
  const details = person();
  const result = await call(session, 'people.create', details);
  return { result, familyName: details.familyName as string, id: result.ok ? (result.data as { person: { id: string } }).person.id : null };
}

function fileBytes(folder: string): Record<string, string> {
  return Object.fromEntries(filesUnder(folder).map((file) => [file.name, file.bytes.toString('base64')]));
}

describe('a full disk', () => {
  it('refuses each write with "The disk is full", keeps what was saved, saves again once space is freed, and reopens intact', async (context) => {
    const disk = mountSmallDisk(6 * 1024);
    if ('unavailable' in disk) return context.skip(disk.unavailable);
    const { folder: original, key, worker } = await closedWorkspace();
    copyWorkspace(original, disk.folder);
    const ballast = fillDisk(disk, 768 * 1024);
    const workerSession = newSession(disk.folder);
    await ok(workerSession, 'session.signIn', { username: worker.username, password: worker.password });
    const admin = newSession(disk.folder);
    await ok(admin, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });

    const saved: string[] = [];
    let failure: Awaited<ReturnType<typeof createPerson>> | null = null;
    while (!failure && saved.length < 5000) {
      const attempt = await createPerson(workerSession);
      if (attempt.id) saved.push(attempt.id);
      else failure = attempt;
    }
    expect(failure?.result).toEqual({ ok: false, error: { code: 'internal', message: DISK_FULL_MESSAGE } });
    const raw = workerSession.requireUnlocked().raw;
    expect(raw.prepare('SELECT count(*) AS n FROM people WHERE family_name = ?').get(failure!.familyName)).toEqual({ n: 0 });

    // More writes of other kinds: each is saved whole or refused with the same words, never half.
    const keyringBefore = readFileSync(workspaceFiles(disk.folder).keyring, 'utf8');
    const later = [
      await call(workerSession, 'episodes.create', { personId: saved[0], source: 'gp_practice', receivedOn: '2026-01-05', reasons: ['loneliness'], notes: 'n'.repeat(3000) }),
      await call(workerSession, 'people.addNote', { personId: saved[0], text: 'x'.repeat(8000) }),
      await call(admin, 'settings.update', { workspaceName: 'Renamed on a full disk', idleMinutes: 12 }),
      (await createPerson(workerSession)).result,
    ];
    for (const result of later) if (!result.ok) expect(result.error).toEqual({ code: 'internal', message: DISK_FULL_MESSAGE });
    console.log(`disk-full: ${saved.length} people saved before the disk filled; later writes: ${later.map((r) => (r.ok ? 'saved' : 'refused')).join(', ')}`);
    const settingsRefused = !later[2]!.ok;
    if (settingsRefused) expect(readFileSync(workspaceFiles(disk.folder).keyring, 'utf8')).toBe(keyringBefore);
    expect(leftoverTemporaryFiles(disk.folder)).toEqual([]);
    expect(consistencyProblems(raw)).toEqual([]);
    // Signing out still works on a full disk (the WAL cannot be checkpointed; it is kept, encrypted).
    await ok(admin, 'session.signOut');
    expect(admin.isUnlocked).toBe(false);

    // Space is freed: the same session saves again.
    rmSync(ballast);
    const afterFreeing = await createPerson(workerSession);
    expect(afterFreeing.result.ok).toBe(true);
    saved.push(afterFreeing.id!);
    await workerSession.close();

    // Reopened: intact, everything saved is there, and both users sign in.
    const reopened = openEncryptedDatabase(workspaceFiles(disk.folder).database, key, { create: false });
    try {
      expect(consistencyProblems(reopened)).toEqual([]);
      const ids = new Set((reopened.prepare('SELECT id FROM people').all() as { id: string }[]).map((row) => row.id));
      expect(saved.filter((id) => !ids.has(id))).toEqual([]);
    } finally {
      reopened.close();
    }
    const again = newSession(disk.folder);
    await ok(again, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(await ok(again, 'audit.verify')).toMatchObject({ ok: true });
  });

  it('signing in on a full disk says the disk is full and leaves the workspace locked, however little space is left', async (context) => {
    const { folder: original, worker } = await closedWorkspace();
    // With no space the database cannot even be opened; with a little, it opens but the sign-in's
    // audit entry cannot be written. Either way the sign-in must fail whole.
    const outcomes: string[] = [];
    for (const leaveKiB of [0, 24, 32, 40, 48]) {
      const disk = mountSmallDisk(4 * 1024);
      if ('unavailable' in disk) return context.skip(disk.unavailable);
      copyWorkspace(original, disk.folder);
      fillDisk(disk, leaveKiB * 1024);
      const session = newSession(disk.folder);
      const result = await call(session, 'session.signIn', { username: worker.username, password: worker.password });
      outcomes.push(`${leaveKiB} KiB free: ${result.ok ? 'signed in' : 'refused'}`);
      if (result.ok) {
        expect(session.isUnlocked).toBe(true);
        continue;
      }
      expect(result.error).toEqual({ code: 'internal', message: DISK_FULL_MESSAGE });
      expect(session.isUnlocked, `${leaveKiB} KiB free`).toBe(false);
      expect(leftoverTemporaryFiles(disk.folder)).toEqual([]);
    }
    console.log(`disk-full sign-in: ${outcomes.join('; ')}`);
    expect(outcomes[0]).toBe('0 KiB free: refused');
  });
});

describe('a read-only folder', () => {
  it('signing in says the folder is read-only, and no file changes', async (context) => {
    const disk = mountSmallDisk(4 * 1024);
    if ('unavailable' in disk) return context.skip(disk.unavailable);
    const { folder: original, worker } = await closedWorkspace();
    copyWorkspace(original, disk.folder);
    disk.makeReadOnly();
    const before = fileBytes(disk.folder);
    const session = newSession(disk.folder);
    expect(await ok(session, 'workspace.status')).toMatchObject({ exists: true });
    const result = await call(session, 'session.signIn', { username: worker.username, password: worker.password });
    console.log(`read-only sign-in: ${JSON.stringify(result)}`);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: READ_ONLY_MESSAGE } });
    expect(session.isUnlocked).toBe(false);
    expect(fileBytes(disk.folder)).toEqual(before);
    expect(readdirSync(disk.folder).sort()).toEqual(Object.keys(before).sort());
  });

  it('signing in as a user who may not write to the folder (file permissions) says so, and no file changes', async (context) => {
    if (process.platform === 'win32') return context.skip('POSIX file modes do not apply on Windows');
    if (process.getuid?.() === 0) return context.skip('running as root, which ignores file permissions (the read-only file system test above covers this)');
    const { folder, worker } = await closedWorkspace();
    const before = fileBytes(folder);
    for (const name of readdirSync(folder)) chmodSync(join(folder, name), 0o400);
    chmodSync(folder, 0o500);
    onCleanup(() => chmodSync(folder, 0o700));
    const session = newSession(folder);
    const result = await call(session, 'session.signIn', { username: worker.username, password: worker.password });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: READ_ONLY_MESSAGE } });
    expect(session.isUnlocked).toBe(false);
    expect(fileBytes(folder)).toEqual(before);
  });
});

describe('a file-size limit (RLIMIT_FSIZE) on a writer process', () => {
  it('stops the writer with a plain message about the disk and leaves a workspace that opens intact with every acknowledged write', async () => {
    const { folder, key, worker } = await closedWorkspace();
    const writer = await bundleWriter(tempFolder('linkdesk-fsize-writer-'));
    const sizeNow = Math.max(...filesUnder(folder).map((file) => file.bytes.length));
    const limitKiB = Math.ceil(sizeNow / 1024) + 256;
    const config = { folder, worker: { username: worker.username, password: worker.password }, admin: { username: ADMIN.username, password: ADMIN.password }, run: 1 };
    let stdout: string;
    try {
      stdout = execFileSync('/bin/sh', ['-c', `ulimit -f ${limitKiB} && exec "$0" "$1"`, process.execPath, writer], {
        env: { ...process.env, LINKDESK_CRASH_WRITER: JSON.stringify(config), LINKDESK_SILENT: '1' },
        encoding: 'utf8',
        timeout: 60_000,
      });
    } catch (error) {
      stdout = String((error as { stdout?: string }).stdout ?? '');
    }
    const lines = stdout.split('\n').filter(Boolean).map((text) => JSON.parse(text) as WriterLine);
    const failed = lines.find((line) => line.kind === 'failed');
    console.log(`fsize: limit ${limitKiB} KiB, ${lines.length} lines, stopped with ${JSON.stringify(failed)}`);
    // The kernel refuses the write with EFBIG, which SQLite passes on only as an I/O error; the disk
    // itself has room, so the message is the plain "could not write the disk" one.
    expect(failed).toMatchObject({ error: { code: 'internal' } });
    expect([DISK_FULL_MESSAGE, DISK_ERROR_MESSAGE]).toContain((failed as { error: { message: string } }).error.message);
    const raw = openEncryptedDatabase(workspaceFiles(folder).database, key, { create: false });
    try {
      expect(consistencyProblems(raw)).toEqual([]);
      const people = new Set((raw.prepare('SELECT id FROM people').all() as { id: string }[]).map((row) => row.id));
      const acked = lines.flatMap((line) => (line.kind === 'person' ? [line.id] : []));
      expect(acked.length).toBeGreaterThan(0);
      expect(acked.filter((id) => !people.has(id))).toEqual([]);
    } finally {
      raw.close();
    }
    expect(leftoverTemporaryFiles(folder)).toEqual([]);
  });
});
