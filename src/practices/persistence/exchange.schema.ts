import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  EXCHANGE_FORMATS,
  EXCHANGE_STATUSES,
  OPEN_EXCHANGE_STATUSES,
  type DateRange,
  type ExchangeFormat,
  type ExchangeSnapshot,
  type ExchangeStatus,
} from '../domain/exchange-state';

/**
 * The stored exchange: its snapshot as is, with `_id` for `id`, and `openKey`
 * (`practiceId:requesterCityId` while requested or accepted, else null): a unique index on it
 * backs the "one open exchange per city and practice" rule against races.
 */
export type StoredExchange = Omit<ExchangeSnapshot, 'id'> & { _id: string; openKey: string | null };

export function exchangeToStored({ id, ...fields }: ExchangeSnapshot): StoredExchange {
  const open = OPEN_EXCHANGE_STATUSES.includes(fields.status);
  return { _id: id, ...fields, openKey: open ? `${fields.practiceId}:${fields.requesterCityId}` : null };
}

export function exchangeFromStored({ _id, openKey: _openKey, ...fields }: StoredExchange): ExchangeSnapshot {
  return { id: _id, ...fields };
}

@Schema({ _id: false, versionKey: false })
export class DateRangeDocument implements DateRange {
  @Prop({ type: String, required: true }) from!: string;
  @Prop({ type: String, required: true }) to!: string;
}
const DateRangeSchema = SchemaFactory.createForClass(DateRangeDocument);

/** An exchange's current state (the aggregate's snapshot). */
@Schema({ collection: 'exchanges', versionKey: false })
export class ExchangeDocument implements StoredExchange {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) practiceId!: string;
  @Prop({ type: String, required: true }) practiceTitle!: string;
  @Prop({ type: String, required: true }) hostCityId!: string;
  @Prop({ type: String, required: true }) requesterCityId!: string;
  @Prop({ type: String, required: true, enum: EXCHANGE_STATUSES }) status!: ExchangeStatus;
  @Prop({ type: String, required: true, enum: EXCHANGE_FORMATS }) format!: ExchangeFormat;
  @Prop({ type: String, required: true }) message!: string;
  @Prop({ type: DateRangeSchema, default: null }) proposedDates!: DateRangeDocument | null;
  @Prop({ type: String, default: null }) response!: string | null;
  @Prop({ type: String, default: null }) cancelReason!: string | null;
  @Prop({ type: String, default: null }) feedback!: string | null;
  @Prop({ type: Number, default: null }) rating!: number | null;
  @Prop({ type: String, default: null }) openKey!: string | null;
  @Prop({ type: Number, required: true }) version!: number;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
}

export const ExchangeSchema = SchemaFactory.createForClass(ExchangeDocument);
export const EXCHANGE_OPEN_INDEX = 'exchange_open_once';
ExchangeSchema.index({ openKey: 1 }, { unique: true, name: EXCHANGE_OPEN_INDEX, partialFilterExpression: { openKey: { $type: 'string' } } });
// GET /exchanges: a city's, as host or requester, newest first.
ExchangeSchema.index({ hostCityId: 1, createdAt: -1 });
ExchangeSchema.index({ requesterCityId: 1, createdAt: -1 });
ExchangeSchema.index({ createdAt: -1, _id: -1 });
