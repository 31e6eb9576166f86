import { z } from 'zod';
import { CONSENT_METHOD_CODES, CONTACT_METHOD_CODES, normalisePostcode } from '../domain/person';
import { isValidNhsNumber, normaliseNhsNumber } from '../domain/nhs-number';
import {
  CLOSURE_REASON_CODES,
  CONTACT_MODE_CODES,
  EPISODE_STATUS_CODES,
  REFERRAL_REASON_CODES,
  REFERRAL_SOURCE_CODES,
  URGENCY_CODES,
} from '../domain/referral';
import { idSchema } from '../validation';

/**
 * Schemas for people, referrals, contacts and the GP coding queue, shared by the router and the
 * renderer's forms. Optional text fields accept '' (an empty form field) and are stored as null.
 */
const noControl = /^[^\p{Cc}]*$/u;

function optionalText(max: number) {
  return z.string('Must be text').trim().max(max, `Use at most ${max} characters`).regex(noControl, 'Remove control characters').default('');
}
function requiredText(max: number, whenMissing: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? whenMissing : 'Must be text') })
    .trim()
    .min(1, whenMissing)
    .max(max, `Use at most ${max} characters`)
    .regex(noControl, 'Remove control characters');
}
function isControlOtherThanLineBreakOrTab(character: string): boolean {
  const code = character.charCodeAt(0);
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
}

/** Free-text notes: newlines allowed, other control characters not. */
export function notesText(max: number) {
  return z
    .string('Must be text')
    .max(max, `Use at most ${max} characters`)
    .refine((text) => ![...text].some(isControlOtherThanLineBreakOrTab), 'Remove control characters')
    .default('');
}

export const isoDateSchema = z.iso.date('Use a real date, like 2026-11-22');
export const optionalIsoDate = z.union([z.literal(''), isoDateSchema]).default('');
export const isoDateTimeSchema = z.iso.datetime({ offset: true, local: true, error: 'Use a real date and time' });

export const nhsNumberSchema = z
  .string('Must be text')
  .max(20, 'An NHS number has 10 digits')
  .transform(normaliseNhsNumber)
  .refine((digits) => digits === '' || isValidNhsNumber(digits), 'This is not a valid NHS number: check the 10 digits')
  .default('');

export const postcodeSchema = z
  .string('Must be text')
  .max(10, 'A postcode has at most 8 characters')
  .transform((typed, context) => {
    if (typed.trim() === '') return '';
    const postcode = normalisePostcode(typed);
    if (!postcode) {
      context.addIssue({ code: 'custom', message: 'Enter a full UK postcode, like LS1 4AP' });
      return z.NEVER;
    }
    return postcode;
  })
  .default('');

const emailSchema = z.union([z.literal(''), z.email('Enter an email address like name@example.com').max(200)]).default('');
const phoneSchema = z
  .string('Must be text')
  .trim()
  .max(20, 'Use at most 20 characters')
  .regex(/^$|^\+?[\d ()-]{7,20}$/, 'Enter a phone number using digits, spaces and + only')
  .default('');

export const personDetailsShape = {
  nhsNumber: nhsNumberSchema,
  givenName: requiredText(80, 'Enter the first name'),
  familyName: requiredText(80, 'Enter the last name'),
  preferredName: optionalText(80),
  dateOfBirth: isoDateSchema.refine((date) => date <= new Date().toISOString().slice(0, 10) && date >= '1900-01-01', 'The date of birth must be in the past'),
  pronouns: optionalText(40),
  phone: phoneSchema,
  email: emailSchema,
  preferredContactMethod: z.enum(CONTACT_METHOD_CODES).nullable().default(null),
  addressLine1: optionalText(120),
  addressLine2: optionalText(120),
  town: optionalText(80),
  postcode: postcodeSchema,
  gpPractice: optionalText(120),
  interpreterLanguage: optionalText(60),
  accessibilityNeeds: optionalText(300),
  carerOrNextOfKin: optionalText(300),
  consentToSocialPrescribing: z.boolean().default(false),
  socialPrescribingConsentDate: optionalIsoDate,
  socialPrescribingConsentMethod: z.enum(CONSENT_METHOD_CODES).nullable().default(null),
  consentToInformationSharing: z.boolean().default(false),
  informationSharingConsentDate: optionalIsoDate,
  informationSharingConsentMethod: z.enum(CONSENT_METHOD_CODES).nullable().default(null),
};

/** Consent given must say when and how. */
function consentIsComplete(person: { consentToSocialPrescribing: boolean; socialPrescribingConsentDate: string; socialPrescribingConsentMethod: string | null; consentToInformationSharing: boolean; informationSharingConsentDate: string; informationSharingConsentMethod: string | null }, context: z.RefinementCtx) {
  if (person.consentToSocialPrescribing && !person.socialPrescribingConsentDate) context.addIssue({ code: 'custom', path: ['socialPrescribingConsentDate'], message: 'Say when consent was given' });
  if (person.consentToSocialPrescribing && !person.socialPrescribingConsentMethod) context.addIssue({ code: 'custom', path: ['socialPrescribingConsentMethod'], message: 'Say how consent was given' });
  if (person.consentToInformationSharing && !person.informationSharingConsentDate) context.addIssue({ code: 'custom', path: ['informationSharingConsentDate'], message: 'Say when consent was given' });
  if (person.consentToInformationSharing && !person.informationSharingConsentMethod) context.addIssue({ code: 'custom', path: ['informationSharingConsentMethod'], message: 'Say how consent was given' });
}

export const personDetailsSchema = z.strictObject(personDetailsShape).superRefine(consentIsComplete);
export type PersonDetailsInput = z.input<typeof personDetailsSchema>;
export type PersonDetails = z.output<typeof personDetailsSchema>;

export const createPersonSchema = z
  .strictObject({
    ...personDetailsShape,
    /** Ids of possible duplicates (same name and date of birth) the user has checked and says are someone else. */
    notTheSameAs: z.array(idSchema).max(20).default([]),
  })
  .superRefine(consentIsComplete);

export const updatePersonSchema = z
  .strictObject({ ...personDetailsShape, personId: idSchema, rowVersion: z.number().int().min(1) })
  .superRefine(consentIsComplete);

export const PERSON_FLAGS = { nhs_number_unknown: 'NHS number not known' } as const;

export const personSummarySchema = z.object({
  id: idSchema,
  nhsNumber: z.string().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string(),
  flags: z.array(z.enum(['nhs_number_unknown'])),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const duplicateMatchSchema = personSummarySchema.extend({ matchedOn: z.enum(['nhs_number', 'name_and_date_of_birth']) });
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;

export const createPersonResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('created'), person: personSummarySchema }),
  z.object({ outcome: z.literal('possible_duplicate'), matches: z.array(duplicateMatchSchema) }),
]);
export type CreatePersonResult = z.infer<typeof createPersonResultSchema>;

export const createEpisodeSchema = z.strictObject({
  personId: idSchema,
  workerUserId: idSchema.nullable().default(null),
  source: z.enum(REFERRAL_SOURCE_CODES, 'Choose where the referral came from'),
  referrerName: optionalText(80),
  referrerOrganisation: optionalText(120),
  referrerContact: optionalText(120),
  receivedOn: isoDateSchema,
  reasons: z.array(z.enum(REFERRAL_REASON_CODES)).min(1, 'Choose at least one reason').max(REFERRAL_REASON_CODES.length),
  reasonOther: optionalText(300),
  urgency: z.enum(URGENCY_CODES).default('routine'),
  notes: notesText(4000),
});
export type CreateEpisodeInput = z.input<typeof createEpisodeSchema>;

export const episodeTransitionSchema = z
  .strictObject({
    episodeId: idSchema,
    to: z.enum(EPISODE_STATUS_CODES),
    closureReason: z.enum(CLOSURE_REASON_CODES).nullable().default(null),
    closureNote: notesText(2000),
  })
  .superRefine((input, context) => {
    if (input.to === 'closed' && !input.closureReason) context.addIssue({ code: 'custom', path: ['closureReason'], message: 'Choose why the episode is closing' });
  });

export const planEpisodeSchema = z.strictObject({
  episodeId: idSchema,
  nextContactOn: optionalIsoDate,
  reviewDueOn: optionalIsoDate,
  workerUserId: idSchema.nullable().default(null),
});

export const recordContactSchema = z.strictObject({
  episodeId: idSchema,
  at: isoDateTimeSchema,
  mode: z.enum(CONTACT_MODE_CODES, 'Choose how the contact happened'),
  durationMinutes: z.number('Enter the minutes').int('Use whole minutes').min(0, 'Use 0 minutes or more').max(600, 'Use at most 600 minutes').default(0),
  attendees: optionalText(300),
  notes: notesText(8000),
  didNotAttend: z.boolean().default(false),
  /** At the first contact: did the person accept social prescribing? */
  decision: z.enum(['accepted', 'declined']).nullable().default(null),
});
export type RecordContactInput = z.input<typeof recordContactSchema>;

export const episodeSchema = z.object({
  id: idSchema,
  personId: idSchema,
  workerUserId: z.string().nullable(),
  workerName: z.string().nullable(),
  source: z.enum(REFERRAL_SOURCE_CODES),
  referrerName: z.string().nullable(),
  referrerOrganisation: z.string().nullable(),
  referrerContact: z.string().nullable(),
  receivedOn: z.string(),
  reasons: z.array(z.enum(REFERRAL_REASON_CODES)),
  reasonOther: z.string().nullable(),
  urgency: z.enum(URGENCY_CODES),
  notes: z.string().nullable(),
  status: z.enum(EPISODE_STATUS_CODES),
  closureReason: z.enum(CLOSURE_REASON_CODES).nullable(),
  closedOn: z.string().nullable(),
  nextContactOn: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  contactCount: z.number().int(),
  /** Added with the casework services: when the first contact is due (received + the workspace's working days). */
  firstContactDueOn: z.string(),
  /** Added with the casework services: the date of the last attended contact. */
  lastContactOn: z.string().nullable(),
  /** Added with the casework services: what was written when the episode closed. */
  closureNote: z.string().nullable(),
});
export type Episode = z.infer<typeof episodeSchema>;

export const contactSchema = z.object({
  id: idSchema,
  episodeId: idSchema,
  at: z.string(),
  mode: z.enum(CONTACT_MODE_CODES),
  durationMinutes: z.number().int(),
  attendees: z.string().nullable(),
  notes: z.string().nullable(),
  didNotAttend: z.boolean(),
  recordedBy: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const codingItemSchema = z.object({
  id: idSchema,
  personId: idSchema,
  personName: z.string(),
  nhsNumber: z.string().nullable(),
  episodeId: idSchema,
  code: z.string(),
  term: z.string(),
  contactOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  recordedOn: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type CodingItem = z.infer<typeof codingItemSchema>;

export const CASELOAD_FLAGS = {
  safeguarding: 'Safeguarding flag',
  risk: 'Risk flag',
  no_first_contact: 'No first contact in time',
  over_12_weeks: 'Over 12 weeks',
  over_12_contacts: 'Over 12 contacts',
  no_recent_contact: 'No contact for 21 days',
  coding_overdue: 'Coding overdue',
  review_due: 'Review due',
  nhs_number_unknown: 'NHS number not known',
  outcome_follow_up_due: 'Outcome follow-up due',
} as const;
export type CaseloadFlag = keyof typeof CASELOAD_FLAGS;
export const CASELOAD_FLAG_CODES = Object.keys(CASELOAD_FLAGS) as [CaseloadFlag, ...CaseloadFlag[]];

export const CASELOAD_SORT_FIELDS = ['name', 'age', 'status', 'weeksOnCaseload', 'contactCount', 'lastContactOn', 'nextContactOn', 'receivedOn'] as const;

export const caseloadQuerySchema = z.strictObject({
  page: z.number().int().min(0).max(100_000),
  pageSize: z.number().int().min(1).max(100),
  sortBy: z.enum(CASELOAD_SORT_FIELDS).default('receivedOn'),
  sortDirection: z.enum(['asc', 'desc']).default('desc'),
  workerUserId: idSchema.optional(),
  status: z.enum(EPISODE_STATUS_CODES).optional(),
  /** Without a status filter, closed episodes are left out unless asked for. */
  includeClosed: z.boolean().default(false),
  source: z.enum(REFERRAL_SOURCE_CODES).optional(),
  reason: z.enum(REFERRAL_REASON_CODES).optional(),
  flag: z.enum(CASELOAD_FLAG_CODES).optional(),
});

export const caseloadRowSchema = z.object({
  episodeId: idSchema,
  personId: idSchema,
  name: z.string(),
  age: z.number().int().nullable(),
  status: z.enum(EPISODE_STATUS_CODES),
  workerName: z.string().nullable(),
  source: z.enum(REFERRAL_SOURCE_CODES),
  receivedOn: z.string(),
  weeksOnCaseload: z.number().int(),
  contactCount: z.number().int(),
  lastContactOn: z.string().nullable(),
  nextContactOn: z.string().nullable(),
  flags: z.array(z.enum(CASELOAD_FLAG_CODES)),
});
export type CaseloadRow = z.infer<typeof caseloadRowSchema>;

export const noteSchema = z.object({ id: idSchema, episodeId: z.string().nullable(), at: z.string(), author: z.string().nullable(), text: z.string() });

export const timelineItemSchema = z.object({
  at: z.string(),
  kind: z.enum(['referral_received', 'status_changed', 'contact', 'note', 'code_queued', 'code_recorded']),
  episodeId: z.string().nullable(),
  summary: z.string(),
});

export const personRecordSchema = z.object({
  /** The same shape the edit form sends back, with '' for empty fields, plus the version it was read at. */
  person: z.object({
    ...personDetailsShape,
    // Read back as stored: the "must be in the past" rule is for entry, and records from before
    // dates of birth were required may have none ('').
    dateOfBirth: z.string(),
    id: idSchema,
    rowVersion: z.number().int(),
  }),
  flags: z.array(z.enum(['nhs_number_unknown'])),
  episodes: z.array(episodeSchema),
  contacts: z.array(contactSchema),
  notes: z.array(noteSchema),
  timeline: z.array(timelineItemSchema),
});

export const searchResultSchema = z.object({
  personId: idSchema,
  name: z.string(),
  nhsNumber: z.string().nullable(),
  dateOfBirth: z.string(),
  matchedIn: z.enum(['name', 'nhs_number', 'date_of_birth', 'notes']),
  snippet: z.string().nullable(),
});
