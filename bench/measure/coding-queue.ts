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
  return `SELECT q.id, q.person_id, p.given_name, p.family_name, p.nhs_number, q.episode_id, q.code, q.contact_on, q.due_on, q.recorded_on,
      r.display_name AS recorded_by_name, (q.recorded_on IS NULL AND q.due_on < @today) AS overdue
    FROM coding_queue q JOIN people p ON p.id = q.person_id LEFT JOIN users r ON r.id = q.recorded_by
    WHERE ${includeRecorded ? `(q.recorded_on IS NULL OR q.recorded_on >= date(@today, '-28 days'))` : 'q.recorded_on IS NULL'}
    ORDER BY overdue DESC, q.recorded_on IS NOT NULL, q.due_on, q.queued_at`;
}

export const codingQueue: Measurement = {
  id: 'coding',
  label: 'GP coding queue',
  baselineLabel: 'one statement (pending, or pending and recently recorded)',
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
