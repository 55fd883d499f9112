/**
 * Where the memory of idle /live sockets goes: heap snapshots of a bench/sockets server (the app by
 * default, or `raw`) before and after opening BENCH_SOCKETS (1000) sockets, and the new objects per
 * socket by constructor and by their path below the old object that holds them.
 * Run: node -r @swc-node/register bench/sockets/heap-diff.ts [ours|raw] [depth]
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTable, round, sleep, runBench } from '../support/stats';
import { diff, HeapGraph, type Group } from './heap-snapshot';
import { openSockets, startServer, type ServerMode } from './server-process';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);

async function main() {
  const mode = (process.argv[2] ?? 'ours') as ServerMode;
  const depth = Number(process.argv[3] ?? 3);
  const server = await startServer(mode);
  const files = [
    join(tmpdir(), `sockets-${mode}-${process.pid}-before.heapsnapshot`),
    join(tmpdir(), `sockets-${mode}-${process.pid}-after.heapsnapshot`),
  ];
  try {
    await server.ask({ snapshot: files[0] });
    const sockets = await openSockets(server.origin, server.token, SOCKETS);
    await sleep(1000);
    await server.ask({ snapshot: files[1] });
    sockets.forEach((s) => s.close());
  } finally {
    await server.stop();
  }
  const result = diff(new HeapGraph(files[0]), new HeapGraph(files[1]), depth);
  files.forEach((f) => rmSync(f, { force: true }));
  const rows = (groups: Group[], label: string) =>
    groups.map((g) => ({ [label]: g.key, per_socket_bytes: round(g.bytes / SOCKETS, 0), objects_per_socket: round(g.count / SOCKETS, 1) }));
  process.stdout.write(`\n${mode}: new objects by constructor (self size)\n`);
  printTable(rows(result.byConstructor, 'constructor'));
  process.stdout.write(`\n${mode}: new objects by path from the old object holding them (${depth} steps down)\n`);
  printTable(rows(result.byPath, 'path'));
  process.stdout.write(`\n${mode}: new functions and contexts by their holder\n`);
  printTable(rows(result.closures, 'holder → function'));
  process.stdout.write(
    `${JSON.stringify({ mode, sockets: SOCKETS, newObjectsPerSocket: round(result.count / SOCKETS, 1), newBytesPerSocket: round(result.bytes / SOCKETS, 0) })}\n`,
  );
}

runBench(main);
