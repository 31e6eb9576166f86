/**
 * How the pseudonymised extract behaves at PCN scale: `npx tsx bench/pseudonymised-extract.ts [contacts]`
 * (600,000 contacts by default, 10 per referral). Sets up a workspace in a temp folder, writes the
 * rows straight into the encrypted store, then runs the extract through the router exactly as the
 * export centre does, polling progress as the screen would, and reports how long it took and how
 * long the main thread's event loop was ever held up meanwhile (perf_hooks.monitorEventLoopDelay).
 * Figures go in docs/exports.md; nothing here is a pass/fail test.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { router } from '../src/main/ipc';
import { WorkspaceSession } from '../src/main/services/workspace-session';
import type { JobProgress } from '../src/shared/ipc/exports-schemas';

process.env.LINKDESK_SILENT = '1';
const CONTACTS = Number(process.argv[2] ?? 600_000);
const PER_EPISODE = 10;

async function call<T>(session: WorkspaceSession, channel: string, input: unknown): Promise<T> {
  const envelope = await router(session, channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.data as T;
}

async function measure(session: WorkspaceSession, run: string): Promise<void> {
  // Seeding left garbage in this thread; collect it first (with --expose-gc) so it is not counted as the export's.
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const stalls: string[] = [];
  let last = performance.now();
  const sampler = setInterval(() => {
    const now = performance.now();
    if (now - last > 60) stalls.push(`${Math.round(now - last)} ms at +${Math.round(now - started)} ms`);
    last = now;
  }, 10);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const { jobId } = await call<{ jobId: string }>(session, 'exports.pseudonymisedExtract', { declaration: { purpose: 'Benchmark', recipient: 'Nobody', lawfulBasis: 'service_planning' } });
  let progress: JobProgress;
  let polls = 0;
  let readDoneAt = 0;
  let protectedAt = 0;
  for (;;) {
    progress = await call<JobProgress>(session, 'exports.progress', { jobId });
    polls += 1;
    // The worker reads the rows ('running'), then compresses and encrypts them ('protecting'); main saves the file ('saving').
    if (!readDoneAt && progress.state !== 'running') readDoneAt = performance.now();
    if (!protectedAt && progress.state !== 'running' && progress.state !== 'protecting') protectedAt = performance.now();
    if (progress.state === 'done' || progress.state === 'failed' || progress.state === 'cancelled') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  delay.disable();
  clearInterval(sampler);
  const total = performance.now() - started;
  console.log(`${run} run: state ${progress.state}; ${progress.total.toLocaleString('en-GB')} rows; ${polls} progress polls answered`);
  console.log(
    `rows read and CSV built in the worker: ~${Math.round((readDoneAt || performance.now()) - started)} ms; zipped and encrypted in the worker by ~${Math.round((protectedAt || performance.now()) - started)} ms; whole export (to the file's final name): ${Math.round(total)} ms`,
  );
  console.log(`file ${(progress.result?.bytes ?? 0) / 1e6} MB`);
  console.log(`main event loop delay while it ran: max ${Math.round(delay.max / 1e6)} ms, p99 ${Math.round(delay.percentile(99) / 1e6)} ms, mean ${Math.round(delay.mean / 1e6)} ms`);
  console.log(`stalls over 60 ms: ${stalls.join(', ') || 'none'}`);
  console.log(`memory: rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
}

/** The same measures with nothing running, for ten seconds: on a shared machine the loop stalls anyway. */
async function baseline(): Promise<void> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  delay.disable();
  console.log(`baseline, nothing running, 10 s: event loop delay max ${Math.round(delay.max / 1e6)} ms, p99 ${Math.round(delay.percentile(99) / 1e6)} ms, mean ${Math.round(delay.mean / 1e6)} ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'linkdesk-bench-'));
  const session = new WorkspaceSession({ folder });
  try {
    await call(session, 'workspace.setup', { workspaceName: 'Bench PCN', adminUsername: 'ada.admin', adminDisplayName: 'Ada Admin', adminPassword: 'correct horse battery staple' });
    const admin = await call<{ id: string }>(session, 'session.signIn', { username: 'ada.admin', password: 'correct horse battery staple' });
    const { raw } = session.requireUnlocked();
    const started = performance.now();
    const person = raw.prepare(`INSERT INTO people (id, nhs_number, given_name, family_name, date_of_birth, postcode, created_at, created_by, updated_at) VALUES (?, NULL, ?, 'Bench', ?, 'LS6 2AB', 'now', ?, 'now')`);
    const episode = raw.prepare(
      `INSERT INTO episodes (id, person_id, worker_user_id, source, received_on, urgency, status, first_contact_due_on, contact_count, created_at, created_by, updated_at) VALUES (?, ?, NULL, 'gp_practice', '2026-01-05', 'routine', 'active', '2026-01-12', ?, 'now', ?, 'now')`,
    );
    const reason = raw.prepare(`INSERT INTO episode_reasons (episode_id, reason) VALUES (?, 'loneliness')`);
    const contact = raw.prepare(`INSERT INTO contacts (id, episode_id, person_id, at, contact_on, mode, duration_minutes, notes, recorded_by, recorded_at) VALUES (?, ?, ?, '2026-01-06T10:00:00.000Z', '2026-01-06', 'phone', 30, 'A note that must never leave', ?, 'now')`);
    raw.transaction(() => {
      for (let i = 0; i < CONTACTS / PER_EPISODE; i += 1) {
        const personId = randomUUID();
        const episodeId = randomUUID();
        person.run(personId, `Person${i}`, `19${30 + (i % 70)}-06-15`, admin.id);
        episode.run(episodeId, personId, PER_EPISODE, admin.id);
        reason.run(episodeId);
        for (let c = 0; c < PER_EPISODE; c += 1) contact.run(randomUUID(), episodeId, personId, admin.id);
      }
    })();
    console.log(`seeded ${CONTACTS.toLocaleString('en-GB')} contacts in ${Math.round(performance.now() - started)} ms`);

    // Twice: the first run in a process also pays one-off costs (tsx compiling zip.js's lazy
    // modules, Node loading its web streams) that the built app pays once per launch, if at all.
    await baseline();
    for (const run of ['first', 'second']) await measure(session, run);
  } finally {
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
