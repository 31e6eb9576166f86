import { z } from 'zod';
import {
  AGREEMENT_METHOD_CODES,
  GOAL_PROGRESS_CODES,
  PLAN_LIMITS,
  PLAN_STATUS_CODES,
  STEP_OWNER_CODES,
} from '../domain/plans';
import { idSchema } from '../validation';
import { isoDateSchema, notesText, optionalIsoDate } from './casework-schemas';

/**
 * Schemas for "what matters to me" conversations and personalised care and support plans, shared
 * by the router and (later) the renderer's forms. The person's words are kept exactly as typed:
 * no trimming, only control characters other than line breaks and tabs are refused.
 */
const noControl = /^[^\p{Cc}]*$/u;

function isControlOtherThanLineBreakOrTab(character: string): boolean {
  const code = character.charCodeAt(0);
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
}

/** Text that must say something, kept verbatim (whitespace-only is refused, but nothing is trimmed). */
function requiredWords(max: number, whenMissing: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? whenMissing : 'Must be text') })
    .max(max, `Use at most ${max} characters`)
    .refine((text) => text.trim().length > 0, whenMissing)
    .refine((text) => ![...text].some(isControlOtherThanLineBreakOrTab), 'Remove control characters');
}

function shortText(max: number) {
  return z.string('Must be text').trim().max(max, `Use at most ${max} characters`).regex(noControl, 'Remove control characters').default('');
}

// ---- "What matters to me" ----

export const recordConversationSchema = z.strictObject({
  episodeId: idSchema,
  heldOn: isoDateSchema,
  /** In the person's own words: quotations kept exactly as said. */
  ownWords: requiredWords(8000, 'Write what matters to the person, in their own words'),
  strengths: notesText(4000),
  whatGetsInTheWay: notesText(4000),
  priorities: notesText(4000),
});
export type RecordConversationInput = z.input<typeof recordConversationSchema>;

export const conversationSchema = z.object({
  id: idSchema,
  episodeId: idSchema,
  personId: idSchema,
  heldOn: z.string(),
  ownWords: z.string(),
  strengths: z.string(),
  whatGetsInTheWay: z.string(),
  priorities: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type Conversation = z.infer<typeof conversationSchema>;

// ---- Plans ----

export const goalInputSchema = z.strictObject({
  /** Kept when a goal is edited or carried into a new version, so reviews follow the same goal. */
  id: idSchema.optional(),
  text: requiredWords(1000, 'Write the goal in the person’s words'),
});

export const stepInputSchema = z
  .strictObject({
    id: idSchema.optional(),
    action: requiredWords(1000, 'Say what will be done'),
    owner: z.enum(STEP_OWNER_CODES, 'Choose who will do it'),
    /** The group, service or person by name; needed when the owner is "someone else". */
    ownerName: shortText(120),
    dueOn: isoDateSchema,
    done: z.boolean().default(false),
  })
  .superRefine((step, context) => {
    if (step.owner === 'other' && !step.ownerName) context.addIssue({ code: 'custom', path: ['ownerName'], message: 'Say who will do it' });
  });

export const planContentShape = {
  goals: z.array(goalInputSchema, 'Must be a list').max(PLAN_LIMITS.goals, `Use at most ${PLAN_LIMITS.goals} goals`).default([]),
  steps: z.array(stepInputSchema, 'Must be a list').max(PLAN_LIMITS.steps, `Use at most ${PLAN_LIMITS.steps} steps`).default([]),
  supportOffered: notesText(4000),
  reviewOn: optionalIsoDate,
  /** For staff only: never on the person's copy. */
  staffNotes: notesText(4000),
  /** Who was there when the plan was made (the person, a carer, an interpreter…). */
  present: z
    .array(requiredWords(120, 'Write who was there').refine((name) => noControl.test(name), 'Remove control characters'), 'Must be a list')
    .max(PLAN_LIMITS.present, `Name at most ${PLAN_LIMITS.present} people`)
    .default([]),
};

export const saveDraftSchema = z.strictObject({
  episodeId: idSchema,
  /** The draft being edited, or null to start the episode's plan. */
  planVersionId: idSchema.nullable().default(null),
  ...planContentShape,
});
export type SaveDraftInput = z.input<typeof saveDraftSchema>;

export const agreePlanSchema = z.strictObject({
  planVersionId: idSchema,
  method: z.enum(AGREEMENT_METHOD_CODES, 'Choose how the person agreed'),
  agreedOn: isoDateSchema,
});

export const reviewPlanSchema = z.strictObject({
  planVersionId: idSchema,
  reviewedOn: isoDateSchema,
  goals: z
    .array(
      z.strictObject({
        goalId: idSchema,
        progress: z.enum(GOAL_PROGRESS_CODES, 'Choose the progress'),
        note: notesText(2000),
      }),
      'Must be a list',
    )
    .min(1, 'Give progress for every goal')
    .max(PLAN_LIMITS.goals, 'Give progress for every goal'),
});
export type ReviewPlanInput = z.input<typeof reviewPlanSchema>;

export const goalSchema = z.object({ id: idSchema, text: z.string() });
export const stepSchema = z.object({
  id: idSchema,
  action: z.string(),
  owner: z.enum(STEP_OWNER_CODES),
  ownerName: z.string(),
  dueOn: z.string(),
  done: z.boolean(),
});
export type PlanGoal = z.infer<typeof goalSchema>;
export type PlanStep = z.infer<typeof stepSchema>;

export const reviewSchema = z.object({
  id: idSchema,
  reviewedOn: z.string(),
  recordedBy: z.string().nullable(),
  goals: z.array(z.object({ goalId: idSchema, progress: z.enum(GOAL_PROGRESS_CODES), note: z.string() })),
});
export type PlanReview = z.infer<typeof reviewSchema>;

export const planVersionSchema = z.object({
  id: idSchema,
  planId: idSchema,
  episodeId: idSchema,
  personId: idSchema,
  version: z.number().int(),
  status: z.enum(PLAN_STATUS_CODES),
  /** True for agreed versions and for any version that is not the latest. */
  readOnly: z.boolean(),
  goals: z.array(goalSchema),
  steps: z.array(stepSchema),
  supportOffered: z.string(),
  reviewOn: z.string().nullable(),
  staffNotes: z.string(),
  present: z.array(z.string()),
  agreement: z.object({ method: z.enum(AGREEMENT_METHOD_CODES), agreedOn: z.string(), recordedBy: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  reviews: z.array(reviewSchema),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planVersionSummarySchema = z.object({
  id: idSchema,
  version: z.number().int(),
  status: z.enum(PLAN_STATUS_CODES),
  agreedOn: z.string().nullable(),
  createdAt: z.string(),
});

export const planOverviewSchema = z.object({
  /** The latest version, or null when the episode has no plan yet. */
  current: planVersionSchema.nullable(),
  /** Every version, newest first. */
  versions: z.array(planVersionSummarySchema),
});
export type PlanOverview = z.infer<typeof planOverviewSchema>;

