import { z } from 'zod';

/**
 * What may leave Linkdesk, and how. Every export names its purpose, its recipient and its lawful
 * basis; the audit log keeps all three with the file's SHA-256. Kinds that hold anything about an
 * identifiable person are always written as AES-256 encrypted ZIP archives: the caller cannot ask
 * for less protection, because protection is decided here by kind, not per request.
 */

export const LAWFUL_BASES = {
  direct_care: 'Direct care: UK GDPR Article 6(1)(e) public task and Article 9(2)(h) health and social care',
  subject_access: "The person's right of access: UK GDPR Article 15",
  explicit_consent: "The person's explicit consent: UK GDPR Article 6(1)(a) and Article 9(2)(a)",
  legal_obligation: 'A legal obligation: UK GDPR Article 6(1)(c) and Article 9(2)(h)',
  service_planning: 'Planning and evaluating the service with pseudonymised data: Article 6(1)(e) and Article 9(2)(h)',
  anonymous_statistics: 'Aggregate figures with small numbers suppressed: not personal data',
} as const;
export type LawfulBasis = keyof typeof LAWFUL_BASES;
export const LAWFUL_BASIS_IDS = Object.keys(LAWFUL_BASES) as [LawfulBasis, ...LawfulBasis[]];

export type ExportProtection = 'encrypted' | 'plain';

export interface ExportKindSpec {
  label: string;
  /** 'encrypted' for anything about an identifiable person. */
  protection: ExportProtection;
  /** What the file holds, in plain English, shown before anything is written. */
  contains: readonly string[];
  /** The start of every file name of this kind: never a person identifier. */
  fileStem: string;
  defaults: { purpose: string; recipient: string; lawfulBasis: LawfulBasis };
}

export const EXPORT_KINDS = {
  person_copy: {
    label: "Person's copy of their plan",
    protection: 'encrypted',
    contains: ["The person's name", 'What matters to them, in their words', 'Their goals, steps and support offered', 'The review date'],
    fileStem: 'person-copy',
    defaults: { purpose: 'A copy of the agreed plan for the person to keep', recipient: 'The person themselves', lawfulBasis: 'direct_care' },
  },
  gp_letter: {
    label: 'Message back to the GP and referrer',
    protection: 'encrypted',
    contains: ["The person's name, NHS number and date of birth", 'The referral date and the outcome', 'The SNOMED codes recorded', 'The change in wellbeing measures'],
    fileStem: 'gp-letter',
    defaults: { purpose: 'Telling the GP and the referrer how the referral ended', recipient: 'The GP practice and the referrer', lawfulBasis: 'direct_care' },
  },
  supervision_record: {
    label: 'Supervision session record',
    protection: 'encrypted',
    contains: ['The session date and who attended', 'The cases discussed, decisions and actions', 'Safeguarding concerns raised'],
    fileStem: 'supervision-record',
    defaults: { purpose: "A record of clinical supervision for the practice's files", recipient: 'The practice', lawfulBasis: 'direct_care' },
  },
  activity_report: {
    label: 'PCN activity report',
    protection: 'plain',
    contains: ['Counts of referrals, contacts, declines, codes and outcomes by month', 'Counts from 1 to the threshold shown as "<N"', 'No names, NHS numbers or free text'],
    fileStem: 'activity-report',
    defaults: { purpose: 'Activity reporting to the PCN and commissioners', recipient: 'The PCN clinical director', lawfulBasis: 'anonymous_statistics' },
  },
  pseudonymised_extract: {
    label: 'Pseudonymised record-level extract',
    protection: 'encrypted',
    contains: ['One row per referral, contact or wellbeing measure', 'A keyed hash in place of every identifier', 'Age bands instead of dates of birth', 'Postcode districts only', 'No free text'],
    fileStem: 'pseudonymised-extract',
    defaults: { purpose: 'Service evaluation', recipient: 'The PCN analyst', lawfulBasis: 'service_planning' },
  },
  subject_access: {
    label: 'Subject access request',
    protection: 'encrypted',
    contains: ['Everything held about one person: record, referrals, contacts, plans, measures', 'Who has viewed their record (the audit)', 'A readable PDF and a machine-readable JSON file'],
    fileStem: 'subject-access',
    defaults: { purpose: 'Answering a subject access request', recipient: 'The person who asked', lawfulBasis: 'subject_access' },
  },
  transfer_bundle: {
    label: 'Transfer to another service',
    protection: 'encrypted',
    contains: ["The person's details, referrals, contacts, plan and measures", 'JSON, with a FHIR R4 bundle'],
    fileStem: 'transfer-bundle',
    defaults: { purpose: 'Continuing care after the person moves to another service', recipient: 'The receiving social prescribing service', lawfulBasis: 'direct_care' },
  },
  coding_sheet: {
    label: "The week's GP coding sheet",
    protection: 'encrypted',
    contains: ['Names, NHS numbers and dates of birth of people with codes due', 'The SNOMED codes and the dates they are due'],
    fileStem: 'gp-coding-sheet',
    defaults: { purpose: 'Recording SNOMED codes in the GP record', recipient: 'The practice coding team', lawfulBasis: 'direct_care' },
  },
} as const satisfies Record<string, ExportKindSpec>;
export type ExportKind = keyof typeof EXPORT_KINDS;
export const EXPORT_KIND_IDS = Object.keys(EXPORT_KINDS) as [ExportKind, ...ExportKind[]];

const declarationText = (what: string) =>
  z
    .string(`Say ${what}`)
    .trim()
    .min(3, `Say ${what} (at least 3 characters)`)
    .max(300, `Keep ${what} under 300 characters`)
    .regex(/^[^\p{Cc}]*$/u, 'Remove control characters');

/** What the person exporting declares, every time. */
export const exportDeclarationSchema = z.strictObject({
  purpose: declarationText('the purpose'),
  recipient: declarationText('who will receive it'),
  lawfulBasis: z.enum(LAWFUL_BASIS_IDS, 'Choose the lawful basis'),
});
export type ExportDeclaration = z.infer<typeof exportDeclarationSchema>;

export const exportResultSchema = z.object({
  fileName: z.string(),
  folder: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  encrypted: z.boolean(),
  /** Shown once, to be sent separately from the file; Linkdesk keeps no copy. */
  passphrase: z.string().nullable(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

/**
 * The lawful bases a kind may be exported under. Aggregate statistics are not personal data, but
 * anything encrypted here is (pseudonymised data included), so it needs a basis for personal data.
 */
export function lawfulBasesFor(kind: ExportKind): LawfulBasis[] {
  return LAWFUL_BASIS_IDS.filter((basis) => EXPORT_KINDS[kind].protection === 'plain' || basis !== 'anonymous_statistics');
}
