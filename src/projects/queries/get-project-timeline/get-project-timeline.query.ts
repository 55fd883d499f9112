import { Query } from '@nestjs/cqrs';
import type { TimelineEntryView } from './timeline-entry.view';

/** Every event of a project in seq order; 404 for an unknown project. */
export class GetProjectTimelineQuery extends Query<TimelineEntryView[]> {
  constructor(readonly projectId: string) {
    super();
  }
}
