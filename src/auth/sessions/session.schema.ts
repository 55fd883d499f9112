import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One sign-in (a login or an accepted invitation): its id is the `sid` claim of the access token,
 * so ending it ends exactly that token. A document lives until its token expires (TTL index), so the
 * collection holds only the sessions that could still be used.
 */
@Schema({ collection: 'sessions', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class SessionDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) userId!: string;
  /** When the token expires; MongoDB's TTL monitor removes the session some time after. */
  @Prop({ type: Date, required: true }) expiresAt!: Date;
  /** Set by a logout, a password change or reset, or disabling the user: the token stops working. */
  @Prop({ type: Date, default: null }) endedAt!: Date | null;
  createdAt!: Date;
}

export const SessionSchema = SchemaFactory.createForClass(SessionDocument);
SessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
SessionSchema.index({ userId: 1 });
