import { describe, expect, it } from 'vitest';
import { generateRecoveryKey, normaliseRecoveryKey } from '../../src/main/keys/recovery-key';

const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/;

describe('recovery keys', () => {
  it('are 32 Crockford base32 symbols (160 bits) in 8 groups of 4, different every time', () => {
    const keys = Array.from({ length: 200 }, generateRecoveryKey);
    for (const key of keys) expect(key).toMatch(FORMAT);
    expect(new Set(keys).size).toBe(keys.length);
    // Every symbol of the alphabet turns up: the 5 bits per symbol are all used.
    expect(new Set(keys.join('').replaceAll('-', '')).size).toBe(32);
  });

  it('forgive case, spaces, missing dashes and the look-alikes O, I and L when typed back', () => {
    const key = '7K2M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV-WXYZ';
    expect(normaliseRecoveryKey(key)).toBe(key);
    expect(normaliseRecoveryKey('7k2m q9xd oaib cdef ghjk mnpq rstv wxyz')).toBe(key);
    expect(normaliseRecoveryKey('7K2MQ9XD0ALBCDEFGHJKMNPQRSTVWXYZ')).toBe(key);
    expect(normaliseRecoveryKey('  7K2M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV-WXYZ\n')).toBe(key);
  });

  it('refuse anything that cannot be a recovery key', () => {
    for (const typed of ['', 'not a key', '7K2M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV-WXY', '7K2M-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV-WXYZ0', 'UUUU-Q9XD-0A1B-CDEF-GHJK-MNPQ-RSTV-WXYZ', '7K2M_Q9XD_0A1B_CDEF_GHJK_MNPQ_RSTV_WXYZ']) {
      expect(normaliseRecoveryKey(typed), typed).toBeNull();
    }
  });
});
