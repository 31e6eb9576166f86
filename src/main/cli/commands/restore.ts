import { resolve } from 'node:path';
import { contract } from '../../../shared/ipc/contract';
import { systemClock } from '../../clock';
import { AppError } from '../../errors';
import { restoreIntoFolder } from '../../services/records/restore';
import { CliError, readSecret } from '../read-secret';
import { describeFailure, type CommandArgs } from './shared';

export const RESTORE_USAGE = `npm run cli -- restore --folder <workspace> --from <backup folder> (--user <admin user name> | --recovery-key)
  Close Linkdesk first: the workspace must not be open. The secret comes from LINKDESK_PASSWORD
  (or LINKDESK_RECOVERY_KEY with --recovery-key) or the first line of standard input: a password
  that was an admin's when the backup was made, or the recovery key.
  Checks the backup (file hash, key, integrity, audit chain, version) and replaces the workspace only
  if every check passes. Restoring into an empty folder makes a copy of the workspace there.`;

/** Restores a backup into a workspace folder that is not open. Works without signing in: the workspace may be the thing that is broken. */
export async function restore(args: CommandArgs, options: { useRecoveryKey: boolean }): Promise<boolean> {
  if (!args.folder || !args.from || (!args.user && !options.useRecoveryKey)) throw new CliError(`--folder, --from and --user (or --recovery-key) are required.\n${RESTORE_USAGE}`);
  const backupPath = resolve(args.from);
  const secret = options.useRecoveryKey
    ? { method: 'recovery_key' as const, backupPath, recoveryKey: await readSecret('LINKDESK_RECOVERY_KEY', 'Recovery key: ') }
    : { method: 'password' as const, backupPath, username: args.user, password: await readSecret('LINKDESK_PASSWORD', 'Password: ') };
  const checked = contract.backup.restore.input.safeParse(secret);
  if (!checked.success) {
    throw new CliError(describeFailure({ code: 'invalid_input', message: 'Some of the details are not right.', fields: Object.fromEntries(checked.error.issues.map((i) => [i.path.join('.'), i.message])) }));
  }
  try {
    const { verification, restored } = await restoreIntoFolder(resolve(args.folder), checked.data, systemClock, { expectLocked: true });
    for (const check of verification.checks) console.log(`${check.ok ? 'ok    ' : 'FAILED'} ${check.name}: ${check.message}`);
    if (!restored) {
      console.error('The backup did not pass its checks, so nothing was replaced.');
      return false;
    }
    console.log(`Restored ${verification.backupName} (made ${verification.createdAt}) into ${resolve(args.folder)}.`);
    console.log('Sign in with a password that was valid when the backup was made.');
    return true;
  } catch (error) {
    if (error instanceof AppError) throw new CliError(describeFailure({ code: error.code, message: error.message, fields: error.fields }));
    throw error;
  }
}
