import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A data key sealed under a wrapping key with AES-256-GCM; the tag makes any edit detectable. */
export interface WrappedKey {
  nonce: string; // base64, 12 bytes
  ciphertext: string; // base64
  tag: string; // base64, 16 bytes
}

export function wrapKey(dataKey: Buffer, wrappingKey: Buffer, associatedData: string): WrappedKey {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, nonce);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { nonce: nonce.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Returns null when the wrapping key is wrong or the sealed key (or its context) was altered. */
export function unwrapKey(wrapped: WrappedKey, wrappingKey: Buffer, associatedData: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrapped.nonce, 'base64'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
