import type { ExportFile } from '../services/exports/encrypted-zip';
import type { ExtractOutput } from '../services/exports/pseudonymised-extract';

/**
 * What the main process and an export worker say to each other. Progress and the stop request
 * live in shared memory (an Int32Array over a SharedArrayBuffer): the worker's loop is synchronous
 * (better-sqlite3), so it cannot read messages, but it can read a flag and write a count.
 */
export type WorkerTask = 'pseudonymised_extract';

export const CONTROL = { stop: 0, done: 1, total: 2 } as const;
export const CONTROL_SLOTS = 3;

export interface ExportWorkerData {
  task: WorkerTask;
  databasePath: string;
  /** A copy of the data key made for this worker alone (transferred, not shared); zeroed once the database is open. */
  dataKey: Uint8Array;
  /** The pseudonymisation key, transferred the same way; zeroed when the work ends. */
  pseudonymKey: Uint8Array;
  control: SharedArrayBuffer;
  /** Null for the whole workspace; a GP supervisor's supervisees otherwise. */
  workerIds: string[] | null;
}

export type WorkerMessage =
  | { type: 'done'; output: ExtractOutput }
  | { type: 'stopped' }
  | { type: 'failed'; reason: 'unreadable' | 'error'; errorName: string };

export type { ExportFile };
