import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../support/workspace';

const run = promisify(execFile);
const CLI = resolve('src/main/cli/index.ts');
const TSX = resolve('node_modules/tsx/dist/cli.mjs');
const PASSWORD = 'practice it strong password';

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [TSX, CLI, ...args], { env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('backup and restore from the admin CLI', () => {
  it('backs up a workspace to a folder and restores it into a new folder, where it verifies and signs in', async () => {
    const base = tempFolder();
    const workspace = join(base, 'workspace');
    const backups = join(base, 'backups');
    const init = await cli(['init', '--folder', workspace, '--name', 'Brook Lane PCN', '--admin', 'it.admin', '--admin-name', 'Ivy Tech'], { LINKDESK_ADMIN_PASSWORD: PASSWORD });
    expect(init.code).toBe(0);
    const recoveryKey = /Recovery key: (\S+)/.exec(init.stdout)![1]!;

    const missing = await cli(['backup', '--folder', workspace, '--user', 'it.admin', '--to', backups], { LINKDESK_PASSWORD: PASSWORD });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--to: This folder does not exist');

    await run('mkdir', [backups]);
    const backup = await cli(['backup', '--folder', workspace, '--user', 'it.admin', '--to', backups], { LINKDESK_PASSWORD: PASSWORD });
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Backup made: .*linkdesk-backup-\d{8}-\d{6}/);
    const [name] = readdirSync(backups);

    const wrong = await cli(['restore', '--folder', join(base, 'copy'), '--from', join(backups, name!), '--user', 'it.admin'], { LINKDESK_PASSWORD: 'not the password at all' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('That user name and password do not open this backup.');

    const restored = await cli(['restore', '--folder', join(base, 'copy'), '--from', join(backups, name!), '--recovery-key'], { LINKDESK_RECOVERY_KEY: recoveryKey });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('ok     Audit log: All');
    expect(restored.stdout).toContain(`Restored ${name}`);

    const verify = await cli(['verify', '--folder', join(base, 'copy'), '--user', 'it.admin'], { LINKDESK_PASSWORD: PASSWORD });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('Database integrity: ok');
    expect(verify.stdout).toMatch(/Audit log: ok/);
  }, 180_000);
});
