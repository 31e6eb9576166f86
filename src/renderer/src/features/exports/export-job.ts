import type { ExportResult } from '../../../../shared/domain/exports';
import type { JobProgress } from '../../../../shared/ipc/exports-schemas';
import { api, ApiError } from '../../api/client';

/** The step a long export is at, and how far through it (rows while reading, KiB while protecting). */
export type JobStep = Pick<JobProgress, 'state' | 'done' | 'total'>;

/** What a long export tells the dialog while it runs, and how the dialog stops it. */
export interface ExportJob {
  onProgress: (step: JobStep) => void;
  /** Aborted when the person presses Cancel. */
  signal: AbortSignal;
}

const POLL_MILLISECONDS = 400;

function pause(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, milliseconds);
    signal.addEventListener(
      'abort',
      () => {
        window.clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * Starts an export job in main and follows it: polls its progress, asks main to cancel it when
 * the signal aborts, and resolves with the result (whose passphrase main hands over only once).
 */
export async function runExportJob(start: () => Promise<{ jobId: string }>, job: ExportJob): Promise<ExportResult> {
  const { jobId } = await start();
  for (;;) {
    const progress = job.signal.aborted ? await api.exports.cancel({ jobId }) : await api.exports.progress({ jobId });
    job.onProgress({ state: progress.state, done: progress.done, total: progress.total });
    if (progress.state === 'done' && progress.result) return progress.result;
    if (progress.state === 'cancelled') throw new ApiError({ code: 'cancelled', message: 'The export was cancelled. No file was saved.' });
    if (progress.state === 'failed') throw new ApiError(progress.error ?? { code: 'export_failed', message: 'The export could not be made. Nothing was saved.' });
    await pause(POLL_MILLISECONDS, job.signal);
  }
}
