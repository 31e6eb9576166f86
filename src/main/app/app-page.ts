/**
 * Which page is "the app", and who may talk to the main process.
 *
 * Main-process runtime, but PURE: no runtime import of 'electron' (type imports only), so the
 * rules here are unit-tested in plain Node (test/unit/electron-shell.test.ts).
 *
 * In a packaged build the renderer is served from `app://linkdesk/index.html` by our own protocol
 * handler (see app-files.ts and protocol.ts), not from file://: the grantFileProtocolExtraPrivileges
 * fuse is off, which makes file:// behave as in a browser (no module scripts, no fetch), and a
 * custom scheme lets the handler serve out/renderer and nothing else. In development
 * (`electron-vite dev`) the page comes from the Vite dev server, which must be on loopback.
 */

/** The privileged scheme and host that serve the built renderer. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'linkdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

export type RendererTarget =
  | { kind: 'app-protocol'; url: string }
  | { kind: 'dev-server'; url: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for an http(s) URL on this machine: the only place a dev server may be. */
export function isLoopbackHttpUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Where the window's page comes from. A packaged app always uses the built renderer and ignores
 * ELECTRON_RENDERER_URL, so no environment variable can point a shipped app at other content.
 */
export function rendererTarget(options: { isPackaged: boolean; devServerUrl: string | undefined }): RendererTarget {
  const { isPackaged, devServerUrl } = options;
  if (isPackaged || !devServerUrl) return { kind: 'app-protocol', url: APP_PAGE_URL };
  if (!isLoopbackHttpUrl(devServerUrl)) {
    throw new Error('ELECTRON_RENDERER_URL must be an http URL on localhost; refusing to load other content.');
  }
  return { kind: 'dev-server', url: devServerUrl };
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * A URL reduced to what identifies a page: scheme, host and path (reserved characters left
 * encoded). The fragment is dropped (in-page routing is still the same page); the query is kept,
 * so a page with a query is a different page. Returns null for anything unparseable.
 */
export function pageIdentity(raw: string): string | null {
  const url = parseUrl(raw);
  if (!url) return null;
  let pathname: string;
  try {
    pathname = decodeURI(url.pathname);
  } catch {
    return null;
  }
  if (pathname === '') pathname = '/';
  return `${url.protocol}//${url.host.toLowerCase()}${pathname}${url.search}`;
}

/**
 * Whether a frame URL is the app's own page. Only app://, http: and https: pages can be the
 * app: file:, data:, blob:, about: and the rest never are, whatever their path.
 */
export function isTrustedSenderUrl(url: string | null | undefined, expected: string): boolean {
  if (typeof url !== 'string' || url === '') return false;
  const actual = parseUrl(url);
  if (!actual || !['app:', 'http:', 'https:'].includes(actual.protocol)) return false;
  const want = pageIdentity(expected);
  return want !== null && pageIdentity(url) === want;
}

/** What the IPC layer knows about a caller, taken from the IpcMainInvokeEvent. */
export interface SenderFacts {
  /** The id of the WebContents that sent the message. */
  webContentsId: number;
  /** The URL of the sending frame, or null if the frame is gone. */
  frameUrl: string | null;
  /** Whether the sending frame is its page's top frame (no parent). */
  isTopFrame: boolean;
}

/** What "our page" is right now: the main window's WebContents and the page URL it should show. */
export interface TrustedPage {
  webContentsId: number | null;
  pageUrl: string;
}

/**
 * The rule every IPC call must pass: sent by the app window's own WebContents, from its top frame
 * (never an iframe), while that frame shows the app's page.
 */
export function isTrustedSender(sender: SenderFacts | null, page: TrustedPage): boolean {
  if (!sender || page.webContentsId === null) return false;
  return sender.webContentsId === page.webContentsId && sender.isTopFrame && isTrustedSenderUrl(sender.frameUrl, page.pageUrl);
}

/**
 * A navigation is allowed only to the app's own page (a reload). Links, form posts and scripts
 * cannot take the window anywhere else.
 */
export function isAllowedNavigation(url: string, pageUrl: string): boolean {
  return isTrustedSenderUrl(url, pageUrl);
}

/** Schemes that would reach the network or the file system; everything else never leaves the process. */
const GUARDED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/**
 * The session's request filter: no request may reach the network or the file system, except
 * (in development only) the loopback dev server. Our own app:// scheme is served in-process by the
 * protocol handler, which itself serves only out/renderer.
 */
export function isAllowedRequest(raw: string, devServerUrl: string | null): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  if (!GUARDED_SCHEMES.has(url.protocol)) return true;
  if (devServerUrl === null) return false;
  const dev = parseUrl(devServerUrl);
  if (!dev || !isLoopbackHttpUrl(devServerUrl)) return false;
  // The dev server's page, modules and its hot-reload socket (same host and port, ws/wss).
  const sameHost = url.host === dev.host;
  return sameHost && (url.protocol === dev.protocol || url.protocol === (dev.protocol === 'https:' ? 'wss:' : 'ws:'));
}
