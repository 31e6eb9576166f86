import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import { openEncryptedDatabase } from '../../../src/main/store/open-database';
import type { ManualClock } from '../../support/workspace';
import { ok, tempFolder } from '../../support/workspace';
import { advanceDays, casework, createEpisode, createPerson, nhsNumber, recordContact } from '../../support/casework';
import { createEntry } from '../directory/support';
import { agreedPlan } from '../plans/support';

/**
 * Records fixtures: a person with something in every casework table, and ways to look inside a
 * database file after the fact (every table, shadow tables included, and every decrypted byte).
 */
export interface FullRecord {
  personId: string;
  episodeId: string;
  given: string;
  family: string;
  nhs: string;
}

/**
 * A person with a referral, contacts (one accepting, so a GP code is queued), a note, a "what
 * matters" conversation, an agreed and reviewed plan and a completed connection, then the
 * referral closed. Their name and NHS number are written into the free text too.
 */
export async function fullRecord(worker: WorkspaceSession, clock: ManualClock, who: { given: string; family: string; seed: number }): Promise<FullRecord> {
  const nhs = nhsNumber(who.seed);
  const person = await createPerson(worker, { nhsNumber: nhs, givenName: who.given, familyName: who.family, preferredName: who.given, dateOfBirth: '1961-04-12', phone: '01632 960001' });
  const episode = await createEpisode(worker, person.id, { notes: `Referred by GP for ${who.given} ${who.family}, NHS ${nhs}` });
  await recordContact(worker, episode.id, { decision: 'accepted', notes: `${who.given} ${who.family} accepted; NHS number ${nhs} checked` });
  await ok(worker, 'people.addNote', { personId: person.id, episodeId: episode.id, text: `Note about ${who.family}: prefers mornings` });
  await ok(worker, 'conversations.record', { episodeId: episode.id, heldOn: '2026-03-02', ownWords: `I am ${who.given} and I miss my garden` });
  const plan = await agreedPlan(worker, episode.id, { staffNotes: `Staff note on ${who.family}` });
  const service = await createEntry(worker, { name: `Garden club ${who.seed}` });
  const connection = await ok<{ id: string }>(worker, 'connections.create', { episodeId: episode.id, serviceId: service.id, handoverNote: `${who.given} likes a quiet start` });
  advanceDays(clock, 14);
  await ok(worker, 'plans.recordReview', { planVersionId: plan.id, reviewedOn: '2026-03-16', goals: plan.goals.map((goal) => ({ goalId: goal.id, progress: 'started', note: `${who.given} has started` })) });
  await ok(worker, 'connections.move', { connectionId: connection.id, to: 'introduced' });
  await recordContact(worker, episode.id, { notes: `Follow-up with ${who.family}` });
  await ok(worker, 'episodes.transition', { episodeId: episode.id, to: 'closed', closureReason: 'goals_met', closureNote: `Closed for ${who.given}` });
  return { personId: person.id, episodeId: episode.id, given: who.given, family: who.family, nhs };
}

/** A copy of the data key, taken while unlocked (locking zeroes the session's own). */
export function dataKeyOf(session: WorkspaceSession): Buffer {
  return Buffer.from(session.requireUnlocked().dataKey);
}

/** Every row of every table (FTS shadow tables too) and every FTS term, as text. */
export function dumpEverything(path: string, key: Buffer, options: { except?: readonly string[] } = {}): string {
  const raw = openEncryptedDatabase(path, key, { create: false });
  try {
    const parts: string[] = [];
    const tables = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all() as { name: string; sql: string | null }[];
    for (const { name, sql } of tables) {
      if (options.except?.includes(name)) continue;
      for (const row of raw.prepare(`SELECT * FROM "${name}"`).iterate() as IterableIterator<Record<string, unknown>>) {
        parts.push(Object.values(row).map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value))).join('|'));
      }
      if (sql && /using\s+fts5/i.test(sql)) {
        raw.exec(`CREATE VIRTUAL TABLE temp."vocab_${name}" USING fts5vocab(main, "${name}", 'row')`);
        for (const term of raw.prepare(`SELECT term FROM temp."vocab_${name}"`).iterate() as IterableIterator<{ term: string }>) parts.push(term.term);
      }
    }
    return parts.join('\n');
  } finally {
    raw.close();
  }
}

/**
 * The database decrypted page by page: a copy is rekeyed to no key, which rewrites every page of
 * the file (free pages included) in clear. When a WAL is beside the file it is copied too, so its
 * frames are read and folded in first.
 */
export function decryptedBytes(path: string, key: Buffer): Buffer {
  const copy = join(tempFolder('linkdesk-decrypted-'), 'copy.db');
  copyFileSync(path, copy);
  if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
  const db = new Database(copy);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode=DELETE');
  db.pragma(`rekey=''`);
  db.close();
  const bytes = readFileSync(copy);
  if (!bytes.subarray(0, 15).equals(Buffer.from('SQLite format 3'))) throw new Error('the copy was not decrypted');
  return bytes;
}

/** Which needles occur in the text or bytes, ignoring case, as UTF-8 or UTF-16. */
export function occurrences(haystack: string | Buffer, needles: readonly string[]): string[] {
  const buffer = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  const lower = Buffer.from(buffer.toString('latin1').toLowerCase(), 'latin1');
  const found: string[] = [];
  for (const needle of needles) {
    for (const encoding of ['utf8', 'utf16le'] as const) {
      if (lower.includes(Buffer.from(needle.toLowerCase(), encoding))) found.push(`${needle} (${encoding})`);
    }
  }
  return found;
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

type Who = { given: string; family: string; seed: number };

/** Two people with full records, both closed, nine years on (past retention); the link worker signed out, an admin signed in. */
export async function twoClosedRecords(victimWho: Who, bystanderWho: Who) {
  const work = await casework();
  const victim = await fullRecord(work.worker, work.clock, victimWho);
  const bystander = await fullRecord(work.worker, work.clock, bystanderWho);
  await work.worker.close();
  advanceDays(work.clock, 9 * 366);
  const admin = await work.as('admin');
  return { ...work, victim, bystander, admin };
}
