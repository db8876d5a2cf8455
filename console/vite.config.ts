import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
// The API server the dev server forwards to (`npm start` listens on 3000 by default).
const apiServer = 'http://localhost:3000';

export default defineConfig({
  root: consoleRoot,
  // The server mounts the built console under /console/.
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A staff tool loaded once per session: one ~200 kB (gzipped) bundle is fine, so don't warn about it.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/docs': apiServer,
      '/openapi.json': apiServer,
    },
  },
});
