import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { protectFiles } from '../../src/main/services/exports/encrypted-zip';
import { buildPseudonymisedExtract } from '../../src/main/services/exports/pseudonymised-extract';
import { WorkspaceSession } from '../../src/main/services/workspace-session';
import { EXPORT_KINDS } from '../../src/shared/domain/exports';
import { fixedClock } from '../dataset/generate';
import type { BenchContext } from './context';
import { callRouter } from './router-call';
import { summarise, type Summary } from './timing';

/**
 * The pseudonymised extract of every episode and contact (exports.pseudonymisedExtract), as the
 * service lead (the admin, whose extract covers the whole workspace) starts it and the screen follows it (progress polled every 100 ms), to the encrypted
 * ZIP on disk. The main thread's event-loop delay is measured while it runs: the extract is built in
 * a worker thread, so the main thread should stay free. The baseline makes the same file the
 * plainest way: the extract's own hand-written SELECTs and CSV building run directly on the plain
 * copy, then the same AES-256 ZIP and a plain file write, all in this thread — no worker, no job,
 * no progress, no audit entry, no atomic rename.
 */
/** The main thread's event-loop delay while the extracts ran, as the renderer would feel it. */
export interface EventLoopResult {
  label: string;
  p99: number;
  max: number;
  seconds: number;
}

export interface ExportResult {
  service: Summary;
  baseline: Summary;
  loop: EventLoopResult;
  rows: number;
}

export async function measurePseudonymisedExport(context: BenchContext, runs: number): Promise<ExportResult> {
  // Not a GP supervisor: theirs holds only their supervisees' referrals (half of them at full scale).
  const admin = context.manifest.staff.find((member) => member.role === 'admin');
  if (!admin) throw new Error('The dataset has no admin');
  const session = new WorkspaceSession({ folder: context.workspaceFolder, clock: fixedClock(`${context.today}T09:00:00.000Z`), idleMillisecondsOverride: Number.MAX_SAFE_INTEGER });
  const declaration = { ...EXPORT_KINDS.pseudonymised_extract.defaults };
  const service: number[] = [];
  const baseline: number[] = [];
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let rows = 0;
  const baselineFolder = mkdtempSync(join(tmpdir(), 'linkdesk-bench-extract-'));
  let exportSeconds = 0;
  try {
    await callRouter(session, 'session.signIn', { username: admin.username, password: context.manifest.password });
    // The histogram is enabled once, around every extract, and the baselines run after them all:
    // monitorEventLoopDelay keeps its last tick across disable() and enable(), so a synchronous
    // baseline run between two extracts was counted as one event-loop delay as long as the baseline
    // itself (the 13.7 s "maximum" of the first full-scale run).
    histogram.enable();
    for (let round = 0; round < runs; round += 1) {
      const started = performance.now();
      const { jobId } = await callRouter<{ jobId: string }>(session, 'exports.pseudonymisedExtract', { declaration });
      for (;;) {
        await new Promise((next) => setTimeout(next, 100));
        const progress = await callRouter<{ state: string; total: number }>(session, 'exports.progress', { jobId });
        if (progress.state === 'done') {
          rows = progress.total;
          break;
        }
        if (progress.state === 'failed' || progress.state === 'cancelled') throw new Error(`The extract ${progress.state}`);
      }
      const ms = performance.now() - started;
      service.push(ms);
      exportSeconds += ms / 1000;
    }
    // A timer tick held up by the last stretch of work is only recorded once the loop turns again.
    await new Promise((next) => setTimeout(next, 20));
    histogram.disable();
    for (let round = 0; round < runs; round += 1) {
      const key = randomBytes(32);
      const baselineStarted = performance.now();
      const output = buildPseudonymisedExtract(context.baseline, key, { shouldStop: () => false, onProgress: () => undefined });
      if (!output) throw new Error('The baseline extract stopped');
      const archive = await protectFiles(output.files, new Date());
      writeFileSync(join(baselineFolder, `extract-${round}.zip`), archive.bytes);
      baseline.push(performance.now() - baselineStarted);
    }
  } finally {
    await session.close();
    rmSync(baselineFolder, { recursive: true, force: true });
  }
  return {
    service: summarise(service),
    baseline: summarise(baseline),
    rows,
    loop: { label: `during ${runs} pseudonymised extract(s) of every episode and contact, progress polled every 100 ms`, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6, seconds: exportSeconds },
  };
}
