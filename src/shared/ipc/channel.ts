import { z } from 'zod';
import type { Role } from '../roles';

/**
 * Who may call a channel: 'anyone' works while the workspace is locked (set-up, sign-in, status);
 * a list of roles needs a signed-in user with one of those roles.
 */
export type Access = 'anyone' | readonly Role[];

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Whether a call counts as user activity for the idle lock (status polling does not). */
  activity?: boolean;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}

/** The input of channels that take nothing. Strict, so stray keys are refused rather than ignored. */
export const noInput = z.strictObject({});
export const okOutput = z.strictObject({});
