import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { WorkspaceSession } from '../../src/main/services/workspace-session';
import { nhsCheckDigit } from '../../src/shared/domain/nhs-number';
import type { CaseloadRow, Contact, CreatePersonResult, Episode, PersonSummary } from '../../src/shared/ipc/casework-schemas';
import type { Role } from '../../src/shared/roles';
import { ADMIN, ManualClock, auditRows, newSession, ok, tempFolder, WORKSPACE_NAME, type AuditRow } from './workspace';

/**
 * Casework fixtures. Setting up a workspace and signing people in costs several key derivations,
 * so each test file builds one template workspace (an admin, two link workers, a GP supervisor
 * who supervises both, and a disabled link worker) and every test works on its own copy, signed in with a ManualClock.
 */
export const STAFF = {
  admin: { username: ADMIN.username, password: ADMIN.password, role: 'admin' as Role },
  worker: { username: 'lena.worker', password: 'lena worker long password', role: 'link_worker' as Role },
  otherWorker: { username: 'omar.worker', password: 'omar worker long password', role: 'link_worker' as Role },
  supervisor: { username: 'gita.supervisor', password: 'gita supervisor long password', role: 'gp_supervisor' as Role },
  leaver: { username: 'lou.leaver', password: 'lou leaver long password', role: 'link_worker' as Role },
};
export type StaffName = keyof typeof STAFF;

interface Template {
  folder: string;
  ids: Record<StaffName, string>;
  names: Record<StaffName, string>;
}

let template: Promise<Template> | null = null;
const templateFolders: string[] = [];
afterAll(() => {
  for (const folder of templateFolders) rmSync(folder, { recursive: true, force: true });
});

async function buildTemplate(): Promise<Template> {
  const folder = mkdtempSync(join(tmpdir(), 'linkdesk-casework-template-'));
  templateFolders.push(folder);
  const session = new WorkspaceSession({ folder });
  try {
    await ok(session, 'workspace.setup', { workspaceName: WORKSPACE_NAME, adminUsername: ADMIN.username, adminDisplayName: ADMIN.displayName, adminPassword: ADMIN.password });
    const admin = await ok<{ id: string; displayName: string }>(session, 'session.signIn', { username: ADMIN.username, password: ADMIN.password });
    const ids = { admin: admin.id } as Record<StaffName, string>;
    const names = { admin: admin.displayName } as Record<StaffName, string>;
    for (const name of ['worker', 'otherWorker', 'supervisor', 'leaver'] as const) {
      const member = STAFF[name];
      const displayName = `${member.username.split('.')[0]!.replace(/^./, (c) => c.toUpperCase())} ${name}`;
      const user = await ok<{ id: string }>(session, 'users.create', { username: member.username, displayName, role: member.role, temporaryPassword: member.password });
      ids[name] = user.id;
      names[name] = displayName;
    }
    await ok(session, 'users.disable', { userId: ids.leaver });
    // A GP supervisor reads only the casework of the link workers they supervise: this one supervises both.
    for (const worker of [ids.worker, ids.otherWorker]) await ok(session, 'supervisionPairs.assign', { supervisorUserId: ids.supervisor, workerUserId: worker });
    return { folder, ids, names };
  } finally {
    await session.close();
  }
}

export interface Casework {
  folder: string;
  clock: ManualClock;
  /** The link worker 'worker', signed in. */
  worker: WorkspaceSession;
  ids: Record<StaffName, string>;
  names: Record<StaffName, string>;
  /** Another session on the same workspace and clock, signed in as someone else. */
  as(name: StaffName): Promise<WorkspaceSession>;
}

/** A fresh copy of the template workspace with the link worker signed in at `start`. */
export async function casework(start = '2026-03-02T09:00:00.000Z'): Promise<Casework> {
  template ??= buildTemplate();
  const { folder: source, ids, names } = await template;
  const folder = tempFolder('linkdesk-casework-');
  cpSync(source, folder, { recursive: true });
  const clock = new ManualClock(start);
  const as = async (name: StaffName) => {
    // Tests move the clock by days and weeks; the idle lock is tested elsewhere.
    const session = newSession(folder, { clock, idleMillisecondsOverride: 10 * 365 * 86_400_000 });
    await ok(session, 'session.signIn', { username: STAFF[name].username, password: STAFF[name].password });
    return session;
  };
  return { folder, clock, worker: await as('worker'), ids, names, as };
}

/** Moves a ManualClock on by whole days. */
export function advanceDays(clock: ManualClock, days: number): void {
  clock.advance(days * 86_400_000);
}

/** A valid NHS number made from a seed (the check digit computed, seeds that cannot have one skipped). */
export function nhsNumber(seed: number): string {
  for (let n = seed; ; n += 1) {
    const firstNine = String(400_000_000 + (n % 500_000_000)).padStart(9, '0');
    const check = nhsCheckDigit(firstNine);
    if (check !== null) return `${firstNine}${check}`;
  }
}

export const PERSON = {
  nhsNumber: '943 476 5919',
  givenName: 'Zoë',
  familyName: 'Ångström',
  dateOfBirth: '1954-06-30',
};

export async function createPerson(session: WorkspaceSession, details: Record<string, unknown> = {}): Promise<PersonSummary> {
  const result = await ok<CreatePersonResult>(session, 'people.create', { ...PERSON, ...details });
  if (result.outcome !== 'created') throw new Error(`expected a new person, got ${JSON.stringify(result)}`);
  return result.person;
}

let seed = 1;
/** A person with a unique NHS number and name, so tests do not trip the duplicate check. */
export function uniquePerson(details: Record<string, unknown> = {}): Record<string, unknown> {
  seed += 1;
  return { nhsNumber: nhsNumber(seed * 7919), givenName: `Given${seed}`, familyName: `Family${seed}`, dateOfBirth: '1980-01-15', ...details };
}

export const REFERRAL = { source: 'gp_practice', receivedOn: '2026-03-02', reasons: ['loneliness'] };

export async function createEpisode(session: WorkspaceSession, personId: string, details: Record<string, unknown> = {}): Promise<Episode> {
  return ok<Episode>(session, 'episodes.create', { personId, ...REFERRAL, ...details });
}

/** A person with one referral received on the given date. */
export async function personWithEpisode(session: WorkspaceSession, episode: Record<string, unknown> = {}, person: Record<string, unknown> = {}) {
  const created = await createPerson(session, uniquePerson(person));
  return { person: created, episode: await createEpisode(session, created.id, episode) };
}

export async function recordContact(session: WorkspaceSession, episodeId: string, details: Record<string, unknown> = {}): Promise<Contact> {
  return ok<Contact>(session, 'contacts.record', { episodeId, at: session.clock.now().toISOString(), mode: 'phone', durationMinutes: 20, ...details });
}

export async function episodeOf(session: WorkspaceSession, personId: string, episodeId: string): Promise<Episode> {
  const record = await ok<{ episodes: Episode[] }>(session, 'people.get', { personId });
  const episode = record.episodes.find((e) => e.id === episodeId);
  expect(episode).toBeDefined();
  return episode!;
}

/** The caseload row for an episode, with closed episodes included. */
export async function caseloadRow(session: WorkspaceSession, episodeId: string, query: Record<string, unknown> = {}): Promise<CaseloadRow | undefined> {
  const { rows } = await ok<{ rows: CaseloadRow[] }>(session, 'caseload.list', { page: 0, pageSize: 100, includeClosed: true, ...query });
  return rows.find((row) => row.episodeId === episodeId);
}

export function auditOf(session: WorkspaceSession, action?: string): AuditRow[] {
  const rows = auditRows(session.requireUnlocked().raw);
  return action ? rows.filter((row) => row.action === action) : rows;
}
