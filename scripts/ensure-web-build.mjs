#!/usr/bin/env node
// Run by `npm start` before the server: builds the web client (web/dist) when it is missing or
// older than any of its sources, so the README's one command still serves an up-to-date client.
// Several processes may ask at once (parallel browser test files): one builds under a lock file,
// the others wait for it; the build goes to a side folder swapped in whole, so a running server
// never reads a half-written web/dist.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'web');
const dist = join(web, 'dist');
const built = join(dist, 'index.html');
const lock = join(web, '.dist.lock');
const SOURCES = ['src', 'public', 'index.html', 'vite.config.mts', 'tsconfig.json'];
const strict = process.argv.includes('--strict'); // tests: a client that does not build fails them

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function upToDate() {
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  // This script too: a build made by an older version of it (e.g. in another mode) is redone.
  const changedAt = Math.max(
    ...SOURCES.map((s) => newestMtime(join(web, s))),
    newestMtime(join(root, 'package-lock.json')),
    newestMtime(new URL(import.meta.url).pathname),
  );
  return builtAt >= changedAt;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the lock, or returns false while a live process holds it (a dead holder's lock is taken over). */
function tryLock() {
  try {
    const fd = openSync(lock, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch {
    const holder = Number(readFileSync(lock, 'utf8') || 0);
    if (holder && alive(holder)) return false;
    rmSync(lock, { force: true });
    return tryLock();
  }
}

/**
 * A server started before this build keeps the previous index.html in memory: the previous build's
 * hashed files (of the last day) stay beside the new ones so its pages still load.
 */
function keepRecentAssets(from, to) {
  if (!existsSync(from)) return;
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of readdirSync(from)) {
    const file = join(from, name);
    if (!existsSync(join(to, name)) && statSync(file).mtimeMs > dayAgo) copyFileSync(file, join(to, name));
  }
}

function build() {
  process.stdout.write(existsSync(built) ? 'The web client changed since its build: building it…\n' : 'Building the web client…\n');
  const started = Date.now();
  const side = join(web, `dist.building-${process.pid}`);
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(web, 'vite.config.mts'),
      '--outDir',
      side,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    // Vite bundles React's development build when NODE_ENV says so (Jest sets it to "test").
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) {
    rmSync(side, { recursive: true, force: true });
    return false;
  }
  keepRecentAssets(join(dist, 'assets'), join(side, 'assets'));
  const old = join(web, `dist.old-${process.pid}`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(side, dist);
  rmSync(old, { recursive: true, force: true });
  process.stdout.write(`Web client built in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  return true;
}

async function main() {
  const deadline = Date.now() + 180_000;
  while (!upToDate()) {
    if (tryLock()) {
      try {
        if (upToDate() || build()) return;
        // A client that does not build must not keep the API down: serve the last build, or none.
        process.stderr.write(
          `The web client did not build (errors above): ${existsSync(built) ? 'serving its previous build' : 'the API starts without it'}.\n`,
        );
        if (strict) process.exitCode = 1;
        return;
      } finally {
        rmSync(lock, { force: true });
      }
    }
    if (Date.now() > deadline) throw new Error(`another process has held ${lock} for 3 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250)); // another process is building it
  }
}

await main();
