import { Module } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import mongoose, { type Connection } from 'mongoose';
import { AppConfig } from '../../config/app-config';
import { assertReplicaSet } from './replica-set-check';

// Filters on paths that are not in a schema are dropped instead of silently matching everything.
mongoose.set('strictQuery', true);

/** Resolved once the server is known to allow transactions; nothing injects it. */
const REPLICA_SET_CHECKED = Symbol('REPLICA_SET_CHECKED');

/**
 * The single MongoDB connection of the process (MONGODB_URI, or the embedded server). Building the
 * module checks the server is a replica set, so the process stops before any module writes (the
 * check is a provider, not an onModuleInit hook: providers are all built before any hook runs).
 */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        uri: config.env.MONGODB_URI,
        serverSelectionTimeoutMS: 5000,
        autoIndex: true,
      }),
    }),
  ],
  providers: [{ provide: REPLICA_SET_CHECKED, inject: [getConnectionToken()], useFactory: (connection: Connection) => assertReplicaSet(connection) }],
})
export class MongoModule {}
