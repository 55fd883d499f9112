import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The recent invitations from one city to another (`_id` `<inviter>><invited>`), shared by every
 * instance; written in the invitation's transaction, so only stored invitations count. A pair
 * idle for a window disappears (TTL on `expiresAt`).
 */
@Schema({ collection: 'project_invitation_quotas', versionKey: false, _id: false })
export class InvitationQuotaDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) inviterCityId!: string;
  @Prop({ type: String, required: true }) invitedCityId!: string;
  /** The times of the invitations still in the window, oldest first. */
  @Prop({ type: [Date], required: true }) sentAt!: Date[];
  @Prop({ type: Date, required: true, expires: 0 }) expiresAt!: Date;
}

export const InvitationQuotaSchema = SchemaFactory.createForClass(InvitationQuotaDocument);
