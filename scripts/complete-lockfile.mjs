#!/usr/bin/env node
// The npm registry reachable from our build machines serves only some platforms' prebuilt
// binaries (e.g. @swc/core-darwin-arm64 answers 404), so `npm install` here leaves those optional
// packages out of package-lock.json, and `npm ci` then refuses the lock as out of sync. This adds
// the missing entries as a full registry would: optional, with their os/cpu/libc, so npm ci skips
// them on other platforms and fetches them on their own. Run it after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony'];
const CPU = { x64: 'x64', arm64: 'arm64', arm: 'arm', ia32: 'ia32', ppc64: 'ppc64', s390x: 's390x', riscv64: 'riscv64', loong64: 'loong64' };

function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.find((t) => OS.includes(t));
  const cpu = tokens.map((t) => CPU[t]).find(Boolean);
  if (!os || !cpu) return null;
  const libc =
    tokens.includes('musl') || tokens.includes('musleabihf')
      ? 'musl'
      : os === 'linux' && tokens.some((t) => t.startsWith('gnu'))
        ? 'glibc'
        : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

/**
 * Platform packages whose names carry no os/cpu token, missing from the registry we reach, with the
 * platform they are for (vite's optional Windows helper).
 */
const NAMED_PLATFORMS = { 'napi-windows-process-start-time': { os: ['win32'] } };

let added = 0;
for (const [location, pkg] of Object.entries(packages)) {
  for (const [dep, range] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${dep}`;
    const top = `node_modules/${dep}`;
    if (packages[nested] || packages[top]) continue;
    const named = NAMED_PLATFORMS[dep];
    const platform = named ?? platformOf(dep);
    // Exact-versioned platform binaries; a named one may have a caret range: its lowest version is recorded.
    const version = named ? range.replace(/^[\^~]/, '') : range;
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
    packages[top] = { version, ...platform, optional: true };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} platform-specific optional package(s) added`);
