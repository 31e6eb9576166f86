import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for the three Electron runtimes. The renderer output (out/renderer) is also what the
// test harness serves to Chromium, so e2e tests exercise the very bundle that ships.
//
// electron-vite 6 builds with Rolldown and reads `rolldownOptions` (it overwrites `rollupOptions`
// with them), so the options live there.
export default defineConfig({
  // Main process: ESM (package.json has "type": "module"), out/main/index.js. Dependencies are
  // bundled in (zod), except two that load from node_modules inside app.asar:
  //  - better-sqlite3-multiple-ciphers, a native addon that finds its .node file next to itself;
  //  - kysely, whose class #private fields the electronegativity scanner cannot parse, so bundling
  //    it would leave out/main/index.js unscanned (scripts/electronegativity-check.ts fails on that).
  // electron-builder.yml ships exactly these two packages; keep the lists in step.
  // A second entry, out/main/export-worker.js, is the export worker thread (src/main/workers/):
  // main.ts tells worker-scripts.ts the folder, and code shared with index.js goes to out/main/chunks.
  main: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/main/app/main.ts'), 'export-worker': resolve('src/main/workers/export-worker.ts') },
        external: ['better-sqlite3-multiple-ciphers', 'kysely'],
      },
    },
  },
  // Preload: the window is sandboxed, and a sandboxed preload is a classic script with a tiny
  // `require` that knows only 'electron' and a few Node built-ins. So it must be ONE CommonJS file
  // (out/preload/index.cjs) with everything it uses (zod, the contract, the bridge) bundled in.
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          codeSplitting: false,
        },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
