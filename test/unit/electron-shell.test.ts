/**
 * The Electron security checklist, proved without an Electron binary.
 *
 * - The pure rules (window options, CSP, which page/sender/request/navigation is trusted, which
 *   file app:// may serve, the menu) are imported and exercised directly.
 * - The glue that needs Electron (security.ts, ipc.ts, protocol.ts) runs against a small stand-in
 *   for the 'electron' module, so we can see what it registers and what those handlers do. IPC
 *   calls go through the real router to a real WorkspaceSession in a temp folder.
 * - electron-builder.yml is validated against electron-builder's own schema and checked fuse by fuse.
 * - A source scan shows nothing outside src/main/app and src/preload imports 'electron' at run
 *   time, and nothing uses shell.openExternal, @electron/remote or insecure webPreferences.
 *
 * docs/electron-shell.md maps each checklist item to these tests.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path, { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../src/shared/ipc/bridge';
import { appPaths, contentTypeFor, resolveAppRequest } from '../../src/main/app/app-files';
import {
  APP_PAGE_URL,
  isAllowedNavigation,
  isAllowedRequest,
  isLoopbackHttpUrl,
  isTrustedSender,
  isTrustedSenderUrl,
  rendererTarget,
} from '../../src/main/app/app-page';
import { menuTemplate } from '../../src/main/app/menu-template';
import { APP_PARTITION, CONTENT_SECURITY_POLICY, mainWindowOptions } from '../../src/main/app/window-options';
import { tempFolder } from '../support/workspace';

const THIS_PATH = fileURLToPath(import.meta.url);
const ROOT = resolve(path.dirname(THIS_PATH), '..', '..');
const THIS_FILE = relative(ROOT, THIS_PATH).split(path.sep).join('/');

// ---------------------------------------------------------------------------------------------
// A stand-in for the parts of the 'electron' module that security.ts, ipc.ts, protocol.ts and main.ts use.
// It records what they register, so the tests can call those handlers as Electron would.
// ---------------------------------------------------------------------------------------------
type Listener = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => {
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }
  const handlers = new Map<string, Listener>();
  // What main.ts does to Electron, in order, for the test of the entry point (at the end of this file).
  const calls: string[] = [];
  const paths: Record<string, string> = {};
  const readyWaiters: (() => void)[] = [];
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    commandLine: { appendSwitch: (...args: string[]) => void calls.push(`appendSwitch ${args.join(' ')}`) },
    enableSandbox: () => void calls.push('enableSandbox'),
    setPath: (name: string, path: string) => void (paths[name] = path),
    getPath: (name: string) => paths[name] ?? `/nonexistent/${name}`,
    requestSingleInstanceLock: () => true,
    quit: () => void calls.push('quit'),
    setAppUserModelId: (id: string) => void calls.push(`setAppUserModelId ${id}`),
    whenReady: () => new Promise<void>((resolve) => readyWaiters.push(resolve)),
  });
  /** Stand-in sessions, by partition ('(default)' for the default session); the test provides them. */
  const slots = { sessionFor: (_partition: string): unknown => undefined };
  const windows: { options: unknown; loaded: string[]; contents: Emitter }[] = [];
  class BrowserWindow extends Emitter {
    readonly webContents: Emitter & { id: number };
    constructor(options: unknown) {
      super();
      const loaded: string[] = [];
      this.webContents = Object.assign(new Emitter(), {
        id: 7,
        loadURL: async (url: string) => void loaded.push(url),
        navigationHistory: { clear: () => void calls.push('navigationHistory.clear') },
      });
      windows.push({ options, loaded, contents: this.webContents });
    }
    once(event: string, listener: Listener): this {
      return this.on(event, listener);
    }
    show(): void {}
    isDestroyed(): boolean {
      return false;
    }
    isVisible(): boolean {
      return true;
    }
  }
  return {
    Emitter,
    app,
    calls,
    paths,
    readyWaiters,
    slots,
    windows,
    BrowserWindow,
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => void calls.push(`setApplicationMenu ${Array.isArray(menu) ? menu.length : 0}`) },
    electronSession: {
      get defaultSession() {
        return slots.sessionFor('(default)');
      },
      fromPartition: (partition: string) => slots.sessionFor(partition),
    },
    handlers,
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, listener);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    protocol: { registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => void calls.push(`registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join(',')}`) },
  };
});
type Emitter = InstanceType<typeof fake.Emitter>;
vi.mock('electron', () => ({ app: fake.app, ipcMain: fake.ipcMain, protocol: fake.protocol, BrowserWindow: fake.BrowserWindow, Menu: fake.Menu, session: fake.electronSession }));

/** A stand-in Session that records the handlers the app installs. */
function fakeSession() {
  const recorded: Record<string, Listener> = {};
  const events = new fake.Emitter();
  let spellChecker: boolean | null = null;
  const session = {
    setPermissionRequestHandler: (h: Listener) => void (recorded.permissionRequest = h),
    setPermissionCheckHandler: (h: Listener) => void (recorded.permissionCheck = h),
    setDevicePermissionHandler: (h: Listener) => void (recorded.devicePermission = h),
    setDisplayMediaRequestHandler: (h: Listener) => void (recorded.displayMedia = h),
    setSpellCheckerEnabled: (on: boolean) => void (spellChecker = on),
    webRequest: {
      onBeforeRequest: (h: Listener) => void (recorded.beforeRequest = h),
      onHeadersReceived: (h: Listener) => void (recorded.headersReceived = h),
    },
    protocol: { handle: (scheme: string, h: Listener) => void (recorded[`protocol:${scheme}`] = h) },
    on: (event: string, h: Listener) => events.on(event, h),
  };
  return { session, recorded, events, spellChecker: () => spellChecker };
}

function callbackValue(register: Listener | undefined, ...args: unknown[]): unknown {
  expect(register, 'handler was not registered').toBeTypeOf('function');
  let value: unknown = 'callback not called';
  register!(...args, (result: unknown) => {
    value = result;
  });
  return value;
}

// ---------------------------------------------------------------------------------------------
describe('BrowserWindow options (window-options.ts)', () => {
  for (const isPackaged of [true, false]) {
    it(`isolate and sandbox the page (${isPackaged ? 'packaged' : 'development'})`, () => {
      const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isPackaged });
      const prefs = options.webPreferences!;
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        spellcheck: false,
        enableWebSQL: false,
        navigateOnDragDrop: false,
        plugins: false,
        preload: '/app/out/preload/index.cjs',
      });
      expect(prefs.enableBlinkFeatures).toBeUndefined();
      expect(prefs.disableBlinkFeatures?.split(',')).toContain('Auxclick');
      expect(prefs.devTools).toBe(!isPackaged);
      // In-memory session: the page's cache and storage never reach the disk.
      expect(prefs.partition).toBe(APP_PARTITION);
      expect(APP_PARTITION.startsWith('persist:')).toBe(false);
      expect(prefs.session).toBeUndefined();
    });
  }

  it('the preload path the window gets is the file the preload build writes', async () => {
    const paths = appPaths(join(ROOT, 'out', 'main'));
    expect(paths.preload).toBe(join(ROOT, 'out', 'preload', 'index.cjs'));
    expect(paths.rendererDir).toBe(join(ROOT, 'out', 'renderer'));
    const { default: config } = await import('../../electron.vite.config');
    const preloadBuild = (config as { preload: { build: { externalizeDeps: boolean; rolldownOptions: { output: Record<string, unknown> } } } }).preload.build;
    // One CommonJS file with its dependencies bundled: what a sandboxed preload can load.
    expect(preloadBuild.externalizeDeps).toBe(false);
    expect(preloadBuild.rolldownOptions.output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false });
  });

  it.runIf(existsSync(join(ROOT, 'out', 'preload')))('the built preload is one CommonJS file that requires only electron (skipped until `npm run build`)', () => {
    const files = readdirSync(join(ROOT, 'out', 'preload'));
    expect(files).toEqual(['index.cjs']);
    const code = readFileSync(join(ROOT, 'out', 'preload', 'index.cjs'), 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*import\s.+from\s+["']/m);
    expect(code).not.toMatch(/\bimport\(/);
  });
});

// ---------------------------------------------------------------------------------------------
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

function metaCsp(html: string): string | null {
  const tag = html.match(/<meta\b[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i)?.[0];
  return tag?.match(/\bcontent=(["'])([\s\S]*?)\1/i)?.[2] ?? null;
}

const normaliseCsp = (policy: string) => [...directives(policy)].map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');

/**
 * The policy a <meta> tag can carry: browsers ignore frame-ancestors (and report-uri, sandbox)
 * there, so the page leaves it out and the app:// response header enforces it.
 */
const META_IGNORED = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);
const metaPolicy = (policy: string) =>
  [...directives(policy)].filter(([name]) => !META_IGNORED.has(name)).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');

describe('Content Security Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it("allows scripts only from the app itself: no eval, no inline script, no remote origin", () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/);
  });

  it('names no remote origin, wildcard or other scheme anywhere', () => {
    const allowed: Record<string, string[]> = {
      'style-src': ["'self'", "'unsafe-inline'"], // Emotion/MUI inject <style> at run time
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
    };
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect([...(allowed[name] ?? []), "'self'", "'none'"], `${name} ${source}`).toContain(source);
      }
    }
  });

  it('shuts plugins, <base>, form posts and framing', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  const sourceHtml = join(ROOT, 'src', 'renderer', 'index.html');
  it('src/renderer/index.html carries the same CSP in its meta tag (less frame-ancestors, which meta tags cannot carry)', (context) => {
    if (!existsSync(sourceHtml)) context.skip('src/renderer/index.html does not exist yet (the renderer is written separately)');
    const meta = metaCsp(readFileSync(sourceHtml, 'utf8'));
    expect(meta, 'no <meta http-equiv="Content-Security-Policy"> in src/renderer/index.html').not.toBeNull();
    expect(normaliseCsp(meta!)).toBe(metaPolicy(CONTENT_SECURITY_POLICY));
  });

  const builtHtml = join(ROOT, 'out', 'renderer', 'index.html');
  it('the built out/renderer/index.html keeps it', (context) => {
    if (!existsSync(builtHtml)) context.skip('out/renderer/index.html does not exist (run `npm run build`)');
    const meta = metaCsp(readFileSync(builtHtml, 'utf8'));
    expect(meta).not.toBeNull();
    expect(normaliseCsp(meta!)).toBe(metaPolicy(CONTENT_SECURITY_POLICY));
  });
});

// ---------------------------------------------------------------------------------------------
describe('which page is the app, and who may call IPC (app-page.ts)', () => {
  it('the app page is app://linkdesk/index.html, with or without an in-page route', () => {
    expect(APP_PAGE_URL).toBe('app://linkdesk/index.html');
    expect(isTrustedSenderUrl('app://linkdesk/index.html', APP_PAGE_URL)).toBe(true);
    expect(isTrustedSenderUrl('app://linkdesk/index.html#/people/42', APP_PAGE_URL)).toBe(true);
    expect(isTrustedSenderUrl('app://LINKDESK/index.html', APP_PAGE_URL)).toBe(true);
  });

  it.each([
    ['a system file', 'file:///etc/passwd'],
    ['a remote page', 'http://evil'],
    ['a remote page with the same path', 'https://evil.example/index.html'],
    ['the right path over file://', 'file:///C:/Program%20Files/Linkdesk/resources/app.asar/out/renderer/index.html'],
    ['the right host and path over http', 'http://linkdesk/index.html'],
    ['the right path on another app:// host', 'app://evil/index.html'],
    ['another page of the app', 'app://linkdesk/other.html'],
    ['the app page with a query', 'app://linkdesk/index.html?next=http://evil'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['about:srcdoc', 'about:srcdoc'],
    ['a blob: URL of the app', 'blob:app://linkdesk/4f1c0a2e-8b1d-4c3e-9a7f-1f2e3d4c5b6a'],
    ['javascript:', 'javascript:alert(1)'],
    ['an empty URL', ''],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSenderUrl(url, APP_PAGE_URL)).toBe(false);
    expect(isAllowedNavigation(url, APP_PAGE_URL)).toBe(false);
  });

  it('refuses a missing frame URL', () => {
    expect(isTrustedSenderUrl(null, APP_PAGE_URL)).toBe(false);
    expect(isTrustedSenderUrl(undefined, APP_PAGE_URL)).toBe(false);
  });

  it('in development trusts only the loopback dev server page', () => {
    const dev = 'http://localhost:5173';
    expect(isTrustedSenderUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/#/caseload', dev)).toBe(true);
    for (const other of ['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://localhost:5173/other.html', APP_PAGE_URL]) {
      expect(isTrustedSenderUrl(other, dev), other).toBe(false);
    }
  });

  it('a sender must be the app window, its top frame, showing the app page', () => {
    const page = { webContentsId: 7, pageUrl: APP_PAGE_URL };
    const good = { webContentsId: 7, frameUrl: `${APP_PAGE_URL}#/home`, isTopFrame: true };
    expect(isTrustedSender(good, page)).toBe(true);
    expect(isTrustedSender({ ...good, webContentsId: 8 }, page)).toBe(false);
    expect(isTrustedSender({ ...good, isTopFrame: false }, page)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: 'file:///etc/passwd' }, page)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: null }, page)).toBe(false);
    expect(isTrustedSender(null, page)).toBe(false);
    expect(isTrustedSender(good, { ...page, webContentsId: null })).toBe(false);
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL; development accepts only a loopback dev server', () => {
    expect(rendererTarget({ isPackaged: true, devServerUrl: 'http://localhost:5173' })).toEqual({ kind: 'app-protocol', url: APP_PAGE_URL });
    expect(rendererTarget({ isPackaged: true, devServerUrl: 'https://evil.example' })).toEqual({ kind: 'app-protocol', url: APP_PAGE_URL });
    expect(rendererTarget({ isPackaged: false, devServerUrl: undefined })).toEqual({ kind: 'app-protocol', url: APP_PAGE_URL });
    expect(rendererTarget({ isPackaged: false, devServerUrl: 'http://localhost:5173' })).toEqual({ kind: 'dev-server', url: 'http://localhost:5173' });
    expect(() => rendererTarget({ isPackaged: false, devServerUrl: 'https://evil.example' })).toThrow(/localhost/);
    expect(() => rendererTarget({ isPackaged: false, devServerUrl: 'file:///tmp/index.html' })).toThrow();
    expect(isLoopbackHttpUrl('http://[::1]:5173')).toBe(true);
    expect(isLoopbackHttpUrl('http://localhost.evil.example')).toBe(false);
  });

  it('no request leaves the machine or reads the disk, except the dev server in development', () => {
    for (const url of ['app://linkdesk/assets/index.js', 'data:image/png;base64,AAAA', 'blob:app://linkdesk/abc', 'devtools://devtools/bundled/inspector.html']) {
      expect(isAllowedRequest(url, null), url).toBe(true);
    }
    for (const url of ['https://example.com/x.js', 'http://localhost:5173/', 'ws://localhost:5173/', 'file:///etc/passwd', 'ftp://example.com/', 'app://evil/x.js', 'nonsense']) {
      expect(isAllowedRequest(url, null), url).toBe(false);
    }
    const dev = 'http://localhost:5173';
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequest('https://example.com/', dev)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', dev)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
describe('what app:// serves (app-files.ts)', () => {
  const dir = '/opt/Linkdesk/resources/app.asar/out/renderer';

  it('maps the app page and its assets into the renderer folder', () => {
    expect(resolveAppRequest('app://linkdesk/index.html', dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppRequest('app://linkdesk/', dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppRequest('app://linkdesk/assets/index-abc.js?v=1#x', dir)).toBe(join(dir, 'assets', 'index-abc.js'));
    expect(resolveAppRequest('app://linkdesk/assets/Noto%20Sans.woff2', dir)).toBe(join(dir, 'assets', 'Noto Sans.woff2'));
  });

  it.each([
    ['encoded ../', 'app://linkdesk/..%2f..%2fmain%2findex.js'],
    ['encoded ../ to a system file', 'app://linkdesk/assets/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd.js'],
    ['a NUL byte', 'app://linkdesk/index.html%00.js'],
    ['a bad escape', 'app://linkdesk/%E0%A4%A.js'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///opt/Linkdesk/resources/app.asar/out/renderer/index.html'],
    ['a file type not served', 'app://linkdesk/workspace/linkdesk.db'],
    ['a source map', 'app://linkdesk/assets/index.js.map'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppRequest(url, dir)).toBeNull();
  });

  it('follows Windows path rules on Windows', () => {
    const winDir = 'C:\\Program Files\\Linkdesk\\resources\\app.asar\\out\\renderer';
    expect(resolveAppRequest('app://linkdesk/assets/a.js', winDir, path.win32)).toBe(`${winDir}\\assets\\a.js`);
    expect(resolveAppRequest('app://linkdesk/..%5c..%5cmain%5cindex.js', winDir, path.win32)).toBeNull();
    expect(resolveAppRequest('app://linkdesk/C:%5cWindows%5cwin.ini.js', winDir, path.win32)).toBeNull();
  });

  it('serves scripts as JavaScript (module scripts need it) and nothing of unknown type', () => {
    expect(contentTypeFor('a.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('a.MJS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('a.db')).toBeNull();
    expect(contentTypeFor('noextension')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
describe('the application menu (menu-template.ts)', () => {
  type Item = ReturnType<typeof menuTemplate>[number];
  const flatten = (items: Item[]): Item[] => items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

  it('a packaged build has no developer tools or reload', () => {
    const roles = flatten(menuTemplate({ isPackaged: true, platform: 'win32' })).map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
  });

  it('a development build has them', () => {
    const roles = flatten(menuTemplate({ isPackaged: false, platform: 'win32' })).map((item) => item.role);
    expect(roles).toContain('toggleDevTools');
  });

  it('speaks British English', () => {
    const labels = flatten(menuTemplate({ isPackaged: true, platform: 'win32' })).map((item) => item.label);
    expect(labels).toContain('Minimise');
    expect(labels).toContain('Exit');
    expect(labels.join(' ')).not.toMatch(/Minimize|Color|Center/);
  });
});

// ---------------------------------------------------------------------------------------------
describe('session and web-contents hardening (security.ts, with a stand-in Electron)', () => {
  it('denies every permission, blocks remote and file requests, adds the CSP, blocks downloads', async () => {
    const { hardenSession } = await import('../../src/main/app/security');
    const { session, recorded, events, spellChecker } = fakeSession();
    hardenSession(session as never, null);

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'serial']) {
      expect(callbackValue(recorded.permissionRequest, {}, permission), permission).toBe(false);
      expect(recorded.permissionCheck!({}, permission, APP_PAGE_URL, {}), permission).toBe(false);
    }
    expect(recorded.devicePermission!({ deviceType: 'usb', origin: APP_PAGE_URL })).toBe(false);
    expect(callbackValue(recorded.displayMedia, { frame: null })).toBeNull();
    expect(spellChecker()).toBe(false);

    expect(callbackValue(recorded.beforeRequest, { url: 'https://example.com/track.gif' })).toEqual({ cancel: true });
    expect(callbackValue(recorded.beforeRequest, { url: 'file:///etc/passwd' })).toEqual({ cancel: true });
    expect(callbackValue(recorded.beforeRequest, { url: 'app://linkdesk/assets/index.js' })).toEqual({ cancel: false });

    const headers = callbackValue(recorded.headersReceived, { responseHeaders: { 'content-type': ['text/html'] } }) as { responseHeaders: Record<string, string[]> };
    expect(headers.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers.responseHeaders['content-type']).toEqual(['text/html']);

    let downloadPrevented = false;
    events.emit('will-download', { preventDefault: () => (downloadPrevented = true) }, {}, {});
    expect(downloadPrevented).toBe(true);
  });

  it('stops navigation away from the app page, new windows, sub-frame navigation and <webview>', async () => {
    const { hardenAllWebContents } = await import('../../src/main/app/security');
    hardenAllWebContents(APP_PAGE_URL);
    const contents = new fake.Emitter() as Emitter & { windowOpenHandler?: Listener; setWindowOpenHandler(h: Listener): void };
    contents.setWindowOpenHandler = (h) => void (contents.windowOpenHandler = h);
    fake.app.emit('web-contents-created', {}, contents);

    const fire = (event: string, details: Record<string, unknown>) => {
      let prevented = false;
      contents.emit(event, { ...details, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(fire('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(fire('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(fire('will-navigate', { url: 'app://linkdesk/index.html' })).toBe(false);
    expect(fire('will-redirect', { url: 'https://evil.example/' })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'app://linkdesk/index.html', isMainFrame: false })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'app://linkdesk/index.html', isMainFrame: true })).toBe(false);
    expect(fire('will-attach-webview', {})).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: APP_PAGE_URL })).toEqual({ action: 'deny' });
  });
});

// ---------------------------------------------------------------------------------------------
describe('IPC (ipc.ts, with a stand-in ipcMain and the real router)', () => {
  beforeEach(() => fake.handlers.clear());

  async function register(webContentsId: number | null = 7) {
    const { registerIpc } = await import('../../src/main/app/ipc');
    const { WorkspaceSession } = await import('../../src/main/services/workspace-session');
    const session = new WorkspaceSession({ folder: join(tempFolder('linkdesk-shell-'), 'workspace') });
    const unregister = registerIpc(session, () => ({ webContentsId, pageUrl: APP_PAGE_URL }));
    return { session, unregister };
  }

  const event = (overrides: { id?: number; url?: string; parent?: object | null; frame?: null }) => ({
    sender: { id: overrides.id ?? 7 },
    senderFrame: overrides.frame === null ? null : { url: overrides.url ?? `${APP_PAGE_URL}#/`, parent: overrides.parent ?? null, detached: false },
  });

  it('binds exactly the contract channels, and can unbind them', async () => {
    const { unregister, session } = await register();
    expect([...fake.handlers.keys()].sort()).toEqual(channelNames().sort());
    unregister();
    expect(fake.handlers.size).toBe(0);
    await session.close();
  });

  it("passes the app page's calls to the router", async () => {
    const { session } = await register();
    const result = await fake.handlers.get('workspace.status')!(event({}), {});
    expect(result).toMatchObject({ ok: true, data: { exists: false, user: null } });
    await session.close();
  });

  it.each([
    ['another WebContents', { id: 8 }],
    ['an iframe', { parent: {} }],
    ['a file:// page', { url: 'file:///etc/passwd' }],
    ['a remote page', { url: 'https://evil.example/index.html' }],
    ['a gone frame', { frame: null }],
  ] as const)('refuses calls from %s with a forbidden error', async (_label, overrides) => {
    const { session } = await register();
    const result = await fake.handlers.get('workspace.status')!(event(overrides), {});
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    await session.close();
  });

  it('refuses every call while there is no window', async () => {
    const { session } = await register(null);
    expect(await fake.handlers.get('workspace.status')!(event({}), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await session.close();
  });
});

// ---------------------------------------------------------------------------------------------
describe('the app:// handler (protocol.ts, with a stand-in session)', () => {
  it('serves the renderer folder with the CSP, and nothing else', async () => {
    const { serveRenderer } = await import('../../src/main/app/protocol');
    const dir = tempFolder('linkdesk-renderer-');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Linkdesk</title>');
    writeFileSync(join(dir, 'assets', 'index.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.db'), 'not for the page');
    const { session, recorded } = fakeSession();
    serveRenderer(session as never, dir);
    const handle = recorded['protocol:app'] as (request: Request) => Promise<Response>;

    const page = await handle(new Request('app://linkdesk/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Linkdesk</title>');

    const script = await handle(new Request('app://linkdesk/assets/index.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);

    for (const url of ['app://linkdesk/secret.db', 'app://linkdesk/missing.js', 'app://linkdesk/..%2f..%2fetc%2fpasswd', 'app://other/index.html']) {
      expect((await handle(new Request(url))).status, url).toBe(404);
    }
    expect((await handle(new Request('app://linkdesk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

// ---------------------------------------------------------------------------------------------
describe('electron-builder.yml', () => {
  // electron-builder's own YAML reader, schema validator and glob matcher.
  const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
  const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
  const Ajv = (builderRequire('ajv') as { default: new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } } }).default;
  const { minimatch } = builderRequire('minimatch') as { minimatch(path: string, pattern: string, options?: object): boolean };
  const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
    win: { target: { target: string; arch: string[] }[]; files: string[] };
    nsis: Record<string, unknown>;
    asar: unknown;
    asarUnpack: string[];
    files: string[];
    directories: Record<string, string>;
  };

  it("is valid against the installed electron-builder's schema", () => {
    const schema = JSON.parse(readFileSync(builderRequire.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(structuredClone(config)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('flips every fuse as required', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds NSIS and MSI installers for x64 Windows; NSIS is assisted and per machine', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false });
  });

  it('packages out/ in an asar, with only the SQLite binaries unpacked and nothing rebuilt', () => {
    expect(config).toMatchObject({ appId: 'uk.nhs.linkdesk', productName: 'Linkdesk', npmRebuild: false });
    expect(config.directories.output).toBe('dist');
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asar).toEqual({ smartUnpack: false }); // asar on; no automatic unpacking of whole packages
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3-multiple-ciphers/prebuilds/**']);
    expect(existsSync(join(ROOT, String((config.win as Record<string, unknown>).icon)))).toBe(true);
  });

  it('unpacks the very binary the SQLite addon loads, and ships its JavaScript', () => {
    // The addon's own loader, run in plain Node: where does it look for its binary?
    const bindingFile = join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers', 'lib', 'binding.js');
    const binding = createRequire(import.meta.url)(bindingFile) as { getPrebuildPath(): string | null };
    const prebuild = binding.getPrebuildPath();
    expect(prebuild, 'no prebuilt binary for this platform').not.toBeNull();
    const inApp = relative(ROOT, prebuild!).split(path.sep).join('/');
    expect(config.asarUnpack.some((pattern) => minimatch(inApp, pattern))).toBe(true);
    // The Windows build's binary: unpacked, and not excluded by the Windows file filter.
    const windowsBinary = 'node_modules/better-sqlite3-multiple-ciphers/prebuilds/win32-x64.node';
    expect(existsSync(join(ROOT, windowsBinary))).toBe(true);
    expect(config.asarUnpack.some((pattern) => minimatch(windowsBinary, pattern))).toBe(true);
    const excludedBy = (file: string, patterns: string[]) => patterns.some((p) => p.startsWith('!') && minimatch(file, p.slice(1)));
    expect(excludedBy(windowsBinary, [...config.files, ...config.win.files])).toBe(false);
    expect(excludedBy('node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node', config.win.files)).toBe(true);
    // The addon's JavaScript is kept (only its C sources are left out); other packages are bundled into out/.
    expect(excludedBy('node_modules/better-sqlite3-multiple-ciphers/lib/binding.js', config.files)).toBe(false);
    expect(excludedBy('node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c', config.files)).toBe(true);
    expect(excludedBy('node_modules/@mui/material/index.js', config.files)).toBe(true);
    expect(excludedBy('node_modules/zod/index.js', config.files)).toBe(true);
  });

  it('ships exactly the packages the main bundle leaves external', async () => {
    const { default: viteConfig } = await import('../../electron.vite.config');
    const mainBuild = (viteConfig as { main: { build: { externalizeDeps: boolean; rolldownOptions: { external: string[] } } } }).main.build;
    expect(mainBuild.externalizeDeps).toBe(false);
    const external = mainBuild.rolldownOptions.external;
    expect(external).toEqual(['better-sqlite3-multiple-ciphers', 'kysely']);
    const excludedBy = (file: string) => config.files.some((p) => p.startsWith('!') && minimatch(file, p.slice(1)));
    const dependencies = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    for (const name of dependencies) {
      expect(excludedBy(`node_modules/${name}/package.json`), name).toBe(!external.includes(name));
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('source scan', () => {
  function sourceFiles(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      if (name === 'node_modules') return [];
      if (statSync(full).isDirectory()) return sourceFiles(full);
      return /\.(?:[cm]?[jt]sx?)$/.test(name) ? [full] : [];
    });
  }
  const rel = (file: string) => relative(ROOT, file).split(path.sep).join('/');
  const everything = ['src', 'test', 'scripts', 'bench'].flatMap((d) => sourceFiles(join(ROOT, d))).filter((f) => rel(f) !== THIS_FILE);
  const shipped = sourceFiles(join(ROOT, 'src'));

  /** Imports that load 'electron' when the file runs (type-only imports are erased). */
  function runtimeElectronImports(code: string): string[] {
    const patterns = [
      /(?:^|[\n;])\s*import\s+(?!type[\s{])[^'";]*?\bfrom\s*['"]electron(?:\/[^'"]*)?['"]/g,
      /(?:^|[\n;])\s*import\s*['"]electron(?:\/[^'"]*)?['"]/g,
      /(?:^|[\n;])\s*export\s+(?!type[\s{])[^'";]*?\bfrom\s*['"]electron(?:\/[^'"]*)?['"]/g,
      /\brequire\s*\(\s*['"]electron(?:\/[^'"]*)?['"]\s*\)/g,
      /\bimport\s*\(\s*['"]electron(?:\/[^'"]*)?['"]\s*\)/g,
    ];
    return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[0].trim()));
  }

  it('the scanner recognises the ways of importing electron', () => {
    const e = 'electron';
    expect(runtimeElectronImports(`import { app } from '${e}';`)).toHaveLength(1);
    expect(runtimeElectronImports(`import {\n  app,\n  BrowserWindow,\n} from "${e}";`)).toHaveLength(1);
    expect(runtimeElectronImports(`const { shell } = require('${e}');`)).toHaveLength(1);
    expect(runtimeElectronImports(`await import('${e}');`)).toHaveLength(1);
    expect(runtimeElectronImports(`import '${e}';`)).toHaveLength(1);
    expect(runtimeElectronImports(`export { app } from '${e}';`)).toHaveLength(1);
    expect(runtimeElectronImports(`import type { App } from '${e}';`)).toHaveLength(0);
    expect(runtimeElectronImports(`import { type App } from '${e}-vite';`)).toHaveLength(0);
  });

  it("nothing outside src/main/app and the preload imports 'electron' at run time", () => {
    const offenders = everything
      .filter((f) => !rel(f).startsWith('src/main/app/') && rel(f) !== 'src/preload/index.ts')
      .flatMap((f) => runtimeElectronImports(readFileSync(f, 'utf8')).map((hit) => `${rel(f)}: ${hit}`));
    expect(offenders).toEqual([]);
  });

  it("the shell's pure modules import 'electron' for types only (so they run in plain Node)", () => {
    for (const file of ['window-options.ts', 'app-page.ts', 'app-files.ts', 'menu-template.ts']) {
      expect(runtimeElectronImports(readFileSync(join(ROOT, 'src', 'main', 'app', file), 'utf8')), file).toEqual([]);
    }
  });

  it.each([
    ['shell.openExternal', /\bopenExternal\s*\(/],
    ['shell.openPath', /\bopenPath\s*\(/],
    ['@electron/remote', /@electron\/remote/],
    ['enableRemoteModule', /enableRemoteModule/],
    ['nodeIntegration: true', /nodeIntegration(?:InWorker|InSubFrames)?\s*:\s*true/],
    ['contextIsolation: false', /contextIsolation\s*:\s*false/],
    ['sandbox: false', /\bsandbox\s*:\s*false/],
    ['webSecurity: false', /webSecurity\s*:\s*false/],
    ['allowRunningInsecureContent: true', /allowRunningInsecureContent\s*:\s*true/],
    ['webviewTag: true', /webviewTag\s*:\s*true/],
    ['enableBlinkFeatures', /enableBlinkFeatures/],
    ['--no-sandbox', /--no-sandbox/],
    ['loadURL of a remote page', /loadURL\(\s*['"`]https?:/],
  ])('nothing shipped uses %s', (_label, pattern) => {
    const offenders = shipped.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('the entry point (main.ts, run against a stand-in Electron)', () => {
  it('turns the sandbox on, hardens the default and the app session, serves app:// only on the app session, hardens every web contents, binds IPC, and opens one window with the checked options on the app page', async () => {
    fake.handlers.clear();
    const sessions = new Map<string, ReturnType<typeof fakeSession>>();
    fake.slots.sessionFor = (partition) => {
      if (!sessions.has(partition)) sessions.set(partition, fakeSession());
      return sessions.get(partition)!.session;
    };
    fake.paths.appData = tempFolder('linkdesk-main-');
    fake.paths.documents = tempFolder('linkdesk-main-documents-');
    const webContentsHandlers = fake.app.listeners.get('web-contents-created')?.length ?? 0;

    await import('../../src/main/app/main');

    // Before the app is ready: the privileged scheme and the sandbox for every renderer.
    expect(fake.calls.slice(0, 2)).toEqual(['registerSchemesAsPrivileged app', 'enableSandbox']);
    expect(fake.app.listeners.get('web-contents-created')?.length).toBe(webContentsHandlers + 1);
    expect([...fake.handlers.keys()].sort()).toEqual([...channelNames()].sort());
    expect(fake.windows).toHaveLength(0);

    for (const ready of fake.readyWaiters) ready();
    await expect.poll(() => fake.windows[0]?.loaded.length ?? 0).toBe(1);

    expect([...sessions.keys()].sort()).toEqual(['(default)', APP_PARTITION].sort());
    for (const [partition, { recorded, events, spellChecker }] of sessions) {
      expect(callbackValue(recorded.permissionRequest, {}, 'media'), partition).toBe(false);
      expect(recorded.permissionCheck!({}, 'notifications', APP_PAGE_URL, {}), partition).toBe(false);
      expect(callbackValue(recorded.beforeRequest, { url: 'https://example.com/x.js' }), partition).toEqual({ cancel: true });
      expect(callbackValue(recorded.headersReceived, { responseHeaders: {} }), partition).toEqual({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
      expect(events.listeners.get('will-download')?.length, partition).toBe(1);
      expect(spellChecker(), partition).toBe(false);
    }
    expect(Object.keys(sessions.get(APP_PARTITION)!.recorded)).toContain('protocol:app');
    expect(Object.keys(sessions.get('(default)')!.recorded)).not.toContain('protocol:app');

    const [window] = fake.windows;
    expect(window!.options).toEqual(mainWindowOptions({ preloadPath: appPaths(join(ROOT, 'src', 'main', 'app')).preload, isPackaged: true }));
    expect(window!.loaded).toEqual([APP_PAGE_URL]);
    expect(fake.calls).toContain('navigationHistory.clear');
    expect(fake.calls.filter((call) => call.startsWith('setApplicationMenu'))).toHaveLength(1);
    // The IPC handlers main.ts bound serve the window it opened, and nobody else.
    const event = (url: string) => ({ sender: { id: 7 }, senderFrame: { url, parent: null } });
    const trusted = (await fake.handlers.get('workspace.status')!(event(APP_PAGE_URL), {})) as { ok: boolean };
    expect(trusted.ok).toBe(true);
    expect(await fake.handlers.get('workspace.status')!(event('https://evil.example/'), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
