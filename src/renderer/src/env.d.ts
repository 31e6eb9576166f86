import type { LinkdeskBridge } from '../../shared/ipc/bridge';

declare global {
  interface Window {
    /** Exposed by the preload script (or the test harness); the renderer's only way to reach data. */
    linkdesk: LinkdeskBridge;
  }
}

export {};
