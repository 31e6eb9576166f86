import { contract, type Area, type Contract, type InputOf, type OutputOf } from '../../../shared/ipc/contract';
import type { ApiErrorShape, Envelope, ErrorCode } from '../../../shared/ipc/errors';

/** A failed call: the structured error from main, thrown so callers can use try/catch. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.fields = shape.fields;
    this.retryAfterSeconds = shape.retryAfterSeconds;
  }
}

// Channels whose input is empty (or all optional) can be called with no argument.
type Args<I> = Record<string, never> extends I ? [input?: I] : [input: I];

export type ApiClient = {
  [A in Area]: { [K in keyof Contract[A]]: (...args: Args<InputOf<A, K>>) => Promise<OutputOf<A, K>> };
};

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/**
 * Any call refused because the workspace is locked means the session ended behind our back
 * (idle lock, or the shell locked it): the session hook listens so it can drop the app at once.
 */
export function onLockedError(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

const UNREACHABLE: ApiErrorShape = {
  code: 'internal',
  message: 'Linkdesk could not reach its data. Close Linkdesk, open it again and try once more.',
};

type RawBridge = Record<string, Record<string, ((input: unknown) => Promise<Envelope<unknown>>) | undefined> | undefined>;

async function call(area: string, action: string, input: unknown): Promise<unknown> {
  // Looked up per call, so the client works whenever the bridge appears (preload or test harness).
  const bridge = (window as unknown as { linkdesk?: RawBridge }).linkdesk;
  const method = bridge?.[area]?.[action];
  if (typeof method !== 'function') throw new ApiError(UNREACHABLE);
  let envelope: Envelope<unknown>;
  try {
    envelope = await method(input ?? {});
  } catch {
    throw new ApiError(UNREACHABLE);
  }
  if (envelope.ok) return envelope.data;
  const error = new ApiError(envelope.error);
  if (error.code === 'locked') for (const listener of lockedListeners) listener();
  throw error;
}

function buildClient(): ApiClient {
  const client: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const [area, actions] of Object.entries(contract)) {
    const methods: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const action of Object.keys(actions)) methods[action] = (input) => call(area, action, input);
    client[area] = methods;
  }
  return client as unknown as ApiClient;
}

/** The typed client: `await api.users.create(input)` returns the output or throws an ApiError. */
export const api: ApiClient = buildClient();

/** A message fit to show anyone, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Nothing was changed. Try again.';
}
