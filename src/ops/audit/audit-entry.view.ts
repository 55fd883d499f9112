import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../shared/auth-user';
import type { AuditEntryRecord } from './audit-entry.schema';

export class AuditActorView {
  @ApiProperty() userId!: string;
  @ApiProperty({ example: 'admin@creative-cities.local' }) email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String, nullable: true, description: 'The admin’s city, if any' }) cityId!: string | null;
}

/** One admin action as the audit log shows it. */
export class AuditEntryView {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time', description: 'When the request arrived (ISO 8601)' }) at!: string;
  @ApiProperty({ type: AuditActorView }) actor!: AuditActorView;
  @ApiProperty({ example: 'CitiesController_update', description: 'The operation id of the route in the OpenAPI document' }) action!: string;
  @ApiProperty({ example: 'PATCH' }) method!: string;
  @ApiProperty({ example: '/api/v1/cities/:id', description: 'The route pattern (no query string)' }) route!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { id: '6f1c…' },
    description: 'The route parameters: the ids acted on',
  })
  targets!: Record<string, string>;
  @ApiProperty({ example: 200, description: 'The HTTP status answered (499: the client left before the answer)' }) status!: number;
  @ApiProperty({ description: 'The X-Request-Id of the request, as in the logs' }) requestId!: string;
  @ApiProperty() durationMs!: number;

  static of(entry: AuditEntryRecord): AuditEntryView {
    const { _id, at, actor, ...rest } = entry;
    return Object.assign(new AuditEntryView(), { id: String(_id), at: at.toISOString(), actor: { ...actor, cityId: actor.cityId ?? null }, ...rest });
  }
}
