import fc from 'fast-check';
import type { z } from 'zod';
import { HOSTILE_TEXTS } from './hostile-input';

/**
 * Payloads that pass a channel's input schema but carry hostile text wherever text is allowed:
 * SQL, search syntax, spreadsheet formulas, control characters, emoji, right-to-left text. They
 * reach the handler, so they test the services, not only the router's validation.
 *
 * Built by walking the zod schema: every text field gets the hostile texts and ordinary samples
 * (dates, ids of real records, emails, postcodes) that this very field accepts, so the values are
 * valid field by field; rules across fields (a consent needs its date) are left to chance, and the
 * caller keeps only payloads the whole schema accepts.
 */
export interface PayloadContext {
  /** Ids of records that exist, so ids point somewhere real as well as nowhere. */
  ids: readonly string[];
  /** Today, as the session's clock says, for dates that must not be in the future. */
  today: string;
  /** Ids of the records a field of this name most likely means (`personId` → people), if known. */
  idsFor?: (field: string) => readonly string[] | undefined;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  checks?: { _zod: { def: { check: string; minimum?: number } } }[];
};

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function samples(context: PayloadContext): unknown[] {
  const now = new Date(`${context.today}T12:00:00.000Z`);
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  return [
    ...context.ids,
    '3f0a8a4e-0d7b-4f57-8a55-6d1c3a9b2e10',
    context.today,
    daysAgo(7).toISOString().slice(0, 10),
    daysAgo(400).toISOString().slice(0, 10),
    '1970-05-17',
    '2026-01-05',
    now.toISOString(),
    daysAgo(3).toISOString(),
    'someone@example.org',
    'LS1 4AP',
    '+44 113 496 0000',
    '9434765919',
    '943 476 5919',
    'https://example.org/garden',
    'Community garden',
    'Ada',
    'a longer ordinary sentence, with commas.',
    'correct horse battery staple',
    '09:30',
    '17:00',
  ];
}

/** Whether an array schema says it needs at least one item. */
function minItems(def: Def): number {
  for (const check of def.checks ?? []) if (check._zod.def.check === 'min_length') return check._zod.def.minimum ?? 0;
  return 0;
}

/** Values for one leaf: the candidates this very schema accepts, or nothing (undefined) if none. */
function acceptedFrom(schema: z.ZodType, candidates: readonly unknown[]): fc.Arbitrary<unknown> {
  const accepted = candidates.filter((value) => schema.safeParse(value).success);
  return accepted.length > 0 ? fc.constantFrom(...accepted) : fc.constant(undefined);
}

const NUMBERS = [0, 1, 2, 3, 5, 10, 12, 20, 50, 99, 100, 600, 1000, 100_000, -1, 0.5, 2 ** 31];

/** `field` is the name of the object key the value is for, which says what kind of id it wants. */
export function validShaped(schema: z.ZodType, context: PayloadContext, depth = 0, field?: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 12) return fc.constant(undefined);
  const inner = (child: z.ZodType) => validShaped(child, context, depth + 1, field);
  // A wrapper with its own checks (`optionalText().refine(...)` refines the default): only
  // candidates the wrapper itself accepts will do.
  if (['default', 'optional', 'nullable', 'prefault', 'union', 'pipe'].includes(def.type) && (def.checks?.length ?? 0) > 0) {
    return acceptedFrom(schema, [undefined, null, ...HOSTILE_TEXTS, ...samples(context), ...NUMBERS]);
  }
  switch (def.type) {
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, child]) => [key, validShaped(child, context, depth + 1, key)])));
    case 'string': {
      const any = acceptedFrom(schema, [...HOSTILE_TEXTS, ...samples(context)]);
      // An id field mostly gets ids of the kind of record its name says, so calls reach the service.
      const likely = (field === undefined ? undefined : context.idsFor?.(field))?.filter((id) => schema.safeParse(id).success) ?? [];
      return likely.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...likely), weight: 4 }, { arbitrary: any, weight: 1 }) : any;
    }
    case 'number':
      return acceptedFrom(schema, NUMBERS);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [undefined]));
    case 'null':
      return fc.constant(null);
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: inner(def.innerType!), weight: 3 });
    case 'nullable':
      return fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: inner(def.innerType!), weight: 3 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType!);
    case 'array': {
      const min = minItems(def);
      return fc.array(inner(def.element!), { minLength: min, maxLength: Math.max(min, 3) });
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map(inner));
    case 'pipe': {
      // A transform with checks after it: only candidates the whole pipe accepts will do.
      const accepted = [...HOSTILE_TEXTS, ...samples(context), ...NUMBERS].filter((value) => schema.safeParse(value).success);
      return accepted.length > 0 ? fc.constantFrom(...accepted) : inner(def.in!);
    }
    case 'record':
      return fc.dictionary(fc.constantFrom('a', 'b'), inner(def.valueType!), { maxKeys: 2 });
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map(inner));
    default:
      // Transforms, lazies and the like: the whole-schema check decides.
      return acceptedFrom(schema, [...HOSTILE_TEXTS, ...samples(context), ...NUMBERS, true, null]);
  }
}

/** Up to `count` payloads the schema accepts (fewer if valid ones are rare), drawn from `tries` candidates. */
export function validPayloads(schema: z.ZodType, context: PayloadContext, count: number, seed: number, tries = count * 6): unknown[] {
  const accepted: unknown[] = [];
  for (const payload of fc.sample(validShaped(schema, context), { numRuns: tries, seed })) {
    if (schema.safeParse(payload).success) accepted.push(payload);
    if (accepted.length >= count) break;
  }
  return accepted;
}
