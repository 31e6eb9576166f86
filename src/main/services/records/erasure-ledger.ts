import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../../store/atomic-write';

/**
 * The erasure ledger: a record, outside the database, of every person erased from this
 * workspace, so that restoring a backup made before an erasure erases them again (UK GDPR: an
 * erased record must not come back from a backup). A backup replaces the database, audit log
 * included, so the ledger cannot live inside it.
 *
 * It holds no personal data and no id in clear: each entry is HMAC-SHA256 of the person's id
 * under the workspace's data key (which backups share), so without the key it says only how many
 * people were erased and when. The entry is written inside the erasure's transaction, before it
 * commits: if the commit then failed, the ledger would name someone whose erasure was already
 * decided, never miss someone who was erased.
 */
const ledgerSchema = z.object({
  format: z.literal('linkdesk-erasures'),
  version: z.literal(1),
  entries: z.array(z.object({ subject: z.string().regex(/^[0-9a-f]{64}$/), erasedAt: z.string() })),
});
type Ledger = z.infer<typeof ledgerSchema>;

export function subjectTag(dataKey: Uint8Array, personId: string): string {
  return createHmac('sha256', dataKey).update(`linkdesk-erasure:${personId}`).digest('hex');
}

/** The ledger's entries; an absent file is an empty ledger. A damaged one is refused, not ignored. */
export function readErasureLedger(path: string): Ledger['entries'] {
  if (!existsSync(path)) return [];
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    content = null;
  }
  const parsed = ledgerSchema.safeParse(content);
  if (!parsed.success) throw new Error('The erasure ledger (erasures.json) is damaged');
  return parsed.data.entries;
}

export function recordErasure(path: string, dataKey: Uint8Array, personId: string, at: Date): void {
  const entries = readErasureLedger(path);
  const subject = subjectTag(dataKey, personId);
  if (entries.some((entry) => entry.subject === subject)) return;
  const ledger: Ledger = { format: 'linkdesk-erasures', version: 1, entries: [...entries, { subject, erasedAt: at.toISOString() }] };
  writeFileAtomic(path, `${JSON.stringify(ledger, null, 2)}\n`);
}

/** Of these people, the ids the ledger says were erased. */
export function erasedAmong(path: string, dataKey: Uint8Array, personIds: readonly string[]): string[] {
  const subjects = new Set(readErasureLedger(path).map((entry) => entry.subject));
  if (subjects.size === 0) return [];
  return personIds.filter((id) => subjects.has(subjectTag(dataKey, id)));
}
