/**
 * bench/login-timing: does POST /auth/login tell which e-mails exist by its time? Median time of a
 * login with a known address and a wrong password beside one with an unknown address, over HTTP on
 * the whole app with the production hash cost (Argon2id m=19 MiB, t=2, p=1), the two interleaved so
 * that drift hits both alike. Baseline in the same run: the two paths of the bcrypt release (a
 * cost-10 hash for a known address, the cost-4 stand-in for an unknown one), compared directly.
 * Target (hardening issue, audit finding 4): unknown / known median ratio within 0.9–1.1.
 * Run: node -r @swc-node/register bench/login-timing/index.ts
 */
import 'reflect-metadata';
import { TestServices } from '@app/testing';
import bcrypt from 'bcryptjs';
import { printTable, round } from '../support/stats';
import { startApp } from '../../test/support/test-app';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const BASELINE_SAMPLES = 30;
const WARM_UP = 10;
const KNOWN = 'known@bench.local';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

/** The bcrypt release: its two paths, measured on the hash comparison they differed in. */
async function bcryptBaseline(): Promise<{ known: number; unknown: number }> {
  const real = await bcrypt.hash('the right passphrase', 10);
  const decoy = bcrypt.hashSync(Math.random().toString(36), 4);
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < BASELINE_SAMPLES; i++) {
    known.push(await timed(() => bcrypt.compare('a wrong passphrase', real)));
    unknown.push(await timed(() => bcrypt.compare('a wrong passphrase', decoy)));
  }
  return { known: median(known), unknown: median(unknown) };
}

async function main() {
  const services = await TestServices.start();
  const running = await startApp(services, {
    PASSWORD_HASH_MEMORY_KIB: '19456',
    LOGIN_THROTTLE_LIMIT: '1000000',
    LOGIN_ACCOUNT_LIMIT: '1000000',
    SEED_ON_START: 'false',
    LOG_LEVEL: 'silent',
  });
  const known: number[] = [];
  const unknown: number[] = [];
  let baseline: { known: number; unknown: number };
  try {
    const admin = running.api.as(
      (await running.api.post('/auth/login', { email: 'admin@test.local', password: 'admin-password-1' })).body.accessToken,
    );
    const created = await admin.post('/users', { email: KNOWN, password: 'the right passphrase', name: 'Known', role: 'admin' });
    if (created.status !== 201) throw new Error(`creating the known user: ${created.status} ${JSON.stringify(created.body)}`);

    const attempt = (email: string) => async () => {
      const res = await running.api.post('/auth/login', { email, password: 'a wrong passphrase' });
      if (res.status !== 401) throw new Error(`login ${email}: expected 401, got ${res.status}`);
    };
    for (let i = 0; i < WARM_UP; i++) {
      await attempt(KNOWN)();
      await attempt(`warm-${i}@bench.local`)();
    }
    for (let i = 0; i < SAMPLES; i++) {
      // Alternate which goes first, so that neither always follows the other.
      const pair = [
        ['known', attempt(KNOWN)],
        ['unknown', attempt(`nobody-${i}@bench.local`)],
      ] as const;
      for (const [name, run] of i % 2 === 0 ? pair : [...pair].reverse()) (name === 'known' ? known : unknown).push(await timed(run));
    }
    baseline = await bcryptBaseline();
  } finally {
    await running.close();
    await services.stop();
  }

  const ratio = median(unknown) / median(known);
  const baselineRatio = baseline.unknown / baseline.known;
  printTable([
    { path: 'known address, wrong password (HTTP, Argon2id)', samples: known.length, median_ms: round(median(known), 2) },
    { path: 'unknown address (HTTP, Argon2id stand-in)', samples: unknown.length, median_ms: round(median(unknown), 2) },
    { path: 'baseline: bcrypt cost 10 compare (known, before)', samples: BASELINE_SAMPLES, median_ms: round(baseline.known, 2) },
    { path: 'baseline: bcrypt cost 4 stand-in compare (unknown, before)', samples: BASELINE_SAMPLES, median_ms: round(baseline.unknown, 2) },
  ]);
  const summary = {
    unknown_to_known_median_ratio: round(ratio),
    target: '0.9-1.1',
    known_median_ms: round(median(known), 2),
    unknown_median_ms: round(median(unknown), 2),
    before_bcrypt_ratio: round(baselineRatio, 3),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  if (ratio < 0.9 || ratio > 1.1) process.exitCode = 1;
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
