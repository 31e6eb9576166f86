import type { z } from 'zod';
import type { ChannelSpec } from '../../shared/ipc/channel';
import { contract, type Area, type Contract } from '../../shared/ipc/contract';
import type { ApiErrorShape, Envelope } from '../../shared/ipc/errors';
import { AppError, ForbiddenError } from '../errors';
import { DAMAGED_DATABASE_MESSAGE, isDamagedDatabase, storageFailureMessage, WorkspaceOpenError } from '../store/store-error';
import type { WorkspaceSession } from '../services/workspace-session';
import { logger } from '../logger';

export type Handler<S extends ChannelSpec> = (input: z.output<S['input']>, session: WorkspaceSession) => Promise<z.input<S['output']>>;

/** One handler per contract channel; the type makes a missing or mistyped handler a compile error. */
export type Handlers = {
  [A in Area]: { [K in keyof Contract[A]]: Contract[A][K] extends ChannelSpec ? Handler<Contract[A][K]> : never };
};

export type Router = (session: WorkspaceSession, channelName: string, rawInput: unknown) => Promise<Envelope<unknown>>;

function fail(code: ApiErrorShape['code'], message: string, fields?: Record<string, string>, retryAfterSeconds?: number): Envelope<never> {
  const error: ApiErrorShape = { code, message };
  if (fields && Object.keys(fields).length > 0) error.fields = fields;
  if (retryAfterSeconds !== undefined) error.retryAfterSeconds = retryAfterSeconds;
  return { ok: false, error };
}

/**
 * Zod issues as `{ 'field.path': 'what is wrong' }`, the first problem per field. A stray key is
 * named as its own field. Built from entries, so a field called `__proto__` or `constructor` is
 * reported like any other instead of touching the object's prototype.
 */
function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields = new Map<string, string>();
  const add = (path: readonly PropertyKey[], message: string) => {
    const name = path.map(String).join('.') || '(input)';
    if (!fields.has(name)) fields.set(name, message);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add([...issue.path, key], 'Not a field of this request');
    else add(issue.path, issue.message);
  }
  return Object.fromEntries(fields);
}

/** The one way a refusal is answered: `forbidden`, with an access.denied audit entry (ids only). */
async function deny(session: WorkspaceSession, channelName: string, message: string, entity?: { type: string; id: string }): Promise<Envelope<never>> {
  const { role } = session.requireUnlocked().user;
  await session.audit({ action: 'access.denied', ...(entity ? { entityType: entity.type, entityId: entity.id } : {}), details: { channel: channelName, role } });
  return fail('forbidden', message);
}

function lookup(channelName: string): ChannelSpec | null {
  if (typeof channelName !== 'string') return null;
  const [area, action, ...rest] = channelName.split('.');
  if (!area || !action || rest.length > 0 || !Object.hasOwn(contract, area)) return null;
  const actions = contract[area as Area] as Record<string, ChannelSpec>;
  return Object.hasOwn(actions, action) ? actions[action]! : null;
}

/**
 * The one router: Electron's ipcMain.handle and the test harness both call it. In order: find the
 * channel, check the session and role, validate the input, run the handler, validate the output,
 * and turn every failure into a structured error.
 */
export function createRouter(handlers: Handlers): Router {
  return async (session, channelName, rawInput) => {
    const spec = lookup(channelName);
    if (!spec) return fail('unknown_channel', 'Linkdesk does not know that request.');
    const [area, action] = channelName.split('.') as [Area, string];
    try {
      // Enforce the idle limit before anything else, so a late request neither runs nor extends the session.
      await session.checkIdle();
      if (spec.access !== 'anyone') {
        if (!session.isUnlocked) return fail('locked', 'Linkdesk is locked. Sign in to continue.');
        const { role } = session.requireUnlocked().user;
        if (!spec.access.includes(role)) return await deny(session, channelName, 'Your role does not allow this.');
      }
      const parsed = spec.input.safeParse(rawInput);
      if (!parsed.success) return fail('invalid_input', 'Some of the details are not right.', fieldErrors(parsed.error.issues));
      if (spec.access !== 'anyone' && spec.activity !== false) session.touch();
      const handler = (handlers[area] as Record<string, Handler<ChannelSpec>>)[action]!;
      const output = spec.output.safeParse(await handler(parsed.data, session));
      if (!output.success) {
        logger.error('ipc.output_rejected', { channel: channelName });
        return fail('internal', 'Linkdesk could not complete that. Nothing was changed.');
      }
      return { ok: true, data: output.data };
    } catch (error) {
      // A refusal of whose record it is (ForbiddenError) is audited like a refusal by role, after the
      // handler's transaction has rolled back, so the denial is kept and nothing else is.
      if (error instanceof AppError && error.code === 'forbidden' && session.isUnlocked) {
        return await deny(session, channelName, error.message, error instanceof ForbiddenError ? error.entity : undefined).catch(() => fail('forbidden', error.message));
      }
      if (error instanceof AppError) return fail(error.code, error.message, error.fields, error.retryAfterSeconds);
      // A damaged keyring or database: its message is written for the user and names no data.
      if (error instanceof WorkspaceOpenError) return fail('workspace_unreadable', error.message);
      if (isDamagedDatabase(error)) {
        logger.error('ipc.database_damaged', { channel: channelName });
        return fail('workspace_unreadable', DAMAGED_DATABASE_MESSAGE);
      }
      // A full, read-only or failing disk: say so plainly (SQLite has rolled the change back).
      const storage = storageFailureMessage(error, session.files.folder);
      if (storage) {
        logger.error('ipc.storage_failed', { channel: channelName, code: String((error as { code?: unknown }).code ?? 'unknown') });
        return fail('internal', storage);
      }
      if (process.env.LINKDESK_DEBUG === '1') console.error(error);
      logger.error('ipc.handler_failed', { channel: channelName, error: error instanceof Error ? error.name : 'unknown' });
      return fail('internal', 'Linkdesk could not complete that. Nothing was changed.');
    }
  };
}
