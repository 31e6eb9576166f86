import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditAction } from '../../shared/audit-actions';
import type { AuditEntry, AuditVerification } from '../../shared/ipc/contract';
import type { LinkdeskDb } from '../store/kysely';
import type { RawDatabase } from '../store/open-database';
import type { AuditLogTable } from '../store/schema';

/**
 * The one audit writer. Each entry's hash covers its own fields and the previous entry's hash, so
 * editing or deleting any entry breaks the chain from that point; verifyAuditChain finds where.
 * Details are limited to scalars and must never carry personal data: ids, codes and counts only.
 */
export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditEvent {
  actor: { id: string; username: string } | null;
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  details?: AuditDetails;
  at: Date;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Everything the hash covers: the whole row but the hash itself. */
type ChainedFields = Omit<AuditLogTable, 'hash'>;

function hashEntry(fields: ChainedFields): string {
  const canonical = JSON.stringify([
    fields.id,
    fields.at,
    fields.actor_user_id,
    fields.actor_username,
    fields.action,
    fields.entity_type,
    fields.entity_id,
    fields.details_json,
    fields.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends one entry. Call it inside the transaction that makes the change it records. Outside
 * one, it makes its own: reading the last entry and inserting the next are two awaits apart, and
 * another request's entry written in between would otherwise take the same number.
 */
export async function appendAudit(db: LinkdeskDb, event: AuditEvent): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendAudit(trx, event));
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const fields: ChainedFields = {
    id: (last?.id ?? 0) + 1,
    at: event.at.toISOString(),
    actor_user_id: event.actor?.id ?? null,
    actor_username: event.actor?.username ?? null,
    action: event.action,
    entity_type: event.entityType ?? null,
    entity_id: event.entityId ?? null,
    details_json: JSON.stringify(event.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await db.insertInto('audit_log').values({ ...fields, hash: hashEntry(fields) }).execute();
}

/** Walks the whole chain in order and reports the first entry that does not follow from the one before. */
export function verifyAuditChain(raw: RawDatabase): AuditVerification {
  let expectedId = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const rows = raw.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditLogTable>;
  for (const row of rows) {
    const broken =
      row.id !== expectedId ? `entry ${expectedId} is missing` : row.prev_hash !== prevHash ? `entry ${row.id} does not follow the entry before it` : hashEntry(row) !== row.hash ? `entry ${row.id} was changed after it was written` : null;
    if (broken) {
      return { ok: false, entriesChecked: checked, firstBrokenEntryId: row.id, message: `The audit log has been tampered with: ${broken}.` };
    }
    prevHash = row.hash;
    expectedId += 1;
    checked += 1;
  }
  return { ok: true, entriesChecked: checked, firstBrokenEntryId: null, message: `All ${checked} audit entries are intact.` };
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  actorUserId?: string;
  action?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

/** Newest first, filtered and paged in SQL. */
export async function listAudit(db: LinkdeskDb, query: AuditQuery): Promise<{ rows: AuditEntry[]; total: number }> {
  let filtered = db.selectFrom('audit_log');
  if (query.actorUserId) filtered = filtered.where('actor_user_id', '=', query.actorUserId);
  if (query.action) filtered = filtered.where('action', '=', query.action);
  if (query.entityId) filtered = filtered.where('entity_id', '=', query.entityId);
  if (query.from) filtered = filtered.where('at', '>=', query.from);
  if (query.to) filtered = filtered.where(sql<string>`substr(at, 1, 10)`, '<=', query.to);
  const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await filtered
    .selectAll()
    .orderBy('id', 'desc')
    .limit(query.pageSize)
    .offset(query.page * query.pageSize)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorUserId: row.actor_user_id,
      actorUsername: row.actor_username,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      details: JSON.parse(row.details_json) as AuditDetails,
    })),
  };
}
