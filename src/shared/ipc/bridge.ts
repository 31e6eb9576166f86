import type { Envelope } from './errors';
import { contract, type Area, type Contract, type InputOf, type OutputOf } from './contract';

/**
 * The shape of `window.linkdesk`: one async method per contract channel, grouped by area.
 * Methods resolve to an Envelope; the renderer's client turns error envelopes into exceptions.
 */
export type LinkdeskBridge = {
  [A in Area]: {
    [K in keyof Contract[A]]: (input: InputOf<A, K>) => Promise<Envelope<OutputOf<A, K>>>;
  };
};

export type Invoke = (channelName: string, input: unknown) => Promise<unknown>;

/** Every channel name in the contract, e.g. `users.create`. */
export function channelNames(): string[] {
  return Object.entries(contract).flatMap(([area, actions]) => Object.keys(actions).map((action) => `${area}.${action}`));
}

/**
 * Builds the bridge object from the contract with a given transport: ipcRenderer.invoke in the
 * Electron preload, HTTP on loopback in the test harness. The transport is the only difference.
 */
export function buildBridge(invoke: Invoke): LinkdeskBridge {
  const bridge: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of channelNames()) {
    const [area, action] = name.split('.') as [string, string];
    bridge[area] ??= {};
    bridge[area][action] = (input: unknown) => invoke(name, input === undefined ? {} : input);
  }
  return bridge as unknown as LinkdeskBridge;
}
