import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EventLog, MAX_LIST_LIMIT, type EventEnvelope } from '@app/events';
import { practiceNotFound } from '../../domain/practice-errors';
import { PRACTICE_AGGREGATE } from '../../domain/practice-events';
import { canSee } from '../../domain/practice-policy';
import { canSeeTimelineEvent } from '../../domain/timeline-policy';
import { PracticeReadRepository } from '../../persistence/practice-read.repository';
import { GetPracticeTimelineQuery } from './get-practice-timeline.query';
import { TimelineEntryView } from './timeline-entry.view';

@QueryHandler(GetPracticeTimelineQuery)
export class GetPracticeTimelineHandler implements IQueryHandler<GetPracticeTimelineQuery> {
  constructor(
    private readonly practices: PracticeReadRepository,
    private readonly log: EventLog,
  ) {}

  async execute({ practiceId, viewer }: GetPracticeTimelineQuery): Promise<TimelineEntryView[]> {
    const practice = await this.practices.findById(practiceId);
    if (!practice || !canSee(viewer, practice)) throw practiceNotFound(practiceId);
    const hiddenComments = await this.practices.hiddenComments(practiceId);
    // The log answers in pages; a practice's history is whole in its timeline.
    const events: EventEnvelope[] = [];
    for (let afterSeq = 0; ;) {
      const page = await this.log.listForAggregate(PRACTICE_AGGREGATE, practiceId, { afterSeq, limit: MAX_LIST_LIMIT });
      events.push(...page);
      if (page.length < MAX_LIST_LIMIT) break;
      afterSeq = page[page.length - 1].seq;
    }
    return events.filter((e) => canSeeTimelineEvent(viewer, practice, e, hiddenComments)).map(TimelineEntryView.of);
  }
}
