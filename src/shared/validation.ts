import { z } from 'zod';

/**
 * Field rules shared by the renderer's forms and the main process's IPC validation, so both
 * sides refuse the same input with the same words.
 */
export const PASSWORD_MIN_LENGTH = 12;

/** A text field whose "missing" and "not text" messages name the problem in plain English. */
function text(whenMissing: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? whenMissing : 'Must be text') });
}

export const passwordSchema = text('Enter a password')
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters; three random words work well`)
  .max(256, 'Use at most 256 characters');

/** Only for checking a password someone types to sign in: the length rules apply when it is set. */
export const enteredPasswordSchema = text('Enter your password').min(1, 'Enter your password').max(256, 'Use at most 256 characters');

export const usernameSchema = text('Enter a user name')
  .trim()
  .min(3, 'Use at least 3 characters')
  .max(40, 'Use at most 40 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'Use letters, numbers, dots, dashes or underscores only');

export const displayNameSchema = text('Enter a name')
  .trim()
  .min(1, 'Enter a name')
  .max(80, 'Use at most 80 characters')
  .regex(/^[^\p{Cc}]*$/u, 'Remove control characters');

export const workspaceNameSchema = text('Enter the PCN or practice name')
  .trim()
  .min(2, 'Enter the PCN or practice name')
  .max(120, 'Use at most 120 characters')
  .regex(/^[^\p{Cc}]*$/u, 'Remove control characters');

export const recoveryKeySchema = text('Enter the recovery key')
  .trim()
  .min(1, 'Enter the recovery key')
  .max(80, 'A recovery key has 32 letters and numbers');

export const IDLE_MINUTES_MIN = 1;
export const IDLE_MINUTES_MAX = 60;
export const IDLE_MINUTES_DEFAULT = 10;
export const idleMinutesSchema = z
  .number({ error: 'Enter a number of minutes' })
  .int('Use a whole number of minutes')
  .min(IDLE_MINUTES_MIN, `Use at least ${IDLE_MINUTES_MIN} minute`)
  .max(IDLE_MINUTES_MAX, `Use at most ${IDLE_MINUTES_MAX} minutes`);

export const idSchema = z.uuid('Not a valid record id');
