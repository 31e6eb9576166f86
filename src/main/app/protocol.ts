/**
 * The app:// protocol: serves the built renderer (out/renderer) and nothing else.
 * Main-process runtime; imports 'electron'.
 */
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME } from './app-page';
import { contentTypeFor, resolveAppRequest } from './app-files';
import { CONTENT_SECURITY_POLICY } from './window-options';

/**
 * Registers app:// as a standard, secure scheme (its own origin, module scripts and fetch work,
 * counts as a secure context). No bypassCSP, no service workers. Must run before 'ready'.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
}

/** Serves app://linkdesk/<file> from rendererDir for the given session. */
export function serveRenderer(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const file = resolveAppRequest(request.url, rendererDir);
    const contentType = file === null ? null : contentTypeFor(file);
    if (file === null || contentType === null) return refuse(404);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(404);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  });
}
