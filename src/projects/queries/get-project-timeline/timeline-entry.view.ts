import { timelineEntryView } from '../../../common/http/timeline-entry.view';
import { PROJECT_EVENT_TYPES } from '../../domain/events';

/** One domain event of a project, as `GET /projects/:id/timeline` lists it. */
export const TimelineEntryView = timelineEntryView('ProjectTimelineEntryView', PROJECT_EVENT_TYPES);
export type TimelineEntryView = InstanceType<typeof TimelineEntryView>;
