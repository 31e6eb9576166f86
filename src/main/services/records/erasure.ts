import { sql } from 'kysely';
import type { z } from 'zod';
import type { ErasureResult, eraseInputSchema } from '../../../shared/ipc/records-schemas';
import { AppError } from '../../errors';
import { logger } from '../../logger';
import type { LinkdeskDb } from '../../store/kysely';
import type { RawDatabase } from '../../store/open-database';
import { appendAudit } from '../audit-log';
import { invalidInput } from '../casework-common';
import { foldName } from '../people';
import type { WorkspaceSession } from '../workspace-session';
import { deleteGuards, fullTextIndexes, planErasure, quoteName, SUBJECT } from './erasure-plan';
import { compactAfterErasure } from './compaction';
import { erasedAmong, recordErasure } from './erasure-ledger';
import { writeCompactionPending } from './records-settings';
import { isPastRetention } from './retention';

/**
 * Erasure: removes every row that belongs to a person (see erasure-plan.ts), cleans the
 * full-text indexes, then rewrites the file so no page still holds the old text:
 *
 * 1. one transaction: the deletes (children first, foreign keys checked at commit), the
 *    delete-refusing triggers lifted and put back, every FTS5 index rebuilt from what is left,
 *    and one `person.erased` audit entry (ids, the reason code and counts; never a name);
 * 2. secure_delete (set when the database opens) has zeroed the freed space; the WAL is
 *    checkpointed and truncated, VACUUM rewrites the database compactly, and the WAL is
 *    truncated again, so neither file keeps a copy of an old page.
 *
 * The audit log keeps its earlier entries about the person: they hold ids only, and the chain
 * that proves nothing was changed needs every entry.
 */
type EraseInput = z.output<typeof eraseInputSchema>;

function rebuildIndexes(raw: RawDatabase): void {
  for (const index of fullTextIndexes(raw)) {
    const name = quoteName(index.name);
    if (index.personColumn) raw.prepare(`DELETE FROM ${name} WHERE person_id IN ${SUBJECT}`).run();
    // 'rebuild' writes the index afresh from the remaining content; a contentless index can only merge.
    raw.prepare(`INSERT INTO ${name} (${name}) VALUES (?)`).run(index.contentless ? 'optimize' : 'rebuild');
  }
}

/**
 * Deletes every row of one person inside the caller's transaction (children first, foreign keys
 * checked at commit, delete guards lifted and put back) and rebuilds the full-text indexes.
 */
async function removePersonRows(trx: LinkdeskDb, raw: RawDatabase, personId: string): Promise<ErasureResult['tables']> {
  const steps = planErasure(raw);
  const guards = deleteGuards(
    raw,
    steps.map((step) => step.table),
  );
  const tables: ErasureResult['tables'] = [];
  await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  await sql`CREATE TEMP TABLE erasure_subject (id TEXT PRIMARY KEY)`.execute(trx);
  await sql`INSERT INTO temp.erasure_subject (id) VALUES (${personId})`.execute(trx);
  for (const guard of guards) await sql.raw(`DROP TRIGGER ${quoteName(guard.name)}`).execute(trx);
  for (const step of steps) {
    const result = await sql.raw(`DELETE FROM ${quoteName(step.table)} WHERE ${step.where}`).execute(trx);
    const rows = Number(result.numAffectedRows ?? 0);
    if (rows > 0) tables.push({ table: step.table, rows });
  }
  for (const guard of guards) await sql.raw(guard.sql).execute(trx);
  rebuildIndexes(raw);
  await sql`DROP TABLE temp.erasure_subject`.execute(trx);
  return tables;
}

/**
 * After a restore: erases again everyone the workspace's erasure ledger names (a backup made
 * before their erasure brought them back), each in its own transaction with its own audit entry,
 * then rewrites the file. Returns how many were erased again.
 */
export async function reapplyErasures(db: LinkdeskDb, raw: RawDatabase, ledgerPath: string, dataKey: Uint8Array, who: { actor: { id: string; username: string } | null; at: Date }): Promise<number> {
  const people = (raw.prepare('SELECT id FROM people').all() as { id: string }[]).map((row) => row.id);
  const again = erasedAmong(ledgerPath, dataKey, people);
  for (const personId of again) {
    await db.transaction().execute(async (trx) => {
      const tables = await removePersonRows(trx, raw, personId);
      const rowsRemoved = tables.reduce((sum, table) => sum + table.rows, 0);
      await appendAudit(trx, { actor: who.actor, action: 'person.erased', entityType: 'person', entityId: personId, details: { reason: 'erased_before_restore', rowsRemoved, tables: tables.length }, at: who.at });
    });
  }
  if (again.length > 0) compactAfterErasure(raw);
  return again.length;
}

export async function erasePerson(session: WorkspaceSession, input: EraseInput): Promise<ErasureResult> {
  const { db, raw, dataKey } = session.requireUnlocked();
  const started = performance.now();
  const person = await db.selectFrom('people').select(['id', 'given_name', 'family_name']).where('id', '=', input.personId).executeTakeFirst();
  if (!person) throw new AppError('not_found', 'That person’s record does not exist (it may already have been erased).');
  if (foldName(input.confirmName) !== foldName(`${person.given_name} ${person.family_name}`)) {
    invalidInput({ confirmName: 'This is not the name of the person being erased. Type it as shown' });
  }
  if (input.reason === 'retention_period_ended' && !(await isPastRetention(session, db, person.id))) {
    invalidInput({ reason: 'This person’s retention period has not ended. Choose another reason if erasure was agreed for another reason' });
  }
  const episodes = await db.selectFrom('episodes').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', person.id).executeTakeFirstOrThrow();
  let tables: ErasureResult['tables'] = [];
  await db.transaction().execute(async (trx) => {
    tables = await removePersonRows(trx, raw, person.id);
    // Cleared once the file is rewritten; if that fails, the review page tries again.
    await writeCompactionPending(trx, true);
    const rowsRemoved = tables.reduce((sum, table) => sum + table.rows, 0);
    await session.audit(
      {
        action: 'person.erased',
        entityType: 'person',
        entityId: person.id,
        details: { reason: input.reason, rowsRemoved, tables: tables.length, episodes: Number(episodes.n) },
      },
      trx,
    );
    // Last before the commit, so no committed erasure is missing from the ledger (erasure-ledger.ts).
    recordErasure(session.files.erasures, dataKey, person.id, session.clock.now());
  });
  try {
    compactAfterErasure(raw);
  } catch (error) {
    // The erasure itself is committed; only the rewrite of the file failed (a full disk, say).
    logger.error('person.erased_compaction_failed', { error: error instanceof Error ? error.name : 'unknown' });
    throw new AppError(
      'conflict',
      'The record was erased, but Linkdesk could not rewrite the database file afterwards, so old copies of pages may remain in it. Free some disk space, then open this page again: Linkdesk tries the rewrite again.',
    );
  }
  const milliseconds = Math.round(performance.now() - started);
  const rowsRemoved = tables.reduce((sum, table) => sum + table.rows, 0);
  logger.info('person.erased', { rowsRemoved, tables: tables.length, milliseconds });
  return { rowsRemoved, tables, milliseconds };
}
