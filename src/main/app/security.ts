/**
 * Session and web-contents hardening: deny every permission, block network and file requests,
 * add the CSP header, and stop navigation, new windows, <webview> and downloads.
 * Main-process runtime; imports 'electron'. The decisions themselves live in app-page.ts (pure, tested).
 */
import { app, type Session } from 'electron';
import { logger } from '../logger';
import { isAllowedNavigation, isAllowedRequest } from './app-page';
import { CONTENT_SECURITY_POLICY } from './window-options';

function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  return colon > 0 ? url.slice(0, colon) : 'unknown';
}

/**
 * Applies to a session before any page uses it. `devServerUrl` is the loopback Vite server in
 * development, null in a packaged app.
 */
export function hardenSession(ses: Session, devServerUrl: string | null): void {
  // No camera, microphone, notifications, geolocation, clipboard-read, HID, serial, USB, ...
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  ses.setSpellCheckerEnabled(false);

  // Nothing leaves the machine and nothing is read from disk by the page: requests are logged by
  // scheme only (a URL may carry personal data) and cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, devServerUrl);
    if (!allowed) logger.warn('request.blocked', { scheme: schemeOf(details.url) });
    callback({ cancel: !allowed });
  });

  // The CSP on every response that has headers (the dev server's, in development); app:// responses
  // carry it from the protocol handler, and index.html repeats it in a meta tag.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  // Exports are written by the main process (encrypted); the page may not save files itself.
  ses.on('will-download', (event) => {
    event.preventDefault();
    logger.warn('download.blocked');
  });
}

/**
 * Every WebContents the app ever creates: navigation only to the app's own page, no new windows,
 * no <webview>, no sub-frame navigation. `pageUrl` is the app page's URL.
 */
export function hardenAllWebContents(pageUrl: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (isAllowedNavigation(event.url, pageUrl)) return;
      event.preventDefault();
      logger.warn('navigation.blocked', { scheme: schemeOf(event.url) });
    });
    contents.on('will-frame-navigate', (event) => {
      if (event.isMainFrame) return;
      event.preventDefault();
      logger.warn('navigation.blocked', { scheme: schemeOf(event.url), subFrame: true });
    });
    contents.on('will-redirect', (event) => {
      if (isAllowedNavigation(event.url, pageUrl)) return;
      event.preventDefault();
      logger.warn('redirect.blocked', { scheme: schemeOf(event.url) });
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      logger.warn('webview.blocked');
    });
  });
}
