/**
 * "What matters to me" conversations and personalised care and support plans (PRSB Social
 * Prescribing Information Standard: about me / what matters to me / what I was offered / what the
 * result was). Labels are the plain words a person reads on their own copy.
 */
export const STEP_OWNERS = {
  person: 'Me',
  link_worker: 'My link worker',
  group_or_service: 'A group or service',
  family_or_carer: 'My family or carer',
  other: 'Someone else',
} as const;
export type StepOwner = keyof typeof STEP_OWNERS;
export const STEP_OWNER_CODES = Object.keys(STEP_OWNERS) as [StepOwner, ...StepOwner[]];

export const GOAL_PROGRESS = {
  not_started: 'Not started',
  started: 'Started',
  achieved: 'Achieved',
  changed: 'Changed',
} as const;
export type GoalProgress = keyof typeof GOAL_PROGRESS;
export const GOAL_PROGRESS_CODES = Object.keys(GOAL_PROGRESS) as [GoalProgress, ...GoalProgress[]];

/** How the person agreed the plan, as said on their copy ("We agreed this plan … verbally"). */
export const AGREEMENT_METHODS = {
  verbal: 'verbally',
  signed: 'by signing it',
  online: 'online',
} as const;
export type AgreementMethod = keyof typeof AGREEMENT_METHODS;
export const AGREEMENT_METHOD_CODES = Object.keys(AGREEMENT_METHODS) as [AgreementMethod, ...AgreementMethod[]];

export const PLAN_STATUSES = { draft: 'Draft', agreed: 'Agreed' } as const;
export type PlanStatus = keyof typeof PLAN_STATUSES;
export const PLAN_STATUS_CODES = Object.keys(PLAN_STATUSES) as [PlanStatus, ...PlanStatus[]];

export const PLAN_LIMITS = { goals: 20, steps: 40, present: 10 } as const;
