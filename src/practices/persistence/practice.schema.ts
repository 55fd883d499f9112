import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ACTION_AREA_IDS, CREATIVE_FIELD_IDS, SDG_IDS, type ActionArea, type CreativeField, type Sdg } from '../../shared/reference-data';
import {
  PRACTICE_LANGUAGES,
  PRACTICE_STATUSES,
  type PracticeLanguage,
  type PracticeLink,
  type PracticeSnapshot,
  type PracticeStatus,
} from '../domain/practice-state';

/** The stored practice: the aggregate's snapshot as is, with `_id` for `id`. */
export type StoredPractice = Omit<PracticeSnapshot, 'id'> & { _id: string };

export function toStored({ id, ...fields }: PracticeSnapshot): StoredPractice {
  return { _id: id, ...fields };
}

export function fromStored({ _id, ...fields }: StoredPractice): PracticeSnapshot {
  return { id: _id, ...fields };
}

// The classes below only tell mongoose how to store each snapshot field; `implements` keeps them
// in step with the snapshot type.
@Schema({ _id: false, versionKey: false })
export class LinkDocument implements PracticeLink {
  @Prop({ type: String, required: true }) title!: string;
  @Prop({ type: String, required: true }) url!: string;
}
const LinkSchema = SchemaFactory.createForClass(LinkDocument);

/**
 * A practice's current state (the aggregate's snapshot); the event log keeps its history.
 * `version` is the optimistic-concurrency counter bumped on every save. No mongoose timestamps:
 * the aggregate owns createdAt/updatedAt.
 */
@Schema({ collection: 'practices', versionKey: false })
export class PracticeDocument implements StoredPractice {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) title!: string;
  @Prop({ type: String, required: true }) summary!: string;
  @Prop({ type: String, required: true }) body!: string;
  @Prop({ type: String, required: true, enum: CREATIVE_FIELD_IDS }) field!: CreativeField;
  @Prop({ type: String, default: null, enum: [...ACTION_AREA_IDS, null] }) actionArea!: ActionArea | null;
  @Prop({ type: [Number], enum: SDG_IDS, required: true }) sdgs!: Sdg[];
  @Prop({ type: [String], required: true }) tags!: string[];
  /** ISO 639-1 code; also the text index's `language_override`, so each practice is stemmed in its own language. */
  @Prop({ type: String, required: true, enum: PRACTICE_LANGUAGES }) language!: PracticeLanguage;
  @Prop({ type: String, default: null }) outcomes!: string | null;
  @Prop({ type: [LinkSchema], default: [] }) links!: LinkDocument[];
  @Prop({ type: String, required: true }) authorCityId!: string;
  @Prop({ type: Number, required: true }) endorsementCount!: number;
  @Prop({ type: Number, required: true }) commentCount!: number;
  @Prop({ type: Number, required: true }) exchangeCount!: number;
  @Prop({ type: String, required: true, enum: PRACTICE_STATUSES }) status!: PracticeStatus;
  @Prop({ type: String, default: null }) hiddenReason!: string | null;
  @Prop({ type: Date, default: null }) hiddenAt!: Date | null;
  @Prop({ type: Number, required: true }) version!: number;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
}

export const PracticeSchema = SchemaFactory.createForClass(PracticeDocument);

/**
 * `?q=`: one text index over the words people search. Weights make a match in the title count most,
 * then tags, summary and body. Each document is stemmed in the language its `language` field names
 * (MongoDB takes the ISO codes en, es, fr as well as the names); the index default is English.
 */
export const PRACTICE_TEXT_INDEX = 'practice_text';
PracticeSchema.index(
  { title: 'text', tags: 'text', summary: 'text', body: 'text' },
  {
    name: PRACTICE_TEXT_INDEX,
    weights: { title: 10, tags: 5, summary: 3, body: 1 },
    default_language: 'english',
    language_override: 'language',
  },
);
// One index per list filter, each ending with the list order (newest first); `endorsed` sorts by count.
PracticeSchema.index({ createdAt: -1, _id: -1 });
PracticeSchema.index({ endorsementCount: -1, createdAt: -1 });
PracticeSchema.index({ status: 1, createdAt: -1 });
PracticeSchema.index({ authorCityId: 1, createdAt: -1 });
PracticeSchema.index({ field: 1, createdAt: -1 });
PracticeSchema.index({ sdgs: 1, createdAt: -1 });
PracticeSchema.index({ tags: 1, createdAt: -1 });
PracticeSchema.index({ language: 1, createdAt: -1 });
