import { accessSync, constants, statfsSync } from 'node:fs';

/** Raised when a workspace cannot be opened; the message is safe to show to the user as it is. */
export class WorkspaceOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceOpenError';
  }
}

export const WRONG_KEY_MESSAGE = 'Wrong password, or not a Linkdesk workspace.';
export const DAMAGED_DATABASE_MESSAGE = 'The workspace database is damaged. Restore it from a backup.';

/**
 * SQLCipher checks each page's HMAC as it reads it, so a page changed outside Linkdesk (a disk
 * fault, a hand edit) fails as SQLITE_CORRUPT, or SQLITE_NOTADB for the first page, whenever it
 * is first read: at sign-in, or later in the session.
 */
export function isDamagedDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export const DISK_FULL_MESSAGE = 'The disk is full: nothing was saved. Free some space and try again.';
export const READ_ONLY_MESSAGE =
  'Linkdesk cannot write to its folder: the folder is read-only, or you do not have permission to change it. Nothing was saved. Ask your IT team to check the folder.';
export const DISK_ERROR_MESSAGE = 'Linkdesk could not read or write the disk: nothing was saved. Check the disk or drive is connected and try again.';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', 'EFBIG']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);
/** Less free space than this on the workspace's disk turns a vague I/O error into "the disk is full". */
const NEARLY_FULL_BYTES = 1024 * 1024;

function freeBytes(folder: string): number | null {
  try {
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

function writable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch (error) {
    return !READ_ONLY.has(String((error as { code?: unknown }).code));
  }
}

/**
 * What a failure of the disk under the workspace means to a user, or null when the error is not
 * about the disk. SQLite (better-sqlite3's SqliteError) and Node's fs both put a code on the error:
 * SQLITE_FULL / SQLITE_READONLY_* / SQLITE_IOERR_* / SQLITE_CANTOPEN and ENOSPC / EROFS / EACCES.
 * SQLite reports some full-disk failures only as I/O errors (growing the -shm file, a write that
 * hits a file-size limit) and a read-only folder only as "cannot open", so for those the workspace
 * folder itself is looked at: almost no free space, or not writable. Causes are followed, so a
 * wrapped error is recognised too. Each message is safe to show: it names no data.
 */
export function storageFailureMessage(error: unknown, workspaceFolder?: string): string | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (FULL.has(code)) return DISK_FULL_MESSAGE;
    if (READ_ONLY.has(code) || code.startsWith('SQLITE_READONLY')) return READ_ONLY_MESSAGE;
    if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) {
      const free = workspaceFolder === undefined ? null : freeBytes(workspaceFolder);
      return free !== null && free < NEARLY_FULL_BYTES ? DISK_FULL_MESSAGE : DISK_ERROR_MESSAGE;
    }
    if (code === 'SQLITE_CANTOPEN' && workspaceFolder !== undefined && !writable(workspaceFolder)) return READ_ONLY_MESSAGE;
  }
  return null;
}
