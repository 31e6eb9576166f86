import { parseArgs } from 'node:util';
import { backup, BACKUP_USAGE } from './commands/backup';
import { demo, DEMO_USAGE } from './commands/demo';
import { init, INIT_USAGE } from './commands/init';
import { restore, RESTORE_USAGE } from './commands/restore';
import { verify, VERIFY_USAGE } from './commands/verify';
import { CliError } from './read-secret';

/**
 * The admin CLI for practice IT staff: `npm run cli -- <command> [options]`. It calls the same
 * router and services as the app, so it follows the same validation, roles and audit.
 */
const USAGE = `Linkdesk admin commands:

${INIT_USAGE}

${VERIFY_USAGE}

${DEMO_USAGE}

${BACKUP_USAGE}

${RESTORE_USAGE}
`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values: parsed } = parseArgs({
    args: rest,
    options: {
      folder: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
      user: { type: 'string' },
      people: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      'recovery-key': { type: 'boolean' },
    },
    strict: true,
  });
  const { 'recovery-key': useRecoveryKey, ...values } = parsed;
  switch (command) {
    case 'init':
      await init(values);
      return 0;
    case 'demo':
      await demo(values);
      return 0;
    case 'verify':
      return (await verify(values)) ? 0 : 1;
    case 'backup':
      await backup(values);
      return 0;
    case 'restore':
      return (await restore(values, { useRecoveryKey: useRecoveryKey === true })) ? 0 : 1;
    default:
      console.log(USAGE);
      return command === undefined || command === 'help' ? 0 : 2;
  }
}

process.env.LINKDESK_SILENT ??= '1';
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CliError || (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(error.message);
      process.exit(1);
    }
    console.error('Linkdesk could not complete that command.', error instanceof Error ? error.name : '');
    if (process.env.LINKDESK_DEBUG === '1') console.error(error);
    process.exit(1);
  },
);
