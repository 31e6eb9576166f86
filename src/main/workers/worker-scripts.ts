import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where a worker thread's script is. The Electron app runs the bundle electron-vite builds
 * (out/main/<name>.js, a second entry in electron.vite.config.ts; Electron loads workers from
 * inside app.asar since 17.3), and main.ts says where that folder is. Tests, the test harness
 * and the CLI run from the TypeScript sources: the worker is the .ts file beside this one, and
 * tsx compiles it as it loads, exactly as it does for the code that starts it.
 */
let builtFolder: string | null = null;

/** The folder holding the built worker bundles; null goes back to the sources (tests). */
export function useBuiltWorkers(folder: string | null): void {
  builtFolder = folder;
}

export function workerScript(name: 'export-worker'): { url: URL; execArgv: string[] } {
  if (builtFolder !== null) return { url: pathToFileURL(join(builtFolder, `${name}.js`)), execArgv: [] };
  if (!import.meta.url.endsWith('.ts')) throw new Error('The worker scripts were not located: call useBuiltWorkers() at start-up.');
  return { url: new URL(`./${name}.ts`, import.meta.url), execArgv: ['--import', 'tsx'] };
}
