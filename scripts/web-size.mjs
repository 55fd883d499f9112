#!/usr/bin/env node
// `npm run size:web`: the JavaScript the first page loads (index.html's entry script and the chunks
// it preloads), gzipped, against the 200 KB budget. Route chunks load later and are listed apart.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
const dist = new URL('../web/dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

const firstKb = first.reduce((sum, file) => sum + gz(file), 0);
const others = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !first.includes(`assets/${f}`));
const largest = others.map((f) => [f, gz(`assets/${f}`)]).sort((a, b) => b[1] - a[1])[0];
process.stdout.write(`First page JavaScript: ${firstKb.toFixed(1)} KB gzipped (${first.join(', ')}); budget ${BUDGET_KB} KB.\n`);
if (largest) process.stdout.write(`Loaded later: ${others.length} chunks, the largest ${largest[0]} ${largest[1].toFixed(1)} KB gzipped.\n`);
if (firstKb > BUDGET_KB) process.exit(1);
