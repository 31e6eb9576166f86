import { z } from 'zod';
import { normaliseNhsNumber } from '../../../../shared/domain/nhs-number';
import { CONSENT_METHOD_CODES, CONTACT_METHOD_CODES } from '../../../../shared/domain/person';
import { nhsNumberSchema, personDetailsSchema, personDetailsShape, type PersonDetailsInput } from '../../../../shared/ipc/casework-schemas';

/** A select's "nothing chosen" is '' in the form and null in the record. */
function blankOr<const T extends readonly [string, ...string[]]>(codes: T) {
  return z.union([z.literal(''), z.enum(codes)]).transform((value) => (value === '' ? null : value));
}

/**
 * The person's details as the form holds them: the shared field rules (so the form and main refuse
 * the same things with the same words), '' for unchosen selects, and a "NHS number not known" box.
 */
export const personFormSchema = z
  .object({
    ...personDetailsShape,
    nhsNumber: z.string().max(20, 'An NHS number has 10 digits'),
    nhsNumberUnknown: z.boolean(),
    dateOfBirth: z.string().min(1, 'Enter the date of birth').pipe(personDetailsShape.dateOfBirth),
    preferredContactMethod: blankOr(CONTACT_METHOD_CODES),
    socialPrescribingConsentMethod: blankOr(CONSENT_METHOD_CODES),
    informationSharingConsentMethod: blankOr(CONSENT_METHOD_CODES),
  })
  .superRefine((values, context) => {
    if (!values.nhsNumberUnknown) {
      if (values.nhsNumber.trim() === '') {
        context.addIssue({ code: 'custom', path: ['nhsNumber'], message: 'Enter the NHS number, or tick “NHS number not known”' });
      } else {
        for (const issue of nhsNumberSchema.safeParse(values.nhsNumber).error?.issues ?? []) {
          context.addIssue({ code: 'custom', path: ['nhsNumber'], message: issue.message });
        }
      }
    }
    // The shared record-level rules (consent must say when and how), exactly as main applies them.
    for (const issue of personDetailsSchema.safeParse(toPersonDetails(values)).error?.issues ?? []) {
      if (issue.path[0] !== 'nhsNumber') context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

export type PersonFormInput = z.input<typeof personFormSchema>;
export type PersonFormValues = z.output<typeof personFormSchema>;

/** What people.create and people.update take, from the form's values. */
export function toPersonDetails(values: PersonFormValues): PersonDetailsInput {
  const { nhsNumberUnknown, ...details } = values;
  return { ...details, nhsNumber: nhsNumberUnknown ? '' : normaliseNhsNumber(details.nhsNumber) };
}

export const emptyPersonForm: PersonFormInput = {
  nhsNumber: '',
  nhsNumberUnknown: false,
  givenName: '',
  familyName: '',
  preferredName: '',
  dateOfBirth: '',
  pronouns: '',
  phone: '',
  email: '',
  preferredContactMethod: '',
  addressLine1: '',
  addressLine2: '',
  town: '',
  postcode: '',
  gpPractice: '',
  interpreterLanguage: '',
  accessibilityNeeds: '',
  carerOrNextOfKin: '',
  consentToSocialPrescribing: false,
  socialPrescribingConsentDate: '',
  socialPrescribingConsentMethod: '',
  consentToInformationSharing: false,
  informationSharingConsentDate: '',
  informationSharingConsentMethod: '',
};

type RecordedPerson = z.output<typeof personDetailsSchema>;

/** The form's starting values for someone already in Linkdesk. */
export function personFormFromRecord(person: RecordedPerson): PersonFormInput {
  return {
    ...person,
    nhsNumberUnknown: person.nhsNumber === '',
    preferredContactMethod: person.preferredContactMethod ?? '',
    socialPrescribingConsentMethod: person.socialPrescribingConsentMethod ?? '',
    informationSharingConsentMethod: person.informationSharingConsentMethod ?? '',
  };
}

/** people.create / people.update input names → this form's fields, for main's field errors. */
export const personFieldMap = Object.fromEntries(Object.keys(emptyPersonForm).map((name) => [name, name])) as Record<
  string,
  keyof PersonFormInput
>;
