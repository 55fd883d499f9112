import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ACTION_AREA_IDS, CREATIVE_FIELD_IDS, SECTOR_IDS, SDG_IDS } from '../../shared/reference-data';
import { PARTNER_STATUSES, PROJECT_STATUSES, type PartnerStatus, type ProjectStatus } from '../domain/project-state';

@Schema({ _id: false, versionKey: false })
export class PartnerDocument {
  @Prop({ type: String, required: true }) cityId!: string;
  @Prop({ type: String, required: true, enum: PARTNER_STATUSES }) status!: PartnerStatus;
  @Prop({ type: String, default: null }) message!: string | null;
  @Prop({ type: Date, required: true }) since!: Date;
}
const PartnerSchema = SchemaFactory.createForClass(PartnerDocument);

/**
 * A project's current state (the aggregate's snapshot). The event log keeps its history; this
 * document is what loads and lists read. `version` is the optimistic-concurrency counter the
 * repository bumps on every save. No mongoose timestamps: the aggregate owns createdAt/updatedAt.
 */
@Schema({ collection: 'projects', versionKey: false })
export class ProjectDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) title!: string;
  @Prop({ type: String, required: true }) summary!: string;
  @Prop({ type: String, default: null }) description!: string | null;
  @Prop({ type: [String], enum: CREATIVE_FIELD_IDS, required: true }) fields!: string[];
  @Prop({ type: [String], enum: ACTION_AREA_IDS, required: true }) actionAreas!: string[];
  @Prop({ type: [String], enum: SECTOR_IDS, required: true }) sectors!: string[];
  @Prop({ type: [Number], enum: SDG_IDS, required: true }) sdgs!: number[];
  @Prop({ type: String, default: null }) startDate!: string | null;
  @Prop({ type: String, default: null }) endDate!: string | null;
  @Prop({ type: String, required: true, enum: PROJECT_STATUSES }) status!: ProjectStatus;
  @Prop({ type: String, required: true }) leadCityId!: string;
  @Prop({ type: [PartnerSchema], default: [] }) partners!: PartnerDocument[];
  @Prop({ type: String, default: null }) outcome!: string | null;
  @Prop({ type: String, default: null }) cancelReason!: string | null;
  /** Title and summary, normalized (see search-text.ts), for `?q=`. */
  @Prop({ type: String, required: true }) searchText!: string;
  @Prop({ type: Number, required: true }) version!: number;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
}

export const ProjectSchema = SchemaFactory.createForClass(ProjectDocument);
// One index per list filter, each ending with the list order (newest first).
ProjectSchema.index({ createdAt: -1, _id: -1 });
ProjectSchema.index({ status: 1, createdAt: -1 });
ProjectSchema.index({ fields: 1, createdAt: -1 });
ProjectSchema.index({ sdgs: 1, createdAt: -1 });
ProjectSchema.index({ leadCityId: 1, createdAt: -1 });
ProjectSchema.index({ 'partners.cityId': 1, createdAt: -1 });
