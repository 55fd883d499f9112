import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Where `npm run dev:web` sends what the API serves (start it with `npm start`). */
const API = process.env.API_ORIGIN ?? 'http://localhost:3000';

// The automatic JSX runtime through Vite's own Oxc transform: no React plugin (its Babel peer chain
// does not resolve beside Jest's Babel 7), so edits reload the page instead of hot-swapping components.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names under assets/: the API serves them with a year-long immutable cache.
    assetsDir: 'assets',
    sourcemap: false,
    // The budget that matters is the first page's JavaScript gzipped (`npm run size:web`: ≤ 200 KB).
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // "use client" in TanStack Query is for React Server Components, which this app does not use.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': API,
      '/docs': API,
      // The /live namespace travels over Socket.IO's own path.
      '/socket.io': { target: API, ws: true },
    },
  },
});
