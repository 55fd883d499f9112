import { ApiProperty } from '@nestjs/swagger';
import { DEFAULT_EMAIL_CADENCE, EMAIL_CADENCES, type EmailCadence } from '../shared/email-cadence';
import { DEFAULT_LANG, LANGS, type Lang } from '../shared/reference-data';
import type { UserDocument } from './persistence/user.schema';

/** The public shape of a user (never the hash). */
export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['admin', 'city'] }) role!: 'admin' | 'city';
  @ApiProperty({ type: String, nullable: true }) cityId!: string | null;
  @ApiProperty({ enum: LANGS, description: 'The language of the e-mails the user receives' }) language!: Lang;
  @ApiProperty({ enum: EMAIL_CADENCES, description: 'How often the user is told by e-mail (set with PUT /notifications/preferences)' })
  emailCadence!: EmailCadence;
  @ApiProperty({ description: 'A disabled user cannot sign in and its tokens no longer work' }) disabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;

  static of(doc: UserDocument): UserView {
    return {
      id: doc._id,
      email: doc.email,
      name: doc.name,
      role: doc.role,
      cityId: doc.cityId ?? null,
      language: doc.language ?? DEFAULT_LANG,
      emailCadence: doc.emailCadence ?? DEFAULT_EMAIL_CADENCE,
      disabled: doc.disabled ?? false,
      createdAt: new Date(doc.createdAt).toISOString(),
      updatedAt: new Date(doc.updatedAt).toISOString(),
      version: doc.version ?? 1,
    };
  }
}
