/**
 * The Electron main-process entry (built to out/main/index.js). Thin: it wires the pure rules in
 * app-page.ts, app-files.ts, window-options.ts and menu-template.ts to Electron, owns the one
 * WorkspaceSession, and handles the app's lifecycle. src/main/app is the only folder that imports
 * 'electron'.
 */
import { join } from 'node:path';
import { app, BrowserWindow, Menu, session as electronSession } from 'electron';
import { logger } from '../logger';
import { WorkspaceSession } from '../services/workspace-session';
import { useBuiltWorkers } from '../workers/worker-scripts';
import { appPaths } from './app-files';
import { rendererTarget, type RendererTarget } from './app-page';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu-template';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { APP_PARTITION, mainWindowOptions } from './window-options';

const APP_USER_MODEL_ID = 'uk.nhs.linkdesk';
/** How long quitting waits for the workspace to close (database checkpoint) before giving up. */
const CLOSE_TIMEOUT_MS = 10_000;

/** How many renderer crashes in a minute are followed by a fresh load; after that the window stays as it is. */
const CRASH_RELOADS_PER_MINUTE = 3;

/** Loads (or reloads) the app's start page. Reloading drops everything the page held in memory. */
async function loadApp(window: BrowserWindow, target: RendererTarget): Promise<void> {
  try {
    await window.webContents.loadURL(target.url);
    window.webContents.navigationHistory.clear();
  } catch (error) {
    logger.error('window.load_failed', { error: error instanceof Error ? error.name : 'unknown' });
    // Never leave an invisible app holding the single-instance lock.
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  }
}

function main(): void {
  // Before 'ready': the privileged scheme, and the sandbox for every renderer whatever its options.
  registerAppScheme();
  app.enableSandbox();
  // Date inputs and number formats follow the UI language: Linkdesk is en-GB throughout.
  app.commandLine.appendSwitch('lang', 'en-GB');

  // Development builds keep their data apart from an installed Linkdesk on the same machine.
  app.setPath('userData', join(app.getPath('appData'), app.isPackaged ? 'Linkdesk' : 'Linkdesk (development)'));

  if (!app.requestSingleInstanceLock()) {
    // Another Linkdesk is running: it gets focus (below), this one leaves without touching the workspace.
    app.quit();
    return;
  }

  const paths = appPaths(import.meta.dirname);
  // Export worker threads run out/main/export-worker.js, beside this bundle.
  useBuiltWorkers(import.meta.dirname);
  const target = rendererTarget({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });
  const devServerUrl = target.kind === 'dev-server' ? target.url : null;
  let mainWindow: BrowserWindow | null = null;
  const liveWindow = (): BrowserWindow | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);

  const workspace = new WorkspaceSession({
    folder: join(app.getPath('userData'), 'workspace'),
    exportFolder: join(app.getPath('documents'), 'Linkdesk exports'),
    // After every lock (idle or sign-out) the page starts afresh, so no personal data stays in its memory.
    onLocked: (reason) => {
      logger.info('workspace.locked', { reason });
      const window = liveWindow();
      if (window) void loadApp(window, target);
    },
  });

  hardenAllWebContents(target.url);
  registerIpc(workspace, () => ({ webContentsId: liveWindow()?.webContents.id ?? null, pageUrl: target.url }));

  app.on('second-instance', () => {
    const window = liveWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  // One window; closing it quits on every platform, so nothing lingers unlocked in the background.
  app.on('window-all-closed', () => app.quit());

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
    void Promise.race([workspace.close(), timeout])
      .catch((error: unknown) => logger.error('workspace.close_failed', { error: error instanceof Error ? error.name : 'unknown' }))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  void app.whenReady().then(() => {
    if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
    const appSession = electronSession.fromPartition(APP_PARTITION);
    hardenSession(electronSession.defaultSession, devServerUrl);
    hardenSession(appSession, devServerUrl);
    serveRenderer(appSession, paths.rendererDir);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isPackaged: app.isPackaged, platform: process.platform })));

    const window = new BrowserWindow(mainWindowOptions({ preloadPath: paths.preload, isPackaged: app.isPackaged }));
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      mainWindow = null;
    });
    let recentCrashes: number[] = [];
    window.webContents.on('render-process-gone', (_event, details) => {
      logger.error('renderer.gone', { reason: details.reason });
      const now = Date.now();
      recentCrashes = [...recentCrashes.filter((at) => now - at < 60_000), now];
      if (details.reason !== 'clean-exit' && !window.isDestroyed() && recentCrashes.length <= CRASH_RELOADS_PER_MINUTE) void loadApp(window, target);
    });
    void loadApp(window, target);
    logger.info('app.started', { packaged: app.isPackaged, renderer: target.kind });
  });
}

main();
