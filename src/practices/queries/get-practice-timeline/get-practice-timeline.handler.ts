import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { practiceNotFound } from '../../domain/practice-errors';
import { GetPracticeTimelineQuery } from './get-practice-timeline.query';
import { PracticeEventsReader } from './practice-events.reader';
import { TimelineEntryView } from './timeline-entry.view';

@QueryHandler(GetPracticeTimelineQuery)
export class GetPracticeTimelineHandler implements IQueryHandler<GetPracticeTimelineQuery> {
  constructor(private readonly events: PracticeEventsReader) {}

  async execute({ practiceId, viewer }: GetPracticeTimelineQuery): Promise<TimelineEntryView[]> {
    const events = await this.events.visibleEvents(practiceId, viewer);
    if (!events) throw practiceNotFound(practiceId);
    return events.map(TimelineEntryView.of);
  }
}
