import type { RawDatabase } from '../../src/main/store/open-database';
import type { Measurement } from './context';
import { callRouter } from './router-call';

/**
 * The GP coding queue (coding.queue): codes still to record, overdue first, and with
 * includeRecorded the last four weeks' recorded ones too. The baseline is one statement each.
 */
type Statement = ReturnType<RawDatabase['prepare']>;
const VARIANTS = [false, true];
let statements: Statement[] = [];

function sql(includeRecorded: boolean): string {
  // Each part on its own partial index: pending (recorded_on IS NULL), recently recorded (recorded_on >= …).
  const recent = includeRecorded ? `UNION ALL SELECT *, 1 AS part FROM coding_queue WHERE recorded_on >= date(@today, '-28 days')` : '';
  return `WITH q AS (SELECT *, 0 AS part FROM coding_queue WHERE recorded_on IS NULL ${recent})
    SELECT q.id, q.person_id, p.given_name, p.family_name, p.nhs_number, q.episode_id, q.code, q.contact_on, q.due_on, q.recorded_on,
      r.display_name AS recorded_by_name, (q.recorded_on IS NULL AND q.due_on < @today) AS overdue
    FROM q JOIN people p ON p.id = q.person_id LEFT JOIN users r ON r.id = q.recorded_by
    ORDER BY q.part, overdue DESC, q.due_on, q.queued_at`;
}

export const codingQueue: Measurement = {
  id: 'coding',
  label: 'GP coding queue',
  baselineLabel: 'one statement: pending, then recently recorded, each from its partial index',
  inEncryptionWorkload: true,
  prepare(context) {
    statements = VARIANTS.map((includeRecorded) => context.baseline.prepare(sql(includeRecorded)));
  },
  variants: () => VARIANTS.length,
  service(session, round) {
    return callRouter(session, 'coding.queue', { includeRecorded: VARIANTS[round % VARIANTS.length] });
  },
  baseline(context, round) {
    return statements[round % VARIANTS.length]!.all({ today: context.today });
  },
  key(result) {
    return (result as { id: string }[]).map((row) => row.id);
  },
};
