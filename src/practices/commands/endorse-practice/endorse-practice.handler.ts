import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/practice-policy';
import { PracticeRepository } from '../../persistence/practice.repository';
import { PracticeView } from '../../queries/get-practice/practice.view';
import { candidateCity } from '../acting-city';
import { ensureCityExists } from '../ensure-city-exists';
import { EndorsePracticeCommand } from './endorse-practice.command';

@CommandHandler(EndorsePracticeCommand)
export class EndorsePracticeHandler implements ICommandHandler<EndorsePracticeCommand> {
  constructor(
    private readonly practices: PracticeRepository,
    private readonly queries: QueryBus,
  ) {}

  execute({ practiceId, cityId, ctx }: EndorsePracticeCommand): Promise<PracticeView> {
    return this.practices.change(practiceId, async (practice) => {
      const city = candidateCity(ctx, cityId);
      // Read after loading: an endorsement saved since bumped the version, so this save would fail
      // stale and run again; two racing endorsements of one city also meet the unique index.
      const already = city ? await this.practices.hasEndorsed(practiceId, city) : false;
      const endorsement = practice.endorse(cityId, actorFrom(ctx), { already });
      if (cityId) await ensureCityExists(this.queries, 'cityId', endorsement.cityId);
      await this.practices.saveEndorsement(practice, endorsement, ctx);
      return PracticeView.saved(practice);
    });
  }
}
