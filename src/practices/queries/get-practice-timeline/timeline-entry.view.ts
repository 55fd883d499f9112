import { ApiProperty } from '@nestjs/swagger';
import type { EventEnvelope } from '@app/events';
import { PRACTICE_AGGREGATE_EVENTS } from '../../domain/practice-events';

class TimelineActorView {
  @ApiProperty({ type: String, nullable: true }) userId!: string | null;
  @ApiProperty({ type: String, nullable: true }) cityId!: string | null;
}

/** One domain event of a practice, as `GET /practices/:id/timeline` lists it. */
export class TimelineEntryView {
  @ApiProperty({ description: 'Global, increasing in commit order' }) seq!: number;
  @ApiProperty({ enum: PRACTICE_AGGREGATE_EVENTS.map((e) => e.type) }) type!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ type: TimelineActorView }) actor!: TimelineActorView;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event payload (docs/events.md)' })
  data!: unknown;

  static of(e: EventEnvelope): TimelineEntryView {
    return {
      seq: e.seq,
      type: e.type,
      at: new Date(e.at).toISOString(),
      actor: { userId: e.actor.userId ?? null, cityId: e.actor.cityId ?? null },
      data: e.data,
    };
  }
}
