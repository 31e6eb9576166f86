import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a key read aloud or copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 8;
const GROUP_LENGTH = 4;
const LENGTH = GROUPS * GROUP_LENGTH; // 32 symbols x 5 bits = 160 bits

/** Random Crockford base32 in dash-separated groups of four, 20 bits per group. */
export function randomCrockfordGroups(groups: number): string {
  const bytes = randomBytes(groups * GROUP_LENGTH);
  const symbols = Array.from(bytes, (byte) => ALPHABET[byte & 31]).join('');
  return symbols.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
}

/** A new recovery key such as `7K2M-Q9XD-...`: 160 random bits, shown once at set-up. */
export function generateRecoveryKey(): string {
  return randomCrockfordGroups(GROUPS);
}

/** Canonical form of a typed recovery key (case, spaces, dashes and look-alike letters forgiven), or null. */
export function normaliseRecoveryKey(typed: string): string | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== LENGTH || [...cleaned].some((symbol) => !ALPHABET.includes(symbol))) return null;
  return cleaned.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
}
