import { z } from 'zod';
import { exportDeclarationSchema } from '../domain/exports';
import { answerProblems, INSTRUMENT_CODES, INSTRUMENTS, TIMEPOINT_CODES, type Instrument } from '../domain/outcomes/instruments';
import { ONS4_ITEM_CODES } from '../domain/outcomes/ons4';
import { SYSTEM_USE_MAX, SYSTEM_USE_PERIOD_CODES } from '../domain/outcomes/system-use';
import { CLOSURE_REASON_CODES, EPISODE_STATUS_CODES } from '../domain/referral';
import { idSchema } from '../validation';
import { isoDateSchema, notesText, optionalIsoDate } from './casework-schemas';

/**
 * Schemas for outcome measures, follow-ups, system use, closing an episode with its summary, and
 * cohort outcomes, shared by the router and the renderer's forms.
 */

/** One answer as a form sends it: a number, or null when the question was left unanswered. */
const answerSchema = z.number('Use a whole number').nullable();

/** Adds an issue for each missing or out-of-range answer, at `path.index`, naming the question. */
function checkAnswers(instrument: Instrument, answers: readonly (number | null)[], path: string, context: z.RefinementCtx): void {
  for (const [index, message] of answerProblems(instrument, answers)) context.addIssue({ code: 'custom', path: [path, index], message });
  const expected = INSTRUMENTS[instrument].itemCount;
  if (answers.length > expected) context.addIssue({ code: 'custom', path: [path], message: `This measure has ${expected} questions, not ${answers.length}` });
}

export const recordMeasureSchema = z
  .strictObject({
    episodeId: idSchema,
    instrument: z.enum(INSTRUMENT_CODES, 'Choose the measure'),
    timepoint: z.enum(TIMEPOINT_CODES, 'Choose when this was measured: baseline, follow-up or end'),
    /** The day the person answered (or declined). */
    recordedOn: isoDateSchema,
    /** They chose not to answer: recorded as declined, never as zeros. */
    declined: z.boolean('Say whether they declined').default(false),
    answers: z.array(answerSchema).max(7, 'Too many answers').default([]),
    /**
     * When the next follow-up is due: a date, or empty for none. Left out, a baseline keeps the
     * follow-up already set and a follow-up measure clears the one it fulfils.
     */
    nextFollowUpOn: z.union([z.literal(''), isoDateSchema]).optional(),
  })
  .superRefine((input, context) => {
    if (input.declined) {
      if (input.answers.some((answer) => answer !== null)) context.addIssue({ code: 'custom', path: ['answers'], message: 'A declined measure has no answers: clear them, or untick “declined”' });
    } else {
      checkAnswers(input.instrument, input.answers, 'answers', context);
    }
    if (input.timepoint === 'end' && input.nextFollowUpOn) context.addIssue({ code: 'custom', path: ['nextFollowUpOn'], message: 'No follow-up comes after the end of the episode' });
  });
export type RecordMeasureInput = z.input<typeof recordMeasureSchema>;

export const measureSchema = z.object({
  id: idSchema,
  episodeId: idSchema,
  personId: idSchema,
  instrument: z.enum(INSTRUMENT_CODES),
  timepoint: z.enum(TIMEPOINT_CODES),
  recordedOn: z.string(),
  declined: z.boolean(),
  /** Null when declined. */
  answers: z.array(z.number().int()).nullable(),
  /** SWEMWBS raw score or UCLA total; null for ONS4 (never summed) and when declined. */
  total: z.number().int().nullable(),
  /** SWEMWBS metric score. */
  metric: z.number().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type Measure = z.infer<typeof measureSchema>;

export const scheduleFollowUpSchema = z.strictObject({
  episodeId: idSchema,
  /** Empty clears the follow-up. */
  dueOn: optionalIsoDate,
});

export const systemUseWindowSchema = z.object({
  from: z.string(),
  to: z.string(),
  gpConsultations: z.number().int().nullable(),
  aeAttendances: z.number().int().nullable(),
  enteredOn: z.string().nullable(),
  enteredBy: z.string().nullable(),
  /** Whether the window has ended, so its counts can be entered. */
  canEnter: z.boolean(),
});

export const systemUseSchema = z.object({
  episodeId: idSchema,
  before: systemUseWindowSchema,
  /** Null until the episode closes. */
  after: systemUseWindowSchema.nullable(),
});
export type SystemUse = z.infer<typeof systemUseSchema>;

const countSchema = (what: string) =>
  z
    .number(`Enter the number of ${what}`)
    .int('Use a whole number')
    .min(0, 'Use 0 or more')
    .max(SYSTEM_USE_MAX, `Use at most ${SYSTEM_USE_MAX}`);

export const recordSystemUseSchema = z.strictObject({
  episodeId: idSchema,
  period: z.enum(SYSTEM_USE_PERIOD_CODES, 'Choose before or after'),
  gpConsultations: countSchema('GP consultations'),
  aeAttendances: countSchema('A&E attendances'),
});
export type RecordSystemUseInput = z.input<typeof recordSystemUseSchema>;

export const closureSummarySchema = z.object({
  whatMattered: z.string(),
  whatWasOffered: z.string(),
  whatHappened: z.string(),
  recordedOn: z.string(),
  recordedBy: z.string().nullable(),
});
export type ClosureSummary = z.infer<typeof closureSummarySchema>;

export const changeSchema = z.object({
  instrument: z.enum(INSTRUMENT_CODES),
  fromOn: z.string(),
  toOn: z.string(),
  toTimepoint: z.enum(TIMEPOINT_CODES),
  /** One plain-English sentence per score, e.g. "Life satisfaction went from 3 (low) to 6 (medium)". */
  lines: z.array(z.string()),
});
export type Change = z.infer<typeof changeSchema>;

export const episodeOutcomesSchema = z.object({
  episodeId: idSchema,
  status: z.enum(EPISODE_STATUS_CODES),
  receivedOn: z.string(),
  closedOn: z.string().nullable(),
  /** Oldest first. */
  measures: z.array(measureSchema),
  /** From baseline to the latest answered measure, per instrument that has both. */
  changes: z.array(changeSchema),
  followUpDueOn: z.string().nullable(),
  followUpDue: z.boolean(),
  systemUse: systemUseSchema,
  closure: closureSummarySchema.nullable(),
});
export type EpisodeOutcomes = z.infer<typeof episodeOutcomesSchema>;

export const personOutcomesSchema = z.object({
  personId: idSchema,
  /** Newest referral first. */
  episodes: z.array(episodeOutcomesSchema),
});
export type PersonOutcomes = z.infer<typeof personOutcomesSchema>;

export const FINAL_ONS4_CHOICES = { answered: 'They answered', declined: 'They declined to answer', not_asked: 'Not asked' } as const;
export type FinalOns4Choice = keyof typeof FINAL_ONS4_CHOICES;

const summaryText = notesText(4000);

export const closeEpisodeSchema = z
  .strictObject({
    episodeId: idSchema,
    closureReason: z.enum(CLOSURE_REASON_CODES, 'Choose why the episode is closing'),
    closureNote: notesText(2000),
    /** PRSB: about me and what matters to me. */
    whatMattered: summaryText,
    /** PRSB: what I was offered. */
    whatWasOffered: summaryText,
    /** PRSB: what the result was. */
    whatHappened: summaryText,
    finalOns4: z.enum(['answered', 'declined', 'not_asked'], 'Say whether they answered the final ONS4').default('not_asked'),
    finalOns4Answers: z.array(answerSchema).max(4, 'Too many answers').default([]),
  })
  .superRefine((input, context) => {
    if (input.closureReason !== 'declined' && input.whatHappened.trim() === '') {
      context.addIssue({ code: 'custom', path: ['whatHappened'], message: 'Say what happened: the result for the person' });
    }
    if (input.finalOns4 === 'answered') checkAnswers('ons4', input.finalOns4Answers, 'finalOns4Answers', context);
    else if (input.finalOns4Answers.some((answer) => answer !== null)) context.addIssue({ code: 'custom', path: ['finalOns4Answers'], message: 'Only answered measures have answers' });
  });
export type CloseEpisodeInput = z.input<typeof closeEpisodeSchema>;

export const closingDraftSchema = z.object({
  episodeId: idSchema,
  whatMattered: z.string(),
  whatWasOffered: z.string(),
  whatHappened: z.string(),
  /** Whether an end-of-episode ONS4 is already recorded (then the close form does not ask again). */
  endOns4: z.enum(['answered', 'declined', 'none']),
});
export type ClosingDraft = z.infer<typeof closingDraftSchema>;

export const cohortQuerySchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'The end of the period cannot be before its start' });

const shownCountSchema = z.object({ value: z.number().int().nullable(), text: z.string() });

export const cohortItemSchema = z.object({
  item: z.enum(ONS4_ITEM_CODES),
  label: z.string(),
  higherIsBetter: z.boolean(),
  baselineMean: z.number(),
  endMean: z.number(),
  meanChange: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  /** The share (0–1) whose end score is at least one ONS band better than their baseline. */
  improvedShare: z.number(),
});
export type CohortItem = z.infer<typeof cohortItemSchema>;

export const cohortOutcomesSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The workspace's small-number threshold the figures were suppressed with. */
  threshold: z.number().int(),
  /** People whose episode closed in the period (their latest such episode). */
  closed: shownCountSchema,
  /** Of those, people with an answered ONS4 at baseline and at the end. */
  pairedOns4: shownCountSchema,
  /** Per ONS4 item; empty when fewer people than the threshold have pairs (small numbers are not shown). */
  items: z.array(cohortItemSchema),
  systemUse: z.object({
    /** People with both windows entered. */
    people: shownCountSchema,
    /** Mean per person over the 6 months; null when fewer people than the threshold. */
    gpBefore: z.number().nullable(),
    gpAfter: z.number().nullable(),
    aeBefore: z.number().nullable(),
    aeAfter: z.number().nullable(),
  }),
});
export type CohortOutcomes = z.infer<typeof cohortOutcomesSchema>;

export const exportGpLetterSchema = z.strictObject({ episodeId: idSchema, declaration: exportDeclarationSchema });
