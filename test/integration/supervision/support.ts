import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import type { MyPair, SessionSummary, SessionWorkspace } from '../../../src/shared/ipc/supervision-schemas';
import { casework, type Casework } from '../../support/casework';
import { addUser, newSession, ok } from '../../support/workspace';

/**
 * Supervision fixtures: the casework template (its GP supervisor supervises both link workers),
 * plus a third link worker, "stray", whom nobody supervises.
 */
export interface Supervision extends Casework {
  supervisor: WorkspaceSession;
  stray: WorkspaceSession;
  strayId: string;
  /** The pair (supervisor, worker). */
  pair: MyPair;
}

export async function supervision(start = '2026-03-02T09:00:00.000Z'): Promise<Supervision> {
  const context = await casework(start);
  const admin = await context.as('admin');
  const member = await addUser(admin, 'link_worker', 'sid.stray');
  const stray = newSession(context.folder, { clock: context.clock, idleMillisecondsOverride: 10 * 365 * 86_400_000 });
  await ok(stray, 'session.signIn', { username: member.username, password: member.password });
  const supervisor = await context.as('supervisor');
  const pairs = await ok<MyPair[]>(context.worker, 'supervision.pairs');
  return { ...context, supervisor, stray, strayId: member.id, pair: pairs.find((pair) => pair.supervisor.id === context.ids.supervisor)! };
}

export async function startSession(session: WorkspaceSession, pairId: string, heldOn = '2026-03-02', attendees = ['Lena worker', 'Gita supervisor']): Promise<SessionSummary> {
  return ok<SessionSummary>(session, 'supervision.create', { pairId, heldOn, attendees });
}

export async function workspaceOf(session: WorkspaceSession, sessionId: string): Promise<SessionWorkspace> {
  return ok<SessionWorkspace>(session, 'supervision.get', { sessionId });
}
