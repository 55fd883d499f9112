import { ApiProperty } from '@nestjs/swagger';
import { LANGS, type Lang } from '../../../shared/reference-data';
import type { AccountTokenDocument } from '../../account-tokens/account-token.schema';

/** An invitation sent (never its token: that is only in the e-mail). */
export class InvitationView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['admin', 'city'] }) role!: 'admin' | 'city';
  @ApiProperty({ type: String, nullable: true }) cityId!: string | null;
  @ApiProperty({ enum: LANGS }) language!: Lang;
  @ApiProperty({ format: 'date-time', description: 'The link works once, until then (7 days)' }) expiresAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;

  static of(doc: AccountTokenDocument): InvitationView {
    const i = doc.invitation!;
    return {
      id: doc.ref,
      email: i.email,
      name: i.name,
      role: i.role,
      cityId: i.cityId,
      language: i.language,
      expiresAt: new Date(doc.expiresAt).toISOString(),
      createdAt: new Date(doc.createdAt).toISOString(),
      updatedAt: new Date(doc.updatedAt).toISOString(),
      version: 1,
    };
  }
}
