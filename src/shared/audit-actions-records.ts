/** Audit actions for records, with the words the audit viewer shows. Spread into AUDIT_ACTIONS. */
export const RECORDS_AUDIT_ACTIONS = {} as const;
