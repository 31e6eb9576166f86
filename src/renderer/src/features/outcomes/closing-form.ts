import { z } from 'zod';
import { closeEpisodeSchema } from '../../../../shared/ipc/outcomes-schemas';
import { toAnswer } from './measure-form';

/**
 * The close form as it is typed (answers as text), checked by the very schema main uses, so the
 * form refuses a partial final ONS4 or a missing result with main's own words.
 */
export function closingFormSchema(episodeId: string) {
  return z
    .object({
      closureReason: z.string(),
      closureNote: z.string(),
      whatMattered: z.string(),
      whatWasOffered: z.string(),
      whatHappened: z.string(),
      finalOns4: z.enum(['answered', 'declined', 'not_asked']),
      finalOns4Answers: z.array(z.string()),
    })
    .transform((values, context) => {
      const parsed = closeEpisodeSchema.safeParse({
        ...values,
        episodeId,
        closureReason: values.closureReason === '' ? undefined : values.closureReason,
        finalOns4Answers: values.finalOns4 === 'answered' ? values.finalOns4Answers.map(toAnswer) : [],
      });
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    });
}
export type ClosingFormInput = z.input<ReturnType<typeof closingFormSchema>>;
export type ClosingFormValues = z.output<ReturnType<typeof closingFormSchema>>;

export const CLOSING_FIELDS = ['closureReason', 'closureNote', 'whatMattered', 'whatWasOffered', 'whatHappened', 'finalOns4', 'finalOns4Answers.0', 'finalOns4Answers.1', 'finalOns4Answers.2', 'finalOns4Answers.3'] as const;
