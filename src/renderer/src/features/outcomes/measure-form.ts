import { addDays } from 'date-fns';
import type { Path } from 'react-hook-form';
import { z } from 'zod';
import { answerProblems, INSTRUMENTS, type Instrument } from '../../../../shared/domain/outcomes/instruments';
import { todayIsoDate } from '../../dates';

/**
 * Answers as a form holds them (text, '' when left empty), checked with the same rules main uses
 * (shared/domain/outcomes), so both refuse a partial or out-of-range answer with the same words.
 */
export function toAnswer(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

/** Adds each problem with the answers at `answers.index` of the form. */
export function checkFormAnswers(instrument: Instrument, answers: readonly string[], path: string, context: z.RefinementCtx): void {
  for (const [index, message] of answerProblems(instrument, answers.map(toAnswer))) context.addIssue({ code: 'custom', path: [path, index], message });
}

export function measureFormSchema(instrument: Instrument) {
  return z
    .object({
      timepoint: z.enum(['baseline', 'review', 'end'], 'Choose when this was measured'),
      recordedOn: z.iso.date('Use a real date'),
      declined: z.boolean(),
      answers: z.array(z.string()),
      nextFollowUpOn: z.union([z.literal(''), z.iso.date('Use a real date')]),
    })
    .superRefine((values, context) => {
      if (!values.declined) checkFormAnswers(instrument, values.answers, 'answers', context);
    })
    .transform((values) => ({
      instrument,
      timepoint: values.timepoint,
      recordedOn: values.recordedOn,
      declined: values.declined,
      answers: values.declined ? [] : values.answers.map(toAnswer),
      nextFollowUpOn: values.timepoint === 'end' ? undefined : values.nextFollowUpOn,
    }));
}
export type MeasureFormInput = z.input<ReturnType<typeof measureFormSchema>>;

/** The date six weeks on, the usual review point. */
export function sixWeeksFromToday(): string {
  return todayIsoDate(addDays(new Date(), 42));
}

export function emptyAnswers(instrument: Instrument): string[] {
  return Array.from({ length: INSTRUMENTS[instrument].itemCount }, () => '');
}

/** Main's field names (answers.0, recordedOn …) are the form's names. */
export function measureFieldMap(instrument: Instrument): Record<string, Path<MeasureFormInput>> {
  const map: Record<string, Path<MeasureFormInput>> = { recordedOn: 'recordedOn', nextFollowUpOn: 'nextFollowUpOn', timepoint: 'timepoint', answers: 'answers.0', declined: 'declined' };
  for (let index = 0; index < INSTRUMENTS[instrument].itemCount; index += 1) map[`answers.${index}`] = `answers.${index}`;
  return map;
}
