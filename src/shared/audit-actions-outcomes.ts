/** Audit actions for outcomes, with the words the audit viewer shows. Spread into AUDIT_ACTIONS. */
export const OUTCOMES_AUDIT_ACTIONS = {} as const;
