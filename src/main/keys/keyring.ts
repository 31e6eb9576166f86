import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { KDF_PARAMS, deriveKey, kdfWithinLimits, type KdfRecord } from './kdf';
import { unwrapKey, wrapKey } from './wrap';
import { writeFileAtomic } from '../store/atomic-write';
import { WorkspaceOpenError } from '../store/store-error';

/**
 * The keyring holds the workspace's data key, only ever wrapped: once per user under a key derived
 * from that user's password, once under the recovery key. Each slot's context (workspace, slot,
 * user name) is bound in as AES-GCM associated data, so moving or editing a slot is detected.
 */
const kdfSchema = z
  .object({
    algorithm: z.literal('scrypt'),
    N: z.number().int().min(16384),
    r: z.number().int().min(8),
    p: z.number().int().min(1),
    salt: z.string(),
  })
  .refine(kdfWithinLimits);
const wrappedSchema = z.object({ nonce: z.string(), ciphertext: z.string(), tag: z.string() });
const slotSchema = z.object({
  slotId: z.string(),
  kind: z.enum(['user', 'recovery']),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  kdf: kdfSchema,
  wrapped: wrappedSchema,
});
const keyringSchema = z.object({
  format: z.literal('linkdesk-keyring'),
  version: z.literal(1),
  workspaceId: z.string(),
  /** Shown on the sign-in screen before anything is decrypted; a display name, not personal data. */
  workspaceName: z.string(),
  slots: z.array(slotSchema),
});
export type Keyring = z.infer<typeof keyringSchema>;
export type KeySlot = z.infer<typeof slotSchema>;

export function readKeyring(path: string): Keyring | null {
  if (!existsSync(path)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new WorkspaceOpenError('The workspace keyring is damaged. Restore it from a backup, or sign in with the recovery key.');
  }
  const result = keyringSchema.safeParse(parsed);
  if (!result.success) throw new WorkspaceOpenError('The workspace keyring is damaged or was edited by hand.');
  return result.data;
}

export function writeKeyring(path: string, keyring: Keyring): void {
  writeFileAtomic(path, `${JSON.stringify(keyring, null, 2)}\n`);
}

function associatedData(workspaceId: string, slot: Pick<KeySlot, 'slotId' | 'kind' | 'userId' | 'username'>): string {
  return ['linkdesk-keyring-v1', workspaceId, slot.slotId, slot.kind, slot.userId ?? '', (slot.username ?? '').toLowerCase()].join('|');
}

function newKdfRecord(): KdfRecord {
  return { algorithm: 'scrypt', N: KDF_PARAMS.N, r: KDF_PARAMS.r, p: KDF_PARAMS.p, salt: randomBytes(KDF_PARAMS.saltLength).toString('base64') };
}

/** Seals the data key under a secret (a password or the recovery key) into a new slot. */
export async function sealSlot(
  workspaceId: string,
  identity: { kind: 'user'; userId: string; username: string } | { kind: 'recovery' },
  secret: string,
  dataKey: Buffer,
): Promise<KeySlot> {
  const kdf = newKdfRecord();
  const base =
    identity.kind === 'user'
      ? { slotId: `user:${identity.userId}`, kind: 'user' as const, userId: identity.userId, username: identity.username }
      : { slotId: 'recovery', kind: 'recovery' as const, userId: null, username: null };
  const wrappingKey = await deriveKey(secret, kdf);
  try {
    return { ...base, kdf, wrapped: wrapKey(dataKey, wrappingKey, associatedData(workspaceId, base)) };
  } finally {
    wrappingKey.fill(0);
  }
}

/** Opens a slot with its secret; null if the secret is wrong or the slot was tampered with. */
export async function openSlot(workspaceId: string, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const wrappingKey = await deriveKey(secret, slot.kdf);
  try {
    return unwrapKey(slot.wrapped, wrappingKey, associatedData(workspaceId, slot));
  } finally {
    wrappingKey.fill(0);
  }
}

export function findUserSlot(keyring: Keyring, username: string): KeySlot | undefined {
  const wanted = username.toLowerCase();
  return keyring.slots.find((slot) => slot.kind === 'user' && slot.username?.toLowerCase() === wanted);
}

export function recoverySlot(keyring: Keyring): KeySlot | undefined {
  return keyring.slots.find((slot) => slot.kind === 'recovery');
}

/** Replaces (or adds) one user's slot, leaving every other slot byte for byte as it was. */
export function withUserSlot(keyring: Keyring, slot: KeySlot): Keyring {
  return { ...keyring, slots: [...keyring.slots.filter((existing) => existing.slotId !== slot.slotId), slot] };
}

export function withoutUserSlot(keyring: Keyring, userId: string): Keyring {
  return { ...keyring, slots: keyring.slots.filter((slot) => slot.slotId !== `user:${userId}`) };
}

/** Spends the same effort as a real check, so a wrong user name takes as long as a wrong password. */
export async function burnEquivalentEffort(secret: string): Promise<void> {
  const key = await deriveKey(secret, newKdfRecord());
  key.fill(0);
}
