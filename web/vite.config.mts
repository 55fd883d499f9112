import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** Where `npm run dev:web` sends what the API serves (start it with `npm start`). */
const API = process.env.API_ORIGIN ?? 'http://localhost:3000';

/** How long a previous build's hashed files stay beside a new build's (as scripts/ensure-web-build.mjs keeps them). */
const KEEP_PREVIOUS_MS = 24 * 3600_000;

/**
 * A server started before this build keeps the previous index.html in memory (a browser test suite,
 * `npm start`): if its hashed files vanished, its pages would load blank. So web/dist is not emptied;
 * after writing, this removes the files of earlier builds older than a day (hashed names never clash).
 */
function keepRecentAssets(): Plugin {
  return {
    name: 'keep-recent-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      const assets = join(options.dir!, 'assets');
      const cutoff = Date.now() - KEEP_PREVIOUS_MS;
      for (const name of readdirSync(assets)) {
        const file = join(assets, name);
        if (!bundle[`assets/${name}`] && statSync(file).mtimeMs < cutoff) unlinkSync(file);
      }
    },
  };
}

// The automatic JSX runtime through Vite's own Oxc transform: no React plugin (its Babel peer chain
// does not resolve beside Jest's Babel 7), so edits reload the page instead of hot-swapping components.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [keepRecentAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: false, // see keepRecentAssets
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
