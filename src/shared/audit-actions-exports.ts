/** Audit actions for exports, with the words the audit viewer shows. Spread into AUDIT_ACTIONS. */
export const EXPORTS_AUDIT_ACTIONS = {
  'export.created': 'File exported',
} as const;
