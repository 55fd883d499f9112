import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/auth-user';
import { DEFAULT_EMAIL_CADENCE, EMAIL_CADENCES, type EmailCadence } from '../../shared/email-cadence';
import { DEFAULT_LANG, LANGS, type Lang } from '../../shared/reference-data';

@Schema({ collection: 'users', timestamps: true, versionKey: false })
export class UserDocument {
  @Prop({ type: String, default: () => randomUUID() })
  _id!: string;

  /** Stored lower-cased so that logins are case-insensitive and the unique index means it. */
  @Prop({ type: String, required: true, unique: true })
  email!: string;

  @Prop({ type: String, required: true })
  passwordHash!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String, required: true, enum: ['admin', 'city'] })
  role!: Role;

  @Prop({ type: String, default: null })
  cityId!: string | null;

  /** The language of the e-mails and notifications the user receives. */
  @Prop({ type: String, enum: LANGS, default: DEFAULT_LANG })
  language!: Lang;

  /** The user's own e-mail cadence (SPEC §3 Notifications). */
  @Prop({ type: String, enum: EMAIL_CADENCES, default: DEFAULT_EMAIL_CADENCE })
  emailCadence!: EmailCadence;

  /** A disabled user cannot sign in and its tokens stop working (disabling ends its sessions: see sessions/). */
  @Prop({ type: Boolean, default: false })
  disabled!: boolean;

  @Prop({ type: Number, default: 1 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const UserSchema = SchemaFactory.createForClass(UserDocument);
UserSchema.index({ cityId: 1, email: 1 });
