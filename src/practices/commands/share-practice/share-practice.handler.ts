import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Practice } from '../../domain/practice';
import { actorFrom } from '../../domain/practice-policy';
import { PracticeRepository } from '../../persistence/practice.repository';
import { PracticeView } from '../../queries/get-practice/practice.view';
import { ensureCityExists } from '../ensure-city-exists';
import { SharePracticeCommand } from './share-practice.command';

@CommandHandler(SharePracticeCommand)
export class SharePracticeHandler implements ICommandHandler<SharePracticeCommand> {
  constructor(
    private readonly practices: PracticeRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ input, ctx }: SharePracticeCommand): Promise<PracticeView> {
    const practice = Practice.share({ id: randomUUID(), ...input }, actorFrom(ctx));
    // Only an admin can name an author city; a user's own city exists by construction.
    if (input.authorCityId) await ensureCityExists(this.queries, 'authorCityId', practice.authorCityId);
    await this.practices.save(practice, ctx);
    return PracticeView.saved(practice);
  }
}
