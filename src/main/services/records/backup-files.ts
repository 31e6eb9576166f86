import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupInfo } from '../../../shared/ipc/records-schemas';
import { writeFileAtomic } from '../../store/atomic-write';
import type { RawDatabase } from '../../store/open-database';

/**
 * The backup format: one folder per backup, named by date and time only (never a person), holding
 *   linkdesk.db   a VACUUM INTO copy of the encrypted database, under the same data key
 *   keyring.json  the keyring as it was, so the passwords and recovery key of that day open it
 *   backup.json   the manifest: workspace id, time, schema version, the database's size and
 *                 SHA-256, and the audit log's entry count and last hash (to detect a cut-short log)
 * VACUUM INTO reads one consistent snapshot, WAL or not, and writes a compact, encrypted file.
 */
export const BACKUP_FILES = { database: 'linkdesk.db', keyring: 'keyring.json', manifest: 'backup.json' } as const;
const BACKUP_NAME = /^linkdesk-backup-\d{8}-\d{6}(-\d+)?$/;

const manifestSchema = z.object({
  format: z.literal('linkdesk-backup'),
  version: z.literal(1),
  workspaceId: z.string(),
  createdAt: z.string(),
  trigger: z.enum(['manual', 'scheduled']),
  schemaVersion: z.number().int(),
  database: z.object({ bytes: z.number().int(), sha256: z.string().length(64) }),
  audit: z.object({ entries: z.number().int(), lastHash: z.string().nullable() }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export function sha256OfFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** "linkdesk-backup-20260302-180000", in the PC's local time, with "-2", "-3"… if taken. */
function freeName(folder: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const base = `linkdesk-backup-${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  let name = base;
  for (let n = 2; existsSync(join(folder, name)); n += 1) name = `${base}-${n}`;
  return name;
}

export function readManifest(backupFolder: string): BackupManifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(join(backupFolder, BACKUP_FILES.manifest), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function infoOf(path: string, name: string, manifest: BackupManifest): BackupInfo {
  return {
    name,
    path,
    createdAt: manifest.createdAt,
    bytes: manifest.database.bytes,
    trigger: manifest.trigger,
    schemaVersion: manifest.schemaVersion,
    auditEntries: manifest.audit.entries,
  };
}

interface WriteBackup {
  raw: RawDatabase;
  keyringPath: string;
  folder: string;
  workspaceId: string;
  at: Date;
  trigger: 'manual' | 'scheduled';
}

/**
 * Writes a backup into a hidden staging folder and renames it into place only when complete, so
 * a failure (a full disk, a drive pulled out) never leaves something that looks like a backup.
 */
export function writeBackup({ raw, keyringPath, folder, workspaceId, at, trigger }: WriteBackup): { info: BackupInfo; sha256: string } {
  const staging = join(folder, `.linkdesk-backup-${randomBytes(6).toString('hex')}.partial`);
  mkdirSync(staging, { mode: 0o700 });
  try {
    // Read with the snapshot: better-sqlite3 is synchronous, so nothing is written in between.
    const last = raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
    const schemaVersion = raw.pragma('user_version', { simple: true }) as number;
    const database = join(staging, BACKUP_FILES.database);
    raw.prepare('VACUUM INTO ?').run(database);
    copyFileSync(keyringPath, join(staging, BACKUP_FILES.keyring));
    const sha256 = sha256OfFile(database);
    const manifest: BackupManifest = {
      format: 'linkdesk-backup',
      version: 1,
      workspaceId,
      createdAt: at.toISOString(),
      trigger,
      schemaVersion,
      database: { bytes: statSync(database).size, sha256 },
      audit: { entries: last?.id ?? 0, lastHash: last?.hash ?? null },
    };
    writeFileAtomic(join(staging, BACKUP_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    const name = freeName(folder, at);
    renameSync(staging, join(folder, name));
    return { info: infoOf(join(folder, name), name, manifest), sha256 };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** This workspace's backups in a folder, newest first. Other workspaces' backups are left alone. */
export function listBackups(folder: string, workspaceId: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  const found: BackupInfo[] = [];
  for (const name of readdirSync(folder)) {
    if (!BACKUP_NAME.test(name)) continue;
    const manifest = readManifest(join(folder, name));
    if (manifest?.workspaceId === workspaceId) found.push(infoOf(join(folder, name), name, manifest));
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Removes this workspace's oldest backups beyond `keep`; returns how many went. */
export function pruneBackups(folder: string, workspaceId: string, keep: number): number {
  const surplus = listBackups(folder, workspaceId).slice(keep);
  for (const backup of surplus) rmSync(backup.path, { recursive: true, force: true });
  return surplus.length;
}
