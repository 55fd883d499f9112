import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose from 'mongoose';
import { AppConfig } from '../../config/app-config';

// Filters on paths that are not in a schema are dropped instead of silently matching everything.
mongoose.set('strictQuery', true);

/** The single MongoDB connection of the process (MONGODB_URI, or the embedded server). */
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
})
export class MongoModule {}
