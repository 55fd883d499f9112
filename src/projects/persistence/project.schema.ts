import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  ACTION_AREA_IDS,
  CREATIVE_FIELD_IDS,
  SECTOR_IDS,
  SDG_IDS,
  type ActionArea,
  type CreativeField,
  type Sdg,
  type Sector,
} from '../../shared/reference-data';
import { foldForSearch } from '../../shared/search-text';
import {
  PARTNER_STATUSES,
  PROJECT_STATUSES,
  type Partner,
  type PartnerStatus,
  type ProjectSnapshot,
  type ProjectStatus,
} from '../domain/project-state';

/** The stored project: the aggregate's snapshot as is, with `_id` for `id` and what `?q=` searches. */
export type StoredProject = Omit<ProjectSnapshot, 'id'> & { _id: string; searchText: string };

export function toStored({ id, ...fields }: ProjectSnapshot): StoredProject {
  return { _id: id, ...fields, searchText: foldForSearch(`${fields.title} ${fields.summary}`) };
}

export function fromStored({ _id, searchText: _searchText, ...fields }: StoredProject): ProjectSnapshot {
  return { id: _id, ...fields };
}

// The classes below only tell mongoose how to store each snapshot field; `implements` keeps them
// in step with the snapshot type.
@Schema({ _id: false, versionKey: false })
export class PartnerDocument implements Partner {
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
export class ProjectDocument implements StoredProject {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) title!: string;
  @Prop({ type: String, required: true }) summary!: string;
  @Prop({ type: String, default: null }) description!: string | null;
  @Prop({ type: [String], enum: CREATIVE_FIELD_IDS, required: true }) fields!: CreativeField[];
  @Prop({ type: [String], enum: ACTION_AREA_IDS, required: true }) actionAreas!: ActionArea[];
  @Prop({ type: [String], enum: SECTOR_IDS, required: true }) sectors!: Sector[];
  @Prop({ type: [Number], enum: SDG_IDS, required: true }) sdgs!: Sdg[];
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
