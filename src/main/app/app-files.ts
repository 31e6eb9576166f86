/**
 * Where the built app lives and which of its files the app:// protocol may serve.
 *
 * Main-process runtime, but PURE: no runtime import of 'electron', so it is unit-tested in plain Node.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-page';

/** The built files, relative to the main bundle's folder (out/main). Matches electron.vite.config.ts. */
export function appPaths(mainDir: string): { preload: string; rendererDir: string } {
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: path.join(mainDir, '..', 'renderer'),
  };
}

/**
 * The content types the renderer needs. Anything else is refused: a strict list means a module
 * script is always served as JavaScript, and nothing unexpected is served at all.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export function contentTypeFor(filePath: string): string | null {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? null;
}

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps an app:// request URL to a file inside the renderer folder, or null if the request must
 * be refused: another scheme or host, an undecodable or NUL-bearing path, a path that escapes the
 * folder (`..`, encoded or not, either slash), or a file type not in the list above.
 * `pathApi` lets tests check Windows path rules on any machine.
 */
export function resolveAppRequest(requestUrl: string, rendererDir: string, pathApi: PathApi = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relativeRequest = pathname.replace(/^[/\\]+/, '') || 'index.html';
  const root = pathApi.resolve(rendererDir);
  const target = pathApi.resolve(root, relativeRequest);
  const inside = pathApi.relative(root, target);
  if (inside === '' || inside === '..' || inside.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(inside)) return null;
  if (contentTypeFor(target) === null) return null;
  return target;
}
