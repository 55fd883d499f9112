export { MongoMemoryServer, type MongoMemoryServerOptions, type StartOptions } from './server';
export type { FsyncPolicy } from './durability/journal';
export type { RecoveryStats } from './durability/data-dir';
export type { SnapshotStats } from './durability/snapshot';
