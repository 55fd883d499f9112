import { timelineEntryView } from '../../../common/http/timeline-entry.view';
import { PRACTICE_AGGREGATE_EVENTS } from '../../domain/practice-events';

/** One domain event of a practice, as `GET /practices/:id/timeline` lists it. */
export const TimelineEntryView = timelineEntryView(
  'PracticeTimelineEntryView',
  PRACTICE_AGGREGATE_EVENTS.map((e) => e.type),
);
export type TimelineEntryView = InstanceType<typeof TimelineEntryView>;
