import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Role } from '../../shared/auth-user';
import type { Lang } from '../../shared/reference-data';

export type AccountTokenPurpose = 'invitation' | 'password-reset';

/** Who is invited, as the inviter said (the user is created when the invitation is accepted). */
export interface InvitationData {
  email: string;
  name: string;
  role: Role;
  cityId: string | null;
  language: Lang;
  invitedBy: string;
}

/**
 * A token sent by e-mail (an invitation, a password reset). Only its SHA-256 is stored (the `_id`),
 * so a read of the database gives no usable link; it is deleted when used (single use) and by the
 * TTL index once expired.
 */
@Schema({ collection: 'account_tokens', versionKey: false, timestamps: true })
export class AccountTokenDocument {
  /** hex SHA-256 of the token. */
  @Prop({ type: String, required: true }) _id!: string;
  /** A public id (the invitation's id, the key of its e-mail): never the token or its hash. */
  @Prop({ type: String, required: true, unique: true }) ref!: string;
  @Prop({ type: String, required: true, enum: ['invitation', 'password-reset'] }) purpose!: AccountTokenPurpose;
  @Prop({ type: Date, required: true }) expiresAt!: Date;
  /** The user a reset is for. */
  @Prop({ type: String, default: null }) userId!: string | null;
  @Prop({ type: Object, default: null }) invitation!: InvitationData | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const AccountTokenSchema = SchemaFactory.createForClass(AccountTokenDocument);
AccountTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
AccountTokenSchema.index({ userId: 1, purpose: 1 });
