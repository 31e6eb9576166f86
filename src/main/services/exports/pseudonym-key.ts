import { randomBytes } from 'node:crypto';
import { AppError } from '../../errors';
import type { WorkspaceSession } from '../workspace-session';

/**
 * The workspace's pseudonymisation key: 256 random bits, made the first time an extract needs it
 * and kept in the settings table inside the encrypted database. Extracts replace every person id
 * with an HMAC under this key, so the same person has the same key in every extract (analysts can
 * link rows and extracts) but no one can reverse or recompute it without the key. It is never
 * exported, shown or logged, and the settings channel does not read it.
 */
const SETTING = 'pseudonymisationKey';

export async function pseudonymisationKey(session: WorkspaceSession): Promise<Buffer> {
  const { db } = session.requireUnlocked();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('settings').select('value_json').where('key', '=', SETTING).executeTakeFirst();
    if (row) {
      const hex = JSON.parse(row.value_json) as unknown;
      if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) throw new AppError('internal', 'The pseudonymisation key is damaged. Restore the workspace from a backup.');
      return Buffer.from(hex, 'hex');
    }
    const key = randomBytes(32);
    await trx.insertInto('settings').values({ key: SETTING, value_json: JSON.stringify(key.toString('hex')) }).execute();
    await session.audit({ action: 'export.pseudonym_key_created', entityType: 'workspace' }, trx);
    return key;
  });
}
