import { resolve } from 'node:path';
import { router } from '../../ipc';
import { WorkspaceSession } from '../../services/workspace-session';
import { CliError, readSecret } from '../read-secret';
import { describeFailure, type CommandArgs } from './shared';

export const BACKUP_USAGE = `npm run cli -- backup --folder <workspace> --user <admin user name> [--to <backup folder>]
  The password comes from LINKDESK_PASSWORD or the first line of standard input.
  Makes an encrypted backup (a folder named linkdesk-backup-<date>-<time>) in the backup folder
  chosen in the app, or in --to, which is then remembered as the backup folder. Keeps the newest N.`;

/** Signs in as an admin and backs up through the same router as the app, so it is audited alike. */
export async function backup(args: CommandArgs): Promise<void> {
  if (!args.folder || !args.user) throw new CliError(`--folder and --user are required.\n${BACKUP_USAGE}`);
  const session = new WorkspaceSession({ folder: resolve(args.folder) });
  try {
    const signIn = await router(session, 'session.signIn', { username: args.user, password: await readSecret('LINKDESK_PASSWORD', 'Password: ') });
    if (!signIn.ok) throw new CliError(describeFailure(signIn.error));
    if (args.to) {
      const current = await router(session, 'backup.settings', {});
      if (!current.ok) throw new CliError(describeFailure(current.error));
      const { schedule, keep } = current.data as { schedule: unknown; keep: number };
      const saved = await router(session, 'backup.updateSettings', { folder: resolve(args.to), schedule, keep });
      if (!saved.ok) throw new CliError(describeFailure(saved.error).replace(/^ {2}folder:/m, '  --to:'));
    }
    const made = await router(session, 'backup.run', {});
    if (!made.ok) throw new CliError(describeFailure(made.error));
    const result = made.data as { name: string; path: string; bytes: number; removed: number; milliseconds: number };
    console.log(`Backup made: ${result.path}`);
    console.log(`  ${(result.bytes / 1024 / 1024).toFixed(1)} MiB in ${(result.milliseconds / 1000).toFixed(1)} s; ${result.removed} older backup(s) removed.`);
    console.log('  It opens with the passwords and recovery key valid today; keep it as safe as the workspace.');
    await router(session, 'session.signOut', {});
  } finally {
    await session.close();
  }
}
