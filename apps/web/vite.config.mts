import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Resolves a path relative to this file, so the config works from any working directory. */
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const api = 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  // Keep the dev server's pre-bundled dependencies with the app (ignored by git, like every node_modules).
  cacheDir: here('node_modules/.vite'),
  plugins: [react()],
  resolve: {
    alias: {
      '@mockroom/contracts': here('../../libs/contracts/src/index.ts'),
    },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: api },
      '/socket.io': { target: api, ws: true },
    },
  },
});
