import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventEnvelope } from '@app/events';
import { ListPracticeEventsQuery } from '../../contracts';
import { PracticeEventsReader } from '../get-practice-timeline/practice-events.reader';

/** The live replay of `practice:watch`: what the timeline shows the viewer, after `afterSeq`. */
@QueryHandler(ListPracticeEventsQuery)
export class ListPracticeEventsHandler implements IQueryHandler<ListPracticeEventsQuery> {
  constructor(private readonly events: PracticeEventsReader) {}

  execute({ practiceId, viewer, afterSeq, limit }: ListPracticeEventsQuery): Promise<EventEnvelope[] | null> {
    if (typeof practiceId !== 'string' || practiceId === '') return Promise.resolve(null);
    return this.events.visibleEvents(practiceId, viewer, afterSeq, limit);
  }
}
