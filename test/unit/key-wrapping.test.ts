import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { unwrapKey, wrapKey } from '../../src/main/keys/wrap';

describe('wrapping the data key with AES-256-GCM', () => {
  const dataKey = randomBytes(32);
  const wrappingKey = randomBytes(32);
  const context = 'linkdesk-keyring-v1|workspace|user:1|user|1|ada.admin';

  it('gives the data key back with the right key and context, under a fresh nonce each time', () => {
    const first = wrapKey(dataKey, wrappingKey, context);
    const second = wrapKey(dataKey, wrappingKey, context);
    expect(unwrapKey(first, wrappingKey, context)?.equals(dataKey)).toBe(true);
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(Buffer.from(first.ciphertext, 'base64').equals(dataKey)).toBe(false);
  });

  it('refuses a wrong wrapping key, another context, or any changed byte', () => {
    const wrapped = wrapKey(dataKey, wrappingKey, context);
    expect(unwrapKey(wrapped, randomBytes(32), context)).toBeNull();
    expect(unwrapKey(wrapped, wrappingKey, context.replace('ada.admin', 'lw.sneaky'))).toBeNull();
    for (const part of ['nonce', 'ciphertext', 'tag'] as const) {
      const bytes = Buffer.from(wrapped[part], 'base64');
      for (const index of [0, bytes.length - 1]) {
        const changed = Buffer.from(bytes);
        changed[index]! ^= 0x01;
        expect(unwrapKey({ ...wrapped, [part]: changed.toString('base64') }, wrappingKey, context), `${part}[${index}]`).toBeNull();
      }
    }
    expect(unwrapKey({ ...wrapped, tag: '' }, wrappingKey, context)).toBeNull();
  });
});
