import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/auth-user';

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

  @Prop({ type: Number, default: 1 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const UserSchema = SchemaFactory.createForClass(UserDocument);
