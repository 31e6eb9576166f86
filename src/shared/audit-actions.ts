import { EXPORTS_AUDIT_ACTIONS } from './audit-actions-exports';
import { OUTCOMES_AUDIT_ACTIONS } from './audit-actions-outcomes';
import { RECORDS_AUDIT_ACTIONS } from './audit-actions-records';
import { REPORTS_AUDIT_ACTIONS } from './audit-actions-reports';
import { SUPERVISION_AUDIT_ACTIONS } from './audit-actions-supervision';

/**
 * Every kind of audit entry, with the words the audit viewer shows. Entries say who did what to
 * which record; they never hold the personal data itself.
 */
export const AUDIT_ACTIONS = {
  'workspace.created': 'Workspace created',
  'settings.updated': 'Settings changed',
  'sign_in.succeeded': 'Signed in',
  'sign_in.failed': 'Sign-in failed',
  'sign_in.throttled': 'Sign-in refused (too many attempts)',
  'session.signed_out': 'Signed out',
  'session.locked_idle': 'Locked after inactivity',
  'user.created': 'User added',
  'user.disabled': 'User disabled',
  'user.temporary_password_set': 'Temporary password set by admin',
  'user.password_changed': 'Password changed',
  'user.password_reset_with_recovery_key': 'Password reset with the recovery key',
  'access.denied': 'Access denied',
  'audit.verified': 'Audit log verified',
  'person.created': 'Person added',
  'person.viewed': 'Person record opened',
  'person.updated': 'Person details changed',
  'person.duplicates_shown': 'Possible duplicate shown while adding a person',
  'person.note_added': 'Note added',
  'people.searched': 'People searched',
  'episode.created': 'Referral added',
  'episode.status_changed': 'Referral status changed',
  'episode.planned': 'Referral plan changed',
  'contact.recorded': 'Contact recorded',
  'coding.queued': 'GP code queued',
  'coding.recorded': 'GP code marked as recorded',
  'directory.entry_created': 'Directory entry added',
  'directory.entry_updated': 'Directory entry changed',
  'directory.entry_checked': 'Directory entry marked as checked',
  'directory.imported': 'Open Referral UK feed imported into the directory',
  'directory.exported': 'Directory exported as Open Referral UK',
  'directory.settings_updated': 'Directory settings changed',
  'conversation.recorded': '"What matters to me" conversation recorded',
  'conversation.viewed': '"What matters to me" conversations opened',
  'plan.draft_saved': 'Care and support plan draft saved',
  'plan.agreed': 'Care and support plan agreed with the person',
  'plan.revised': 'New version of an agreed care and support plan started',
  'plan.reviewed': 'Care and support plan reviewed',
  'plan.viewed': 'Care and support plan opened',
  'plan.person_copy_made': "Person's copy of a care and support plan made",
  'connection.created': 'Person connected to a group or service',
  'connection.moved': 'Connection status changed',
  'connection.viewed': 'Connections opened',
  'group_support.recorded': 'Support to a community group recorded',
  ...OUTCOMES_AUDIT_ACTIONS,
  ...SUPERVISION_AUDIT_ACTIONS,
  ...EXPORTS_AUDIT_ACTIONS,
  ...REPORTS_AUDIT_ACTIONS,
  ...RECORDS_AUDIT_ACTIONS,
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];
