import { ApiProperty } from '@nestjs/swagger';
import type { EventEnvelope } from '@app/events';

class TimelineActorView {
  @ApiProperty({ type: String, nullable: true }) userId!: string | null;
  @ApiProperty({ type: String, nullable: true }) cityId!: string | null;
}

/**
 * The view of one domain event as an aggregate's `GET …/:id/timeline` lists it; `types`, the
 * aggregate's event types, document the `type` field. Each module makes its own:
 * `export const TimelineEntryView = timelineEntryView('ProjectTimelineEntryView', TYPES)` and
 * `export type TimelineEntryView = InstanceType<typeof TimelineEntryView>`. `name` is its OpenAPI
 * schema name: swagger names a schema after its class and keeps the last class of a name, so two
 * modules' views of one name would both be documented with one module's event types.
 */
export function timelineEntryView(name: string, types: readonly string[]) {
  class TimelineEntryView {
    @ApiProperty({ description: 'Global, increasing in commit order' }) seq!: number;
    @ApiProperty({ enum: types }) type!: string;
    @ApiProperty({ format: 'date-time' }) at!: string;
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
  Object.defineProperty(TimelineEntryView, 'name', { value: name });
  return TimelineEntryView;
}
