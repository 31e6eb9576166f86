/** Audit actions for records, with the words the audit viewer shows. Spread into AUDIT_ACTIONS. */
export const RECORDS_AUDIT_ACTIONS = {
  'backup.settings_updated': 'Backup settings changed',
  'backup.created': 'Backup made',
  'backup.failed': 'Backup failed',
  'backup.verified': 'Backup checked',
  'backup.restored': 'Workspace restored from a backup',
  'backup.restore_refused': 'Restore refused: the backup did not pass its checks',
  'retention.policy_updated': 'Retention policy changed',
  'retention.reviewed': 'Records past retention listed',
  'person.erased': 'Person’s record erased',
} as const;
