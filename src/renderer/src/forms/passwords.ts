import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../../../shared/validation';

/** The rule, said the same way under every new-password field. */
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. Three random words work well, for example “kettle orbit meadow”.`;

/** The second box of a "type it twice" pair: only needs to be filled in; the match is checked below. */
export const confirmPasswordSchema = z.string().min(1, 'Type the password again');

/**
 * Arguments for `.refine(...)` on a form schema: the confirmation must equal the password.
 * `when` lets the check run even while other fields still have problems, so people see every
 * issue at once instead of one after another.
 */
export function passwordsMatch(passwordField: string, confirmField: string) {
  const check = (value: Record<string, unknown>) => value[passwordField] === value[confirmField];
  const params = {
    path: [confirmField],
    message: 'The two passwords are not the same',
    when: (payload: { value: unknown }) => {
      const value = payload.value as Record<string, unknown> | null | undefined;
      return typeof value?.[passwordField] === 'string' && typeof value?.[confirmField] === 'string' && value[confirmField] !== '';
    },
  };
  return [check, params] as const;
}
