import type { ApiErrorShape } from '../../../shared/ipc/errors';

export type CommandArgs = Record<string, string | undefined>;

const FIELD_FLAGS: Record<string, string> = {
  workspaceName: '--name',
  adminUsername: '--admin',
  adminDisplayName: '--admin-name',
  adminPassword: 'password',
  username: '--user',
  password: 'password',
  backupPath: '--from',
  recoveryKey: 'recovery key',
};

/** An API error as sentences naming the command-line option at fault. */
export function describeFailure(error: ApiErrorShape): string {
  const lines = [error.message];
  for (const [field, problem] of Object.entries(error.fields ?? {})) lines.push(`  ${FIELD_FLAGS[field] ?? field}: ${problem}`);
  return lines.join('\n');
}
