import { z } from 'zod';
import { CONTACT_MODE_CODES, type EpisodeStatus } from '../../../../shared/domain/referral';
import { recordContactSchema, type RecordContactInput } from '../../../../shared/ipc/casework-schemas';
import { dateTimeInputValue, localDateTimeWithOffset } from '../../dates';

const contact = recordContactSchema.shape;

export const DECISIONS = {
  accepted: 'Accepted social prescribing',
  declined: 'Declined social prescribing',
  none: 'No decision yet',
} as const;

/** A contact as the form holds it: the date and time in local time, the minutes as typed. */
export const contactFormSchema = z.object({
  at: z
    .string()
    .min(1, 'Enter the date and time of the contact')
    .refine((value) => localDateTimeWithOffset(value) !== null, 'Use a real date and time')
    .refine((value) => new Date(value).getTime() <= Date.now() + 60_000, 'The contact cannot be in the future'),
  mode: z.string().pipe(z.enum(CONTACT_MODE_CODES, 'Choose how the contact happened')),
  durationMinutes: z
    .string()
    .trim()
    .regex(/^\d*$/, 'Use whole minutes, like 30')
    .transform((minutes) => (minutes === '' ? 0 : Number(minutes)))
    .pipe(contact.durationMinutes.unwrap()),
  attendees: contact.attendees,
  notes: contact.notes,
  didNotAttend: z.boolean(),
  decision: z.enum(['accepted', 'declined', 'none']),
});
export type ContactFormInput = z.input<typeof contactFormSchema>;
export type ContactFormValues = z.output<typeof contactFormSchema>;

/** Until someone accepts or declines, each contact can carry their decision. */
export function asksForDecision(status: EpisodeStatus): boolean {
  return status === 'received' || status === 'contacted';
}

export function emptyContactForm(): ContactFormInput {
  return { at: dateTimeInputValue(), mode: '', durationMinutes: '', attendees: '', notes: '', didNotAttend: false, decision: 'none' };
}

export function toRecordContact(episodeId: string, values: ContactFormValues, withDecision: boolean): RecordContactInput {
  const decision = withDecision && !values.didNotAttend && values.decision !== 'none' ? values.decision : null;
  return {
    episodeId,
    at: localDateTimeWithOffset(values.at) ?? values.at,
    mode: values.mode,
    durationMinutes: values.durationMinutes,
    attendees: values.attendees,
    notes: values.notes,
    didNotAttend: values.didNotAttend,
    decision,
  };
}

export const contactFieldMap = {
  at: 'at',
  mode: 'mode',
  durationMinutes: 'durationMinutes',
  attendees: 'attendees',
  notes: 'notes',
  didNotAttend: 'didNotAttend',
  decision: 'decision',
} as const;
