/**
 * Hostile text in requests that are otherwise right: every channel of the contract (including
 * channels added later, with no edit here) gets payloads that pass its input schema but carry SQL,
 * search syntax, spreadsheet formulas, control characters, emoji and right-to-left text in every
 * text field, and ids of real records. These reach the services. Each call must end in data or a
 * structured error a user can read — never 'internal' (an unexpected exception) — and afterwards
 * the database must pass its integrity, consistency and audit-chain checks.
 */
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../../src/shared/ipc/bridge';
import type { WorkspaceSession } from '../../../src/main/services/workspace-session';
import { casework, personWithEpisode, recordContact } from '../../support/casework';
import { callChecked, channelSpec } from '../../support/checked-call';
import { ok } from '../../support/workspace';
import { validPayloads } from '../../support/valid-payloads';
import { examplePackage, importFiles } from '../directory/support';
import { consistencyProblems } from './consistency';

const PAYLOADS_PER_CHANNEL = Number(process.env.LINKDESK_VALID_FUZZ_RUNS ?? 30);

/** Channels whose valid calls are not fuzzed here, and why. Every other channel is. */
const NOT_FUZZED: Record<string, string> = {
  'workspace.setup': 'creates a workspace (the folder has one already) and derives keys',
  'workspace.setupDemo': 'creates the DEMO workspace; tested on its own',
  'session.signIn': 'derives a key on every call (about half a second); the sign-in tests cover it',
  'session.signOut': 'ends the session the fuzz runs in',
  'session.resetPasswordWithRecoveryKey': 'derives keys on every call',
  'account.changePassword': 'derives keys on every call',
  'users.create': "derives a key for each new user's slot",
  'users.setTemporaryPassword': 'derives keys on every call',
  'users.disable': 'would disable the very users the fuzz signs in as',
  'backup.restore': 'replaces the workspace the fuzz runs in with a backup, and locks it',
};


/** Up to five ids from every table with a text id column, by table: real records for ids to point at. */
function existingIds(session: WorkspaceSession): Map<string, string[]> {
  const raw = session.requireUnlocked().raw;
  const tables = (raw.prepare(`SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'id' AND c.type = 'TEXT')`).all() as { name: string }[]).map(
    (row) => row.name,
  );
  return new Map(tables.map((table) => [table, (raw.prepare(`SELECT id FROM "${table}" LIMIT 5`).all() as { id: string }[]).map((row) => row.id)]));
}

/**
 * The table a field like `personId`, `planVersionId` or `workerUserId` most likely points into,
 * by name: people for a person, otherwise the table named after the id (plan_versions), or after
 * its last word (users). A bare `id` points into the tables of the channel's area.
 */
function idsForField(byTable: Map<string, string[]>, area: string): (field: string) => string[] | undefined {
  return (field) => {
    // A bare `id` is a record of the channel's own area (directory.get: a directory service).
    if (field === 'id') return [...byTable].filter(([table]) => table.startsWith(area) || table.startsWith(area.replace(/s$/, ''))).flatMap(([, ids]) => ids);
    const stem = field.replace(/Ids?$/, '').replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    if (stem === field || stem === '') return undefined;
    for (const name of [stem, stem.split('_').at(-1)!]) {
      const plural = name === 'person' ? 'people' : `${name}s`;
      const table = [...byTable.keys()].find((candidate) => candidate === plural || candidate.endsWith(`_${plural}`) || candidate === name);
      if (table) return byTable.get(table);
    }
    return undefined;
  };
}

describe('hostile text in valid requests', () => {
  it('every channel answers with data or a plain, structured error, and the workspace stays consistent', async () => {
    const work = await casework();
    const sessions = { link_worker: work.worker, gp_supervisor: await work.as('supervisor'), admin: await work.as('admin') };
    // Something real to point at: casework, and the ORUK example directory.
    const { person, episode } = await personWithEpisode(work.worker);
    await recordContact(work.worker, episode.id, { decision: 'accepted' });
    await ok(work.worker, 'people.addNote', { personId: person.id, episodeId: episode.id, text: 'Seed note' });
    await importFiles(sessions.admin, 'csv', examplePackage());
    const internal: string[] = [];
    const sent = new Map<string, number>();
    const outcomes = new Map<string, number>();
    const names = channelNames().filter((name) => !(name in NOT_FUZZED));
    // Two rounds, so the second can point at records the first created (plans, connections, ...).
    for (const round of [1, 2]) {
      for (const [index, name] of names.entries()) {
        const { access, input } = channelSpec(name);
        const session = access === 'anyone' || access.includes('link_worker') ? sessions.link_worker : access.includes('admin') ? sessions.admin : sessions.gp_supervisor;
        const byTable = existingIds(work.worker);
        const context = { ids: [...byTable.values()].flat(), idsFor: idsForField(byTable, name.split('.')[0]!), today: work.clock.now().toISOString().slice(0, 10) };
        const payloads = validPayloads(input, context, Math.ceil(PAYLOADS_PER_CHANNEL / 2), round * 1000 + index);
        sent.set(name, (sent.get(name) ?? 0) + payloads.length);
        for (const payload of payloads) {
          const envelope = await callChecked(session, name, payload);
          const outcome = envelope.ok ? 'ok' : envelope.error.code;
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          if (!envelope.ok && envelope.error.code === 'internal') internal.push(`${name} ${JSON.stringify(payload).slice(0, 300)}`);
        }
        expect(work.worker.isUnlocked, `after ${name}`).toBe(true);
      }
    }

    const total = [...sent.values()].reduce((sum, n) => sum + n, 0);
    const none = [...sent].filter(([, n]) => n === 0).map(([name]) => name);
    console.log(
      `hostile-valid-input: ${total} valid payloads with hostile text to ${names.length} channels (${PAYLOADS_PER_CHANNEL} each at most); outcomes ${JSON.stringify(Object.fromEntries(outcomes))}` +
        (none.length > 0 ? `; no valid payload could be generated for ${none.join(', ')}` : ''),
    );
    expect(internal, 'calls that failed with an unexpected error').toEqual([]);
    expect(consistencyProblems(work.worker.requireUnlocked().raw)).toEqual([]);
    expect(await ok(sessions.admin, 'audit.verify')).toMatchObject({ ok: true });
    expect(total).toBeGreaterThan(names.length * 5);
  }, 240_000);
});
