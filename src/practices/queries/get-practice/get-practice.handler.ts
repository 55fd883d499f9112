import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { practiceNotFound } from '../../domain/practice-errors';
import { canSee } from '../../domain/practice-policy';
import { PracticeReadRepository } from '../../persistence/practice-read.repository';
import { PracticeView } from './practice.view';
import { GetPracticeQuery } from './get-practice.query';

@QueryHandler(GetPracticeQuery)
export class GetPracticeHandler implements IQueryHandler<GetPracticeQuery> {
  constructor(private readonly practices: PracticeReadRepository) {}

  async execute({ practiceId, viewer }: GetPracticeQuery): Promise<PracticeView> {
    const practice = await this.practices.findById(practiceId);
    if (!practice || !canSee(viewer, practice)) throw practiceNotFound(practiceId);
    return PracticeView.of(practice);
  }
}
