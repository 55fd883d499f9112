import { Query } from '@nestjs/cqrs';
import type { PracticeViewer } from '../../domain/practice-policy';
import type { TimelineEntryView } from './timeline-entry.view';

/** The events of a practice the viewer may see, in seq order; 404 for a practice they may not see. */
export class GetPracticeTimelineQuery extends Query<TimelineEntryView[]> {
  constructor(
    readonly practiceId: string,
    readonly viewer: PracticeViewer,
  ) {
    super();
  }
}
