import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { router } from '../../src/main/ipc';
import { openEncryptedDatabase } from '../../src/main/store/open-database';
import { workspaceFiles } from '../../src/main/store/workspace-files';
import type { WorkspaceSession } from '../../src/main/services/workspace-session';
import { channelNames } from '../../src/shared/ipc/bridge';
import { ROLES, type Role } from '../../src/shared/roles';
import { verifyAuditChain } from '../../src/main/services/audit-log';
import { adminWorkspace, auditRows, insertPerson, ok, tableHashes } from '../support/workspace';
import { casework, personWithEpisode, STAFF, type StaffName } from '../support/casework';
import { hostilePayload } from '../support/hostile-input';
import { callChecked, channelSpec } from '../support/checked-call';

/**
 * Malformed payloads to every channel of the contract, found by walking it (channels added later
 * are fuzzed with no edit here), as each role and while locked. Allowed callers get invalid_input;
 * a role the channel is closed to gets forbidden and one access.denied audit entry; a locked
 * session gets locked. Nothing else changes: every table but the audit log hashes the same, the
 * audit log only grows by those access.denied entries, and the workspace files stay byte for byte.
 * Allowed callers get about PAYLOADS_PER_ROLE payloads in all, shared out over the channels (at
 * least 60 and at most 200 each), so the run time stays put as channels are added;
 * LINKDESK_FUZZ_RUNS sets the number per channel instead. A refusal by role or lock comes before
 * the input is read, so those get a sixth as many.
 */
const PAYLOADS_PER_ROLE = 12_000;
const RUNS_ALLOWED = Number(process.env.LINKDESK_FUZZ_RUNS ?? Math.min(200, Math.max(60, Math.round(PAYLOADS_PER_ROLE / channelNames().length))));
const RUNS_REFUSED = Math.ceil(RUNS_ALLOWED / 6);

type Who = Role | 'locked';
type Verdict = 'invalid_input' | 'forbidden' | 'locked';

const spec = channelSpec;

/** What the contract says a caller gets for input that is wrong. */
function verdictFor(name: string, who: Who): Verdict {
  const { access } = spec(name);
  if (access === 'anyone') return 'invalid_input';
  if (who === 'locked') return 'locked';
  return access.includes(who) ? 'invalid_input' : 'forbidden';
}

function folderFiles(folder: string): Record<string, string> {
  const files = workspaceFiles(folder);
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '(missing)';
    }
  };
  return { keyring: read(files.keyring), signInAttempts: read(files.signInAttempts) };
}

/** Sends hostile payloads (never valid input) to every channel; returns how many, by verdict. */
async function fuzzEveryChannel(session: WorkspaceSession, who: Who): Promise<Record<Verdict, number>> {
  const sent: Record<Verdict, number> = { invalid_input: 0, forbidden: 0, locked: 0 };
  for (const name of channelNames()) {
    const { input } = spec(name);
    const expected = verdictFor(name, who);
    await fc.assert(
      fc.asyncProperty(
        hostilePayload(input).filter((payload) => !input.safeParse(payload).success),
        async (payload) => {
          sent[expected] += 1;
          const envelope = await callChecked(session, name, payload);
          expect(envelope.ok, name).toBe(false);
          if (envelope.ok) return;
          expect(envelope.error.code, `${name} as ${who}`).toBe(expected);
          if (envelope.error.code === 'invalid_input') expect(Object.keys(envelope.error.fields ?? {}).length, name).toBeGreaterThan(0);
          // The error crosses the bridge as plain data and never echoes the (possibly huge) input back.
          const text = JSON.stringify(envelope);
          expect(JSON.parse(text)).toEqual(envelope);
          expect(text.length).toBeLessThan(20_000);
        },
      ),
      { numRuns: expected === 'invalid_input' ? RUNS_ALLOWED : RUNS_REFUSED },
    );
  }
  return sent;
}

const total = (sent: Record<Verdict, number>) => sent.invalid_input + sent.forbidden + sent.locked;

describe('IPC fuzzing', () => {
  it.each(ROLES)('as a signed-in %s: every malformed payload to every channel is refused (invalid_input, or forbidden where the role may not call it) and changes nothing but the access.denied audit entries', async (role) => {
    const work = await casework();
    const name = Object.entries(STAFF).find(([, member]) => member.role === role)![0] as StaffName;
    const session = role === 'link_worker' ? work.worker : await work.as(name);
    await personWithEpisode(work.worker);
    const raw = session.requireUnlocked().raw;
    const before = { tables: tableHashes(raw, { except: ['audit_log'] }), audit: auditRows(raw), files: folderFiles(work.folder) };
    expect(Object.keys(before.tables)).toEqual(expect.arrayContaining(['people', 'settings', 'users', 'workspace', 'episodes', 'contacts', 'coding_queue']));

    const sent = await fuzzEveryChannel(session, role);

    expect(session.isUnlocked).toBe(true);
    expect(tableHashes(raw, { except: ['audit_log'] })).toEqual(before.tables);
    const audit = auditRows(raw);
    expect(audit.slice(0, before.audit.length)).toEqual(before.audit);
    const added = audit.slice(before.audit.length);
    expect(added.filter((row) => row.action !== 'access.denied')).toEqual([]);
    expect(added).toHaveLength(sent.forbidden);
    for (const row of added) {
      const details = JSON.parse(row.details_json) as { channel: string; role: string };
      expect(details.role).toBe(role);
      expect(verdictFor(details.channel, role)).toBe('forbidden');
    }
    expect(verifyAuditChain(raw)).toMatchObject({ ok: true });
    expect(folderFiles(work.folder)).toEqual(before.files);
    expect(sent.invalid_input).toBeGreaterThanOrEqual(channelNames().filter((channel) => verdictFor(channel, role) === 'invalid_input').length * RUNS_ALLOWED);
    console.log(`ipc-fuzz: ${total(sent)} malformed payloads to ${channelNames().length} channels as ${role} (${sent.invalid_input} invalid_input, ${sent.forbidden} forbidden)`);
  });

  it('as a locked session: every malformed payload is refused (locked, or invalid_input on the public channels) and changes no data', async () => {
    const { folder, session } = await adminWorkspace();
    await insertPerson(session, { nhsNumber: '9434765919', givenName: 'Fuzzy', familyName: 'Target' });
    const key = Buffer.from(session.requireUnlocked().dataKey);
    await ok(session, 'session.signOut');
    const snapshot = () => {
      const raw = openEncryptedDatabase(workspaceFiles(folder).database, key, { create: false });
      try {
        return { all: tableHashes(raw), data: tableHashes(raw, { except: ['audit_log'] }) };
      } finally {
        raw.close();
      }
    };
    const before = { tables: snapshot(), files: folderFiles(folder) };

    const sent = await fuzzEveryChannel(session, 'locked');

    expect(session.isUnlocked).toBe(false);
    const after = snapshot();
    expect(after.data).toEqual(before.tables.data);
    expect(after.all).toEqual(before.tables.all);
    expect(folderFiles(folder)).toEqual(before.files);
    console.log(`ipc-fuzz: ${total(sent)} malformed payloads to ${channelNames().length} channels while locked (${sent.invalid_input} invalid_input, ${sent.locked} locked)`);
  });

  it('answers unknown_channel for random channel names', async () => {
    const { session } = await adminWorkspace();
    const known = new Set(channelNames());
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom(...channelNames()).map((name) => `${name}.x`), fc.constantFrom('__proto__.x', 'users.__proto__', 'constructor.name')),
        async (name) => {
          fc.pre(!known.has(name));
          const response = await router(session, name, {});
          expect(response).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
        },
      ),
      { numRuns: 300 },
    );
  });
});
