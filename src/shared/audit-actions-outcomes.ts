/** Audit actions for outcomes, with the words the audit viewer shows. Spread into AUDIT_ACTIONS. */
export const OUTCOMES_AUDIT_ACTIONS = {
  'outcome.recorded': 'Outcome measure recorded',
  'outcome.viewed': 'Outcomes opened',
  'outcome.follow_up_scheduled': 'Outcome follow-up scheduled',
  'outcome.closure_recorded': 'Episode closing summary recorded',
  'outcome.cohort_viewed': 'Cohort outcomes viewed',
  'system_use.recorded': 'GP and A&E use recorded',
} as const;
