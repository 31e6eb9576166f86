import { resolve } from 'node:path';
import { router } from '../../ipc';
import { checkDatabaseIntegrity } from '../../services/integrity';
import { WorkspaceSession } from '../../services/workspace-session';
import { CliError, readSecret } from '../read-secret';
import { describeFailure, type CommandArgs } from './shared';

export const VERIFY_USAGE = `npm run cli -- verify --folder <path> --user <admin user name>
  The password comes from LINKDESK_PASSWORD or the first line of standard input.
  Checks the database file's integrity and the audit log's hash chain; exits 1 if either fails.`;

/** Signs in as an admin, then checks the file and the audit chain. The check itself is audited. */
export async function verify(args: CommandArgs): Promise<boolean> {
  if (!args.folder || !args.user) throw new CliError(`--folder and --user are required.\n${VERIFY_USAGE}`);
  const session = new WorkspaceSession({ folder: resolve(args.folder) });
  try {
    const signIn = await router(session, 'session.signIn', { username: args.user, password: await readSecret('LINKDESK_PASSWORD', 'Password: ') });
    if (!signIn.ok) throw new CliError(describeFailure(signIn.error));
    const integrity = checkDatabaseIntegrity(session.requireUnlocked().raw);
    console.log(integrity.ok ? 'Database integrity: ok' : `Database integrity: FAILED\n  ${integrity.problems.slice(0, 10).join('\n  ')}`);
    const chain = await router(session, 'audit.verify', {});
    if (!chain.ok) throw new CliError(describeFailure(chain.error));
    const report = chain.data as { ok: boolean; message: string };
    console.log(`Audit log: ${report.ok ? 'ok' : 'FAILED'} — ${report.message}`);
    await router(session, 'session.signOut', {});
    return integrity.ok && report.ok;
  } finally {
    await session.close();
  }
}
