import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Role } from '../../shared/auth-user';

/**
 * How long entries are kept (TTL index on `at`). A constant until the settings carry
 * AUDIT_LOG_RETENTION_DAYS; MongoDB changes a TTL with collMod, not by re-declaring the index.
 */
export const AUDIT_RETENTION_DAYS = 365;

/** Who acted, as the access token said at the time (the user may change or go later). */
export class AuditActor {
  @Prop({ type: String, required: true }) userId!: string;
  @Prop({ type: String, required: true }) email!: string;
  @Prop({ type: String, required: true }) role!: Role;
  @Prop({ type: String, default: null }) cityId!: string | null;
}

/** One mutating request of an admin: who, what, on which ids, with which outcome. Never the body. */
@Schema({ collection: 'audit_log', versionKey: false, minimize: false })
export class AuditEntry {
  @Prop({ type: Date, required: true, expires: AUDIT_RETENTION_DAYS * 24 * 3600 }) at!: Date;
  @Prop({ type: AuditActor, required: true, _id: false }) actor!: AuditActor;
  /** The route's OpenAPI operation id (`CitiesController_update`). */
  @Prop({ type: String, required: true }) action!: string;
  @Prop({ type: String, required: true }) method!: string;
  /** The route pattern (`/api/v1/cities/:id`), not the URL: no query string is kept. */
  @Prop({ type: String, required: true }) route!: string;
  /** The route parameters (`{id: '…'}`). */
  @Prop({ type: Object, required: true }) targets!: Record<string, string>;
  /** The HTTP status answered; 499 when the client left before the answer. */
  @Prop({ type: Number, required: true }) status!: number;
  @Prop({ type: String, required: true }) requestId!: string;
  @Prop({ type: Number, required: true }) durationMs!: number;
}

export type AuditEntryRecord = AuditEntry & { _id: unknown };

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntry);
// The filters of GET /admin/audit-log, newest first (the TTL index on `at` serves the unfiltered list).
AuditEntrySchema.index({ 'actor.userId': 1, at: -1 });
AuditEntrySchema.index({ 'actor.email': 1, at: -1 });
AuditEntrySchema.index({ action: 1, at: -1 });
