/**
 * The export worker thread (built to out/main/export-worker.js; run from the TypeScript sources
 * under tsx in tests). It opens its own read-only connection to the encrypted database with a copy
 * of the data key, builds the export's files, protects them in an AES-256 ZIP with a new
 * passphrase, and hands the finished archive back to the main process, which writes it through the
 * one export path (services/exports/write-export.ts: name, `.partial`, audit entry, rename). It
 * never writes a file itself. Compressing and encrypting a PCN's extract takes seconds of CPU: here
 * it costs the main thread nothing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { protectFiles } from '../services/exports/encrypted-zip';
import { buildPseudonymisedExtract, type ExtractOutput } from '../services/exports/pseudonymised-extract';
import { openEncryptedDatabase, type RawDatabase } from '../store/open-database';
import { WorkspaceOpenError } from '../store/store-error';
import { CONTROL, type ExportWorkerData, type WorkerMessage } from './export-worker-protocol';

/** Thrown between two chunks of the archive when main asks the worker to stop. */
class Stopped extends Error {}

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

/** The rows, read in one read transaction; the keys are zeroed and the connection closed before the archive is made. */
function readRows(data: ExportWorkerData, control: Int32Array): ExtractOutput | null {
  let raw: RawDatabase | null = null;
  try {
    try {
      raw = openEncryptedDatabase(data.databasePath, Buffer.from(data.dataKey.buffer, data.dataKey.byteOffset, data.dataKey.byteLength), { create: false, readOnly: true });
    } finally {
      data.dataKey.fill(0);
    }
    return buildPseudonymisedExtract(
      raw,
      data.pseudonymKey,
      {
        shouldStop: () => Atomics.load(control, CONTROL.stop) === 1,
        onProgress: (done, total) => {
          Atomics.store(control, CONTROL.done, done);
          Atomics.store(control, CONTROL.total, total);
        },
      },
      { workerIds: data.workerIds },
    );
  } finally {
    data.pseudonymKey.fill(0);
    raw?.close();
  }
}

async function run(data: ExportWorkerData): Promise<void> {
  const control = new Int32Array(data.control);
  const kib = (bytes: number) => Math.ceil(bytes / 1024);
  try {
    const output = readRows(data, control);
    if (!output) return post({ type: 'stopped' });
    // The sizes first, then the flag: main reads the flag and trusts the sizes beside it.
    Atomics.store(control, CONTROL.toProtectKib, kib(output.files.reduce((sum, file) => sum + file.bytes.byteLength, 0)));
    Atomics.store(control, CONTROL.protecting, 1);
    const archive = await protectFiles(output.files, new Date(data.madeAt), (done) => {
      if (Atomics.load(control, CONTROL.stop) === 1) throw new Stopped();
      Atomics.store(control, CONTROL.protectedKib, kib(done));
    });
    post({ type: 'done', output: { archive, details: output.details } }, [archive.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    // zip.js may wrap the error thrown between chunks: the flag says whether this was a stop.
    if (error instanceof Stopped || Atomics.load(control, CONTROL.stop) === 1) return post({ type: 'stopped' });
    // Only the error's class name crosses over: messages can quote data.
    post({ type: 'failed', reason: error instanceof WorkspaceOpenError ? 'unreadable' : 'error', errorName: error instanceof Error ? error.name : 'unknown' });
  }
}

void run(workerData as ExportWorkerData);
