import type { LinkdeskDb } from '../../store/kysely';
import type { RawDatabase } from '../../store/open-database';
import { readCompactionPending } from './records-settings';

/**
 * Rewrites the database so that freed pages and old WAL frames are gone, and clears the
 * "rewrite pending" flag an erasure set, before the last truncation so the WAL ends empty.
 */
export function compactAfterErasure(raw: RawDatabase): void {
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.exec('VACUUM');
  raw.prepare(`UPDATE settings SET value_json = 'false' WHERE key = 'erasureCompactionPending'`).run();
  raw.pragma('wal_checkpoint(TRUNCATE)');
}

/** Retries a rewrite that failed after an erasure (called when the review page is opened). */
export async function finishPendingCompaction(db: LinkdeskDb, raw: RawDatabase): Promise<void> {
  if (await readCompactionPending(db)) compactAfterErasure(raw);
}
