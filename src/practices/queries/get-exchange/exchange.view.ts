import { ApiProperty } from '@nestjs/swagger';
import type { Exchange } from '../../domain/exchange';
import {
  EXCHANGE_FORMATS,
  EXCHANGE_STATUSES,
  type DateRange,
  type ExchangeFormat,
  type ExchangeSnapshot,
  type ExchangeStatus,
} from '../../domain/exchange-state';
import { iso, type Json } from '../../json';

export class DateRangeView implements Json<DateRange> {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
}

/** An exchange as its two cities and admins see it (SPEC §3): its snapshot as JSON. */
export class ExchangeView implements Json<ExchangeSnapshot> {
  @ApiProperty() id!: string;
  @ApiProperty() practiceId!: string;
  @ApiProperty({ description: 'The practice’s title when the exchange was requested' }) practiceTitle!: string;
  @ApiProperty({ description: 'The practice’s author city, which answers' }) hostCityId!: string;
  @ApiProperty() requesterCityId!: string;
  @ApiProperty({ enum: EXCHANGE_STATUSES }) status!: ExchangeStatus;
  @ApiProperty({ enum: EXCHANGE_FORMATS }) format!: ExchangeFormat;
  @ApiProperty() message!: string;
  @ApiProperty({ type: DateRangeView, nullable: true }) proposedDates!: DateRangeView | null;
  @ApiProperty({ type: String, nullable: true, description: 'The host’s message with its answer' }) response!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) feedback!: string | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 }) rating!: number | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static saved(exchange: Exchange): ExchangeView {
    const s = exchange.toSnapshot();
    return ExchangeView.of({ ...s, version: s.version + 1 });
  }

  static of(s: ExchangeSnapshot): ExchangeView {
    return { ...structuredClone(s), createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt) };
  }
}
