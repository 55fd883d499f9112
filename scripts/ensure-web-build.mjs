#!/usr/bin/env node
// Run by `npm start` before the server: builds the web client (web/dist) when it is missing or
// older than any of its sources, so the README's one command still serves an up-to-date client.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'web');
const built = join(web, 'dist', 'index.html');
const SOURCES = ['src', 'public', 'index.html', 'vite.config.mts', 'tsconfig.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
// This script too: a build made by an older version of it (e.g. in another mode) is redone.
const changedAt = Math.max(
  ...SOURCES.map((s) => newestMtime(join(web, s))),
  newestMtime(join(root, 'package-lock.json')),
  newestMtime(new URL(import.meta.url).pathname),
);
if (builtAt >= changedAt) process.exit(0);

process.stdout.write(
  builtAt ? 'The web client changed since its build: building it (npm run build:web)…\n' : 'Building the web client (npm run build:web)…\n',
);
const started = Date.now();
execFileSync(
  process.execPath,
  [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(web, 'vite.config.mts'), '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
    // Vite bundles React's development build when NODE_ENV says so (Jest sets it to "test").
    env: { ...process.env, NODE_ENV: 'production' },
  },
);
process.stdout.write(`Web client built in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
