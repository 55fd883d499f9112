import { hostname } from 'node:os';
import { ObjectId, type Document } from 'bson';
import type { Engine } from '../engine';
import { CommandError, Code } from '../errors';
import { abortTransaction, commitTransaction } from '../transactions';
import { plainNumber } from '../values';
import type { Ctx, Handler } from './context';

export const MAX_WIRE_VERSION = 21; // MongoDB 7.0
const ELECTION_ID = new ObjectId('7fffffff0000000000000001');

/**
 * hello / isMaster. No `topologyVersion` (it would switch the driver to streaming hellos that
 * we would have to hold open) and no `$clusterTime`/`operationTime` (nothing to gossip).
 */
const hello: Handler = (cmd, ctx) => {
  const engine = ctx.engine;
  const legacy = cmd.hello === undefined;
  const reply: Document = {
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    helloOk: true,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
  };
  if (engine.replicaSet) {
    Object.assign(reply, {
      setName: engine.replicaSet,
      setVersion: 1,
      hosts: [engine.address],
      me: engine.address,
      primary: engine.address,
      secondary: false,
      electionId: ELECTION_ID,
    });
  }
  return { ...reply, ok: 1 };
};

const VERSION = '7.0.0';

const buildInfo: Handler = () => ({
  version: VERSION,
  gitVersion: 'mongo-memory',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: 16 * 1024 * 1024,
  storageEngines: ['memory'],
  modules: [],
  ok: 1,
});

const listDatabases: Handler = (cmd, ctx) => {
  const databases = [...ctx.engine.storage.dbs.entries()]
    .filter(([, colls]) => colls.size > 0)
    .map(([name, colls]) => (cmd.nameOnly ? { name } : { name, sizeOnDisk: 0, empty: colls.size === 0 }));
  return cmd.nameOnly ? { databases, ok: 1 } : { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
};

/** The serverStatus fields tools and ODM test harnesses read (version, uptime, connections, mem, opcounters). */
const serverStatus: Handler = (_cmd, ctx) => {
  const engine = ctx.engine;
  const uptimeMillis = Date.now() - engine.startedAt;
  const memory = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  return {
    host: hostname(),
    version: VERSION,
    process: 'mongod',
    pid: BigInt(process.pid),
    uptime: Math.floor(uptimeMillis / 1000),
    uptimeMillis: BigInt(uptimeMillis),
    uptimeEstimate: BigInt(Math.floor(uptimeMillis / 1000)),
    localTime: new Date(),
    connections: { ...engine.connections, available: 1_000_000 - engine.connections.current, active: engine.connections.current },
    mem: { bits: 64, resident: mb(memory.rss), virtual: mb(memory.rss + memory.external), supported: true },
    opcounters: Object.fromEntries(Object.entries(engine.opcounters).map(([k, v]) => [k, BigInt(v)])),
    storageEngine: { name: 'memory', supportsCommittedReads: true, persistent: false },
    ok: 1,
  };
};

/** The server parameters this server has (setParameter/getParameter); others answer 72 as unknown ones do on a server. */
const PARAMETERS: Record<string, { get(engine: Engine): unknown; set(engine: Engine, value: unknown): void }> = {
  ttlMonitorSleepSecs: {
    get: (engine) => engine.ttlMonitorSleepSecs,
    set: (engine, value) => {
      const seconds = typeof value === 'bigint' ? Number(value) : plainNumber(value);
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1)
        throw new CommandError(Code.BadValue, `Invalid value for parameter ttlMonitorSleepSecs: ${String(value)} is not greater than 0`);
      engine.ttlMonitorSleepSecs = seconds;
    },
  },
};

/** Parameter names a setParameter/getParameter command names (its fields but the command's own and the generic ones). */
const parameterNames = (cmd: Document, command: string): string[] =>
  Object.keys(cmd).filter((k) => k !== command && !k.startsWith('$') && k !== 'lsid' && k !== 'comment' && k !== 'apiVersion');

function adminOnly(ctx: Ctx, command: string): void {
  if (ctx.db !== 'admin') throw new CommandError(Code.Unauthorized, `${command} may only be run against the admin database.`);
}

const setParameter: Handler = (cmd, ctx) => {
  adminOnly(ctx, 'setParameter');
  const names = parameterNames(cmd, 'setParameter');
  if (names.length === 0) throw new CommandError(Code.NoSuchKey, 'no option found to set, use help:true to see options ');
  const reply: Document = {};
  for (const name of names) {
    const parameter = PARAMETERS[name];
    if (!parameter) throw new CommandError(Code.InvalidOptions, `attempted to set unrecognized parameter [${name}], use help:true to see options `);
    reply.was ??= parameter.get(ctx.engine);
    parameter.set(ctx.engine, cmd[name]);
  }
  return { ...reply, ok: 1 };
};

const getParameter: Handler = (cmd, ctx) => {
  adminOnly(ctx, 'getParameter');
  const all = cmd.getParameter === '*';
  const names = all ? Object.keys(PARAMETERS) : parameterNames(cmd, 'getParameter');
  const reply: Document = {};
  for (const name of names) if (Object.hasOwn(PARAMETERS, name)) reply[name] = PARAMETERS[name].get(ctx.engine);
  if (!all && Object.keys(reply).length === 0) throw new CommandError(Code.InvalidOptions, 'no option found to get');
  return { ...reply, ok: 1 };
};

export const adminCommands: Record<string, Handler> = {
  serverStatus,
  setParameter,
  getParameter,
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  listDatabases,
  endSessions: (cmd, ctx) => {
    ctx.engine.sessions.end((cmd.endSessions ?? []) as Document[]);
    return { ok: 1 };
  },
  commitTransaction: (_cmd, ctx) => {
    commitTransaction(ctx.txn);
    return { ok: 1 };
  },
  abortTransaction: (_cmd, ctx) => {
    abortTransaction(ctx.txn);
    return { ok: 1 };
  },
};
