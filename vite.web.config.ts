import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the renderer alone for browser mode (npm run web) and the end-to-end tests. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist-web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
