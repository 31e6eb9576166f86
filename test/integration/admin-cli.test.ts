import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openSlot, readKeyring } from '../../src/main/keys/keyring';
import { tempFolder } from '../support/workspace';

const run = promisify(execFile);
const CLI = resolve('src/main/cli/index.ts');
const TSX = resolve('node_modules/tsx/dist/cli.mjs');
const PASSWORD = 'practice it strong password';

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [TSX, CLI, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the admin CLI', () => {
  it('creates a workspace non-interactively, prints the recovery key once, and verifies it', async () => {
    const folder = join(tempFolder(), 'workspace');
    const init = await cli(['init', '--folder', folder, '--name', 'Brook Lane PCN', '--admin', 'it.admin', '--admin-name', 'Ivy Tech'], { LINKDESK_ADMIN_PASSWORD: PASSWORD });
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/Recovery key: [0-9A-Z]{4}(-[0-9A-Z]{4}){7}/);
    expect(init.stdout).not.toContain(PASSWORD);

    const verify = await cli(['verify', '--folder', folder, '--user', 'it.admin'], { LINKDESK_PASSWORD: PASSWORD });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('Database integrity: ok');
    expect(verify.stdout).toMatch(/Audit log: ok/);
  });

  it('names every wrong option and creates nothing', async () => {
    const folder = join(tempFolder(), 'workspace');
    const init = await cli(['init', '--folder', folder, '--name', 'x', '--admin', 'not valid!'], { LINKDESK_ADMIN_PASSWORD: 'short' });
    expect(init.code).toBe(1);
    expect(init.stderr).toContain('--name: Enter the PCN or practice name');
    expect(init.stderr).toContain('--admin: Use letters, numbers, dots, dashes or underscores only');
    expect(init.stderr).toContain('--admin-name: Enter a name');
    expect(init.stderr).toContain('password: Use at least 12 characters');
    expect(existsSync(folder)).toBe(false);
    const unknown = await cli(['init', '--colour', 'blue']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/colour/);
  });

  it('reports a wrong password and a tampered audit log with exit code 1', async () => {
    const folder = join(tempFolder(), 'workspace');
    await cli(['init', '--folder', folder, '--name', 'Brook Lane PCN', '--admin', 'it.admin', '--admin-name', 'Ivy Tech'], { LINKDESK_ADMIN_PASSWORD: PASSWORD });
    const wrong = await cli(['verify', '--folder', folder, '--user', 'it.admin'], { LINKDESK_PASSWORD: 'not the password at all' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Wrong user name or password.');

    // Someone with the key edits an audit entry around the append-only trigger.
    const ring = readKeyring(join(folder, 'keyring.json'))!;
    const dataKey = await openSlot(ring.workspaceId, ring.slots.find((slot) => slot.kind === 'user')!, PASSWORD);
    const db = new Database(join(folder, 'linkdesk.db'));
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${dataKey!.toString('hex')}'"`);
    db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'settings.updated' WHERE id = 1;`);
    db.close();

    const tampered = await cli(['verify', '--folder', folder, '--user', 'it.admin'], { LINKDESK_PASSWORD: PASSWORD });
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/Audit log: FAILED .*entry 1/);
  });
});
