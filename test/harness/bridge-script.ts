import { channelNames } from '../../src/shared/ipc/bridge';

/**
 * The harness's stand-in for the Electron preload: a classic script that defines `window.linkdesk`
 * with one method per contract channel, sending each call to the real router over loopback.
 * It mirrors buildBridge() in src/shared/ipc/bridge.ts; only the transport differs.
 */
export function bridgeScript(token: string): string {
  return `(() => {
  const token = ${JSON.stringify(token)};
  const channels = ${JSON.stringify(channelNames())};
  const bridge = {};
  for (const name of channels) {
    const [area, action] = name.split('.');
    bridge[area] = bridge[area] || {};
    bridge[area][action] = (input) =>
      fetch('/__harness/rpc', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-linkdesk-token': token },
        body: JSON.stringify({ channel: name, input: input === undefined ? {} : input }),
      }).then((response) => response.json());
  }
  Object.defineProperty(window, 'linkdesk', { value: Object.freeze(bridge) });
})();
`;
}
