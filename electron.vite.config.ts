import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** One build for the three Electron parts: main (Node), preload (sandboxed, CommonJS) and renderer. */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The long-jobs worker files are entries of their own beside index.js (main/workers/messages.ts).
      rollupOptions: {
        input: {
          index: resolve('main/index.ts'),
          'long-jobs-pdf': resolve('main/workers/pdf-entry.ts'),
          'long-jobs-integrity': resolve('main/workers/integrity-entry.ts'),
          'long-jobs-import': resolve('main/workers/import-entry.ts'),
          'long-jobs-scan': resolve('main/workers/scan-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('main/preload.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
