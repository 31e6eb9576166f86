import { z } from 'zod';
import { channel, noInput } from './channel';
import {
  backupListSchema,
  backupRunResultSchema,
  backupSecretSchema,
  backupSettingsSchema,
  backupVerificationSchema,
  directoryReviewRowSchema,
  eraseInputSchema,
  erasureResultSchema,
  restoreResultSchema,
  retentionPolicySchema,
  retentionReviewInputSchema,
  retentionReviewRowSchema,
  updateBackupSettingsSchema,
} from './records-schemas';

/**
 * Records management: encrypted backups and restore, the retention policy, the review of records
 * past it, and erasure. Admins only: a backup holds everyone's records, and erasure cannot be undone.
 */
const ADMIN = ['admin'] as const;

export const recordsAreas = {
  backup: {
    settings: channel({ input: noInput, output: backupSettingsSchema, access: ADMIN }),
    updateSettings: channel({ input: updateBackupSettingsSchema, output: backupSettingsSchema, access: ADMIN }),
    /** Backs up now into the chosen folder, then removes the oldest beyond the number to keep. */
    run: channel({ input: noInput, output: backupRunResultSchema, access: ADMIN }),
    list: channel({ input: noInput, output: backupListSchema, access: ADMIN }),
    /** Opens a backup with a password or the recovery key and checks it, changing nothing. */
    verify: channel({ input: backupSecretSchema, output: backupVerificationSchema, access: ADMIN }),
    /** Checks a backup, then replaces the workspace with it and locks Linkdesk. */
    restore: channel({ input: backupSecretSchema, output: restoreResultSchema, access: ADMIN }),
  },
  retention: {
    policy: channel({ input: noInput, output: retentionPolicySchema, access: ADMIN }),
    updatePolicy: channel({ input: retentionPolicySchema, output: retentionPolicySchema, access: ADMIN }),
    /** People whose every referral closed longer ago than the policy, and who have none open. */
    review: channel({
      input: retentionReviewInputSchema,
      output: z.object({ rows: z.array(retentionReviewRowSchema), total: z.number().int() }),
      access: ADMIN,
    }),
    /** Closed directory entries past the policy that still name a contact person, to be edited in the directory. */
    directoryReview: channel({ input: noInput, output: z.array(directoryReviewRowSchema), access: ADMIN }),
    erase: channel({ input: eraseInputSchema, output: erasureResultSchema, access: ADMIN }),
  },
} as const;
