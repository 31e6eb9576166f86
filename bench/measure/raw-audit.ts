import { createHash } from 'node:crypto';
import type { RawDatabase } from '../../src/main/store/open-database';

/**
 * The audit entry a hand-written baseline must write too: reads of a person's data are audited in
 * the same transaction (an IG rule, not an overhead), so the baselines for audited reads append
 * the same hash-chained row with plain SQL.
 */
type Statement = ReturnType<RawDatabase['prepare']>;
// better-sqlite3's typings take the bind parameters as a type argument; these take positional values.
type Positional = { get(...values: unknown[]): unknown; run(...values: unknown[]): unknown };
const statements = new WeakMap<RawDatabase, { last: Positional; insert: Positional }>();

export function appendAuditRaw(raw: RawDatabase, entry: { actorId: string; actorUsername: string; action: string; entityType: string | null; entityId: string | null; details: Record<string, unknown>; at: string }): void {
  let prepared = statements.get(raw);
  if (!prepared) {
    prepared = {
      last: raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1') as Statement as unknown as Positional,
      insert: raw.prepare('INSERT INTO audit_log (id, at, actor_user_id, actor_username, action, entity_type, entity_id, details_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)') as Statement as unknown as Positional,
    };
    statements.set(raw, prepared);
  }
  const last = prepared.last.get() as { id: number; hash: string } | undefined;
  const id = (last?.id ?? 0) + 1;
  const details = JSON.stringify(entry.details);
  const prev = last?.hash ?? '0'.repeat(64);
  const hash = createHash('sha256').update(JSON.stringify([id, entry.at, entry.actorId, entry.actorUsername, entry.action, entry.entityType, entry.entityId, details, prev])).digest('hex');
  prepared.insert.run(id, entry.at, entry.actorId, entry.actorUsername, entry.action, entry.entityType, entry.entityId, details, prev, hash);
}
