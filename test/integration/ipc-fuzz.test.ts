import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { router } from '../../src/main/ipc';
import { openEncryptedDatabase } from '../../src/main/store/open-database';
import { workspaceFiles } from '../../src/main/store/workspace-files';
import type { WorkspaceSession } from '../../src/main/services/workspace-session';
import { contract } from '../../src/shared/ipc/contract';
import { channelNames } from '../../src/shared/ipc/bridge';
import type { ChannelSpec } from '../../src/shared/ipc/channel';
import { apiErrorSchema } from '../../src/shared/ipc/errors';
import { addUser, adminWorkspace, insertPerson, ok, signedInSession, tableHashes } from '../support/workspace';
import { hostilePayload } from '../support/hostile-input';

const RUNS_PER_CHANNEL = 400;

const envelopeSchema = z.union([z.strictObject({ ok: z.literal(true), data: z.unknown() }), z.strictObject({ ok: z.literal(false), error: apiErrorSchema.strict() })]);

function spec(name: string): ChannelSpec {
  const [area, action] = name.split('.') as [keyof typeof contract, string];
  return (contract[area] as Record<string, ChannelSpec>)[action]!;
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

/** Sends hostile payloads (never valid input) to every channel; returns how many were sent. */
async function fuzzEveryChannel(sessionFor: (name: string) => WorkspaceSession, expectedCode: (name: string) => 'invalid_input' | 'locked'): Promise<number> {
  let sent = 0;
  for (const name of channelNames()) {
    const { input } = spec(name);
    const session = sessionFor(name);
    await fc.assert(
      fc.asyncProperty(
        hostilePayload(input).filter((payload) => !input.safeParse(payload).success),
        async (payload) => {
          sent += 1;
          let response: unknown;
          try {
            response = await router(session, name, payload);
          } catch (error) {
            throw new Error(`the router threw for ${name}: ${String(error)}`, { cause: error });
          }
          expect(envelopeSchema.safeParse(response).error, name).toBeUndefined();
          // Checked on the response itself: a parsed copy would drop a field named "__proto__".
          const envelope = response as z.infer<typeof envelopeSchema>;
          expect(envelope.ok, name).toBe(false);
          if (envelope.ok) return;
          expect(envelope.error.code, name).toBe(expectedCode(name));
          if (envelope.error.code === 'invalid_input') expect(Object.keys(envelope.error.fields ?? {}).length, name).toBeGreaterThan(0);
          // The error crosses the bridge as plain data and never echoes the (possibly huge) input back.
          const text = JSON.stringify(envelope);
          expect(JSON.parse(text)).toEqual(envelope);
          expect(text.length).toBeLessThan(20_000);
        },
      ),
      { numRuns: RUNS_PER_CHANNEL },
    );
  }
  return sent;
}

describe('IPC fuzzing', () => {
  it('as a signed-in user allowed to call each channel (the admin, or a link worker for casework): every malformed payload to every channel is refused as invalid_input and writes nothing, not even to the audit log', async () => {
    const { folder, session } = await adminWorkspace();
    const worker = await addUser(session, 'link_worker');
    const workerSession = await signedInSession(folder, worker.username, worker.password);
    const supervisor = await addUser(session, 'gp_supervisor');
    const supervisorSession = await signedInSession(folder, supervisor.username, supervisor.password);
    // Casework channels are closed to admins, so a link worker sends those; a GP supervisor sends the few only they may call.
    const sessionFor = (name: string) => {
      const { access } = spec(name);
      if (access === 'anyone' || access.includes('admin')) return session;
      return access.includes('link_worker') ? workerSession : supervisorSession;
    };
    await insertPerson(session, { nhsNumber: '9434765919', givenName: 'Fuzzy', familyName: 'Target' });
    const raw = session.requireUnlocked().raw;
    const before = { tables: tableHashes(raw), files: folderFiles(folder) };
    expect(Object.keys(before.tables)).toEqual(expect.arrayContaining(['audit_log', 'people', 'settings', 'users', 'workspace', 'episodes', 'contacts', 'coding_queue']));

    const sent = await fuzzEveryChannel(sessionFor, () => 'invalid_input');

    expect(session.isUnlocked).toBe(true);
    expect(workerSession.isUnlocked).toBe(true);
    expect(tableHashes(raw)).toEqual(before.tables);
    expect(folderFiles(folder)).toEqual(before.files);
    expect(await ok(session, 'audit.verify')).toMatchObject({ ok: true });
    expect(sent).toBeGreaterThanOrEqual(channelNames().length * RUNS_PER_CHANNEL);
    console.log(`ipc-fuzz: ${sent} malformed payloads to ${channelNames().length} channels as an admin or a link worker`);
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

    const sent = await fuzzEveryChannel(() => session, (name) => (spec(name).access === 'anyone' ? 'invalid_input' : 'locked'));

    expect(session.isUnlocked).toBe(false);
    const after = snapshot();
    expect(after.data).toEqual(before.tables.data);
    expect(after.all).toEqual(before.tables.all);
    expect(folderFiles(folder)).toEqual(before.files);
    console.log(`ipc-fuzz: ${sent} malformed payloads to ${channelNames().length} channels while locked`);
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
