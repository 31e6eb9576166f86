import fc from 'fast-check';
import { z } from 'zod';

/**
 * Payloads a compromised or buggy renderer could send over the bridge: random values, prototype
 * keys, huge strings, deep nesting, SQL, control characters, emoji, impossible dates and numbers
 * that JSON cannot even say. Used by the IPC fuzz test.
 */
const HUGE = 'A'.repeat(100_000);

/** Text that has broken other programs: SQL, huge, control characters, bidi tricks, lone surrogates, emoji, impossible dates, markup. */
export const HOSTILE_TEXTS: readonly string[] = [
  "'; DROP TABLE users; --",
  "Robert'); DROP TABLE people;--",
  '" OR "1"="1',
  "1; UPDATE users SET role = 'admin'; --",
  'ATTACH DATABASE \'/tmp/x.db\' AS x; --',
  "x' UNION SELECT hash FROM audit_log --",
  HUGE,
  `${HUGE}😀`,
  'x'.repeat(257),
  '',
  ' ',
  '\u0000',
  'ada\u0000admin',
  '\u0007\u001b[31mred\u001b[0m',
  '\r\n\t\v\f',
  '\u202Egnp.exe',
  '\uD800',
  '\uFEFF',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'Zoë Ångström-Łukasiewicz',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31T25:61:61Z',
  '-000001-01-01',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '0x7fffffff',
  '9'.repeat(400),
  '__proto__',
  'constructor',
  'prototype',
  '../../../etc/passwd',
  '${process.exit(1)}',
  '<img src=x onerror=alert(1)>',
  '%s%s%s%n',
  'ada.admin',
  '00000000-0000-0000-0000-000000000000',
  'FSRS-TDBT-4NA3-D5SF-SBV0-VKQ1-B2XR-FBGZ',
  // Full-text search syntax, which must be searched for as text, not obeyed.
  '"',
  'NEAR(a b)',
  'a* OR b*',
  '^x -y',
  'names : x',
  // Spreadsheet formulas, which an exported CSV must not let a spreadsheet run.
  '=HYPERLINK("http://evil.example","x")',
  "=cmd|'/C calc'!A0",
  '@SUM(1+1)',
  '+44 1',
  // Text that is tricky to show: combining marks, zero-width joiners, right-to-left, newlines.
  'e\u0301\u0301\u0301',
  'a\u200Db\u200Cc',
  'مرحبا Hello',
  'Ann\nMarie',
  '\uDC00',
  'null',
  'undefined',
];

export const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXTS),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, -1, 0.5, 1e308, 2 ** 53, 2 ** 53 + 2, -(2 ** 31), Number.MIN_VALUE, 61, 1_000_001),
  fc.double(),
  fc.integer(),
);

function nest(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = asArray ? [value] : { a: value };
  return value;
}

export const deeplyNested = fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean()).map(([depth, asArray]) => nest(depth, asArray));

/** Objects whose own keys are `__proto__`, `constructor` or `prototype`, as JSON.parse makes them. */
export const prototypeKeyed = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }))
  .map(([key, value]) => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value) ?? 'null'}, "__proto__": {"role": "admin", "isAdmin": true}}`) as unknown);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  deeplyNested,
  prototypeKeyed,
  fc.constantFrom(null, undefined, true, false, [], {}, [[]], new Date(Number.NaN), new Date(8.64e15), Object.create(null) as unknown),
  fc.date({ noInvalidDate: false }),
  fc.array(hostileString, { maxLength: 3 }),
);

/** Payloads shaped like the channel's input: its own field names, with hostile values, and sometimes a stray key. */
export function shapedLike(input: z.ZodType): fc.Arbitrary<unknown> {
  const shape = input instanceof z.ZodObject ? (input.shape as Record<string, unknown>) : {};
  const keys = Object.keys(shape);
  const fields = fc.record(Object.fromEntries(keys.map((key) => [key, hostileValue])), { requiredKeys: [] });
  return fc.oneof(
    fields,
    fc.tuple(fields, fc.constantFrom('__proto__', 'constructor', 'role', 'isAdmin', 'userId'), hostileValue).map(([record, key, value]) => {
      const withStray = { ...(record as Record<string, unknown>) };
      Object.defineProperty(withStray, key, { value, enumerable: true, configurable: true, writable: true });
      return withStray;
    }),
  );
}

/** Anything at all, as Electron's structured clone or the harness's JSON could carry it. */
export const randomValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  }),
);

/** Every kind of payload the fuzz test sends to a channel. */
export function hostilePayload(input: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: shapedLike(input), weight: 3 }, { arbitrary: randomValue, weight: 2 }, { arbitrary: hostileValue, weight: 1 });
}
