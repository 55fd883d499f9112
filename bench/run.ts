/**
 * `npm run bench [name…]`: runs each benchmark (bench/<name>/index.ts) in its own process, one after
 * the other (they measure the same 2 cores), and prints their final JSON lines together. Every figure
 * is reported as a ratio to a raw baseline measured in the same run, never as an absolute target.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = __dirname;
const wanted = process.argv.slice(2);
const names = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'index.ts')))
  .map((d) => d.name)
  .filter((n) => wanted.length === 0 || wanted.includes(n));

const summary: Record<string, unknown> = {};
let failed = false;
for (const name of names) {
  process.stdout.write(`\n### bench/${name}\n`);
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', join(root, name, 'index.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  });
  process.stdout.write(result.stdout ?? '');
  const last = (result.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    summary[name] = JSON.parse(last);
  } catch {
    summary[name] = { error: `exit ${result.status}, no JSON summary line` };
  }
  if (result.status !== 0) failed = true;
}
process.stdout.write(`\n### summary\n${JSON.stringify(summary, null, 2)}\n`);
process.exit(failed ? 1 : 0);
