/**
 * Supervision: weekly sessions between a link worker and a GP supervisor, and the risk and
 * safeguarding flags a link worker sets on a person. Codes are stored; labels are what the screens
 * and the printed record show.
 */

/** Why a case is on a session's agenda, in the order the agenda groups them (most pressing first). */
export const AGENDA_REASONS = {
  safeguarding: 'Safeguarding flag',
  risk: 'Risk flag',
  added: 'Added by the link worker',
  carried_action: 'Action carried over',
  no_progress: 'No progress at review',
  disengaged: 'Disengaged or out of touch',
  declined: 'Declined',
  over_12_weeks: 'Over 12 weeks',
  over_12_contacts: 'Over 12 contacts',
  coding_overdue: 'Coding overdue',
} as const;
export type AgendaReason = keyof typeof AGENDA_REASONS;
export const AGENDA_REASON_CODES = Object.keys(AGENDA_REASONS) as [AgendaReason, ...AgendaReason[]];

/** Flags a link worker sets on a person, with a reason; they show in the caseload and on the record. */
export const PERSON_FLAG_KINDS = {
  risk: 'Risk',
  safeguarding: 'Safeguarding',
} as const;
export type PersonFlagKind = keyof typeof PERSON_FLAG_KINDS;
export const PERSON_FLAG_KIND_CODES = Object.keys(PERSON_FLAG_KINDS) as [PersonFlagKind, ...PersonFlagKind[]];

export const ACTION_OWNERS = {
  link_worker: 'Link worker',
  supervisor: 'GP supervisor',
} as const;
export type ActionOwner = keyof typeof ACTION_OWNERS;
export const ACTION_OWNER_CODES = Object.keys(ACTION_OWNERS) as [ActionOwner, ...ActionOwner[]];

/** The link worker's own wellbeing check-in: how they are, and how the workload feels. */
export const WELLBEING_FEELINGS = {
  good: 'Good',
  okay: 'Okay',
  struggling: 'Struggling',
} as const;
export type WellbeingFeeling = keyof typeof WELLBEING_FEELINGS;
export const WELLBEING_FEELING_CODES = Object.keys(WELLBEING_FEELINGS) as [WellbeingFeeling, ...WellbeingFeeling[]];

export const WORKLOADS = {
  light: 'Light',
  manageable: 'Manageable',
  heavy: 'Heavy',
  too_much: 'Too much',
} as const;
export type Workload = keyof typeof WORKLOADS;
export const WORKLOAD_CODES = Object.keys(WORKLOADS) as [Workload, ...Workload[]];

/** The numbers for a session's period, in the order they are shown. */
export const PERIOD_NUMBERS = {
  newReferrals: 'New referrals',
  active: 'Active',
  closed: 'Closed',
  contacts: 'Contacts',
  waitingFirstContact: 'Waiting for a first contact',
} as const;
export type PeriodNumber = keyof typeof PERIOD_NUMBERS;

/** Sessions are weekly; one left unsigned for longer than this is flagged to both people. */
export const SIGN_OFF_DUE_DAYS = 7;
/** With no earlier session, the numbers cover the week up to the session date. */
export const FIRST_PERIOD_DAYS = 7;
/** Upper bounds that keep one session a readable size. */
export const SUPERVISION_LIMITS = { attendees: 6, actionsPerSession: 60, agendaItems: 200 } as const;
