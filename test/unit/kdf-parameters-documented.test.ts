import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { KDF_PARAMS } from '../../src/main/keys/kdf';
import { generateRecoveryKey } from '../../src/main/keys/recovery-key';
import { adminWorkspace, readKeyringFile } from '../support/workspace';

const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');

/** The "Key derivation" section of docs/security.md, up to the next second-level heading. */
function section(title: string): string {
  const start = doc.indexOf(`\n## ${title}\n`);
  expect(start, `docs/security.md has a "## ${title}" section`).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

/** The value cell of a row of the section's table, by its first cell. */
function row(text: string, label: string): string {
  const match = text.match(new RegExp(`^\\|\\s*${label.replace(/[()]/g, '\\$&')}\\s*\\|\\s*(.+?)\\s*\\|\\s*$`, 'm'));
  expect(match, `the Key derivation table has a "${label}" row`).not.toBeNull();
  return match![1]!;
}

function leadingNumber(cell: string): number {
  return Number(cell.match(/^\d+/)![0]);
}

const keyDerivation = section('Key derivation');
const stated = {
  algorithm: row(keyDerivation, 'Algorithm').split(/\s/)[0],
  N: leadingNumber(row(keyDerivation, 'N (cost)')),
  NPower: Number(row(keyDerivation, 'N (cost)').match(/\(2\^(\d+)\)/)![1]),
  r: leadingNumber(row(keyDerivation, 'r (block size)')),
  p: leadingNumber(row(keyDerivation, 'p (parallelism)')),
  keyBytes: leadingNumber(row(keyDerivation, 'Derived key length')),
  keyBits: Number(row(keyDerivation, 'Derived key length').match(/\((\d+) bits\)/)![1]),
  saltBytes: leadingNumber(row(keyDerivation, 'Salt')),
  memoryMiB: leadingNumber(row(keyDerivation, 'Memory per derivation')),
  wrapping: row(keyDerivation, 'Key wrapping'),
  recovery: row(keyDerivation, 'Recovery key'),
};

describe('docs/security.md states the key derivation the code uses', () => {
  it('gives the same scrypt parameters as KDF_PARAMS', () => {
    expect(stated.algorithm).toBe(KDF_PARAMS.algorithm);
    expect(stated.N).toBe(KDF_PARAMS.N);
    expect(2 ** stated.NPower).toBe(KDF_PARAMS.N);
    expect(stated.r).toBe(KDF_PARAMS.r);
    expect(stated.p).toBe(KDF_PARAMS.p);
    expect(stated.keyBytes).toBe(KDF_PARAMS.keyLength);
    expect(stated.keyBits).toBe(KDF_PARAMS.keyLength * 8);
    expect(stated.saltBytes).toBe(KDF_PARAMS.saltLength);
    // scrypt's working memory is 128 * N * r bytes.
    expect(stated.memoryMiB * 1024 * 1024).toBe(128 * KDF_PARAMS.N * KDF_PARAMS.r);
    expect(stated.wrapping).toMatch(/^AES-256-GCM, 12-byte random nonce, 16-byte tag, with associated data$/);
  });

  it('describes the recovery key that set-up generates: 160 bits in 8 groups of 4 Crockford base32 symbols', () => {
    const [, bits, symbols, groups, groupLength] = stated.recovery.match(/^(\d+) bits, (\d+) Crockford base32 symbols in (\d+) groups of (\d+)$/)!;
    expect(Number(symbols) * 5).toBe(Number(bits));
    expect(Number(groups) * Number(groupLength)).toBe(Number(symbols));
    const key = generateRecoveryKey();
    expect(key).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${groupLength}}(-[0-9A-HJKMNP-TV-Z]{${groupLength}}){${Number(groups) - 1}}$`));
  });

  it('matches what a real keyring records after set-up, for the admin slot and the recovery slot', async () => {
    const { folder } = await adminWorkspace();
    const keyring = readKeyringFile(folder);
    expect(keyring.slots.map((slot) => slot.kind).sort()).toEqual(['recovery', 'user']);
    const salts = new Set<string>();
    for (const slot of keyring.slots) {
      expect(slot.kdf.algorithm).toBe(stated.algorithm);
      expect(slot.kdf.N).toBe(stated.N);
      expect(slot.kdf.r).toBe(stated.r);
      expect(slot.kdf.p).toBe(stated.p);
      expect(Buffer.from(slot.kdf.salt, 'base64')).toHaveLength(stated.saltBytes);
      salts.add(slot.kdf.salt);
      // The wrapped data key: AES-256-GCM of 32 bytes, a 12-byte nonce and a 16-byte tag.
      expect(Buffer.from(slot.wrapped.ciphertext, 'base64')).toHaveLength(32);
      expect(Buffer.from(slot.wrapped.nonce, 'base64')).toHaveLength(12);
      expect(Buffer.from(slot.wrapped.tag, 'base64')).toHaveLength(16);
    }
    expect(salts.size).toBe(keyring.slots.length);
  });
});
