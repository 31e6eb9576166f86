import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDemoWorkspace } from '../../demo/demo-workspace';
import { ROLE_LABELS } from '../../../shared/roles';
import { CliError } from '../read-secret';
import type { CommandArgs } from './shared';

export const DEMO_USAGE = `npm run cli -- demo --folder <path> [--people 300]
  Creates a DEMO workspace of synthetic people (NHS numbers from the 999 test range) with staff
  accounts to sign in as. Then: npm run harness -- <path>   (or point the app at it).`;

export async function demo(args: CommandArgs): Promise<void> {
  if (!args.folder) throw new CliError(`--folder is required.\n${DEMO_USAGE}`);
  const folder = resolve(args.folder);
  if (existsSync(folder) && readdirSync(folder).length > 0) throw new CliError(`${folder} is not empty. Choose a new folder for the demo workspace.`);
  const people = args.people === undefined ? 300 : Number(args.people);
  if (!Number.isInteger(people) || people < 1 || people > 5000) throw new CliError('--people must be a whole number from 1 to 5000.');
  let lastShown = -1;
  const result = await createDemoWorkspace({
    folder,
    people,
    onProgress: (done, total) => {
      const percent = Math.floor((done / total) * 100);
      if (percent % 10 === 0 && percent !== lastShown) {
        lastShown = percent;
        process.stderr.write(`  ${percent}% (${done} of ${total} people)\n`);
      }
    },
  });
  console.log(`Demo workspace "${result.workspaceName}" created in ${folder} with ${result.people} synthetic people.`);
  console.log('Sign in as any of these (every password is the same, demo only):');
  for (const user of result.users) console.log(`  ${user.username.padEnd(12)} ${ROLE_LABELS[user.role].padEnd(14)} ${user.displayName}`);
  console.log(`  password: ${result.password}`);
}
