import { getBackupSettings, listWorkspaceBackups, runBackup, updateBackupSettings } from '../services/records/backup';
import { erasePerson } from '../services/records/erasure';
import { restoreBackup, verifyBackup } from '../services/records/restore-session';
import { getRetentionPolicy, reviewDirectory, reviewRetention, updateRetentionPolicy } from '../services/records/retention';
import type { Handlers } from './router';

type RecordsHandlers = Pick<Handlers, 'backup' | 'retention'>;

/** Records channels: one line each, the work is in the services. */
export const recordsHandlers: RecordsHandlers = {
  backup: {
    settings: (_input, session) => getBackupSettings(session),
    updateSettings: (input, session) => updateBackupSettings(session, input),
    run: (_input, session) => runBackup(session, 'manual'),
    list: (_input, session) => listWorkspaceBackups(session),
    verify: (input, session) => verifyBackup(session, input),
    restore: (input, session) => restoreBackup(session, input),
  },
  retention: {
    policy: (_input, session) => getRetentionPolicy(session),
    updatePolicy: (input, session) => updateRetentionPolicy(session, input),
    review: (input, session) => reviewRetention(session, input),
    directoryReview: (_input, session) => reviewDirectory(session),
    erase: (input, session) => erasePerson(session, input),
  },
};
