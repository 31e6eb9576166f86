import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { BackupSecretInput, BackupVerification } from '../../../shared/ipc/records-schemas';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import { burnEquivalentEffort, findUserSlot, openSlot, readKeyring, recoverySlot, type Keyring } from '../../keys/keyring';
import { normaliseRecoveryKey } from '../../keys/recovery-key';
import { closeConnection, createKysely } from '../../store/kysely';
import { MIGRATIONS } from '../../store/migrations';
import { openEncryptedDatabase, type RawDatabase } from '../../store/open-database';
import { WorkspaceOpenError } from '../../store/store-error';
import { workspaceFiles, type WorkspaceFiles } from '../../store/workspace-files';
import { appendAudit, verifyAuditChain } from '../audit-log';
import { checkDatabaseIntegrity } from '../integrity';
import { BACKUP_FILES, readManifest, sha256OfFile, type BackupManifest } from './backup-files';
import { reapplyErasures } from './erasure';

/**
 * Restore: a backup is opened with a secret of its own day (a password valid then, or the
 * recovery key), checked on a copy inside the workspace folder, and only if every check passes
 * does it replace the workspace's files. The files it replaces are kept aside until the new ones
 * are in place and open, and put back if anything fails.
 */
export interface UnlockedBackup {
  path: string;
  name: string;
  manifest: BackupManifest;
  keyring: Keyring;
  dataKey: Buffer;
  /** Whose password opened it; null for the recovery key. */
  opener: { id: string; username: string } | null;
  method: BackupSecretInput['method'];
}

function badPath(message: string): never {
  throw new AppError('invalid_input', 'Some of the details are not right.', { backupPath: message });
}

/** Reads a backup folder's manifest and keyring and unwraps its data key with the secret given. */
export async function unlockBackup(secret: BackupSecretInput): Promise<UnlockedBackup> {
  if (!isAbsolute(secret.backupPath)) badPath('Enter the full path of the backup folder');
  const path = resolve(secret.backupPath);
  if (!existsSync(path) || !statSync(path).isDirectory()) badPath('There is no folder at this path');
  const manifest = readManifest(path);
  if (!manifest || !existsSync(join(path, BACKUP_FILES.database))) badPath('This folder is not a Linkdesk backup (its backup.json or linkdesk.db is missing or damaged)');
  let keyring: Keyring | null;
  try {
    keyring = readKeyring(join(path, BACKUP_FILES.keyring));
  } catch {
    keyring = null;
  }
  if (!keyring) badPath('The backup’s keyring.json is missing or damaged, so nothing can open it');
  if (keyring.workspaceId !== manifest.workspaceId) badPath('The backup’s files do not belong together (the keyring is from another workspace)');
  let dataKey: Buffer | null = null;
  let opener: UnlockedBackup['opener'] = null;
  if (secret.method === 'password') {
    const slot = findUserSlot(keyring, secret.username);
    if (slot) dataKey = await openSlot(keyring.workspaceId, slot, secret.password);
    else await burnEquivalentEffort(secret.password);
    if (slot && dataKey) opener = { id: slot.userId ?? '', username: slot.username ?? secret.username };
    if (!dataKey) {
      throw new AppError('wrong_credentials', 'That user name and password do not open this backup. Use a password that was valid when the backup was made, or the recovery key.', {
        password: 'This password does not open this backup',
      });
    }
  } else {
    const typed = normaliseRecoveryKey(secret.recoveryKey);
    if (!typed) throw new AppError('invalid_input', 'That is not a recovery key.', { recoveryKey: 'A recovery key has 32 letters and numbers, in 8 groups of 4' });
    const slot = recoverySlot(keyring);
    dataKey = slot ? await openSlot(keyring.workspaceId, slot, typed) : null;
    if (!dataKey) throw new AppError('wrong_credentials', 'That recovery key does not open this backup.', { recoveryKey: 'This recovery key does not open this backup' });
  }
  return { path, name: basename(path), manifest, keyring, dataKey, opener, method: secret.method };
}

type Check = BackupVerification['checks'][number];

function auditCheck(raw: RawDatabase, manifest: BackupManifest): Check {
  const chain = verifyAuditChain(raw);
  if (!chain.ok) return { name: 'Audit log', ok: false, message: chain.message };
  const last = raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  if ((last?.id ?? 0) !== manifest.audit.entries || (last?.hash ?? null) !== manifest.audit.lastHash) {
    return { name: 'Audit log', ok: false, message: `The audit log does not end where it did when the backup was made (${manifest.audit.entries} entries).` };
  }
  return { name: 'Audit log', ok: true, message: chain.message };
}

function whoCheck(raw: RawDatabase, backup: UnlockedBackup): Check {
  if (!backup.opener) return { name: 'Permission', ok: true, message: 'Opened with the recovery key.' };
  const row = raw.prepare('SELECT role, disabled_at FROM users WHERE id = ?').get(backup.opener.id) as { role: string; disabled_at: string | null } | undefined;
  const ok = row?.role === 'admin' && row.disabled_at === null;
  return { name: 'Permission', ok, message: ok ? `Opened by ${backup.opener.username}, an admin when the backup was made.` : 'Only someone who was an admin when the backup was made (or the recovery key) can restore it.' };
}

/** Every check on an open copy of the backup, in order; stops at the first that leaves nothing to check. */
function checksOn(raw: RawDatabase, backup: UnlockedBackup): Check[] {
  const checks: Check[] = [];
  const version = raw.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (version > latest) {
    checks.push({ name: 'Version', ok: false, message: `The backup was made by a newer Linkdesk (schema ${version}); update Linkdesk before restoring it.` });
    return checks;
  }
  checks.push({ name: 'Version', ok: true, message: version < latest ? `Schema ${version}; it is brought up to date (${latest}) at the next sign-in.` : `Schema ${version}, the current one.` });
  const workspace = raw.prepare('SELECT id FROM workspace').get() as { id: string } | undefined;
  const sameWorkspace = workspace?.id === backup.keyring.workspaceId;
  checks.push({ name: 'Workspace', ok: sameWorkspace, message: sameWorkspace ? 'The database and keyring belong to the same workspace.' : 'The database and keyring belong to different workspaces.' });
  const integrity = checkDatabaseIntegrity(raw);
  checks.push({ name: 'Integrity', ok: integrity.ok, message: integrity.ok ? 'SQLite’s integrity check found no problems.' : `SQLite’s integrity check found problems: ${integrity.problems.slice(0, 3).join('; ')}` });
  checks.push(auditCheck(raw, backup.manifest));
  checks.push(whoCheck(raw, backup));
  return checks;
}

export interface StagedBackup {
  verification: BackupVerification;
  ok: boolean;
  /** The checked copy, closed, inside the workspace folder (so moving it into place is a rename). */
  stagedDatabase: string;
  discard: () => void;
}

/** Copies the backup's database into a staging folder inside the workspace folder and checks it there. */
export function stageAndCheck(backup: UnlockedBackup, workspaceFolder: string): StagedBackup {
  mkdirSync(workspaceFolder, { recursive: true, mode: 0o700 });
  const staging = join(workspaceFolder, `.restore-${randomBytes(6).toString('hex')}`);
  mkdirSync(staging, { mode: 0o700 });
  const discard = () => rmSync(staging, { recursive: true, force: true });
  const stagedDatabase = join(staging, BACKUP_FILES.database);
  const checks: Check[] = [];
  const fileOk = sha256OfFile(join(backup.path, BACKUP_FILES.database)) === backup.manifest.database.sha256;
  checks.push({
    name: 'File',
    ok: fileOk,
    message: fileOk ? 'The database file is complete and unchanged since the backup was made.' : 'The database file has changed or is incomplete since the backup was made.',
  });
  if (fileOk) {
    copyFileSync(join(backup.path, BACKUP_FILES.database), stagedDatabase);
    let raw: RawDatabase | null = null;
    try {
      raw = openEncryptedDatabase(stagedDatabase, backup.dataKey, { create: false });
      checks.push({ name: 'Opens', ok: true, message: 'The backup opens with its key.' }, ...checksOn(raw, backup));
    } catch (error) {
      checks.push({ name: 'Opens', ok: false, message: error instanceof WorkspaceOpenError ? error.message : 'The backup cannot be opened.' });
    } finally {
      if (raw?.open) {
        raw.pragma('wal_checkpoint(TRUNCATE)');
        raw.close();
      }
    }
  }
  const verification: BackupVerification = {
    backupName: backup.name,
    createdAt: backup.manifest.createdAt,
    schemaVersion: backup.manifest.schemaVersion,
    auditEntries: backup.manifest.audit.entries,
    checks,
  };
  return { verification, ok: checks.every((check) => check.ok), stagedDatabase, discard };
}

/** Refuses to put a backup of one workspace over another, and to replace files another Linkdesk has open. */
export function checkTarget(files: WorkspaceFiles, backup: UnlockedBackup, options: { expectLocked: boolean }): void {
  let current: Keyring | null = null;
  try {
    current = readKeyring(files.keyring);
  } catch {
    // A damaged keyring is exactly what a restore may be mending.
  }
  if (current && current.workspaceId !== backup.manifest.workspaceId) {
    throw new AppError('conflict', `This backup is of another workspace (“${backup.keyring.workspaceName}”), not of “${current.workspaceName}”. Restore it into an empty folder instead.`);
  }
  if (options.expectLocked && (existsSync(`${files.database}-wal`) || existsSync(`${files.database}-shm`))) {
    throw new AppError('conflict', 'Linkdesk seems to have this workspace open (its linkdesk.db-wal file is present). Close Linkdesk wherever it uses this folder, then try again.');
  }
}

export interface RestoreActor {
  actor: { id: string; username: string } | null;
  clock: Clock;
}

/**
 * Moves the checked copy and the backup's keyring into place. The files replaced are moved into
 * a folder aside first and put back if anything fails, then removed once the restored workspace
 * has opened and recorded its restore in its own audit log.
 */
export async function replaceWorkspace(files: WorkspaceFiles, backup: UnlockedBackup, staged: StagedBackup, who: RestoreActor): Promise<void> {
  const aside = join(files.folder, `.replaced-${randomBytes(6).toString('hex')}`);
  mkdirSync(aside, { mode: 0o700 });
  const moved: string[] = [];
  const current = [files.database, `${files.database}-wal`, `${files.database}-shm`, files.keyring];
  try {
    for (const path of current) {
      if (!existsSync(path)) continue;
      renameSync(path, join(aside, basename(path)));
      moved.push(path);
    }
    renameSync(staged.stagedDatabase, files.database);
    const keyringCopy = join(files.folder, `.keyring-${randomBytes(6).toString('hex')}.tmp`);
    copyFileSync(join(backup.path, BACKUP_FILES.keyring), keyringCopy);
    renameSync(keyringCopy, files.keyring);
    const raw = openEncryptedDatabase(files.database, backup.dataKey, { create: false });
    const db = createKysely(raw);
    try {
      await appendAudit(db, {
        actor: who.actor,
        action: 'backup.restored',
        entityType: 'backup',
        entityId: backup.name,
        details: { backupCreatedAt: backup.manifest.createdAt, method: backup.method, auditEntries: backup.manifest.audit.entries },
        at: who.clock.now(),
      });
      // Anyone erased since the backup was made comes back with it: erase them again.
      await reapplyErasures(db, raw, files.erasures, backup.dataKey, { actor: who.actor, at: who.clock.now() });
    } finally {
      await closeConnection(raw, db);
    }
  } catch (error) {
    for (const path of [files.database, `${files.database}-wal`, `${files.database}-shm`, files.keyring]) rmSync(path, { force: true });
    for (const path of moved) renameSync(join(aside, basename(path)), path);
    rmSync(aside, { recursive: true, force: true });
    throw error;
  } finally {
    staged.discard();
  }
  rmSync(aside, { recursive: true, force: true });
}

/** The first failed check, as the sentence a refusal gives. */
export function refusalMessage(verification: BackupVerification): string {
  const failed = verification.checks.find((check) => !check.ok);
  return `The backup did not pass its checks, so nothing was replaced. ${failed ? `${failed.name}: ${failed.message}` : ''}`.trim();
}

/** Restores into a workspace folder that is not open (the admin CLI, or the app after locking). */
export async function restoreIntoFolder(folder: string, secret: BackupSecretInput, clock: Clock, options: { expectLocked: boolean; actor?: { id: string; username: string } }) {
  const files = workspaceFiles(folder);
  const backup = await unlockBackup(secret);
  try {
    checkTarget(files, backup, options);
    const staged = stageAndCheck(backup, folder);
    if (!staged.ok) {
      staged.discard();
      return { verification: staged.verification, restored: false };
    }
    await replaceWorkspace(files, backup, staged, { actor: options.actor ?? backup.opener, clock });
    return { verification: staged.verification, restored: true };
  } finally {
    backup.dataKey.fill(0);
  }
}

