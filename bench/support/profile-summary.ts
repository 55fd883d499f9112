/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): self time by package (node_modules/<name>, or
 * src/libs, node internals, GC, idle) and the top functions by self time, as a share of busy time.
 * Run: node -r @swc-node/register bench/support/profile-summary.ts <file.cpuprofile> [top=25] [window]
 * where `window` names a measurement in the windows.json that bench/http writes beside the profile
 * (BENCH_CPU_PROF): only the samples taken during it count.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

function bucket(url: string, fn: string): string {
  if (fn === '(idle)' || fn === '(program)' || fn === '(garbage collector)') return fn;
  // The innermost package (mongoose/node_modules/mongodb is mongodb).
  const nm = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.includes('/libs/')) return `libs/${url.split('/libs/')[1].split('/')[0]}`;
  if (url.includes('/src/')) return `src/${url.split('/src/')[1].split('/')[0]}`;
  if (url.startsWith('node:') || url === '') return 'node (internals)';
  return url;
}

const [file, topArg, windowName] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
let from = -Infinity;
let to = Infinity;
if (windowName) {
  const windowsFile = join(dirname(file), 'windows.json');
  const windows = existsSync(windowsFile) ? (JSON.parse(readFileSync(windowsFile, 'utf8')) as { name: string; from: number; to: number }[]) : [];
  const w = windows.find((x) => x.name.includes(windowName));
  if (!w) throw new Error(`no window "${windowName}" in ${windowsFile}`);
  ({ from, to } = w);
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
const busy = total - idle;
const byBucket = new Map<string, number>();
const byFn = new Map<string, number>();
for (const [id, t] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (functionName === '(idle)') continue;
  const b = bucket(url, functionName);
  byBucket.set(b, (byBucket.get(b) ?? 0) + t);
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '')}:${lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + t);
}
// Inclusive time: a sample counts for a marker when any frame of its stack matches it.
const MARKERS: [string, RegExp][] = [
  ['request logging (pino-http, pino)', /node_modules\/(pino|pino-http|@pinojs\/redact|sonic-boom|nestjs-pino)\//],
  ['helmet (security headers)', /node_modules\/(helmet|@fastify\/helmet)\//],
  ['Nest middleware bridge (middie)', /node_modules\/@fastify\/middie\//],
  ['Nest guards', /guards-consumer|canActivate/],
  ['Nest interceptors', /interceptors-consumer/],
  ['Nest pipes / validation', /pipes-consumer|class-validator|class-transformer/],
  ['prom-client (metrics)', /node_modules\/prom-client\//],
  ['mongoose', /node_modules\/mongoose\/lib\//],
  ['mongodb driver + bson', /node_modules\/(mongodb|bson)\//],
  ['in-process MongoDB server (libs/mongo-memory)', /libs\/mongo-memory\//],
  ['garbage collector', /^\(garbage collector\)/],
];
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const [id, t] of self) {
  const hit = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const { functionName, url } = byId.get(cur)!.callFrame;
    for (const [name, re] of MARKERS) if (re.test(`${functionName} ${url}`) || re.test(url)) hit.add(name);
  }
  for (const name of hit) inclusive.set(name, (inclusive.get(name) ?? 0) + t);
}
const pct = (t: number) => `${((100 * t) / busy).toFixed(1)}%`.padStart(6);
process.stdout.write(
  `profile ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (${((100 * busy) / total).toFixed(0)}%)\n\nself time by package:\n`,
);
for (const [b, t] of [...byBucket].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stdout.write(`${pct(t)}  ${b}\n`);
process.stdout.write('\ninclusive time under:\n');
for (const [name] of MARKERS) process.stdout.write(`${pct(inclusive.get(name) ?? 0)}  ${name}\n`);
process.stdout.write('\ntop functions (self):\n');
for (const [f, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25))) process.stdout.write(`${pct(t)}  ${f}\n`);
