import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { logger } from '../logger';
import { CONTROL, CONTROL_SLOTS, type ExportWorkerData, type WorkerMessage, type WorkerOutput, type WorkerTask } from './export-worker-protocol';
import { workerScript } from './worker-scripts';

export interface WorkerProgress {
  /** Rows read and rows in all. */
  rows: { done: number; total: number };
  /** Once the rows are read: KiB of the files compressed and encrypted, and KiB in all (done reaches total when the archive is complete). */
  protecting: { done: number; total: number } | null;
}

export interface WorkerRun {
  /** How far the worker has got, as it last reported. */
  progress(): WorkerProgress;
  /** Asks the worker to stop; it stops within a few hundred rows (or one chunk of the archive) and returns nothing. */
  stop(): void;
  /** The finished archive and the counts, or null when stopped. */
  finished: Promise<WorkerOutput | null>;
}

/** A copy in its own ArrayBuffer, so transferring it moves exactly these bytes and nothing else. */
function ownCopy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/**
 * Starts an export worker thread. The data key and the pseudonymisation key go over as fresh
 * copies in the transfer list: after `new Worker` returns, main holds no copy of them (the buffers
 * are detached here), and the worker zeroes them as soon as it has used them.
 */
export function runExportWorker(task: WorkerTask, keys: { databasePath: string; dataKey: Uint8Array; pseudonymKey: Uint8Array; workerIds: string[] | null; madeAt: Date }): WorkerRun {
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  const dataKey = ownCopy(keys.dataKey);
  const pseudonymKey = ownCopy(keys.pseudonymKey);
  const data: ExportWorkerData = { task, databasePath: keys.databasePath, dataKey, pseudonymKey, control: control.buffer as SharedArrayBuffer, workerIds: keys.workerIds, madeAt: keys.madeAt.toISOString() };
  const script = workerScript('export-worker');
  let worker: Worker;
  try {
    worker = new Worker(script.url, { workerData: data, transferList: [dataKey.buffer as ArrayBuffer, pseudonymKey.buffer as ArrayBuffer], execArgv: script.execArgv });
  } finally {
    // Detached when the transfer worked; zeroed in case it did not.
    if (dataKey.byteLength > 0) dataKey.fill(0);
    if (pseudonymKey.byteLength > 0) pseudonymKey.fill(0);
  }
  const failed = () => new AppError('export_failed', 'The extract could not be made. Nothing was saved.');
  const finished = new Promise<WorkerOutput | null>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      settled = true;
      if (message.type === 'done') resolve(message.output);
      else if (message.type === 'stopped') resolve(null);
      else {
        logger.error('export.worker_failed', { task, reason: message.reason, error: message.errorName });
        reject(failed());
      }
    });
    worker.on('error', (error) => {
      logger.error('export.worker_crashed', { task, error: error.name });
      settled = true;
      reject(failed());
    });
    worker.on('exit', (code) => {
      if (settled) return;
      logger.error('export.worker_exited', { task, code });
      reject(failed());
    });
  });
  return {
    progress: () => ({
      rows: { done: Atomics.load(control, CONTROL.done), total: Atomics.load(control, CONTROL.total) },
      protecting: Atomics.load(control, CONTROL.protecting) === 1 ? { done: Atomics.load(control, CONTROL.protectedKib), total: Atomics.load(control, CONTROL.toProtectKib) } : null,
    }),
    stop: () => Atomics.store(control, CONTROL.stop, 1),
    finished,
  };
}
