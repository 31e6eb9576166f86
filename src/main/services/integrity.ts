import type { RawDatabase } from '../store/open-database';

/** SQLite's own structural check of every page and index. 'ok' means the file is sound. */
export function checkDatabaseIntegrity(raw: RawDatabase): { ok: boolean; problems: string[] } {
  const rows = raw.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
  return { ok: problems.length === 0, problems };
}
