import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { WriterConfig, WriterLine } from './crash-writer';

const require = createRequire(import.meta.url);
const WRITER_SOURCE = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

/**
 * Bundles crash-writer.ts and the app code it imports into one ES module, so each child starts
 * in a fraction of a second instead of transpiling and importing hundreds of modules (date-fns
 * alone takes seconds to import from its barrel). The SQLite addon stays external, imported by
 * its absolute path, so the bundle runs from any folder.
 */
export async function bundleWriter(outputFolder: string): Promise<string> {
  const outfile = join(outputFolder, 'crash-writer.mjs');
  const sqlite = require.resolve('better-sqlite3-multiple-ciphers');
  await build({
    entryPoints: [WRITER_SOURCE],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'silent',
    plugins: [
      {
        name: 'sqlite-by-absolute-path',
        setup(context) {
          context.onResolve({ filter: /^better-sqlite3-multiple-ciphers$/ }, () => ({ path: sqlite, external: true }));
        },
      },
    ],
  });
  return outfile;
}

export interface WriterRun {
  /** Every complete line the child printed before it died. */
  lines: WriterLine[];
  /** Milliseconds from start to the kill. */
  killedAfterMs: number;
  /** Whether the child had signed in (printed `ready`) when it was killed. */
  wasReady: boolean;
  /** Milliseconds from start to `ready` (start-up and sign-in), if it got that far. */
  readyAfterMs: number | null;
  signal: NodeJS.Signals | null;
  exitCode: number | null;
  stderr: string;
}

/**
 * Starts the writer and kills it with SIGKILL at a moment chosen by `killAfter`: given whether it
 * is ready, it returns the delay (ms) to wait from now, or null to wait for `ready` first.
 */
export function runWriterAndKill(writer: string, config: WriterConfig, killAfter: (ready: boolean) => number | null): Promise<WriterRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child: ChildProcess = spawn(process.execPath, [writer], {
      env: { ...process.env, LINKDESK_CRASH_WRITER: JSON.stringify(config), LINKDESK_SILENT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: WriterLine[] = [];
    let pending = '';
    let stderr = '';
    let wasReady = false;
    let readyAfterMs: number | null = null;
    let killedAt = 0;
    let timer: NodeJS.Timeout | null = null;
    const scheduleKill = (delay: number) => {
      timer = setTimeout(() => {
        killedAt = Date.now();
        child.kill('SIGKILL');
      }, delay);
    };
    const first = killAfter(false);
    if (first !== null) scheduleKill(first);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      pending += chunk;
      const complete = pending.split('\n');
      // The last piece has no newline yet: a line cut off by the kill is not an acknowledgement.
      pending = complete.pop()!;
      for (const text of complete) {
        let line: WriterLine;
        try {
          line = JSON.parse(text) as WriterLine;
        } catch {
          line = { kind: 'failed', channel: '(stdout)', error: text.slice(0, 500) };
        }
        lines.push(line);
        if (line.kind === 'ready') {
          wasReady = true;
          readyAfterMs = Date.now() - started;
          if (timer === null) scheduleKill(killAfter(true) ?? 0);
        }
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ lines, killedAfterMs: (killedAt || Date.now()) - started, wasReady, readyAfterMs, signal, exitCode, stderr });
    });
  });
}
