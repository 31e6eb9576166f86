import { z } from 'zod';

/**
 * Every failure crosses the bridge as one of these codes, never as a stack trace.
 * The renderer decides what to show from the code; the message is already plain English.
 */
export const ERROR_CODES = [
  'invalid_input',
  'forbidden',
  'locked',
  'not_found',
  'conflict',
  'wrong_credentials',
  'too_many_attempts',
  'workspace_unreadable',
  'export_failed',
  'cancelled',
  'unknown_channel',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});
export type ApiErrorShape = z.infer<typeof apiErrorSchema>;

/** What every channel returns: data, or a structured error. Promise rejections are never used. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorShape };
