import { HIDDEN_COUNT_TEXT, WITHHELD_COUNT_TEXT, smallNumberText, type ActivitySection } from '../../../shared/domain/reports';
import type { CountCell, ReportTable } from '../../../shared/ipc/reports-schemas';

/**
 * The small-number rule, in one place. Every count a report shows passes through here in main
 * before anything is returned to the renderer or written to a file; nothing else turns a count
 * into something shown. (The report's output schema checks again at the bridge.)
 *
 * Primary suppression: a count from 1 to threshold − 1 is shown as "<threshold"; 0 stays 0 (an
 * empty category reveals no one).
 *
 * Secondary suppression, for breakdowns whose rows add up to a total that is shown (each referral
 * has one source, each contact one mode): a reader who knows the total and the shown rows knows
 * the sum of the hidden rows (the residual). The breakdown is safe when
 *   (a) that residual is not itself a small number, and
 *   (b) no small row can be pinned to one exact value, given that each small row is between 1
 *       and threshold − 1 and each row hidden by this rule is at least the threshold (a reader can
 *       tell the two apart, "<8" against "*", so the arithmetic assumes they do).
 * Until it is safe, the smallest row still shown (other than zeros) is hidden as well ("*").
 * If hiding every row is still not safe (ten sources with one referral each and a total of 10
 * pins every row at 1), the breakdown is withheld: every row shows "—", zeros included, so the
 * reader learns nothing about how the total splits.
 */

export interface RawRow {
  key: string;
  label: string;
  count: number;
}

export interface RawTable {
  id: string;
  section: ActivitySection;
  title: string;
  unit: string;
  rows: RawRow[];
  /** True when each thing counted is in exactly one row, so the rows add up to a total that is shown. */
  additive: boolean;
}

export function shownCell(value: number): CountCell {
  return { value, shown: value.toLocaleString('en-GB'), state: 'shown' };
}

/** Primary suppression of one count. */
export function suppressCount(value: number, threshold: number): CountCell {
  if (!Number.isInteger(value) || value < 0) throw new Error('A count must be a whole number of 0 or more');
  if (value > 0 && value < threshold) return { value: null, shown: smallNumberText(threshold), state: 'small' };
  return shownCell(value);
}

const HIDDEN: CountCell = { value: null, shown: HIDDEN_COUNT_TEXT, state: 'hidden' };
const WITHHELD: CountCell = { value: null, shown: WITHHELD_COUNT_TEXT, state: 'withheld' };

/**
 * Whether a reader who knows the residual (the sum of the rows not shown) could learn too much:
 * the residual is a small number, or some small row can only have one value.
 */
export function residualDiscloses(residual: number, small: number, hidden: number, threshold: number): boolean {
  if (small === 0) return false;
  if (residual < threshold) return true;
  // The most one small row can be: the residual less the least every other row can be.
  const highest = Math.min(threshold - 1, residual - (small - 1) - hidden * threshold);
  // The least it can be: with a hidden row (at least the threshold, no upper bound) to absorb the rest, 1;
  // otherwise the residual less the most the other small rows can be.
  const lowest = hidden > 0 ? 1 : Math.max(1, residual - (small - 1) * (threshold - 1));
  return highest <= lowest;
}

/** Primary and, for additive breakdowns, secondary suppression of one table. */
export function suppressTable(table: RawTable, threshold: number): ReportTable {
  const base = { id: table.id, section: table.section, title: table.title, unit: table.unit };
  const cells = table.rows.map((row) => suppressCount(row.count, threshold));
  const total = table.rows.reduce((sum, row) => sum + row.count, 0);
  const totalCell = table.additive ? suppressCount(total, threshold) : null;
  const rows = () => table.rows.map((row, index) => ({ key: row.key, label: row.label, count: cells[index]! }));
  // A small total is itself shown as "<8", so the residual is unknown and primary suppression is enough.
  if (!table.additive || totalCell?.state !== 'shown') return { ...base, rows: rows(), total: totalCell, withheld: false };

  let residual = table.rows.reduce((sum, row, index) => sum + (cells[index]!.state === 'shown' ? 0 : row.count), 0);
  const small = cells.filter((cell) => cell.state === 'small').length;
  let hidden = 0;
  while (residualDiscloses(residual, small, hidden, threshold)) {
    const next = smallestShown(table.rows, cells);
    if (next === null) {
      return { ...base, rows: table.rows.map((row) => ({ key: row.key, label: row.label, count: WITHHELD })), total: totalCell, withheld: true };
    }
    cells[next] = HIDDEN;
    residual += table.rows[next]!.count;
    hidden += 1;
  }
  return { ...base, rows: rows(), total: totalCell, withheld: false };
}

/** The row with the smallest count still shown, leaving zeros alone; the first such row on a tie. */
function smallestShown(rows: readonly RawRow[], cells: readonly CountCell[]): number | null {
  let best: number | null = null;
  rows.forEach((row, index) => {
    if (cells[index]!.state !== 'shown' || row.count === 0) return;
    if (best === null || row.count < rows[best]!.count) best = index;
  });
  return best;
}
