/** Audit actions for reports, with the words the audit viewer shows. Spread into AUDIT_ACTIONS. */
export const REPORTS_AUDIT_ACTIONS = {} as const;
