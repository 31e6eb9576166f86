import { z } from 'zod';
import { EPISODE_STATUS_CODES } from '../domain/referral';
import {
  ACTION_OWNER_CODES,
  AGENDA_REASON_CODES,
  PERSON_FLAG_KIND_CODES,
  SUPERVISION_LIMITS,
  WELLBEING_FEELING_CODES,
  WORKLOAD_CODES,
} from '../domain/supervision';
import { displayNameSchema, idSchema } from '../validation';
import { isoDateSchema, notesText } from './casework-schemas';

/**
 * Schemas for supervision (pairs, sessions, agenda, actions, wellbeing, sign-off, addenda, history)
 * and person flags, shared by the router and the renderer's forms. Free text keeps line breaks;
 * empty optional text is ''.
 */

function requiredNotes(max: number, whenEmpty: string) {
  return notesText(max).refine((text) => text.trim().length > 0, whenEmpty);
}

const userRefSchema = z.object({ id: idSchema, displayName: z.string() });
export type UserRef = z.infer<typeof userRefSchema>;

// ---- Who supervises whom ----

export const pairSchema = z.object({
  id: idSchema,
  supervisor: userRefSchema,
  worker: userRefSchema,
  assignedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type SupervisionPair = z.infer<typeof pairSchema>;

export const pairsOverviewSchema = z.object({
  /** Current pairs, by supervisor then worker. */
  pairs: z.array(pairSchema),
  /** Active GP supervisors and link workers an admin can pair up. */
  supervisors: z.array(userRefSchema),
  workers: z.array(userRefSchema),
});
export type PairsOverview = z.infer<typeof pairsOverviewSchema>;

export const assignPairSchema = z.strictObject({
  supervisorUserId: z.uuid('Choose a GP supervisor'),
  workerUserId: z.uuid('Choose a link worker'),
});
export type AssignPairInput = z.input<typeof assignPairSchema>;
export const pairIdSchema = z.strictObject({ pairId: idSchema });

/** A pair the signed-in user is in, with what the Supervision page needs to start from it. */
export const myPairSchema = pairSchema.extend({
  openSessionId: idSchema.nullable(),
  lastSignedOn: z.string().nullable(),
  /** Unsigned sessions held more than SIGN_OFF_DUE_DAYS ago. */
  overdueSessions: z.number().int(),
});
export type MyPair = z.infer<typeof myPairSchema>;

// ---- Sessions ----

const attendeeSchema = displayNameSchema;
export const attendeesSchema = z
  .array(attendeeSchema)
  .min(1, 'Say who attended')
  .max(SUPERVISION_LIMITS.attendees, `Name at most ${SUPERVISION_LIMITS.attendees} people`);

export const periodNumbersSchema = z.object({
  newReferrals: z.number().int(),
  active: z.number().int(),
  closed: z.number().int(),
  contacts: z.number().int(),
  waitingFirstContact: z.number().int(),
});
export type PeriodNumbers = z.infer<typeof periodNumbersSchema>;

export const sessionSummarySchema = z.object({
  id: idSchema,
  pairId: idSchema,
  supervisor: userRefSchema,
  worker: userRefSchema,
  heldOn: z.string(),
  periodFrom: z.string(),
  attendees: z.array(z.string()),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  /** Unsigned, and held more than SIGN_OFF_DUE_DAYS ago: flagged to both people. */
  overdue: z.boolean(),
  agendaItems: z.number().int(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const createSessionSchema = z.strictObject({ pairId: idSchema, heldOn: isoDateSchema, attendees: attendeesSchema });
export type CreateSessionInput = z.input<typeof createSessionSchema>;
export const updateSessionSchema = z.strictObject({ sessionId: idSchema, heldOn: isoDateSchema, attendees: attendeesSchema });
export const sessionIdSchema = z.strictObject({ sessionId: idSchema });
export const listSessionsSchema = z.strictObject({ pairId: idSchema.optional() });

export const actionSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  sessionHeldOn: z.string(),
  /** The case it is about, if any. */
  itemId: idSchema.nullable(),
  personId: idSchema.nullable(),
  personName: z.string().nullable(),
  text: z.string(),
  owner: z.enum(ACTION_OWNER_CODES),
  ownerName: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  /** Whether the action can still be removed (its session is open and it is not done). */
  removable: z.boolean(),
  /** Whether ticking it off can be undone (ticked off in a session that is still open). */
  reopenable: z.boolean(),
});
export type SupervisionAction = z.infer<typeof actionSchema>;

export const agendaItemSchema = z.object({
  id: idSchema,
  episodeId: idSchema,
  personId: idSchema,
  personName: z.string(),
  episodeStatus: z.enum(EPISODE_STATUS_CODES),
  /** Why it is on the agenda, most pressing first ('added' when someone added it by hand). */
  reasons: z.array(z.enum(AGENDA_REASON_CODES)),
  addedNote: z.string(),
  /** The person's current risk and safeguarding flags, with their reasons. */
  flags: z.array(z.object({ kind: z.enum(PERSON_FLAG_KIND_CODES), reason: z.string() })),
  discussion: z.string(),
  decision: z.string(),
  safeguardingRaised: z.boolean(),
  safeguardingAction: z.string(),
  actions: z.array(actionSchema),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const wellbeingSchema = z.object({
  feeling: z.enum(WELLBEING_FEELING_CODES),
  feelingNote: z.string(),
  workload: z.enum(WORKLOAD_CODES),
  trainingNeeds: z.string(),
  supportAgreed: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type Wellbeing = z.infer<typeof wellbeingSchema>;

export const addendumSchema = z.object({ id: idSchema, text: z.string(), addedAt: z.string(), addedBy: z.string().nullable() });
export type Addendum = z.infer<typeof addendumSchema>;

/** Everything the session workspace shows. */
export const sessionWorkspaceSchema = z.object({
  session: sessionSummarySchema,
  /** The caller's part in this session. */
  you: z.enum(['supervisor', 'link_worker']),
  numbers: periodNumbersSchema,
  /** True once signed: the numbers are as they were at sign-off. */
  numbersFrozen: z.boolean(),
  previous: z.object({ heldOn: z.string(), numbers: periodNumbersSchema }).nullable(),
  agenda: z.array(agendaItemSchema),
  /** Actions of this session not about one case. */
  actions: z.array(actionSchema),
  /** Actions from earlier sessions still open when this one began. */
  carriedActions: z.array(actionSchema),
  wellbeing: wellbeingSchema.nullable(),
  addenda: z.array(addendumSchema),
});
export type SessionWorkspace = z.infer<typeof sessionWorkspaceSchema>;

// ---- Working through the agenda ----

export const addCaseSchema = z.strictObject({
  sessionId: idSchema,
  episodeId: idSchema,
  note: requiredNotes(2000, 'Say why you want to discuss this case'),
});

export const recordDiscussionSchema = z
  .strictObject({
    itemId: idSchema,
    discussion: notesText(8000),
    decision: notesText(2000),
    safeguardingRaised: z.boolean().default(false),
    safeguardingAction: notesText(2000),
  })
  .superRefine((input, context) => {
    if (input.safeguardingRaised && input.safeguardingAction.trim() === '') {
      context.addIssue({ code: 'custom', path: ['safeguardingAction'], message: 'Say what was done about the safeguarding concern' });
    }
    if (!input.safeguardingRaised && input.safeguardingAction.trim() !== '') {
      context.addIssue({ code: 'custom', path: ['safeguardingAction'], message: 'Tick “A safeguarding concern was raised”, or leave this empty' });
    }
  });
export type RecordDiscussionInput = z.input<typeof recordDiscussionSchema>;

export const addActionSchema = z.strictObject({
  sessionId: idSchema,
  itemId: idSchema.nullable().default(null),
  text: requiredNotes(500, 'Say what will be done'),
  owner: z.enum(ACTION_OWNER_CODES, 'Choose who will do it'),
  dueOn: isoDateSchema,
});
export type AddActionInput = z.input<typeof addActionSchema>;

export const actionIdSchema = z.strictObject({ actionId: idSchema });
export const completeActionSchema = z.strictObject({ actionId: idSchema, doneOn: isoDateSchema });

export const saveWellbeingSchema = z.strictObject({
  sessionId: idSchema,
  feeling: z.enum(WELLBEING_FEELING_CODES, 'Choose how you are'),
  feelingNote: notesText(2000),
  workload: z.enum(WORKLOAD_CODES, 'Choose how the workload feels'),
  trainingNeeds: notesText(2000),
  supportAgreed: notesText(2000),
});
export type SaveWellbeingInput = z.input<typeof saveWellbeingSchema>;

export const addAddendumSchema = z.strictObject({ sessionId: idSchema, text: requiredNotes(4000, 'Write the addendum') });

// ---- History ----

export const searchSessionsSchema = z
  .strictObject({
    query: z.string('Must be text').trim().max(100, 'Use at most 100 characters').default(''),
    from: z.union([z.literal(''), isoDateSchema]).default(''),
    to: z.union([z.literal(''), isoDateSchema]).default(''),
    pairId: idSchema.optional(),
  })
  .refine((input) => input.query === '' || input.query.length >= 2, { path: ['query'], message: 'Type at least 2 characters' })
  .refine((input) => input.from === '' || input.to === '' || input.from <= input.to, { path: ['to'], message: 'The end date cannot be before the start date' });

export const SEARCH_MATCH_PLACES = ['person', 'discussion', 'decision', 'safeguarding', 'action', 'addendum'] as const;
export const sessionSearchResultSchema = z.object({
  session: sessionSummarySchema,
  matchedIn: z.array(z.enum(SEARCH_MATCH_PLACES)),
});
export type SessionSearchResult = z.infer<typeof sessionSearchResultSchema>;

export const listActionsSchema = z.strictObject({
  pairId: idSchema.optional(),
  status: z.enum(['open', 'done', 'all']).default('open'),
});

// ---- Person flags ----

export const personFlagSchema = z.object({
  id: idSchema,
  personId: idSchema,
  kind: z.enum(PERSON_FLAG_KIND_CODES),
  reason: z.string(),
  raisedAt: z.string(),
  raisedBy: z.string().nullable(),
  clearedAt: z.string().nullable(),
  clearedBy: z.string().nullable(),
  clearReason: z.string().nullable(),
});
export type PersonFlag = z.infer<typeof personFlagSchema>;

export const raiseFlagSchema = z.strictObject({
  personId: idSchema,
  kind: z.enum(PERSON_FLAG_KIND_CODES, 'Choose risk or safeguarding'),
  reason: requiredNotes(1000, 'Say why you are setting this flag'),
});
export type RaiseFlagInput = z.input<typeof raiseFlagSchema>;

export const clearFlagSchema = z.strictObject({ flagId: idSchema, reason: requiredNotes(1000, 'Say why the flag can be cleared') });
export type ClearFlagInput = z.input<typeof clearFlagSchema>;
