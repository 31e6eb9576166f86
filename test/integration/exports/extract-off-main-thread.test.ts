import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import type { ExportResult } from '../../../src/shared/domain/exports';
import type { JobProgress, JobState } from '../../../src/shared/ipc/exports-schemas';
import { sha256Hex } from '../../../src/main/services/exports/encrypted-zip';
import { casework, type Casework } from '../../support/casework';
import { ok } from '../../support/workspace';
import { declaration, exportEntries, exportedText, finished } from './support';

/**
 * At PCN scale the extract takes tens of seconds, most of it reading rows and compressing and
 * encrypting the CSVs. All of that happens in the export worker thread, so the main process goes
 * on answering the screen; main only writes the finished archive through the one export path.
 * A few thousand referrals and contacts are written straight into the store, so the archive
 * takes many chunks to build. Nothing here measures time: the tests watch what main answers, and
 * what the worker gets done while main's event loop is deliberately held still.
 */
const PEOPLE = 2_000;
const CONTACTS_EACH = 3;
const ROWS = PEOPLE + PEOPLE * CONTACTS_EACH;

async function busyCaseload(): Promise<{ work: Casework; supervisor: WorkspaceSession }> {
  const work = await casework();
  const raw = work.worker.requireUnlocked().raw;
  const { worker } = work.ids;
  raw.transaction(() => {
    const person = raw.prepare(`INSERT INTO people (id, given_name, family_name, date_of_birth, postcode, created_at, created_by, updated_at) VALUES (?, ?, 'Bulk', '1960-06-15', 'LS6 2AB', 'now', ?, 'now')`);
    const episode = raw.prepare(
      `INSERT INTO episodes (id, person_id, worker_user_id, source, received_on, urgency, status, first_contact_due_on, contact_count, created_at, created_by, updated_at)
       VALUES (?, ?, ?, 'gp_practice', '2026-01-05', 'routine', 'active', '2026-01-12', ?, 'now', ?, 'now')`,
    );
    const contact = raw.prepare(
      `INSERT INTO contacts (id, episode_id, person_id, at, contact_on, mode, duration_minutes, notes, recorded_by, recorded_at) VALUES (?, ?, ?, '2026-01-06T10:00:00.000Z', '2026-01-06', 'phone', 30, 'A note that never leaves', ?, 'now')`,
    );
    for (let i = 0; i < PEOPLE; i += 1) {
      const personId = randomUUID();
      const episodeId = randomUUID();
      person.run(personId, `Person${i}`, worker);
      episode.run(episodeId, personId, worker, CONTACTS_EACH, worker);
      for (let c = 0; c < CONTACTS_EACH; c += 1) contact.run(randomUUID(), episodeId, personId, worker);
    }
  })();
  // The GP supervisor supervises this link worker: their extract and their caseload both hold these referrals.
  return { work, supervisor: await work.as('supervisor') };
}

function startExtract(session: WorkspaceSession): Promise<{ jobId: string }> {
  return ok<{ jobId: string }>(session, 'exports.pseudonymisedExtract', { declaration: declaration('pseudonymised_extract') });
}

/** The states a job went through, each once, in the order seen. */
function note(states: JobState[], state: JobState): void {
  if (states.at(-1) !== state) states.push(state);
}

async function expectWholeExtract(supervisor: WorkspaceSession, result: ExportResult): Promise<void> {
  const files = await exportedText(result);
  expect(files.get('episodes.csv')!.trimEnd().split('\r\n')).toHaveLength(1 + PEOPLE);
  expect(files.get('contacts.csv')!.trimEnd().split('\r\n')).toHaveLength(1 + PEOPLE * CONTACTS_EACH);
  const [entry, ...more] = exportEntries(supervisor);
  expect(more).toEqual([]);
  expect(entry!.details).toMatchObject({ kind: 'pseudonymised_extract', fileName: result.fileName, sha256: result.sha256, encrypted: true, episodes: PEOPLE, contacts: PEOPLE * CONTACTS_EACH });
  expect(sha256Hex(readFileSync(join(result.folder, result.fileName)))).toBe(result.sha256);
}

/**
 * Holds main's event loop still: the callback runs with only microtasks in between (router calls
 * to `exports.progress` resolve without any I/O), so no timer fires, no I/O completes and no
 * message from the worker is delivered until it returns. A setImmediate set beforehand tells
 * whether the loop turned after all. Gives up after two minutes, so a broken worker cannot hang the run.
 */
async function withMainHeld(session: WorkspaceSession, jobId: string, until: (progress: JobProgress) => boolean): Promise<{ states: JobState[]; turned: boolean; last: JobProgress }> {
  let turned = false;
  setImmediate(() => {
    turned = true;
  });
  const nap = new Int32Array(new SharedArrayBuffer(4));
  const giveUpAt = Date.now() + 120_000;
  const states: JobState[] = [];
  for (;;) {
    const last = await ok<JobProgress>(session, 'exports.progress', { jobId });
    note(states, last.state);
    if (until(last)) return { states, turned, last };
    if (Date.now() > giveUpAt) return { states, turned, last };
    // Sleeps this thread for a moment without letting its event loop run.
    Atomics.wait(nap, 0, 0, 2);
  }
}

describe('the pseudonymised extract is made off the main thread', () => {
  it('answers the screen (the caseload, the progress) all the while the worker reads, compresses and encrypts a large extract', async () => {
    const { supervisor } = await busyCaseload();
    const { jobId } = await startExtract(supervisor);
    const states: JobState[] = [];
    let caseloadAnswers = 0;
    let answeredWhileUnfinished = 0;
    let progress: JobProgress;
    for (;;) {
      const caseload = await ok<{ total: number }>(supervisor, 'caseload.list', { page: 0, pageSize: 50 });
      expect(caseload.total).toBe(PEOPLE);
      caseloadAnswers += 1;
      progress = await ok<JobProgress>(supervisor, 'exports.progress', { jobId });
      note(states, progress.state);
      if (progress.state === 'done' || progress.state === 'failed' || progress.state === 'cancelled') break;
      answeredWhileUnfinished += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(progress).toMatchObject({ state: 'done', done: ROWS, total: ROWS, error: null });
    // The job moves forward only, from reading to done; how many steps a poll catches depends on the machine.
    expect(states[0]).toBe('running');
    expect(['running', 'protecting', 'saving', 'done'].filter((state) => states.includes(state as JobState))).toEqual(states);
    expect(answeredWhileUnfinished).toBeGreaterThan(0);
    console.log(`caseload pages answered during the extract: ${caseloadAnswers}; states seen: ${states.join(' → ')}`);
    await expectWholeExtract(supervisor, progress.result!);
  });

  it('builds the whole AES-256 archive in the worker: with main’s event loop held still, the job goes from reading to a finished archive', async () => {
    const { supervisor } = await busyCaseload();
    const { jobId } = await startExtract(supervisor);
    const held = await withMainHeld(supervisor, jobId, (progress) => progress.state === 'protecting' && progress.total > 0 && progress.done === progress.total);
    // If main made the archive (as it once did), the job would sit at 'running' with every row read until the two minutes ran out.
    expect(held.turned).toBe(false);
    expect(held.states).toEqual(['running', 'protecting']);
    expect(held.last.done).toBe(held.last.total);
    // Let main go: it receives the archive and only writes it (name, .partial, audit entry, rename).
    const done = await finished(supervisor, jobId);
    expect(done).toMatchObject({ state: 'done', done: ROWS, total: ROWS });
    expect(done.result!.passphrase).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
    await expectWholeExtract(supervisor, done.result!);
  });

  it('can be cancelled while the file is being protected: no file, no partial file, no audit entry', async () => {
    const { supervisor } = await busyCaseload();
    const { jobId } = await startExtract(supervisor);
    const held = await withMainHeld(supervisor, jobId, (progress) => progress.state === 'protecting');
    expect(held.last.state).toBe('protecting');
    expect(await ok<JobProgress>(supervisor, 'exports.cancel', { jobId })).toMatchObject({ state: 'cancelled', result: null });
    // Another extract starts and finishes; the cancelled one left nothing behind.
    const next = await finished(supervisor, (await startExtract(supervisor)).jobId);
    expect(next.state).toBe('done');
    expect(existsSync(supervisor.exportFolder) ? readdirSync(supervisor.exportFolder) : []).toEqual([next.result!.fileName]);
    await expectWholeExtract(supervisor, next.result!);
  });
});
