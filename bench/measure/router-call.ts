import { router } from '../../src/main/ipc';
import type { WorkspaceSession } from '../../src/main/services/workspace-session';

/** A channel called through the real router (validation, roles, audit, output check), as the renderer calls it. */
export async function callRouter<T>(session: WorkspaceSession, channel: string, input: unknown): Promise<T> {
  const result = await router(session, channel, input);
  if (!result.ok) throw new Error(`${channel} refused: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
  return result.data as T;
}
