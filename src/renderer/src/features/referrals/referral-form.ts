import { z } from 'zod';
import { REFERRAL_SOURCE_CODES, URGENCY_CODES } from '../../../../shared/domain/referral';
import { createEpisodeSchema, isoDateSchema } from '../../../../shared/ipc/casework-schemas';
import { todayIsoDate } from '../../dates';

const episode = createEpisodeSchema.shape;

/** The referral as the form holds it; selects start empty, so they are checked as text first. */
export const referralFormSchema = z
  .object({
    source: z.string().pipe(z.enum(REFERRAL_SOURCE_CODES, 'Choose where the referral came from')),
    referrerName: episode.referrerName,
    referrerOrganisation: episode.referrerOrganisation,
    referrerContact: episode.referrerContact,
    receivedOn: z
      .string()
      .min(1, 'Enter the date the referral was received')
      .pipe(isoDateSchema)
      .refine((date) => date <= todayIsoDate(), 'The date cannot be in the future'),
    reasons: episode.reasons,
    reasonOther: episode.reasonOther,
    urgency: z.string().pipe(z.enum(URGENCY_CODES, 'Choose how urgent it is')),
    notes: episode.notes,
  })
  .superRefine((values, context) => {
    if (values.reasons.includes('other') && values.reasonOther.trim() === '') {
      context.addIssue({ code: 'custom', path: ['reasonOther'], message: 'Say what the other reason is' });
    }
  });

export type ReferralFormInput = z.input<typeof referralFormSchema>;
export type ReferralFormValues = z.output<typeof referralFormSchema>;

export function emptyReferralForm(): ReferralFormInput {
  return {
    source: '',
    referrerName: '',
    referrerOrganisation: '',
    referrerContact: '',
    receivedOn: todayIsoDate(),
    reasons: [],
    reasonOther: '',
    urgency: 'routine',
    notes: '',
  };
}

/** episodes.create input names → this form's fields, for main's field errors. */
export const referralFieldMap = {
  source: 'source',
  referrerName: 'referrerName',
  referrerOrganisation: 'referrerOrganisation',
  referrerContact: 'referrerContact',
  receivedOn: 'receivedOn',
  reasons: 'reasons',
  reasonOther: 'reasonOther',
  urgency: 'urgency',
  notes: 'notes',
} as const;
