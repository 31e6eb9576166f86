import { randomUUID } from 'node:crypto';
import type { ExportDeclaration, ExportKind, ExportResult } from '../../../shared/domain/exports';
import type { JobProgress, JobState } from '../../../shared/ipc/exports-schemas';
import { AppError } from '../../errors';
import { runExportWorker, type WorkerRun } from '../../workers/run-export-worker';
import type { UnlockedWorkspace, WorkspaceSession } from '../workspace-session';
import { caseScope } from '../supervision/supervision-scope';
import { pseudonymisationKey } from './pseudonym-key';
import { checkLawfulBasis, writeExport } from './write-export';

/**
 * Long exports as jobs: the rows are read, the files built and protected in an AES-256 ZIP in a
 * worker thread, so the main process (and every other screen) stays responsive; the screen polls
 * `progress` (reading, then protecting, then saving) and may `cancel`. When the worker hands back
 * the finished archive, main writes it through the one export path, passing the job's abort
 * signal, so a cancel at any moment leaves no file and no audit entry.
 *
 * Jobs belong to one sign-in: a lock stops their workers and forgets them, and another user (or
 * the same user after signing in again) cannot see them. A finished job's result, with its
 * passphrase, is given to the first progress call that sees it and then forgotten.
 */
interface Job {
  id: string;
  kind: ExportKind;
  /** 'running' while the worker works; whether it is reading or protecting is read from the worker when reported. */
  state: Exclude<JobState, 'protecting'>;
  run: WorkerRun;
  controller: AbortController;
  result: ExportResult | null;
  error: { code: AppError['code']; message: string } | null;
  /** Whose rows, for the audit entry. */
  scope: 'workspace' | 'supervisees';
}

const jobsBySignIn = new WeakMap<UnlockedWorkspace, Map<string, Job>>();

function jobsOf(session: WorkspaceSession): Map<string, Job> {
  const unlocked = session.requireUnlocked();
  let jobs = jobsBySignIn.get(unlocked);
  if (!jobs) {
    const created = new Map<string, Job>();
    jobs = created;
    jobsBySignIn.set(unlocked, created);
    session.onNextLock(() => {
      for (const job of created.values()) stopJob(job);
      created.clear();
    });
  }
  return jobs;
}

/** A job whose worker or file is still being made. */
function active(job: Job): boolean {
  return job.state === 'running' || job.state === 'saving';
}

function stopJob(job: Job): void {
  job.controller.abort();
  job.run.stop();
  if (job.state === 'running') job.state = 'cancelled';
}

export async function startPseudonymisedExtract(session: WorkspaceSession, declaration: ExportDeclaration): Promise<{ jobId: string }> {
  checkLawfulBasis('pseudonymised_extract', declaration);
  const jobs = jobsOf(session);
  if ([...jobs.values()].some(active)) {
    throw new AppError('conflict', 'An extract is already being made. Wait for it to finish, or cancel it, before starting another.');
  }
  // A GP supervisor's extract holds their supervisees' episodes only, as their screens do (supervision-scope.ts).
  const scope = await caseScope(session);
  const workerIds = scope.all ? null : [...scope.workerIds];
  const key = await pseudonymisationKey(session);
  const unlocked = session.requireUnlocked();
  let run: WorkerRun;
  try {
    run = runExportWorker('pseudonymised_extract', { databasePath: session.files.database, dataKey: unlocked.dataKey, pseudonymKey: key, workerIds, madeAt: session.clock.now() });
  } finally {
    key.fill(0);
  }
  const job: Job = {
    id: randomUUID(),
    kind: 'pseudonymised_extract',
    state: 'running',
    run,
    controller: new AbortController(),
    result: null,
    error: null,
    scope: workerIds === null ? 'workspace' : 'supervisees',
  };
  jobs.set(job.id, job);
  void follow(session, unlocked, job, declaration);
  return { jobId: job.id };
}

/** Waits for the worker's archive, then writes it (unless cancelled or locked meanwhile). */
async function follow(session: WorkspaceSession, unlocked: UnlockedWorkspace, job: Job, declaration: ExportDeclaration): Promise<void> {
  try {
    const output = await job.run.finished;
    if (output === null || job.controller.signal.aborted) {
      job.state = 'cancelled';
      return;
    }
    session.requireStillUnlocked(unlocked);
    job.state = 'saving';
    job.result = await writeExport(session, { kind: job.kind, declaration, archive: output.archive, details: { ...output.details, scope: job.scope }, signal: job.controller.signal });
    job.state = 'done';
  } catch (error) {
    if ((error instanceof AppError && error.code === 'cancelled') || job.controller.signal.aborted) {
      job.state = 'cancelled';
      return;
    }
    job.state = 'failed';
    job.error =
      error instanceof AppError ? { code: error.code, message: error.message } : { code: 'export_failed', message: 'The extract could not be made. Nothing was saved.' };
  }
}

function findJob(session: WorkspaceSession, jobId: string): { jobs: Map<string, Job>; job: Job } {
  const jobs = jobsOf(session);
  const job = jobs.get(jobId);
  if (!job) throw new AppError('not_found', 'That export is not running any more. Start it again if you still need it.');
  return { jobs, job };
}

function report(jobs: Map<string, Job>, job: Job): JobProgress {
  const { rows, protecting } = job.run.progress();
  const finished = job.state === 'done' || job.state === 'failed' || job.state === 'cancelled';
  // The result (and its passphrase) is handed over once; after that Linkdesk holds no copy.
  if (finished) jobs.delete(job.id);
  // The worker says when it has moved from reading rows to protecting the file.
  const state = job.state === 'running' && protecting ? 'protecting' : job.state;
  if (job.state === 'done') return { jobId: job.id, state, done: rows.total, total: rows.total, result: job.result, error: null };
  const step = (state === 'protecting' || state === 'saving') && protecting ? protecting : rows;
  return { jobId: job.id, state, done: step.done, total: step.total, result: null, error: job.error };
}

export function exportJobProgress(session: WorkspaceSession, jobId: string): JobProgress {
  const { jobs, job } = findJob(session, jobId);
  return report(jobs, job);
}

/** Stops the job. A file already saved stays saved (the answer then says 'done'). */
export function cancelExportJob(session: WorkspaceSession, jobId: string): JobProgress {
  const { jobs, job } = findJob(session, jobId);
  if (active(job)) stopJob(job);
  return report(jobs, job);
}
