/**
 * The export worker thread (built to out/main/export-worker.js; run from the TypeScript sources
 * under tsx in tests). It opens its own read-only connection to the encrypted database with a copy
 * of the data key, builds the export's files, and hands them back to the main process, which
 * writes them through the one export path (services/exports/write-export.ts). It never writes a
 * file itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildPseudonymisedExtract } from '../services/exports/pseudonymised-extract';
import { openEncryptedDatabase, type RawDatabase } from '../store/open-database';
import { WorkspaceOpenError } from '../store/store-error';
import { CONTROL, type ExportWorkerData, type WorkerMessage } from './export-worker-protocol';

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

function run(data: ExportWorkerData): void {
  const control = new Int32Array(data.control);
  let raw: RawDatabase | null = null;
  try {
    try {
      raw = openEncryptedDatabase(data.databasePath, Buffer.from(data.dataKey.buffer, data.dataKey.byteOffset, data.dataKey.byteLength), { create: false, readOnly: true });
    } finally {
      data.dataKey.fill(0);
    }
    const output = buildPseudonymisedExtract(raw, data.pseudonymKey, {
      shouldStop: () => Atomics.load(control, CONTROL.stop) === 1,
      onProgress: (done, total) => {
        Atomics.store(control, CONTROL.done, done);
        Atomics.store(control, CONTROL.total, total);
      },
    }, { workerIds: data.workerIds });
    if (output) {
      post(
        { type: 'done', output },
        output.files.map((file) => file.bytes.buffer as ArrayBuffer),
      );
    } else {
      post({ type: 'stopped' });
    }
  } catch (error) {
    // Only the error's class name crosses over: messages can quote data.
    post({ type: 'failed', reason: error instanceof WorkspaceOpenError ? 'unreadable' : 'error', errorName: error instanceof Error ? error.name : 'unknown' });
  } finally {
    data.pseudonymKey.fill(0);
    raw?.close();
  }
}

run(workerData as ExportWorkerData);
