import { z } from 'zod';
import {
  ACCESSIBILITY_FEATURE_CODES,
  DIRECTORY_CATEGORY_CODES,
  DIRECTORY_COST_CODES,
  DIRECTORY_STALE_MONTHS_MAX,
  DIRECTORY_STALE_MONTHS_MIN,
  DIRECTORY_STATUS_CODES,
  ORUK_IMPORT_MAX_BYTES,
  ORUK_IMPORT_MAX_FILES,
  WEEKDAY_CODES,
  describeSize,
  normaliseUkPostcode,
  utf8Length,
} from '../domain/directory';
import { idSchema } from '../validation';
import { channel, noInput } from './channel';

/**
 * The community directory: entries (groups and services), search, staleness, and Open Referral UK
 * import and export. Everyone signed in can look things up; link workers and admins keep the
 * directory up to date, import feeds and export it.
 */
const READ = ['link_worker', 'gp_supervisor', 'admin'] as const;
const WRITE = ['link_worker', 'admin'] as const;
const ADMIN = ['admin'] as const;

/** Input limits, also the lengths imported text is cut to, so an imported entry can always be saved again. */
export const DIRECTORY_TEXT_LIMITS = {
  name: 300,
  description: 20_000,
  eligibility: 5000,
  costDescription: 2000,
  frequency: 500,
  venueName: 300,
  address: 300,
  town: 120,
  area: 120,
  accessibility: 5000,
  contactName: 200,
  phone: 30,
  email: 200,
  website: 500,
  organisationName: 300,
  organisationDescription: 20_000,
} as const;

function isControlOtherThanLineBreakOrTab(character: string): boolean {
  const code = character.charCodeAt(0);
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
}
const oneLine = /^[^\p{Cc}]*$/u;

function optionalLine(max: number) {
  return z.string('Must be text').trim().max(max, `Use at most ${max} characters`).regex(oneLine, 'Remove control characters').default('');
}
function requiredLine(max: number, whenMissing: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? whenMissing : 'Must be text') })
    .trim()
    .min(1, whenMissing)
    .max(max, `Use at most ${max} characters`)
    .regex(oneLine, 'Remove control characters');
}
function optionalNotes(max: number) {
  return z
    .string('Must be text')
    .trim()
    .max(max, `Use at most ${max} characters`)
    .refine((text) => ![...text].some(isControlOtherThanLineBreakOrTab), 'Remove control characters')
    .default('');
}

/** The email and web address rules the import also applies when it fills these fields. */
export const DIRECTORY_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const DIRECTORY_WEBSITE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
export const DIRECTORY_PHONE = /^[0-9 +().-]*$/;

const emailField = optionalLine(DIRECTORY_TEXT_LIMITS.email).refine((text) => text === '' || DIRECTORY_EMAIL.test(text), 'Enter an email address like name@example.org');
const websiteField = optionalLine(DIRECTORY_TEXT_LIMITS.website).refine((text) => text === '' || DIRECTORY_WEBSITE.test(text), 'Enter a web address starting https:// or http://');
const phoneField = optionalLine(DIRECTORY_TEXT_LIMITS.phone)
  .refine((text) => DIRECTORY_PHONE.test(text), 'Use digits, spaces, brackets, dashes and + only')
  .refine((text) => text === '' || (text.match(/\d/g)?.length ?? 0) >= 7, 'A phone number has at least 7 digits');
const postcodeField = z
  .string('Must be text')
  .max(10, 'A postcode has at most 8 characters')
  .transform((typed, context) => {
    if (typed.trim() === '') return '';
    const postcode = normaliseUkPostcode(typed);
    if (!postcode) {
      context.addIssue({ code: 'custom', message: 'Enter a full UK postcode, like LS1 4AP' });
      return z.NEVER;
    }
    return postcode;
  })
  .default('');

const age = z.number('Enter an age in years').int('Use whole years').min(0, 'An age cannot be negative').max(150, 'Use an age up to 150').nullable().default(null);
const count = (what: string) => z.number(`Enter the number of ${what}`).int('Use a whole number').min(0, 'Cannot be negative').max(100_000, 'Use at most 100,000').nullable().default(null);
const time = z.union([z.literal(''), z.string('Must be text').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 09:30')]).default('');

export const scheduleInputSchema = z
  .strictObject({
    /** Null when the day varies (say how in the frequency). */
    weekday: z.enum(WEEKDAY_CODES, 'Choose a day').nullable().default(null),
    startTime: time,
    endTime: time,
    frequency: optionalLine(DIRECTORY_TEXT_LIMITS.frequency),
  })
  .superRefine((schedule, context) => {
    if (schedule.startTime && schedule.endTime && schedule.endTime <= schedule.startTime) context.addIssue({ code: 'custom', path: ['endTime'], message: 'The end time must be after the start time' });
    if (schedule.weekday === null && !schedule.frequency) context.addIssue({ code: 'custom', path: ['frequency'], message: 'Say when it runs if it is not on a set day' });
  });
export type ScheduleInput = z.output<typeof scheduleInputSchema>;

export const organisationInputSchema = z.strictObject({
  /** An organisation already in the directory, or null to add a new one. */
  id: idSchema.nullable().default(null),
  name: requiredLine(DIRECTORY_TEXT_LIMITS.organisationName, 'Enter the organisation’s name'),
  description: optionalNotes(DIRECTORY_TEXT_LIMITS.organisationDescription),
  website: websiteField,
  email: emailField,
});

const entryShape = {
  organisation: organisationInputSchema,
  name: requiredLine(DIRECTORY_TEXT_LIMITS.name, 'Enter the name of the group or service'),
  description: optionalNotes(DIRECTORY_TEXT_LIMITS.description),
  category: z.enum(DIRECTORY_CATEGORY_CODES, 'Choose a category'),
  status: z.enum(DIRECTORY_STATUS_CODES, 'Choose active, paused or closed').default('active'),
  minAge: age,
  maxAge: age,
  eligibility: optionalNotes(DIRECTORY_TEXT_LIMITS.eligibility),
  cost: z.enum(DIRECTORY_COST_CODES, 'Choose free, low cost or paid').nullable().default(null),
  costDescription: optionalNotes(DIRECTORY_TEXT_LIMITS.costDescription),
  schedules: z.array(scheduleInputSchema, 'Must be a list of sessions').max(21, 'Use at most 21 sessions').default([]),
  venueName: optionalLine(DIRECTORY_TEXT_LIMITS.venueName),
  address: optionalLine(DIRECTORY_TEXT_LIMITS.address),
  town: optionalLine(DIRECTORY_TEXT_LIMITS.town),
  postcode: postcodeField,
  area: optionalLine(DIRECTORY_TEXT_LIMITS.area),
  accessibility: optionalNotes(DIRECTORY_TEXT_LIMITS.accessibility),
  accessibilityFeatures: z
    .array(z.enum(ACCESSIBILITY_FEATURE_CODES, 'Choose from the list'), 'Must be a list')
    .max(ACCESSIBILITY_FEATURE_CODES.length)
    .refine((features) => new Set(features).size === features.length, 'Each feature once')
    .default([]),
  contactName: optionalLine(DIRECTORY_TEXT_LIMITS.contactName),
  phone: phoneField,
  email: emailField,
  website: websiteField,
  capacity: count('places'),
  placesUsed: count('places used'),
  waitingList: z.boolean('Choose yes or no').default(false),
};

function entryRules(entry: { minAge: number | null; maxAge: number | null; capacity: number | null; placesUsed: number | null }, context: z.RefinementCtx): void {
  if (entry.minAge !== null && entry.maxAge !== null && entry.maxAge < entry.minAge) context.addIssue({ code: 'custom', path: ['maxAge'], message: 'The maximum age must not be below the minimum age' });
  if (entry.placesUsed !== null && entry.capacity === null) context.addIssue({ code: 'custom', path: ['capacity'], message: 'Enter the number of places first' });
  if (entry.placesUsed !== null && entry.capacity !== null && entry.placesUsed > entry.capacity) context.addIssue({ code: 'custom', path: ['placesUsed'], message: 'Cannot be more than the number of places' });
}

export const createEntrySchema = z.strictObject(entryShape).superRefine(entryRules);
export type EntryInput = z.output<typeof createEntrySchema>;
export const updateEntrySchema = z.strictObject({ ...entryShape, id: idSchema, rowVersion: z.number('Missing the record version').int().min(1) }).superRefine(entryRules);

export const scheduleSchema = z.object({
  weekday: z.enum(WEEKDAY_CODES).nullable(),
  startTime: z.string(),
  endTime: z.string(),
  frequency: z.string(),
});

export const directoryEntrySchema = z.object({
  id: idSchema,
  /** The Open Referral UK service id (kept from an import, or made by Linkdesk). */
  orukId: z.string(),
  source: z.enum(['linkdesk', 'oruk_import']),
  importedAt: z.string().nullable(),
  rowVersion: z.number().int(),
  organisation: z.object({ id: idSchema, orukId: z.string(), name: z.string(), description: z.string(), website: z.string(), email: z.string() }),
  name: z.string(),
  description: z.string(),
  category: z.enum(DIRECTORY_CATEGORY_CODES),
  status: z.enum(DIRECTORY_STATUS_CODES),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  eligibility: z.string(),
  cost: z.enum(DIRECTORY_COST_CODES).nullable(),
  costDescription: z.string(),
  schedules: z.array(scheduleSchema),
  venueName: z.string(),
  address: z.string(),
  town: z.string(),
  postcode: z.string(),
  postcodeDistrict: z.string(),
  area: z.string(),
  accessibility: z.string(),
  accessibilityFeatures: z.array(z.enum(ACCESSIBILITY_FEATURE_CODES)),
  contactName: z.string(),
  phone: z.string(),
  email: z.string(),
  website: z.string(),
  capacity: z.number().int().nullable(),
  placesUsed: z.number().int().nullable(),
  waitingList: z.boolean(),
  lastCheckedOn: z.string().nullable(),
  lastCheckedBy: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  /** Not checked within the workspace's staleness limit (or never checked). */
  stale: z.boolean(),
  /** How many distinct people have been connected to this entry (a count, never names). */
  connectionCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const directoryRowSchema = z.object({
  id: idSchema,
  name: z.string(),
  organisationName: z.string(),
  category: z.enum(DIRECTORY_CATEGORY_CODES),
  status: z.enum(DIRECTORY_STATUS_CODES),
  cost: z.enum(DIRECTORY_COST_CODES).nullable(),
  town: z.string(),
  postcode: z.string(),
  area: z.string(),
  weekdays: z.array(z.enum(WEEKDAY_CODES)),
  accessibilityFeatures: z.array(z.enum(ACCESSIBILITY_FEATURE_CODES)),
  capacity: z.number().int().nullable(),
  placesUsed: z.number().int().nullable(),
  waitingList: z.boolean(),
  lastCheckedOn: z.string().nullable(),
  stale: z.boolean(),
  connectionCount: z.number().int(),
});
export type DirectoryRow = z.infer<typeof directoryRowSchema>;

export const DIRECTORY_SORTS = ['name', 'last_checked', 'relevance'] as const;

export const directoryQuerySchema = z.strictObject({
  page: z.number('Must be a number').int().min(0).max(1_000_000).default(0),
  pageSize: z.number('Must be a number').int().min(1).max(100, 'Use at most 100 rows a page').default(25),
  /** Words to find in the name, description or organisation (each word, from its start). */
  text: z.string('Must be text').trim().max(100, 'Use at most 100 characters').default(''),
  category: z.enum(DIRECTORY_CATEGORY_CODES, 'Choose a category').nullable().default(null),
  weekday: z.enum(WEEKDAY_CODES, 'Choose a day').nullable().default(null),
  cost: z.enum(DIRECTORY_COST_CODES, 'Choose free, low cost or paid').nullable().default(null),
  /** A postcode district ("LS1"), postcode area ("LS"), full postcode, or a town or area name. */
  area: z.string('Must be text').trim().max(60, 'Use at most 60 characters').regex(oneLine, 'Remove control characters').default(''),
  /** Entries must have every feature listed. */
  accessibility: z.array(z.enum(ACCESSIBILITY_FEATURE_CODES, 'Choose from the list'), 'Must be a list').max(ACCESSIBILITY_FEATURE_CODES.length).default([]),
  status: z.enum(DIRECTORY_STATUS_CODES, 'Choose active, paused or closed').nullable().default(null),
  staleOnly: z.boolean('Choose yes or no').default(false),
  sort: z.enum(DIRECTORY_SORTS, 'Choose how to sort').default('name'),
});
export type DirectoryQuery = z.output<typeof directoryQuerySchema>;

export const importProblemSchema = z.object({
  file: z.string(),
  /** CSV: the row, counting the header as row 1. JSON: which service in the file (1 is the first). */
  row: z.number().int().nullable(),
  /** JSON only: where in the object, e.g. contents[2].contacts[0].phones[1].number. */
  path: z.string().nullable(),
  field: z.string().nullable(),
  reason: z.string(),
});
export type ImportProblemRow = z.infer<typeof importProblemSchema>;

const textFileSchema = z.strictObject({
  name: z
    .string('Must be text')
    .trim()
    .min(1, 'Each file needs its name')
    .max(200, 'Use a file name of at most 200 characters')
    .regex(oneLine, 'Remove control characters'),
  content: z.string('Must be the file’s text'),
});

export const importInputSchema = z.strictObject({
  format: z.enum(['json', 'csv'], 'Choose JSON or CSV'),
  files: z
    .array(textFileSchema, 'Must be a list of files')
    .min(1, 'Choose at least one file')
    .max(ORUK_IMPORT_MAX_FILES, `Choose at most ${ORUK_IMPORT_MAX_FILES} files`)
    .superRefine((files, context) => {
      const bytes = files.reduce((total, file) => total + (typeof file.content === 'string' ? utf8Length(file.content) : 0), 0);
      if (bytes > ORUK_IMPORT_MAX_BYTES) {
        context.addIssue({
          code: 'custom',
          message: `These files come to ${describeSize(bytes)}; Linkdesk imports at most ${describeSize(ORUK_IMPORT_MAX_BYTES)} at a time. Import the feed in parts, for example a page at a time.`,
        });
      }
    }),
});

export const importReportSchema = z.object({
  /** Imported: everything was written. Rejected: nothing was written; the problems say why. */
  outcome: z.enum(['imported', 'rejected']),
  format: z.enum(['json', 'csv']),
  fileCount: z.number().int(),
  /** Open Referral UK records in the import, by ORUK table. */
  recordsByTable: z.record(z.string(), z.number().int()),
  servicesCreated: z.number().int(),
  servicesUpdated: z.number().int(),
  servicesUnchanged: z.number().int(),
  organisationsCreated: z.number().int(),
  organisationsUpdated: z.number().int(),
  problems: z.array(importProblemSchema),
  /** All problems found; `problems` lists the first 10,000. */
  problemCount: z.number().int(),
  warnings: z.array(importProblemSchema),
  warningCount: z.number().int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const exportResultSchema = z.object({
  format: z.enum(['json', 'csv']),
  files: z.array(z.object({ name: z.string(), content: z.string() })),
  serviceCount: z.number().int(),
  organisationCount: z.number().int(),
  recordCount: z.number().int(),
});

const settingsSchema = z.object({ staleMonths: z.number().int() });

export const directoryAreas = {
  directory: {
    list: channel({ input: directoryQuerySchema, output: z.object({ rows: z.array(directoryRowSchema), total: z.number().int() }), access: READ }),
    get: channel({ input: z.strictObject({ id: idSchema }), output: directoryEntrySchema, access: READ }),
    /** Organisations to choose from when adding an entry, by name. */
    organisations: channel({
      input: z.strictObject({ text: z.string('Must be text').trim().max(100, 'Use at most 100 characters').default(''), limit: z.number('Must be a number').int().min(1).max(50).default(20) }),
      output: z.array(z.object({ id: idSchema, name: z.string(), serviceCount: z.number().int() })),
      access: READ,
    }),
    create: channel({ input: createEntrySchema, output: directoryEntrySchema, access: WRITE }),
    update: channel({ input: updateEntrySchema, output: directoryEntrySchema, access: WRITE }),
    /** Records that someone checked the entry today and found it right. */
    markChecked: channel({ input: z.strictObject({ id: idSchema }), output: directoryEntrySchema, access: WRITE }),
    importOruk: channel({ input: importInputSchema, output: importReportSchema, access: WRITE }),
    exportOruk: channel({ input: z.strictObject({ format: z.enum(['json', 'csv'], 'Choose JSON or CSV') }), output: exportResultSchema, access: WRITE }),
    settings: channel({ input: noInput, output: settingsSchema, access: READ }),
    updateSettings: channel({
      input: z.strictObject({
        staleMonths: z
          .number('Enter a number of months')
          .int('Use a whole number of months')
          .min(DIRECTORY_STALE_MONTHS_MIN, `Use at least ${DIRECTORY_STALE_MONTHS_MIN} month`)
          .max(DIRECTORY_STALE_MONTHS_MAX, `Use at most ${DIRECTORY_STALE_MONTHS_MAX} months`),
      }),
      output: settingsSchema,
      access: ADMIN,
    }),
  },
} as const;
