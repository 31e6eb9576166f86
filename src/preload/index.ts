/**
 * The preload (sandboxed renderer, isolated world). Exposes exactly one object to the page,
 * window.linkdesk, whose methods are generated from the IPC contract; each method is a single
 * ipcRenderer.invoke on its own channel. The page never gets ipcRenderer, Node or Electron.
 *
 * Built to ONE CommonJS file (out/preload/index.cjs) with zod and the contract bundled in,
 * because a sandboxed preload can require only 'electron' and a few Node built-ins.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from '../shared/ipc/bridge';

contextBridge.exposeInMainWorld(
  'linkdesk',
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
