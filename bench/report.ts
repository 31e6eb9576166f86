import type { Summary } from './measure/timing';

/**
 * The suite's output: one line per figure, with its baseline and ratio where it has one, and
 * PASS or FAIL against each budget (issue #8). Lines that cannot be measured yet say why.
 */
export const BUDGETS = {
  /** Each operation within this multiple of its raw-SQL baseline (medians). */
  ratio: 1.5,
  /** The same service workload, encrypted against plain. */
  encryption: 1.3,
  /** The main thread's event-loop delay while an export runs. */
  eventLoopP99Ms: 20,
  /** Building the full dataset from its seed. */
  generationSeconds: 120,
} as const;

export interface Check {
  name: string;
  pass: boolean;
  /** A guide on shared machines (reported, and counted by --check like the others). */
  guide?: boolean;
}

export interface Line {
  section: string;
  label: string;
  /** The figure as text when it is not a timing (or "n/a (not built yet)"). */
  text?: string;
  value?: Summary;
  baseline?: Summary;
  baselineLabel?: string;
  ratio?: number;
  checks: Check[];
  note?: string;
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

export function ratioCheck(ratio: number, limit: number): Check {
  return { name: `ratio ≤ ${limit}×`, pass: ratio <= limit };
}

export function p95Check(summary: Summary, limit: number): Check {
  return { name: `p95 < ${limit} ms (guide)`, pass: summary.p95 < limit, guide: true };
}

function verdict(line: Line): string {
  if (line.checks.length === 0) return '';
  return line.checks.map((check) => `${check.pass ? 'PASS' : 'FAIL'} ${check.name}`).join('; ');
}

export function formatLine(line: Line): string {
  const parts = [line.label.padEnd(52)];
  if (line.value) {
    parts.push(`median ${ms(line.value.median).padStart(7)} ms  p95 ${ms(line.value.p95).padStart(7)} ms`);
    if (line.baseline) parts.push(`| baseline median ${ms(line.baseline.median).padStart(7)} ms  p95 ${ms(line.baseline.p95).padStart(7)} ms`);
    if (line.ratio !== undefined) parts.push(`| ratio ${line.ratio.toFixed(2)}×`);
  } else if (line.text) {
    parts.push(line.text);
    if (line.ratio !== undefined) parts.push(`| ratio ${line.ratio.toFixed(2)}×`);
  }
  const judged = verdict(line);
  return `${parts.join('  ')}${judged ? `  → ${judged}` : ''}${line.note ? `\n${' '.repeat(4)}${line.note}` : ''}`;
}

export function printReport(lines: readonly Line[], print: (text: string) => void): { failed: Check[] } {
  let section = '';
  const failed: Check[] = [];
  for (const line of lines) {
    if (line.section !== section) {
      section = line.section;
      print(`\n== ${section}`);
    }
    print(formatLine(line));
    for (const check of line.checks) if (!check.pass) failed.push({ ...check, name: `${line.label}: ${check.name}` });
  }
  return { failed };
}
