/**
 * Binds every contract channel to ipcMain.handle. Each call must come from the app window's own
 * top frame showing the app's page; then the one router validates and runs it.
 * Main-process runtime; imports 'electron'. The sender rule lives in app-page.ts (pure, tested).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/ipc/bridge';
import type { Envelope } from '../../shared/ipc/errors';
import { router } from '../ipc/index';
import { logger } from '../logger';
import type { WorkspaceSession } from '../services/workspace-session';
import { isTrustedSender, type SenderFacts, type TrustedPage } from './app-page';

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the Linkdesk window.' },
};

/** What the event says about its sender; null if the frame has gone or cannot be read. */
export function senderFacts(event: IpcMainInvokeEvent): SenderFacts | null {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.detached) return null;
    return { webContentsId: event.sender.id, frameUrl: frame.url, isTopFrame: frame.parent === null };
  } catch {
    return null;
  }
}

/** Registers the handlers; returns a function that removes them. */
export function registerIpc(session: WorkspaceSession, trustedPage: () => TrustedPage): () => void {
  const names = channelNames();
  for (const name of names) {
    ipcMain.handle(name, async (event, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(senderFacts(event), trustedPage())) {
        logger.warn('ipc.sender_refused', { channel: name });
        return FORBIDDEN;
      }
      return router(session, name, input);
    });
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(name);
  };
}
