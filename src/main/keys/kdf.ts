import { scrypt, type ScryptOptions } from 'node:crypto';

/**
 * Password-based key derivation. docs/security.md states these numbers and a test holds the two
 * together. N = 2^17 with r = 8 costs 128 MiB of memory per guess, which is what makes an offline
 * attack on a stolen keyring expensive; p = 1 keeps a legitimate unlock well under a second here.
 */
export const KDF_PARAMS = Object.freeze({
  algorithm: 'scrypt' as const,
  N: 131072,
  r: 8,
  p: 1,
  keyLength: 32,
  saltLength: 16,
});

export interface KdfRecord {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string; // base64
}

// scrypt needs 128 * N * r bytes; Node's default ceiling (32 MiB) is far below that.
const MAX_MEMORY = 256 * 1024 * 1024;

/**
 * Whether scrypt can run a stored record's parameters here: N a power of two, and the memory it
 * needs (OpenSSL's count, 128 * r * (N + 2 + p) bytes) within MAX_MEMORY. A record that fails this
 * was edited by hand or damaged; refusing it up front gives a clear error rather than a crash.
 */
export function kdfWithinLimits(record: Pick<KdfRecord, 'N' | 'r' | 'p'>): boolean {
  return Number.isInteger(Math.log2(record.N)) && record.p <= 16 && 128 * record.r * (record.N + 2 + record.p) <= MAX_MEMORY;
}

/** Derives a wrapping key. Runs on libuv's thread pool, so the main thread stays responsive. */
export function deriveKey(secret: string, record: KdfRecord): Promise<Buffer> {
  const options: ScryptOptions = { N: record.N, r: record.r, p: record.p, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), Buffer.from(record.salt, 'base64'), KDF_PARAMS.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
