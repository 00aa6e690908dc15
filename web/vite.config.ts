import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The dashboard is built into `dist/web`, which `callwright serve` serves at `/` (src/api/dashboard.ts).
 * `npx vite --config web/vite.config.ts` serves it with hot reload, sending the API to a `serve` on port 3000.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Charts are the one big dependency; a single chunk keeps the page's first load one request deep.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/v1': 'http://127.0.0.1:3000' },
  },
});
