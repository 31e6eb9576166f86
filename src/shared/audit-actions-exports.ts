/** Audit actions for exports, with the words the audit viewer shows. Spread into AUDIT_ACTIONS. */
export const EXPORTS_AUDIT_ACTIONS = {
  'export.created': 'File exported',
  /** One per person named in a file about several people (the GP coding sheet), so their subject access shows it. */
  'export.person_included': 'Named in an exported file',
  'export.pseudonym_key_created': 'Pseudonymisation key created for extracts',
} as const;
