/**
 * Malformed and hostile Open Referral UK files: random bytes, JSON nested thousands deep,
 * prototype keys, numbers JSON cannot hold, huge strings, broken CSV quoting, spreadsheet formulas,
 * and the standard's example with its values swapped for hostile ones. Each import must end in a
 * report (imported, or rejected with problems that say where) — never an unexpected error — and a
 * rejected import writes nothing at all, not even to the audit log.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ImportReport } from '../../../src/shared/ipc/directory-contract';
import { adminWorkspace, call, tableHashes } from '../../support/workspace';
import { HOSTILE_TEXTS, hostileValue } from '../../support/hostile-input';
import { examplePackage } from '../directory/support';

const RUNS = Number(process.env.LINKDESK_ORUK_FUZZ_RUNS ?? 150);

function nested(depth: number, open: string, close: string, inner = '1'): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

const jsonText = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.constantFrom(
    nested(100_000, '[', ']'),
    nested(20_000, '{"contents":', '}', '[]'),
    nested(5_000, '{"id":"x","service_at_locations":[{"location":', '}]}', '{}'),
    '{"__proto__":{"polluted":true},"contents":[{"__proto__":{"id":"x"},"constructor":{"prototype":{"polluted":true}}}]}',
    '{"contents":[{"id":"ac148810-d857-441c-9679-408f346de14b","name":1e999,"minimum_age":-1e308}]}',
    `{"contents":[{"id":"${'9'.repeat(10_000)}"}]}`,
    '{"contents":[null,1,"x",[],{}]}',
    '\uFEFF{"contents":[]}',
    '{"a":1,"a":2}',
    '[',
    '',
  ),
  fc.string({ unit: 'binary', maxLength: 2000 }),
);

const csvText = fc.oneof(
  fc.array(fc.array(fc.oneof(fc.constantFrom(...HOSTILE_TEXTS.filter((text) => text.length < 1000)), fc.string({ unit: 'binary', maxLength: 40 })), { maxLength: 20 }), { maxLength: 30 }).map((rows) =>
    rows.map((cells) => cells.join(',')).join('\n'),
  ),
  fc.constantFrom('"unterminated,quote\n1,2', 'id\n"a""b', '\r\r\r\n\n', 'id,organization_id,name\n=HYPERLINK("http://evil.example"),@SUM(1+1),+1'),
  fc.string({ unit: 'binary', maxLength: 2000 }),
);

/** Any value as CSV-ish text; some (a null-prototype object) have no String() of their own. */
function asText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The standard's example package with one cell of one file swapped for a hostile value. */
const poisonedExample = fc.tuple(fc.nat(), fc.nat(), hostileValue).map(([fileIndex, cellIndex, value]) => {
  const files = examplePackage();
  const file = files[fileIndex % files.length]!;
  const lines = file.content.split('\n');
  const row = 1 + (cellIndex % Math.max(1, lines.length - 1));
  const cells = (lines[row] ?? '').split(',');
  cells[cellIndex % Math.max(1, cells.length)] = typeof value === 'string' ? JSON.stringify(value) : asText(value);
  lines[row] = cells.join(',');
  return { format: 'csv' as const, files: files.map((f) => (f === file ? { name: f.name, content: lines.join('\n') } : f)) };
});

const fileName = fc.oneof(fc.constantFrom('services.json', 'feed.csv', 'services.csv', 'organizations.csv', '../../etc/passwd', 'a'.repeat(200), '😀.json'), fc.string({ minLength: 1, maxLength: 40 }));

const importRequest = fc.oneof(
  fc.record({ format: fc.constant('json' as const), files: fc.array(fc.record({ name: fileName, content: jsonText }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ format: fc.constant('csv' as const), files: fc.array(fc.record({ name: fileName, content: csvText }), { minLength: 1, maxLength: 3 }) }),
  poisonedExample,
);

describe('hostile ORUK import files', () => {
  it(`end in a report, never an unexpected error, and a rejected import writes nothing (${RUNS} generated imports)`, async () => {
    const { session } = await adminWorkspace();
    const raw = session.requireUnlocked().raw;
    const outcomes = { imported: 0, rejected: 0, invalid_input: 0 };
    await fc.assert(
      fc.asyncProperty(importRequest, async (request) => {
        const before = tableHashes(raw);
        const result = await call(session, 'directory.importOruk', request);
        if (!result.ok) {
          // Only the request's own shape can be refused outright (a file name with a control character, say).
          expect(result.error.code, JSON.stringify(result.error)).toBe('invalid_input');
          expect(tableHashes(raw)).toEqual(before);
          outcomes.invalid_input += 1;
          return;
        }
        const report = result.data as ImportReport;
        outcomes[report.outcome] += 1;
        if (report.outcome === 'rejected') {
          expect(report.problems.length).toBeGreaterThan(0);
          expect(tableHashes(raw)).toEqual(before);
        }
        // Problems describe where, never by echoing a whole (possibly huge) file back.
        expect(JSON.stringify(report).length).toBeLessThan(2_000_000);
      }),
      { numRuns: RUNS },
    );
    console.log(`oruk-hostile-files: ${RUNS} imports: ${JSON.stringify(outcomes)}`);
    expect(outcomes.rejected).toBeGreaterThan(0);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 240_000);
});
