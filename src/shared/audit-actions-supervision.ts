/** Audit actions for supervision, with the words the audit viewer shows. Spread into AUDIT_ACTIONS. */
export const SUPERVISION_AUDIT_ACTIONS = {} as const;
