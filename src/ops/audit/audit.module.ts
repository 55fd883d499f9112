import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditEntry, AuditEntrySchema } from './audit-entry.schema';
import { AuditInterceptor } from './audit.interceptor';
import { AuditLogController } from './audit-log.controller';
import { AuditLogStore } from './audit-log.store';
import { AuditRecorder } from './audit-recorder';

/**
 * The audit log of admin actions: recorded by a global interceptor (and, for the Bull Board, by the
 * AuditRecorder it exports to src/bootstrap), read at `/admin/audit-log`.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: AuditEntry.name, schema: AuditEntrySchema }])],
  controllers: [AuditLogController],
  providers: [AuditLogStore, AuditRecorder, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditRecorder],
})
export class AuditModule {}
