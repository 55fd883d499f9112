import { Module } from '@nestjs/common';
import { DeadLettersController } from './dead-letters.controller';

/** Admin routes over the event backbone's dead letters (`/admin/dead-letters`). */
@Module({ controllers: [DeadLettersController] })
export class DeadLettersModule {}
