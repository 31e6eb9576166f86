import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RENDERER_DIR, startHarness } from './server';

/**
 * `npm run harness -- <workspace folder> [--port 5174] [--idle-seconds 600]`
 * Runs the real app (built renderer + real router and encrypted store) in any browser, for
 * machines without an Electron binary. Builds the renderer first if it has not been built.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string' }, 'idle-seconds': { type: 'string' } },
});
const folder = positionals[0];
if (!folder) {
  console.error('Usage: npm run harness -- <workspace folder> [--port N] [--idle-seconds N]');
  process.exit(2);
}
if (!existsSync(join(DEFAULT_RENDERER_DIR, 'index.html'))) {
  console.log('Building the renderer first…');
  execFileSync(process.execPath, [resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
}
const idleSeconds = values['idle-seconds'] ? Number(values['idle-seconds']) : undefined;
const harness = await startHarness({
  folder: resolve(folder),
  port: values.port ? Number(values.port) : undefined,
  idleMillisecondsOverride: idleSeconds ? idleSeconds * 1000 : undefined,
});
console.log(`Linkdesk harness for ${resolve(folder)}`);
console.log(`Open: ${harness.url}`);
console.log('Press Ctrl+C to stop.');
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
