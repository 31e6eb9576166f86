import type { Clock } from '../clock';
import { router } from '../ipc';
import { WorkspaceSession } from '../services/workspace-session';
import type { Role } from '../../shared/roles';
import { simulateCaseload } from './simulate-caseload';
import { simulateSupervision } from './simulate-supervision';

/**
 * A complete DEMO workspace for trying Linkdesk: a few staff accounts and a living caseload of
 * synthetic people, built through the real router (so every record passed the same validation and
 * is in the audit log) with the clock moved through the last six months.
 */
export const DEMO_WORKSPACE_NAME = 'DEMO Riverside PCN (synthetic data)';
/** Every demo account has this password. It is printed and shown on screen: demo data only. */
export const DEMO_PASSWORD = 'demo password 2026';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'demo.admin', displayName: 'Dana Admin', role: 'admin' },
  { username: 'amira.khan', displayName: 'Amira Khan', role: 'link_worker' },
  { username: 'tom.hughes', displayName: 'Tom Hughes', role: 'link_worker' },
  { username: 'grace.osei', displayName: 'Grace Osei', role: 'link_worker' },
  { username: 'dr.patel', displayName: 'Dr Neha Patel', role: 'gp_supervisor' },
];

export interface DemoOptions {
  folder: string;
  people?: number;
  seed?: number;
  today?: Date;
  onProgress?: (done: number, total: number) => void;
}

/** A clock the simulation moves forward; the demo sessions never lock while it jumps days. */
export class SimulationClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(moment: Date): void {
    if (moment.getTime() > this.current.getTime()) this.current = moment;
  }
}

export async function call<T>(session: WorkspaceSession, channel: string, input: unknown): Promise<T> {
  const result = await router(session, channel, input);
  if (!result.ok) throw new Error(`Demo data: ${channel} was refused (${result.error.code}): ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
  return result.data as T;
}

const NEVER_IDLE = Number.MAX_SAFE_INTEGER;

export async function createDemoWorkspace(options: DemoOptions): Promise<{ workspaceName: string; password: string; users: DemoUser[]; people: number }> {
  const today = options.today ?? new Date();
  const people = options.people ?? 300;
  const admin = DEMO_USERS[0]!;
  const setupSession = new WorkspaceSession({ folder: options.folder });
  try {
    await call(setupSession, 'workspace.setup', {
      workspaceName: DEMO_WORKSPACE_NAME,
      adminUsername: admin.username,
      adminDisplayName: admin.displayName,
      adminPassword: DEMO_PASSWORD,
    });
    await call(setupSession, 'session.signIn', { username: admin.username, password: DEMO_PASSWORD });
    for (const user of DEMO_USERS.slice(1)) {
      await call(setupSession, 'users.create', { username: user.username, displayName: user.displayName, role: user.role, temporaryPassword: DEMO_PASSWORD });
    }
  } finally {
    await setupSession.close();
  }
  const workers = DEMO_USERS.filter((user) => user.role === 'link_worker');
  let done = 0;
  for (const [index, worker] of workers.entries()) {
    const start = new Date(today.getTime() - 190 * 86_400_000);
    const clock = new SimulationClock(start);
    const session = new WorkspaceSession({ folder: options.folder, clock, idleMillisecondsOverride: NEVER_IDLE });
    try {
      await call(session, 'session.signIn', { username: worker.username, password: DEMO_PASSWORD });
      const share = Math.floor(people / workers.length) + (index < people % workers.length ? 1 : 0);
      await simulateCaseload({
        session,
        clock,
        today,
        people: share,
        seed: (options.seed ?? 2026) + index * 7919,
        nhsNumberOffset: index * 100_000,
        onPersonDone: () => options.onProgress?.(++done, people),
      });
      await call(session, 'session.signOut', {});
    } finally {
      await session.close();
    }
  }
  await simulateSupervision({ folder: options.folder, today, seed: options.seed ?? 2026, users: DEMO_USERS });
  return { workspaceName: DEMO_WORKSPACE_NAME, password: DEMO_PASSWORD, users: [...DEMO_USERS], people };
}
