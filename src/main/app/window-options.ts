/**
 * The main window's options and the Content Security Policy.
 *
 * Main-process runtime, but PURE: only `import type` from 'electron', so the options are
 * unit-tested in plain Node exactly as the window gets them.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The app's CSP. Sent as a response header by the app:// handler and the session, and repeated
 * in src/renderer/index.html's meta tag. Scripts only from the app itself (no inline script, no
 * eval); styles may be inline because Emotion/MUI inject <style> tags at runtime; no remote origin
 * anywhere; no plugins, no <base>, no form posts, and the app cannot be framed.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The window's session partition. No `persist:` prefix, so it is held in memory only: whatever
 * the page might cache or store (HTTP cache, localStorage, IndexedDB) never reaches the disk, and
 * is gone when the app quits. Everything that must last goes through the IPC bridge to the
 * encrypted store.
 */
export const APP_PARTITION = 'linkdesk';

export interface MainWindowOptionsInput {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string;
  /** app.isPackaged: developer tools are available only in unpackaged (development) builds. */
  isPackaged: boolean;
}

export function mainWindowOptions({ preloadPath, isPackaged }: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Linkdesk',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      partition: APP_PARTITION,
      // The page and the preload live in separate JavaScript worlds; the page sees only window.linkdesk.
      contextIsolation: true,
      // The renderer runs in Chromium's OS sandbox; the preload gets no Node.js.
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Off: Chromium's spellchecker downloads dictionaries from the network, and words added to
      // its dictionary (names, often) are saved to a file on disk.
      spellcheck: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      plugins: false,
      safeDialogs: true,
      // Middle-click (auxclick) on a link would try to open a window; the handlers deny it anyway.
      disableBlinkFeatures: 'Auxclick',
      devTools: !isPackaged,
    },
  };
}
