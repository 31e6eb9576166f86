/**
 * The child process of the crash-safety test (crash-safety.test.ts), run with `node --import tsx`.
 *
 * It signs in to a workspace through the real router, as a link worker (and, if asked, as an admin
 * too), then writes casework until it is killed: a person, a referral, a few contacts (the first
 * accepts, which queues a GP code), a note, and now and then a workspace rename (which rewrites
 * keyring.json inside the database transaction). After each write the router has returned, so the
 * transaction has committed, it prints one JSON line to stdout: an acknowledgement. stdout is a
 * pipe, which Node writes synchronously on Linux and macOS, so a line the parent has read is a
 * write that was committed before it.
 *
 * Input: the environment variable LINKDESK_CRASH_WRITER, JSON of `WriterConfig`.
 */
import { router } from '../../../src/main/ipc';
import { WorkspaceSession } from '../../../src/main/services/workspace-session';
import { nhsCheckDigit } from '../../../src/shared/domain/nhs-number';

export interface WriterConfig {
  folder: string;
  worker: { username: string; password: string };
  /** Signs in as this admin too, to rename the workspace every few rounds (a keyring write). */
  admin: { username: string; password: string } | null;
  /** Makes names, NHS numbers and workspace names unique across children. */
  run: number;
}

/** What the child prints, one JSON object per line. */
export type WriterLine =
  | { kind: 'ready' }
  | { kind: 'person'; id: string }
  | { kind: 'episode'; id: string; personId: string }
  | { kind: 'contact'; id: string; episodeId: string; attended: boolean }
  | { kind: 'note'; id: string; personId: string }
  /** Printed before a rename starts: the parent then accepts either name. */
  | { kind: 'renaming'; name: string }
  | { kind: 'renamed'; name: string }
  | { kind: 'failed'; channel: string; error: unknown };

process.env.LINKDESK_SILENT = '1';

function say(line: WriterLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function call<T>(session: WorkspaceSession, channel: string, input: unknown): Promise<T> {
  const result = await router(session, channel, input);
  if (!result.ok) {
    say({ kind: 'failed', channel, error: result.error });
    process.exit(3);
  }
  return result.data as T;
}

function nhsNumber(seed: number): string {
  for (let n = seed; ; n += 1) {
    const firstNine = String(400_000_000 + (n % 500_000_000)).padStart(9, '0');
    const check = nhsCheckDigit(firstNine);
    if (check !== null) return `${firstNine}${check}`;
  }
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.LINKDESK_CRASH_WRITER ?? 'null') as WriterConfig;
  // The idle lock must not end the run; the test is about crashes.
  const options = { folder: config.folder, idleMillisecondsOverride: 24 * 3_600_000 };
  const worker = new WorkspaceSession(options);
  await call(worker, 'session.signIn', config.worker);
  const admin = config.admin ? new WorkspaceSession(options) : null;
  if (admin && config.admin) await call(admin, 'session.signIn', config.admin);
  say({ kind: 'ready' });

  const receivedOn = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  for (let round = 0; ; round += 1) {
    const unique = config.run * 10_000 + round;
    const created = await call<{ outcome: string; person: { id: string } }>(worker, 'people.create', {
      nhsNumber: nhsNumber(unique * 7919),
      givenName: `Given${unique}`,
      familyName: `Crash${unique}`,
      dateOfBirth: '1970-05-17',
      notTheSameAs: [],
    });
    const personId = created.person.id;
    say({ kind: 'person', id: personId });
    const episode = await call<{ id: string }>(worker, 'episodes.create', { personId, source: 'gp_practice', receivedOn, reasons: ['loneliness'], notes: `Referral ${unique}` });
    say({ kind: 'episode', id: episode.id, personId });
    for (let contact = 0; contact < 1 + (round % 4); contact += 1) {
      const didNotAttend = contact === 2;
      const recorded = await call<{ id: string }>(worker, 'contacts.record', {
        episodeId: episode.id,
        at: new Date(Date.now() - (10 - contact) * 60_000).toISOString(),
        mode: 'phone',
        durationMinutes: 15,
        notes: `Contact ${contact} of ${unique}`,
        didNotAttend,
        decision: contact === 0 ? 'accepted' : null,
      });
      say({ kind: 'contact', id: recorded.id, episodeId: episode.id, attended: !didNotAttend });
    }
    const note = await call<{ id: string }>(worker, 'people.addNote', { personId, episodeId: episode.id, text: `Note for ${unique}` });
    say({ kind: 'note', id: note.id, personId });
    // Renames start in the first round: kills come early, and every renaming child should rename at least once.
    if (admin && round % 3 === 0) {
      const name = `Crash test ${unique}`;
      say({ kind: 'renaming', name });
      await call(admin, 'settings.update', { workspaceName: name, idleMinutes: 10 });
      say({ kind: 'renamed', name });
    }
  }
}

void main();
