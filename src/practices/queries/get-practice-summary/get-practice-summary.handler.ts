import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GetPracticeSummaryQuery, type PracticeSummary } from '../../contracts';
import { PracticeReadRepository } from '../../persistence/practice-read.repository';
import { practiceSummary } from './practice-summary';

@QueryHandler(GetPracticeSummaryQuery)
export class GetPracticeSummaryHandler implements IQueryHandler<GetPracticeSummaryQuery> {
  constructor(private readonly practices: PracticeReadRepository) {}

  async execute({ practiceId }: GetPracticeSummaryQuery): Promise<PracticeSummary | null> {
    if (typeof practiceId !== 'string' || practiceId === '') return null;
    const practice = await this.practices.findById(practiceId);
    return practice ? practiceSummary(practice) : null;
  }
}
