import { resolve } from 'node:path';
import { contract } from '../../../shared/ipc/contract';
import { router } from '../../ipc';
import { WorkspaceSession } from '../../services/workspace-session';
import { CliError, readSecret } from '../read-secret';
import { describeFailure, type CommandArgs } from './shared';

export const INIT_USAGE = `npm run cli -- init --folder <path> --name "<PCN or practice>" --admin <user name> --admin-name "<full name>"
  The admin's password comes from LINKDESK_ADMIN_PASSWORD or the first line of standard input.
  Prints the recovery key once: store it somewhere safe, away from this PC.`;

/** Creates a workspace without the wizard, for practice IT staff preparing a PC. */
export async function init(args: CommandArgs): Promise<void> {
  const folder = args.folder;
  if (!folder) throw new CliError(`--folder is required.\n${INIT_USAGE}`);
  const input = {
    workspaceName: args.name,
    adminUsername: args.admin,
    adminDisplayName: args['admin-name'],
    adminPassword: await readSecret('LINKDESK_ADMIN_PASSWORD', 'Admin password: '),
  };
  // Validate here too, so a mistake is named before any key derivation starts.
  const checked = contract.workspace.setup.input.safeParse(input);
  if (!checked.success) {
    throw new CliError(describeFailure({ code: 'invalid_input', message: 'Some of the details are not right.', fields: Object.fromEntries(checked.error.issues.map((i) => [i.path.join('.'), i.message])) }));
  }
  const session = new WorkspaceSession({ folder: resolve(folder) });
  try {
    const result = await router(session, 'workspace.setup', checked.data);
    if (!result.ok) throw new CliError(describeFailure(result.error));
    const { recoveryKey } = result.data as { recoveryKey: string };
    console.log(`Workspace "${checked.data.workspaceName}" created in ${resolve(folder)}`);
    console.log(`Admin user: ${checked.data.adminUsername}`);
    console.log('');
    console.log(`Recovery key: ${recoveryKey}`);
    console.log('This is shown once. It is the only way back in if every admin forgets their password.');
  } finally {
    await session.close();
  }
}
