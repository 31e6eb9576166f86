import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { router } from '../../src/main/ipc';
import { WorkspaceSession } from '../../src/main/services/workspace-session';
import type { Clock } from '../../src/main/clock';
import type { GeneratorContext, StaffMember } from './context';
import type { Scale } from './scale';
import { GENERATOR_STAGES } from './stages';

/**
 * Builds the benchmark workspace: the real set-up (a new data key, the SQLCipher database, the
 * keyring), staff added through the router, then each generator stage writing through the admin's
 * own encrypted connection. Finally a plain (unencrypted) copy of the very same database, for the
 * raw-SQL baselines and the encrypted-vs-plain comparison.
 */
export const BENCH_PASSWORD = 'benchmark password 2026';
export const WORKSPACE_NAME = 'BENCH Large PCN (synthetic data)';
/** The dataset's today: the generator's clock and the measurements' session clock. */
export const DATASET_TODAY = '2026-11-02';

export interface StaffAccount extends StaffMember {
  role: 'admin' | 'link_worker' | 'gp_supervisor';
}

export interface StageReport {
  name: string;
  seconds: number;
  /** CPU time of this process (all its threads) during the stage: a figure that other work on a shared machine does not inflate. */
  cpuSeconds: number;
  counts: Record<string, number>;
  pending: string | null;
}

export interface Manifest {
  scale: Scale['name'];
  seed: number;
  schemaHash: string;
  today: string;
  generatedAt: string;
  /** Set-up, staff and every stage, to a closed encrypted workspace (the plain copy is extra). */
  generationSeconds: number;
  generationCpuSeconds: number;
  plainCopySeconds: number;
  stages: StageReport[];
  staff: StaffAccount[];
  password: string;
  /** Megabytes on disk of the encrypted database. */
  databaseMegabytes: number;
}

export function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

async function call<T>(session: WorkspaceSession, channel: string, input: unknown): Promise<T> {
  const result = await router(session, channel, input);
  if (!result.ok) throw new Error(`${channel} refused: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
  return result.data as T;
}

async function addStaff(session: WorkspaceSession, scale: Scale, adminId: string): Promise<GeneratorContext['staff'] & { accounts: StaffAccount[] }> {
  const accounts: StaffAccount[] = [{ id: adminId, username: 'bench.admin', displayName: 'Bea Admin', role: 'admin' }];
  const make = async (username: string, displayName: string, role: 'link_worker' | 'gp_supervisor') => {
    const user = await call<{ id: string }>(session, 'users.create', { username, displayName, role, temporaryPassword: BENCH_PASSWORD });
    const account: StaffAccount = { id: user.id, username, displayName, role };
    accounts.push(account);
    return account;
  };
  const workers: StaffMember[] = [];
  for (let n = 1; n <= scale.linkWorkers; n += 1) workers.push(await make(`worker.${String(n).padStart(2, '0')}`, `Link Worker ${n}`, 'link_worker'));
  const supervisors: StaffMember[] = [];
  for (let n = 1; n <= scale.supervisors; n += 1) supervisors.push(await make(`supervisor.${n}`, `Dr Supervisor ${n}`, 'gp_supervisor'));
  return { admin: accounts[0]!, workers, supervisors, accounts };
}

/** Decrypts a copy of the database in place (SQLite3MultipleCiphers' rekey to an empty key). */
function writePlainCopy(encryptedPath: string, plainPath: string, dataKey: Buffer): void {
  rmSync(plainPath, { force: true });
  copyFileSync(encryptedPath, plainPath);
  const db = new Database(plainPath);
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${dataKey.toString('hex')}'"`);
    // Rekeying needs a rollback journal mode; this copy is thrown away if it fails, so no journal.
    db.pragma('journal_mode=OFF');
    db.pragma('synchronous=OFF');
    db.pragma('cache_size=-262144');
    db.pragma(`rekey=''`);
  } finally {
    db.close();
  }
  const check = new Database(plainPath, { readonly: true });
  try {
    check.prepare('SELECT count(*) FROM people').get();
  } finally {
    check.close();
  }
}

export async function generateDataset(options: { folder: string; scale: Scale; seed: number; schemaHash: string; log: (line: string) => void }): Promise<Manifest> {
  const { folder, scale, seed, log } = options;
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const workspaceFolder = join(folder, 'workspace');
  mkdirSync(folder, { recursive: true });
  const clock = fixedClock(`${DATASET_TODAY}T08:00:00.000Z`);
  const session = new WorkspaceSession({ folder: workspaceFolder, clock, idleMillisecondsOverride: Number.MAX_SAFE_INTEGER });
  const stages: StageReport[] = [];
  let dataKey: Buffer | undefined;
  let staffAccounts: StaffAccount[] | undefined;
  try {
    await call(session, 'workspace.setup', { workspaceName: WORKSPACE_NAME, adminUsername: 'bench.admin', adminDisplayName: 'Bea Admin', adminPassword: BENCH_PASSWORD });
    const admin = await call<{ id: string }>(session, 'session.signIn', { username: 'bench.admin', password: BENCH_PASSWORD });
    const staff = await addStaff(session, scale, admin.id);
    staffAccounts = staff.accounts;
    stages.push({ name: 'workspace set-up and staff (through the router)', seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsSince(cpuAtStart), counts: { users: staff.accounts.length }, pending: null });
    const unlocked = session.requireUnlocked();
    const raw = unlocked.raw;
    // Bulk-load settings for this connection only: a large page cache (every page read back costs
    // a decryption) and no journal (each page is then encrypted and written once, not to the WAL
    // and again at checkpoint). A build that fails is thrown away whole, so nothing needs the
    // journal; the file is back in WAL mode before anyone else opens it, and the measurements
    // open it afresh with the app's own settings.
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.pragma('journal_mode=OFF');
    raw.pragma('synchronous=OFF');
    raw.pragma('cache_size=-1048576');
    const context: GeneratorContext = { raw, session, scale, seed, today: DATASET_TODAY, staff, people: [], episodes: [], serviceIds: [], plans: [] };
    for (const stage of GENERATOR_STAGES) {
      const pending = stage.pending?.(raw) ?? null;
      const stageStarted = performance.now();
      const cpuStarted = process.cpuUsage();
      const counts = pending ? {} : await stage.run(context);
      const seconds = (performance.now() - stageStarted) / 1000;
      const cpuSeconds = cpuSecondsSince(cpuStarted);
      stages.push({ name: stage.name, seconds, cpuSeconds, counts, pending });
      log(pending ? `  ${stage.name}: ${pending}` : `  ${stage.name}: ${Object.entries(counts).map(([table, n]) => `${n.toLocaleString('en-GB')} ${table}`).join(', ')} (${seconds.toFixed(1)} s, ${cpuSeconds.toFixed(1)} s CPU)`);
    }
    raw.pragma('journal_mode=WAL');
    raw.pragma('synchronous=FULL');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    dataKey = Buffer.from(unlocked.dataKey);
  } finally {
    await session.close();
  }
  const encryptedPath = join(workspaceFolder, 'linkdesk.db');
  const generationSeconds = (performance.now() - started) / 1000;
  const generationCpuSeconds = cpuSecondsSince(cpuAtStart);
  const plainStarted = performance.now();
  if (!dataKey) throw new Error('The generator finished without the data key');
  try {
    writePlainCopy(encryptedPath, join(folder, 'plain.db'), dataKey);
  } finally {
    dataKey.fill(0);
  }
  log(`  plain copy for the baselines (${((performance.now() - plainStarted) / 1000).toFixed(1)} s)`);
  return {
    scale: scale.name,
    seed,
    schemaHash: options.schemaHash,
    today: DATASET_TODAY,
    generatedAt: new Date().toISOString(),
    generationSeconds,
    generationCpuSeconds,
    plainCopySeconds: (performance.now() - plainStarted) / 1000,
    stages,
    staff: staffAccounts ?? [],
    password: BENCH_PASSWORD,
    databaseMegabytes: Math.round(statSync(encryptedPath).size / 1_048_576),
  };
}
