import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CanViewPracticeQuery } from '../../contracts';
import { canSee } from '../../domain/practice-policy';
import { PracticeReadRepository } from '../../persistence/practice-read.repository';

/** Published practices are public; hidden ones are for admins and the author city (SPEC §3 Moderation). */
@QueryHandler(CanViewPracticeQuery)
export class CanViewPracticeHandler implements IQueryHandler<CanViewPracticeQuery> {
  constructor(private readonly practices: PracticeReadRepository) {}

  async execute({ practiceId, viewer }: CanViewPracticeQuery): Promise<boolean> {
    if (typeof practiceId !== 'string' || practiceId === '') return false;
    const practice = await this.practices.findById(practiceId);
    return practice !== null && canSee(viewer, practice);
  }
}
