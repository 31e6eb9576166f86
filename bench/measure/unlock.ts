import { join } from 'node:path';
import { deriveKey } from '../../src/main/keys/kdf';
import { findUserSlot, readKeyring } from '../../src/main/keys/keyring';
import { WorkspaceSession } from '../../src/main/services/workspace-session';
import { fixedClock } from '../dataset/generate';
import type { BenchContext } from './context';
import { openPlainDatabase } from './plain-store';
import { callRouter } from './router-call';
import { summarise, type Summary } from './timing';

/**
 * Unlock: signing in through the router on a locked workspace (key derivation, unwrapping the data
 * key, opening SQLCipher, the schema check, settings, the sign-in audit entry). Most of it is the
 * deliberately slow scrypt (docs/security.md), so the baseline does the same derivation, then opens
 * the plain copy and reads the user's row: the ratio shows what unlocking adds beyond those.
 */
export async function measureUnlock(context: BenchContext, plainPath: string, runs: number): Promise<{ service: Summary; baseline: Summary }> {
  const keyring = readKeyring(join(context.workspaceFolder, 'keyring.json'));
  const slot = keyring && findUserSlot(keyring, context.worker.username);
  if (!slot) throw new Error('The benchmark worker has no key slot');
  const clock = fixedClock(`${context.today}T09:00:00.000Z`);
  const service: number[] = [];
  const baseline: number[] = [];
  // One round more than counted: the first warms the file cache. Closing is not part of unlocking.
  for (let round = 0; round <= runs; round += 1) {
    const session = new WorkspaceSession({ folder: context.workspaceFolder, clock, idleMillisecondsOverride: Number.MAX_SAFE_INTEGER });
    let started = performance.now();
    try {
      await callRouter(session, 'session.signIn', { username: context.worker.username, password: context.manifest.password });
      if (round > 0) service.push(performance.now() - started);
    } finally {
      await session.close();
    }
    started = performance.now();
    const key = await deriveKey(context.manifest.password, slot.kdf);
    key.fill(0);
    const db = openPlainDatabase(plainPath);
    try {
      db.prepare('SELECT * FROM users WHERE id = ?').get(context.worker.id);
      if (round > 0) baseline.push(performance.now() - started);
    } finally {
      db.close();
    }
  }
  return { service: summarise(service), baseline: summarise(baseline) };
}
