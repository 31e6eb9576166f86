import type { ExportFile, ProtectedArchive } from '../services/exports/encrypted-zip';
import type { ExtractOutput } from '../services/exports/pseudonymised-extract';

/**
 * What the main process and an export worker say to each other. Progress and the stop request
 * live in shared memory (an Int32Array over a SharedArrayBuffer): the worker's loop is synchronous
 * (better-sqlite3), so it cannot read messages, but it can read a flag and write a count.
 */
export type WorkerTask = 'pseudonymised_extract';

/**
 * Slots: the stop flag; rows read and rows in all; then, once the worker is protecting the file
 * (1 in `protecting`, set after the two sizes), KiB of the files compressed and encrypted so far
 * and KiB in all (KiB, not bytes, so no size can overflow a slot).
 */
export const CONTROL = { stop: 0, done: 1, total: 2, protecting: 3, protectedKib: 4, toProtectKib: 5 } as const;
export const CONTROL_SLOTS = 6;

export interface ExportWorkerData {
  task: WorkerTask;
  databasePath: string;
  /** A copy of the data key made for this worker alone (transferred, not shared); zeroed once the database is open. */
  dataKey: Uint8Array;
  /** The pseudonymisation key, transferred the same way; zeroed when the rows are built. */
  pseudonymKey: Uint8Array;
  control: SharedArrayBuffer;
  /** Null for the whole workspace; a GP supervisor's supervisees otherwise. */
  workerIds: string[] | null;
  /** When the export was asked for (main's clock, ISO): the date on the archive's entries. */
  madeAt: string;
}

/** What the worker hands back: the finished AES-256 archive (its bytes transferred, not copied) and the counts for the audit entry. */
export interface WorkerOutput {
  archive: ProtectedArchive;
  details: ExtractOutput['details'];
}

export type WorkerMessage =
  | { type: 'done'; output: WorkerOutput }
  | { type: 'stopped' }
  | { type: 'failed'; reason: 'unreadable' | 'error'; errorName: string };

export type { ExportFile };
