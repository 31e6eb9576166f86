import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { router } from '../../src/main/ipc';
import { WorkspaceSession } from '../../src/main/services/workspace-session';
import { bridgeScript } from './bridge-script';

/**
 * Serves the built renderer (out/renderer) to a browser on loopback, with `window.linkdesk` wired
 * to the very router the Electron shell uses. A per-run token guards both the page and the calls,
 * and the Host header is checked so another site cannot reach the server by DNS rebinding.
 */
export interface HarnessOptions {
  folder: string;
  rendererDir?: string;
  port?: number;
  idleMillisecondsOverride?: number;
}

export interface Harness {
  url: string;
  session: WorkspaceSession;
  /** Where this harness's exports are written (inside the workspace folder, removed with it). */
  exportFolder: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const MAX_BODY_BYTES = 1024 * 1024;

export const DEFAULT_RENDERER_DIR = resolve('out/renderer');

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  const indexPath = join(rendererDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`No built renderer at ${rendererDir}: run "npm run build" first.`);
  const token = randomBytes(24).toString('hex');
  const session = new WorkspaceSession({ folder: options.folder, idleMillisecondsOverride: options.idleMillisecondsOverride });
  let expectedHost = '';

  async function handleRpc(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST' || !sameToken(request.headers['x-linkdesk-token'] as string | undefined, token)) {
      send(response, 403, 'text/plain', 'Forbidden');
      return;
    }
    const body = await readBody(request);
    let message: { channel?: unknown; input?: unknown } = {};
    try {
      message = body === null ? {} : (JSON.parse(body) as typeof message);
    } catch {
      // Falls through to the router's own refusal of a missing channel.
    }
    const result = await router(session, typeof message.channel === 'string' ? message.channel : '', message.input);
    send(response, 200, 'application/json', JSON.stringify(result));
  }

  function handleStatic(url: URL, response: ServerResponse): void {
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!sameToken(url.searchParams.get('token'), token)) {
        send(response, 403, 'text/plain', 'Open the address the harness printed, including its token.');
        return;
      }
      const html = readFileSync(indexPath, 'utf8').replace('<head>', `<head>\n    <script src="/__harness/bridge.js?token=${token}"></script>`);
      send(response, 200, CONTENT_TYPES['.html']!, html);
      return;
    }
    if (url.pathname === '/__harness/bridge.js') {
      if (!sameToken(url.searchParams.get('token'), token)) send(response, 403, 'text/plain', 'Forbidden');
      else send(response, 200, CONTENT_TYPES['.js']!, bridgeScript(token));
      return;
    }
    const path = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
    if (!path.startsWith(rendererDir + sep) || !existsSync(path) || !statSync(path).isFile()) {
      send(response, 404, 'text/plain', 'Not found');
      return;
    }
    send(response, 200, CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', readFileSync(path));
  }

  const server = createServer((request, response) => {
    if (request.headers.host !== expectedHost) {
      send(response, 421, 'text/plain', 'Wrong host');
      return;
    }
    const url = new URL(request.url ?? '/', `http://${expectedHost}`);
    if (url.pathname === '/__harness/rpc') {
      handleRpc(request, response).catch(() => send(response, 500, 'text/plain', 'Harness error'));
      return;
    }
    handleStatic(url, response);
  });
  await new Promise<void>((ready) => server.listen(options.port ?? 0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  return {
    url: `http://${expectedHost}/?token=${token}`,
    session,
    exportFolder: session.exportFolder,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await session.close();
    },
  };
}
