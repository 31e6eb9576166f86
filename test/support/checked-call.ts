import { expect } from 'vitest';
import { z } from 'zod';
import { router } from '../../src/main/ipc';
import type { WorkspaceSession } from '../../src/main/services/workspace-session';
import type { ChannelSpec } from '../../src/shared/ipc/channel';
import { contract } from '../../src/shared/ipc/contract';
import { apiErrorSchema } from '../../src/shared/ipc/errors';

/** Exactly what may cross the bridge: data, or a structured error and nothing more. */
export const envelopeSchema = z.union([z.strictObject({ ok: z.literal(true), data: z.unknown() }), z.strictObject({ ok: z.literal(false), error: apiErrorSchema.strict() })]);
export type CheckedEnvelope = z.infer<typeof envelopeSchema>;

/** A channel's spec from the contract, by its name (`area.action`). */
export function channelSpec(name: string): ChannelSpec {
  const [area, action] = name.split('.') as [keyof typeof contract, string];
  return (contract[area] as Record<string, ChannelSpec>)[action]!;
}

/**
 * Calls a channel through the router with any payload and fails the test if the router throws or
 * answers with anything but an envelope. The envelope is the response itself, not a parsed copy,
 * which would drop a field named "__proto__".
 */
export async function callChecked(session: WorkspaceSession, name: string, payload: unknown): Promise<CheckedEnvelope> {
  let response: unknown;
  try {
    response = await router(session, name, payload);
  } catch (error) {
    throw new Error(`the router threw for ${name}: ${String(error)}`, { cause: error });
  }
  expect(envelopeSchema.safeParse(response).error, name).toBeUndefined();
  return response as CheckedEnvelope;
}
