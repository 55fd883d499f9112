import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Component and logic tests of the web client (Jest runs everything outside web/). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
