/** Audit actions for reports, with the words the audit viewer shows. Spread into AUDIT_ACTIONS. */
export const REPORTS_AUDIT_ACTIONS = {
  'reports.activity_viewed': 'Activity report viewed',
  'reports.settings_updated': 'Small-number threshold for reports changed',
} as const;
